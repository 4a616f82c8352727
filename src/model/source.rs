//! Source texts and the spans that quote them.

use super::SourceId;
use std::sync::Arc;

/// A text the map quotes: an article, a speech, a treaty. The map carries the
/// whole text so that it is self-contained.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    /// Where the text was read from, relative to the map file, if anywhere.
    pub path: Option<String>,
    /// Shared, not copied: a book-length text is cloned with the map (for
    /// undo, exports, the source panel's worker) by a reference count.
    pub text: Arc<str>,
}

/// A passage of a source. `start` and `end` count chars (Unicode scalar
/// values), so the quote is `text.chars().skip(start).take(end - start)`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub source: SourceId,
    pub start: usize,
    pub end: usize,
    /// The quoted words, as they stood when the span was made.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] chars before the quote, to find it again.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] chars after the quote.
    pub suffix: String,
    /// The source changed and the quote could not be found again with
    /// confidence: `start` and `end` are where it was, not where it is.
    pub orphan: bool,
}

/// How much context a span keeps on each side of its quote.
pub const CONTEXT_CHARS: usize = 32;
