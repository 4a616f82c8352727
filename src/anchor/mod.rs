//! Text spans: char offsets, quotes and context, checked against sources
//! and found again when a source changes.

mod char_index;
pub mod coverage;
mod normalize;
pub mod reanchor;
pub mod similarity;
mod span;

pub use char_index::CharIndex;
pub use span::{SpanError, check_span, shorten, span_from_range, span_in, trim_range};
