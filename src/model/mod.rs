//! The argument map as data: no window, no file format, no I/O.

mod edge;
mod geometry;
mod ids;
mod kinds;
mod map;
mod node;
pub mod rules;
mod source;
mod stats;
mod synthetic;
pub mod tree;

pub use edge::{Edge, Target};
pub use geometry::Point;
pub use ids::{EdgeId, GroupId, NodeId, SourceId};
pub use kinds::{Assumption, EdgeKind, NodeKind};
pub use map::Map;
pub use node::Node;
pub use rules::Violation;
pub use source::{CONTEXT_CHARS, Source, Span};
pub use stats::Stats;
pub use synthetic::{big_source_map, synthetic_map};
