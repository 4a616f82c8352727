//! Where boxes go: automatic layout, and placement of unplaced nodes.

mod place;
pub mod steps;
mod tree;

pub use place::{LEVEL_HEIGHT, SLOT_WIDTH, place_unplaced};
pub use tree::{H_GAP, Scope, Sizes, V_GAP, layout};
