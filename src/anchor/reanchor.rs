//! Finding a span again when its source text has changed: exactly where it
//! was; elsewhere, told apart from repeats by its prefix and suffix and
//! matched across rewrapped whitespace; or with small edits inside the
//! quote, between its unchanged context. A span that cannot be placed with
//! confidence is an orphan, never moved to other words.

use super::normalize::{Normalized, find_all, normalized_chars};
use super::similarity::similarity;
use super::{CharIndex, span_in};
use crate::model::{Source, Span};

/// A quote edited this much still counts as the same passage.
pub const MIN_SIMILARITY: f64 = 0.8;
/// How many chars of context must match exactly to anchor a fuzzy match.
const ANCHOR_CHARS: usize = 16;

/// Where a span goes in the new text.
#[derive(Clone, Debug, PartialEq)]
pub enum Placement {
    /// The quote still stands at its offsets.
    Unchanged,
    /// The same words (whitespace aside) stand at `start..end`.
    Moved { start: usize, end: usize },
    /// Words much like the quote stand at `start..end`.
    Edited {
        start: usize,
        end: usize,
        similarity: f64,
    },
    /// The words could not be found with confidence.
    Orphaned { reason: OrphanReason },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrphanReason {
    /// Nothing like the quote is left.
    Gone,
    /// The quote occurs more than once and its context cannot tell which.
    Ambiguous(usize),
}

impl std::fmt::Display for OrphanReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OrphanReason::Gone => f.write_str("its words are no longer in the source"),
            OrphanReason::Ambiguous(n) => write!(
                f,
                "its words occur {n} times and the context cannot tell which"
            ),
        }
    }
}

/// A source text prepared for placing many spans in it.
pub struct NewText<'t> {
    index: CharIndex<'t>,
    normalized: Normalized,
}

impl<'t> NewText<'t> {
    pub fn new(text: &'t str) -> Self {
        Self {
            index: CharIndex::new(text),
            normalized: Normalized::new(text),
        }
    }

    pub fn index(&self) -> &CharIndex<'t> {
        &self.index
    }
}

/// Where `span` belongs in `new`.
pub fn place(span: &Span, new: &NewText<'_>) -> Placement {
    if new.index.slice(span.start, span.end) == Some(span.quote.as_str()) {
        return Placement::Unchanged;
    }
    let quote = normalized_chars(&span.quote);
    if quote.is_empty() {
        return Placement::Orphaned {
            reason: OrphanReason::Gone,
        };
    }
    // Context keeps its edge spaces: they separate it from the quote.
    let prefix = Normalized::new(&span.prefix).chars;
    let suffix = Normalized::new(&span.suffix).chars;
    let text = &new.normalized;
    let hint = text.offset_of_original(span.start);

    let exact = text.find_all(&quote);
    if !exact.is_empty() {
        return match best_by_context(text, &exact, quote.len(), &prefix, &suffix, hint) {
            Ok(at) => text.original_range(at, at + quote.len()).map_or(
                Placement::Orphaned {
                    reason: OrphanReason::Gone,
                },
                |(start, end)| Placement::Moved { start, end },
            ),
            Err(reason) => Placement::Orphaned { reason },
        };
    }
    fuzzy(text, &quote, &prefix, &suffix)
}

/// How many chars of context agree around a match at `at..at + len`.
fn context_score(
    text: &Normalized,
    at: usize,
    len: usize,
    prefix: &[char],
    suffix: &[char],
) -> usize {
    let before = text.chars.get(..at).unwrap_or_default();
    let after = text.chars.get(at + len..).unwrap_or_default();
    let back = before
        .iter()
        .rev()
        .zip(prefix.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let ahead = after
        .iter()
        .zip(suffix.iter())
        .take_while(|(a, b)| a == b)
        .count();
    back + ahead
}

/// The candidate whose context agrees best; ties are broken only when all
/// context agrees, by nearness to where the span was.
fn best_by_context(
    text: &Normalized,
    candidates: &[usize],
    len: usize,
    prefix: &[char],
    suffix: &[char],
    hint: usize,
) -> Result<usize, OrphanReason> {
    if let [only] = candidates {
        return Ok(*only);
    }
    let mut scored: Vec<(usize, usize)> = candidates
        .iter()
        .map(|&at| (context_score(text, at, len, prefix, suffix), at))
        .collect();
    scored.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(a.1.abs_diff(hint).cmp(&b.1.abs_diff(hint)))
    });
    match scored.as_slice() {
        [(best, at), (second, _), ..] if best > second => Ok(*at),
        [(best, at), ..] if *best > 0 && *best == prefix.len() + suffix.len() => {
            // Identical passages with identical context: the nearest one.
            Ok(*at)
        }
        _ => Err(OrphanReason::Ambiguous(candidates.len())),
    }
}

