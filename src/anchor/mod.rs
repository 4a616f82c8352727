//! Text spans: char offsets, quotes and context, checked against sources.

mod char_index;
mod span;

pub use char_index::CharIndex;
pub use span::{SpanError, check_span, span_from_range, span_in};
