//! Changes to a map: undoable edits and their history. No window here.

pub mod compose;
mod edit;
mod error;
mod history;
pub mod reanchor;

pub use edit::Edit;
pub use error::EditError;
pub use history::History;
