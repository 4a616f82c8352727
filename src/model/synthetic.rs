//! Generated maps of any size, for benchmarks and stress tests: trees of
//! claims with reasons and objections, about 10 % cross links, and one
//! source whose sentences the nodes quote. Deterministic for a given size.

use super::{
    Edge, EdgeId, EdgeKind, Map, Node, NodeId, NodeKind, Point, Source, SourceId, Span, Target,
};

const WORDS: [&str; 16] = [
    "sovereignty",
    "openness",
    "control",
    "growth",
    "state",
    "network",
    "access",
    "border",
    "censor",
    "market",
    "citizen",
    "norm",
    "treaty",
    "speech",
    "trust",
    "stake",
];

/// A map with `nodes` boxes (trees of up to four children per box), cross
/// links on every tenth box, and a span on every box.
pub fn synthetic_map(nodes: usize) -> Map {
    let mut map = Map::new(format!("Generated map of {nodes} nodes"));
    let mut rng = SplitMix(0x05ee_d0fa_49ad);
    let mut text = String::new();
    let mut sentences = Vec::with_capacity(nodes);
    let mut chars = 0;
    for i in 0..nodes {
        let sentence = sentence(&mut rng, i);
        let len = sentence.chars().count();
        sentences.push((chars, chars + len, sentence.clone()));
        text.push_str(&sentence);
        text.push(' ');
        chars += len + 1;
    }
    let source = Source {
        id: SourceId(1),
        title: "Generated source".into(),
        path: None,
        text: text.into(),
    };
    let mut next_edge = 1;
    let mut depths: Vec<usize> = Vec::with_capacity(nodes);
    for (i, (start, end, quote)) in sentences.into_iter().enumerate() {
        let id = NodeId(i as u64 + 1);
        // Every 40th node starts a new tree; the others hang under an
        // earlier node of the same tree at most three levels down, so trees
        // are bushy and shallow, as argument maps are.
        let tree_start = i - i % 40;
        let eligible: Vec<usize> = (tree_start..i)
            .filter(|k| depths.get(*k).is_some_and(|d| *d < 3))
            .collect();
        let parent_index = (i > tree_start && !eligible.is_empty())
            .then(|| {
                eligible
                    .get(rng.below(eligible.len() as u64) as usize)
                    .copied()
            })
            .flatten();
        depths.push(
            parent_index
                .and_then(|p| depths.get(p))
                .map_or(0, |d| d + 1),
        );
        let parent = parent_index.map(|p| NodeId(p as u64 + 1));
        let kind = match (parent, rng.below(10)) {
            (None, _) => NodeKind::Claim,
            (Some(_), 0..=5) => NodeKind::Reason,
            (Some(_), 6..=8) => NodeKind::Objection,
            (Some(_), _) => NodeKind::Evidence,
        };
        let mut node = Node::new(
            id,
            kind,
            format!("Point {}: {}", i + 1, quote),
            Point::new((i % 100) as f64 * 300.0, (i / 100) as f64 * 200.0),
        );
        node.spans.push(Span {
            source: source.id,
            start,
            end,
            quote: quote.clone(),
            prefix: String::new(),
            suffix: String::new(),
            orphan: false,
        });
        map.nodes.insert(id, node);
        if let Some(parent) = parent {
            let edge_kind = if kind == NodeKind::Objection {
                EdgeKind::Attacks
            } else {
                EdgeKind::Supports
            };
            map.edges.insert(
                EdgeId(next_edge),
                Edge::new(EdgeId(next_edge), id, Target::Node(parent), edge_kind),
            );
            next_edge += 1;
        }
        if i % 10 == 9 && i > 20 {
            let other = NodeId(rng.below(i as u64 - 10) + 1);
            map.edges.insert(
                EdgeId(next_edge),
                Edge::new(
                    EdgeId(next_edge),
                    id,
                    Target::Node(other),
                    EdgeKind::Attacks,
                ),
            );
            next_edge += 1;
        }
    }
    map.sources.insert(source.id, source);
    fill_context(&mut map);
    map
}

