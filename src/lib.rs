//! Argmap: argument maps whose boxes stay tied to the words of their sources.

pub mod anchor;
pub mod eval;
pub mod files;
pub mod io;
pub mod layout;
pub mod model;
pub mod ops;
pub mod render;
pub mod ui;
