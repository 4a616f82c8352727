//! Changes to a map: undoable edits and their history. No window here.

pub mod compose;
mod edit;
mod error;
mod footprint;
mod history;
pub mod reanchor;

pub use edit::Edit;
pub use error::EditError;
pub use footprint::{ChangeLog, Footprint};
pub use history::History;