/// The quote changed: look between the places where its context still
/// stands, and accept words similar enough to it.
fn fuzzy(text: &Normalized, quote: &[char], prefix: &[char], suffix: &[char]) -> Placement {
    let tail = prefix
        .get(prefix.len().saturating_sub(ANCHOR_CHARS)..)
        .unwrap_or_default();
    let head = suffix
        .get(..suffix.len().min(ANCHOR_CHARS))
        .unwrap_or_default();
    let starts: Vec<usize> = if tail.is_empty() {
        Vec::new()
    } else {
        find_all(&text.chars, tail)
            .into_iter()
            .map(|i| i + tail.len())
            .collect()
    };
    let ends: Vec<usize> = if head.is_empty() {
        Vec::new()
    } else {
        find_all(&text.chars, head)
    };
    let q = quote.len();
    let (lo, hi) = (q / 2, q + q / 2 + 8);
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for &s in &starts {
        pairs.extend(
            ends.iter()
                .filter(|&&e| e > s && (lo..=hi).contains(&(e - s)))
                .map(|&e| (s, e)),
        );
    }
    if pairs.is_empty() {
        // Only one side of the context survives: a window of the quote's length.
        pairs.extend(starts.iter().map(|&s| (s, (s + q).min(text.len()))));
        pairs.extend(ends.iter().map(|&e| (e.saturating_sub(q), e)));
    }
    let mut best: Option<(f64, usize, usize)> = None;
    for (s, e) in pairs {
        let Some(words) = text.chars.get(s..e) else {
            continue;
        };
        let (lead, words) = trim_spaces(words);
        let sim = similarity(words, quote);
        if best.is_none_or(|(b, _, _)| sim > b) {
            best = Some((sim, s + lead, s + lead + words.len()));
        }
    }
    match best {
        Some((sim, s, e)) if sim >= MIN_SIMILARITY => text.original_range(s, e).map_or(
            Placement::Orphaned {
                reason: OrphanReason::Gone,
            },
            |(start, end)| Placement::Edited {
                start,
                end,
                similarity: sim,
            },
        ),
        _ => Placement::Orphaned {
            reason: OrphanReason::Gone,
        },
    }
}

/// `words` without leading and trailing spaces, with the count cut in front.
fn trim_spaces(words: &[char]) -> (usize, &[char]) {
    let lead = words.iter().take_while(|c| **c == ' ').count();
    let rest = words.get(lead..).unwrap_or_default();
    let trail = rest.iter().rev().take_while(|c| **c == ' ').count();
    (lead, rest.get(..rest.len() - trail).unwrap_or_default())
}

