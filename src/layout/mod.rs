//! Where boxes go: placement of unplaced nodes.

mod place;

pub use place::{LEVEL_HEIGHT, SLOT_WIDTH, place_unplaced};
