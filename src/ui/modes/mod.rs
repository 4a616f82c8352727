//! What the window is for at a time, each in a file of its own: editing
//! the map (panels around the canvas), presenting it step by step, and
//! comparing a student's map with a model answer.

pub mod compare;
pub mod edit;
mod ghosts;
pub mod present;

pub use compare::CompareView;
pub use present::Presentation;

/// The window's mode.
#[derive(Debug, Default)]
pub enum Mode {
    /// Sources, canvas and inspector: building and evaluating the map.
    #[default]
    Edit,
    /// Full screen, the map revealed step by step.
    Present(Presentation),
    /// The map beside a model answer: found, added and missed boxes.
    Compare(Box<CompareView>),
}