/// `span` as it should be in `source` (whose text is `new`'s): moved or
/// edited spans get their new offsets, quote and context; orphans are
/// marked and keep their words.
pub fn replace_span(
    span: &Span,
    source: &Source,
    new: &NewText<'_>,
    placement: &Placement,
) -> Span {
    let placed = match placement {
        Placement::Unchanged => {
            return Span {
                orphan: false,
                ..span.clone()
            };
        }
        Placement::Moved { start, end } | Placement::Edited { start, end, .. } => {
            span_in(&new.index, source, *start, *end).ok()
        }
        Placement::Orphaned { .. } => None,
    };
    placed.unwrap_or_else(|| Span {
        orphan: true,
        ..span.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::span_from_range;
    use crate::model::SourceId;

    fn source(text: &str) -> Source {
        Source {
            id: SourceId(1),
            title: "t".into(),
            path: None,
            text: text.into(),
        }
    }

    fn span_of(text: &str, quote: &str) -> Span {
        let byte = text.find(quote).expect("quote in text");
        let start = text[..byte].chars().count();
        span_from_range(&source(text), start, start + quote.chars().count()).expect("fits")
    }

    fn placed(old: &str, quote: &str, new: &str) -> (Placement, Option<String>) {
        let span = span_of(old, quote);
        let new_text = NewText::new(new);
        let placement = place(&span, &new_text);
        let words = match placement {
            Placement::Unchanged => new_text
                .index
                .slice(span.start, span.end)
                .map(str::to_owned),
            Placement::Moved { start, end } | Placement::Edited { start, end, .. } => {
                new_text.index.slice(start, end).map(str::to_owned)
            }
            Placement::Orphaned { .. } => None,
        };
        (placement, words)
    }

    const ARTICLE: &str = "Internet sovereignty means control. China wants control.\nGoogle left China in 2010 over censorship.";

    #[test]
    fn span_survives_insertion_before_it() {
        let new = format!("A new opening paragraph.\n\n{ARTICLE}");
        let (p, words) = placed(ARTICLE, "Google left China", &new);
        assert!(matches!(p, Placement::Moved { .. }));
        assert_eq!(words.as_deref(), Some("Google left China"));
    }

    #[test]
    fn span_survives_deletion_before_it_and_edits_after_it() {
        let new = ARTICLE
            .replace("Internet sovereignty means control. ", "")
            .replace("2010", "the year 2010");
        let (_, words) = placed(ARTICLE, "China wants control.", &new);
        assert_eq!(words.as_deref(), Some("China wants control."));
    }

    #[test]
    fn span_survives_reflow() {
        let old = "one two three four five six";
        let new = "one two\nthree   four\n five six";
        let (p, words) = placed(old, "three four five", new);
        assert!(matches!(p, Placement::Moved { .. }), "{p:?}");
        assert_eq!(words.as_deref(), Some("three   four\n five"));
    }

    #[test]
    fn repeated_quotes_are_told_apart_by_context() {
        let old = "A: control matters. B: control matters.";
        let byte = old.rfind("control matters").expect("second copy");
        let start = old[..byte].chars().count();
        let span = span_from_range(&source(old), start, start + 15).expect("fits");
        // A third copy goes in front; the span is still the one after "B: ".
        let new = format!("Intro: control matters. {old}");
        let text = NewText::new(&new);
        let placement = place(&span, &text);
        let Placement::Moved { start, end } = placement else {
            panic!("not moved: {placement:?}")
        };
        assert_eq!(text.index.slice(start - 3, end), Some("B: control matters"));
    }

    #[test]
    fn identical_repeats_without_telling_context_are_orphans() {
        let new = "x control y x control y";
        let bare = Span {
            source: SourceId(1),
            start: 40,
            end: 47,
            quote: "control".into(),
            prefix: String::new(),
            suffix: String::new(),
            orphan: false,
        };
        assert_eq!(
            place(&bare, &NewText::new(new)),
            Placement::Orphaned {
                reason: OrphanReason::Ambiguous(2)
            }
        );
    }

    #[test]
    fn small_edits_inside_the_quote_are_tolerated() {
        let old =
            "The state has the right to control Internet activity within its own borders, it says.";
        let new =
            "The state has the right to govern Internet activity within its borders, it says.";
        let (p, words) = placed(
            old,
            "the right to control Internet activity within its own borders",
            new,
        );
        assert!(matches!(p, Placement::Edited { .. }), "{p:?}");
        assert_eq!(
            words.as_deref(),
            Some("the right to govern Internet activity within its borders")
        );
    }

    #[test]
    fn a_vanished_quote_becomes_an_orphan() {
        let new = ARTICLE.replace(
            "Google left China in 2010 over censorship.",
            "Other firms stayed.",
        );
        let (p, _) = placed(ARTICLE, "Google left China in 2010", &new);
        assert_eq!(
            p,
            Placement::Orphaned {
                reason: OrphanReason::Gone
            }
        );
    }

    #[test]
    fn cjk_and_emoji_offsets_stay_exact() {
        let old = "网络主权 🌐 意味着控制。谷歌离开了中国。";
        let new = format!("新的段落 🙂。\n{old}");
        let (_, words) = placed(old, "谷歌离开了中国", &new);
        assert_eq!(words.as_deref(), Some("谷歌离开了中国"));
    }

    #[test]
    fn overlapping_and_multi_line_spans_both_move() {
        let old = "alpha beta\ngamma delta epsilon";
        let new = format!("zero\n{old}");
        for quote in [
            "beta\ngamma",
            "gamma delta",
            "alpha beta\ngamma delta epsilon",
        ] {
            let (_, words) = placed(old, quote, &new);
            assert_eq!(words.as_deref(), Some(quote));
        }
    }

    #[test]
    fn replaced_span_gets_fresh_context() {
        let new_text = format!("Preface.\n{ARTICLE}");
        let src = source(&new_text);
        let span = span_of(ARTICLE, "Google left China");
        let new = NewText::new(&new_text);
        let p = place(&span, &new);
        let moved = replace_span(&span, &src, &new, &p);
        assert_eq!(moved.quote, "Google left China");
        assert_eq!(crate::anchor::check_span(&new.index, &moved), Ok(()));
        assert!(!moved.orphan);
    }
}
