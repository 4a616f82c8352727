//! Making spans from char ranges and checking them against their source.

use super::CharIndex;
use crate::model::{CONTEXT_CHARS, Source, Span};
use thiserror::Error;

/// Why a span does not fit its source text.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SpanError {
    #[error("span {start}..{end} is empty or reversed")]
    Empty { start: usize, end: usize },
    #[error("span {start}..{end} runs past the end of the source ({len} chars)")]
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("span {start}..{end} quotes {expected:?} but the source there reads {found:?}")]
    QuoteMismatch {
        start: usize,
        end: usize,
        expected: String,
        found: String,
    },
}

/// A span over chars `start..end` of `source`, with its quote and context.
pub fn span_from_range(source: &Source, start: usize, end: usize) -> Result<Span, SpanError> {
    span_in(&CharIndex::new(&source.text), source, start, end)
}

/// Like [`span_from_range`], reusing an index of the source's text.
pub fn span_in(
    index: &CharIndex<'_>,
    source: &Source,
    start: usize,
    end: usize,
) -> Result<Span, SpanError> {
    if start >= end {
        return Err(SpanError::Empty { start, end });
    }
    let len = index.len_chars();
    let (Some(quote), Some(prefix), Some(suffix)) = (
        index.slice(start, end),
        index.slice(start.saturating_sub(CONTEXT_CHARS), start),
        index.slice(end, (end + CONTEXT_CHARS).min(len)),
    ) else {
        return Err(SpanError::OutOfRange { start, end, len });
    };
    Ok(Span {
        source: source.id,
        start,
        end,
        quote: quote.to_owned(),
        prefix: prefix.to_owned(),
        suffix: suffix.to_owned(),
        orphan: false,
    })
}

/// `start..end` of `text` without whitespace at either end: a selection
/// that began at the end of a line should not quote the line break.
pub fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = text
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    let trail = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    if lead == chars.len() {
        return (start, start);
    }
    (start + lead, end - trail)
}

/// Checks that `span`'s quote is what its source says at its offsets.
/// `index` must index the span's own source.
pub fn check_span(index: &CharIndex<'_>, span: &Span) -> Result<(), SpanError> {
    let (start, end) = (span.start, span.end);
    if start >= end {
        return Err(SpanError::Empty { start, end });
    }
    let Some(found) = index.slice(start, end) else {
        return Err(SpanError::OutOfRange {
            start,
            end,
            len: index.len_chars(),
        });
    };
    if found == span.quote {
        Ok(())
    } else {
        Err(SpanError::QuoteMismatch {
            start,
            end,
            expected: shorten(&span.quote),
            found: shorten(found),
        })
    }
}

/// A quote cut to a length that fits an error line.
pub fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceId;

    fn source(text: &str) -> Source {
        Source {
            id: SourceId(1),
            title: "t".into(),
            path: None,
            text: text.into(),
        }
    }

    #[test]
    fn span_keeps_quote_and_context() {
        let src = source("The state may govern the Internet within its borders.");
        let span = span_from_range(&src, 4, 9).expect("valid");
        assert_eq!(span.quote, "state");
        assert_eq!(span.prefix, "The ");
        assert_eq!(span.suffix, " may govern the Internet within ");
        assert_eq!(span.suffix.chars().count(), CONTEXT_CHARS);
    }

    #[test]
    fn cjk_and_emoji_spans_count_chars() {
        let src = source("网络主权 🌐 means control");
        let span = span_from_range(&src, 2, 6).expect("valid");
        assert_eq!(span.quote, "主权 🌐");
        assert_eq!(check_span(&CharIndex::new(&src.text), &span), Ok(()));
    }

    #[test]
    fn span_may_cross_line_breaks() {
        let src = source("first line\nsecond line");
        let span = span_from_range(&src, 6, 17).expect("valid");
        assert_eq!(span.quote, "line\nsecond");
    }

    #[test]
    fn span_past_end_is_refused() {
        let src = source("short");
        assert_eq!(
            span_from_range(&src, 2, 9),
            Err(SpanError::OutOfRange {
                start: 2,
                end: 9,
                len: 5
            })
        );
        assert!(matches!(
            span_from_range(&src, 3, 3),
            Err(SpanError::Empty { .. })
        ));
    }

    #[test]
    fn changed_text_makes_quote_mismatch() {
        let mut src = source("Google left China in 2010.");
        let span = span_from_range(&src, 0, 6).expect("valid");
        src.text = "Yahoo! left China in 2010.".into();
        assert!(matches!(
            check_span(&CharIndex::new(&src.text), &span),
            Err(SpanError::QuoteMismatch { .. })
        ));
    }
}
