//! How much of a source its spans cite, sentence by sentence: what of the
//! text is still unanswered.

use crate::model::{Map, SourceId};

/// Sentences of `text` as char ranges: split after `.`, `!`, `?` and their
/// full-width forms when followed by whitespace (or for full-width marks,
/// anything), and at blank lines. Leading whitespace is not part of a
/// sentence; empty pieces are dropped.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let ends = match c {
            '.' | '!' | '?' => next.is_none_or(char::is_whitespace) && !continues(&chars, i + 1),
            '。' | '！' | '？' => true,
            '\n' => next == Some('\n'),
            _ => false,
        };
        if ends {
            push_trimmed(&chars, start, i + 1, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push_trimmed(&chars, start, chars.len(), &mut out);
    out
}

/// Whether the text after a full stop goes on with the same sentence: the
/// next word starts with a digit or a lowercase letter ("Dec. 2", "e.g. this").
fn continues(chars: &[char], from: usize) -> bool {
    chars
        .iter()
        .skip(from)
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| c.is_ascii_digit() || c.is_lowercase())
}

fn push_trimmed(chars: &[char], start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let mut s = start;
    let mut e = end;
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if e > s {
        out.push((s, e));
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
        .values()
        .map(|source| {
            let sentences = sentences(&source.text);
            let mut spans: Vec<(usize, usize)> = map
                .nodes
                .values()
                .flat_map(|n| &n.spans)
                .filter(|s| s.source == source.id && !s.orphan)
                .map(|s| (s.start, s.end))
                .collect();
            spans.sort_unstable();
            let cited = sentences
                .iter()
                .map(|&(s, e)| {
                    // Spans are sorted by start: only those starting before `e` can overlap.
                    let upto = spans.partition_point(|&(start, _)| start < e);
                    spans
                        .get(..upto)
                        .unwrap_or_default()
                        .iter()
                        .any(|&(_, end)| end > s)
                })
                .collect();
            SourceCoverage {
                source: source.id,
                title: source.title.clone(),
                sentences,
                cited,
            }
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
