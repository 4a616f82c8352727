//! How much of a source its spans cite, sentence by sentence: what of the
//! text is still unanswered.

use crate::model::{Map, SourceId};

/// Sentences of `text` as char ranges: split after `.`, `!`, `?` and their
/// full-width forms when followed by whitespace (or for full-width marks,
/// anything), and at blank lines. Leading whitespace is not part of a
/// sentence; empty pieces are dropped. One pass, linear in the text.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // The current sentence's first and (one past its) last non-blank char.
    let mut first: Option<usize> = None;
    let mut last_end = 0;
    let mut ahead = NextWord::default();
    let mut chars = text.char_indices().enumerate().peekable();
    while let Some((i, (byte, c))) = chars.next() {
        if !c.is_whitespace() {
            first.get_or_insert(i);
            last_end = i + 1;
        }
        let next = chars.peek().map(|(_, (_, n))| *n);
        let ends = match c {
            '.' | '!' | '?' => {
                next.is_none_or(char::is_whitespace)
                    && !ahead
                        .after(text, byte + c.len_utf8())
                        .is_some_and(|c| c.is_ascii_digit() || c.is_lowercase())
            }
            '。' | '！' | '？' => true,
            '\n' => next == Some('\n'),
            _ => false,
        };
        if ends && let Some(start) = first.take() {
            out.push((start, last_end));
        }
    }
    if let Some(start) = first {
        out.push((start, last_end));
    }
    out
}

/// The first non-blank char at or after a byte offset, remembered so that
/// asking again further on does not walk the same blanks twice: whether the
/// text after a full stop goes on with the same sentence ("Dec. 2", "e.g.
/// this").
#[derive(Default)]
struct NextWord {
    /// Byte offset of the last answer, and the answer.
    found: Option<(usize, Option<char>)>,
}

impl NextWord {
    fn after(&mut self, text: &str, from: usize) -> Option<char> {
        if let Some((at, c)) = self.found
            && at >= from
        {
            return c;
        }
        let rest = text.get(from..).unwrap_or_default();
        let hit = rest.char_indices().find(|(_, c)| !c.is_whitespace());
        let (at, c) = match hit {
            Some((offset, c)) => (from + offset, Some(c)),
            None => (text.len(), None),
        };
        self.found = Some((at, c));
        c
    }
}

/// One source's coverage.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceCoverage {
    pub source: SourceId,
    pub title: String,
    pub sentences: Vec<(usize, usize)>,
    /// For each sentence: whether a (not orphaned) span overlaps it.
    pub cited: Vec<bool>,
}

impl SourceCoverage {
    pub fn cited_count(&self) -> usize {
        self.cited.iter().filter(|c| **c).count()
    }

    /// Cited sentences as a share of all, 0.0 to 1.0 (0 for an empty text).
    pub fn share(&self) -> f64 {
        if self.sentences.is_empty() {
            0.0
        } else {
            self.cited_count() as f64 / self.sentences.len() as f64
        }
    }
}

/// The coverage of every source of `map`, in id order.
pub fn coverage(map: &Map) -> Vec<SourceCoverage> {
    map.sources
        .keys()
        .filter_map(|id| source_coverage(map, *id))
        .collect()
}

/// The coverage of one source: linear in its text, plus its spans sorted.
pub fn source_coverage(map: &Map, source: SourceId) -> Option<SourceCoverage> {
    let text = map.sources.get(&source)?;
    let spans: Vec<(usize, usize)> = map
        .nodes
        .values()
        .flat_map(|n| &n.spans)
        .filter(|s| s.source == source && !s.orphan)
        .map(|s| (s.start, s.end))
        .collect();
    let (sentences, cited) = cited_sentences(&text.text, spans);
    Some(SourceCoverage {
        source,
        title: text.title.clone(),
        sentences,
        cited,
    })
}

/// The sentences of `text` and, for each, whether one of `spans` (char
/// ranges) overlaps it. Linear in the text, plus sorting the spans.
pub fn cited_sentences(text: &str, spans: Vec<(usize, usize)>) -> (Vec<(usize, usize)>, Vec<bool>) {
    let sentences = sentences(text);
    let cited = cited_among(&sentences, spans);
    (sentences, cited)
}

/// Whether each of `sentences` (sorted, not overlapping) is cited by one of
/// `spans`: sorting the spans, then one walk along both, whatever the
/// text's length.
pub fn cited_among(sentences: &[(usize, usize)], mut spans: Vec<(usize, usize)>) -> Vec<bool> {
    spans.sort_unstable();
    // The sentences' ends grow: the spans starting before an end are those
    // before it and a few more. One of them overlaps the sentence if the
    // furthest of their ends passes its start.
    let mut reach = 0;
    let mut next = spans.iter().peekable();
    sentences
        .iter()
        .map(|&(s, e)| {
            while let Some((_, end)) = next.next_if(|(start, _)| *start < e) {
                reach = reach.max(*end);
            }
            reach > s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::span_from_range;
    use crate::model::{Node, NodeId, NodeKind, Point, Source};

    #[test]
    fn splits_sentences_and_paragraphs() {
        let text = "One. Two is U.S.-made? Three!\n\nFour 中文。五 on Dec. 2 speech.";
        let found: Vec<String> = sentences(text)
            .into_iter()
            .map(|(s, e)| text.chars().skip(s).take(e - s).collect())
            .collect();
        assert_eq!(
            found,
            vec![
                "One.",
                "Two is U.S.-made?",
                "Three!",
                "Four 中文。",
                "五 on Dec. 2 speech."
            ]
        );
    }

    #[test]
    fn cited_among_answers_as_checking_every_span_does() {
        let sentences: Vec<(usize, usize)> = (0..200).map(|k| (k * 10, k * 10 + 7)).collect();
        for seed in 0..20_usize {
            let spans: Vec<(usize, usize)> = (0..seed * 3)
                .map(|k| {
                    let start = (k * 37 + seed * 101) % 2_000;
                    (start, start + (k * 13 + seed) % 60)
                })
                .collect();
            let each: Vec<bool> = sentences
                .iter()
                .map(|&(s, e)| spans.iter().any(|&(a, b)| a < e && b > s))
                .collect();
            assert_eq!(cited_among(&sentences, spans), each, "seed {seed}");
        }
    }

    #[test]
    fn a_span_cites_every_sentence_it_touches() {
        let text = "First point. Second point. Third point.";
        let source = Source {
            id: SourceId(1),
            title: "t".into(),
            path: None,
            text: text.into(),
        };
        let mut map = Map::new("t");
        let mut node = Node::new(NodeId(1), NodeKind::Claim, "c", Point::default());
        node.spans
            .push(span_from_range(&source, 6, 20).expect("fits"));
        map.nodes.insert(NodeId(1), node);
        map.sources.insert(SourceId(1), source);
        let cov = coverage(&map);
        assert_eq!(cov[0].cited, vec![true, true, false]);
        assert!((cov[0].share() - 2.0 / 3.0).abs() < 1e-9);
    }
}