/// A map whose one source is about `chars` chars long, in paragraphs of a
/// few hundred chars, or all on one line; `spans` evidence boxes quote it,
/// spread evenly. For stress tests of the source panel and `check`.
pub fn big_source_map(chars: usize, spans: usize, one_line: bool) -> Map {
    let mut rng = SplitMix(0xb16_5017ce);
    let mut text = String::with_capacity(chars + 200);
    let mut sentence_starts = Vec::new();
    let mut count = 0;
    let mut i = 0;
    while count < chars {
        let s = sentence(&mut rng, i);
        sentence_starts.push((count, count + s.len()));
        count += s.len() + 1;
        text.push_str(&s);
        text.push(if !one_line && i % 4 == 3 { '\n' } else { ' ' });
        i += 1;
    }
    let source = Source {
        id: SourceId(1),
        title: "A very long source".into(),
        path: None,
        text: text.into(),
    };
    let mut map = Map::new(format!("A source of {chars} chars with {spans} spans"));
    let step = (sentence_starts.len() / spans.max(1)).max(1);
    for (n, (start, end)) in sentence_starts
        .into_iter()
        .step_by(step)
        .take(spans)
        .enumerate()
    {
        let id = NodeId(n as u64 + 1);
        let quote: String = source.text.get(start..end).unwrap_or_default().to_owned();
        let mut node = Node::new(
            id,
            NodeKind::Evidence,
            format!("Point {}", n + 1),
            Point::new((n % 100) as f64 * 300.0, (n / 100) as f64 * 200.0),
        );
        // The generated text is ASCII: byte offsets are char offsets.
        node.spans.push(Span {
            source: source.id,
            start,
            end,
            quote,
            prefix: String::new(),
            suffix: String::new(),
            orphan: false,
        });
        map.nodes.insert(id, node);
    }
    map.sources.insert(source.id, source);
    fill_context(&mut map);
    map
}

/// Sets each span's prefix and suffix from its source, as real spans have.
fn fill_context(map: &mut Map) {
    let Some(source) = map.sources.get(&SourceId(1)) else {
        return;
    };
    // Generated texts are ASCII, where chars are bytes: no char table for a
    // text of a hundred million.
    let text = &source.text;
    let ascii = text.is_ascii();
    let chars: Vec<char> = if ascii {
        Vec::new()
    } else {
        text.chars().collect()
    };
    let len = if ascii { text.len() } else { chars.len() };
    let piece = |from: usize, to: usize| -> String {
        if ascii {
            text.get(from..to).unwrap_or_default().to_owned()
        } else {
            chars.get(from..to).unwrap_or_default().iter().collect()
        }
    };
    for node in map.nodes.values_mut() {
        for span in &mut node.spans {
            let before = span.start.saturating_sub(super::CONTEXT_CHARS);
            let after = (span.end + super::CONTEXT_CHARS).min(len);
            span.prefix = piece(before, span.start);
            span.suffix = piece(span.end, after);
        }
    }
}

fn sentence(rng: &mut SplitMix, i: usize) -> String {
    let count = 6 + rng.below(10) as usize;
    let words: Vec<&str> = (0..count)
        .map(|_| {
            WORDS
                .get(rng.below(WORDS.len() as u64) as usize)
                .copied()
                .unwrap_or("word")
        })
        .collect();
    format!("Sentence {i} says {}.", words.join(" "))
}

/// A tiny deterministic generator (`SplitMix64`); no dependency needed.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_source_maps_are_valid() {
        for one_line in [false, true] {
            let map = big_source_map(50_000, 300, one_line);
            assert_eq!(map.nodes.len(), 300);
            assert!(map.violations().is_empty());
            let text = &map.sources[&SourceId(1)].text;
            assert!(text.len() >= 50_000);
            assert_eq!(text.contains('\n'), !one_line);
            for node in map.nodes.values() {
                let span = &node.spans[0];
                assert_eq!(&text[span.start..span.end], span.quote);
            }
        }
    }

    #[test]
    fn synthetic_map_is_valid_and_sized() {
        let map = synthetic_map(500);
        assert_eq!(map.nodes.len(), 500);
        assert!(map.edges.len() > 500);
        assert!(map.violations().is_empty());
        assert_eq!(synthetic_map(500), map, "deterministic");
    }
}
