//! The article's map against generated edits of the article: sentences
//! inserted and deleted, lines rewrapped, words changed inside quotes. Every
//! span is re-anchored and compared with where its words really went.

use super::support::root;
use argmap::anchor::reanchor::{NewText, Placement, place};
use argmap::io;
use argmap::model::Span;

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Where a span's words truly are after the edits.
#[derive(Clone, Debug, PartialEq)]
enum Truth {
    At(usize, usize),
    Gone,
    /// An edit cut across the span's edge: not scored.
    Unclear,
}

/// Replaces chars `a..b` of `text` with `with`, moving every truth along.
fn splice(text: &mut Vec<char>, a: usize, b: usize, with: &str, truths: &mut [Truth]) {
    let inserted: Vec<char> = with.chars().collect();
    let (added, removed) = (inserted.len(), b - a);
    // Offsets at or after `b` (so never less than `removed`) move along.
    let shift = |x: usize| x + added - removed;
    text.splice(a..b, inserted);
    for truth in truths.iter_mut() {
        let Truth::At(s, e) = *truth else { continue };
        *truth = if e <= a && !(e == a && b == a && s == e) {
            Truth::At(s, e)
        } else if s >= b {
            Truth::At(shift(s), shift(e))
        } else if a >= s && b <= e && !(a == s && b == e && with.is_empty()) {
            Truth::At(s, shift(e))
        } else if a <= s && b >= e && with.is_empty() {
            Truth::Gone
        } else {
            Truth::Unclear
        };
    }
}

fn sentence_starts(text: &[char]) -> Vec<usize> {
    let mut starts = vec![0];
    for i in 2..text.len() {
        let boundary = (text[i - 2] == '.' && text[i - 1] == ' ') || text[i - 1] == '\n';
        if boundary && !text[i].is_whitespace() {
            starts.push(i);
        }
    }
    starts
}

const REPLACEMENT_WORDS: [&str; 6] = [
    "govern",
    "notably",
    "the state",
    "many",
    "online",
    "steadily",
];

/// One scenario: 1 to 3 random edits of the article.
fn edited(
    article: &[char],
    spans: &[Span],
    rng: &mut Lcg,
) -> (String, Vec<Truth>, Vec<&'static str>) {
    let mut text = article.to_vec();
    let mut truths: Vec<Truth> = spans.iter().map(|s| Truth::At(s.start, s.end)).collect();
    let mut kinds = Vec::new();
    for _ in 0..=rng.below(3) {
        let starts = sentence_starts(&text);
        match rng.below(4) {
            0 => {
                let at = starts[rng.below(starts.len())];
                let n = rng.below(1000);
                splice(
                    &mut text,
                    at,
                    at,
                    &format!("An inserted sentence number {n} says something new. "),
                    &mut truths,
                );
                kinds.push("insert sentence");
            }
            1 => {
                let k = rng.below(starts.len());
                let start = starts[k];
                let end = starts.get(k + 1).copied().unwrap_or(text.len());
                splice(&mut text, start, end, "", &mut truths);
                kinds.push("delete sentence");
            }
            2 => {
                // Rewrap: some spaces become line breaks, some breaks spaces.
                for _ in 0..12 {
                    let i = rng.below(text.len());
                    text[i] = match text[i] {
                        ' ' => '\n',
                        '\n' if i > 0 && text[i - 1] != '\n' && text.get(i + 1) != Some(&'\n') => {
                            ' '
                        }
                        c => c,
                    };
                }
                kinds.push("rewrap");
            }
            _ => {
                // Change one word inside a quote.
                let k = rng.below(spans.len());
                let Truth::At(s, e) = truths[k] else { continue };
                let words: Vec<usize> = (s + 1..e.saturating_sub(1))
                    .filter(|&i| text[i - 1] == ' ' && text[i].is_alphabetic())
                    .collect();
                if words.is_empty() {
                    continue;
                }
                let w = words[rng.below(words.len())];
                let mut end = w;
                while end < e && text[end].is_alphanumeric() {
                    end += 1;
                }
                let word = REPLACEMENT_WORDS[rng.below(REPLACEMENT_WORDS.len())];
                splice(&mut text, w, end, word, &mut truths);
                kinds.push("change a word in a quote");
            }
        }
    }
    (text.into_iter().collect(), truths, kinds)
}

#[test]
fn spans_of_the_article_survive_generated_edits() {
    let map = io::load(&root().join("maps/internet-sovereignty.ron")).expect("loads");
    let source = map.sources.values().next().expect("source");
    let article: Vec<char> = source.text.chars().collect();
    let spans: Vec<Span> = map.nodes.values().flat_map(|n| n.spans.clone()).collect();
    assert!(spans.len() >= 24);

    let mut rng = Lcg(20_261_127);
    let (mut right, mut flagged, mut wrong, mut unscored) = (0usize, 0usize, Vec::new(), 0usize);
    let scenarios = 60;
    for scenario in 0..scenarios {
        let (text, truths, kinds) = edited(&article, &spans, &mut rng);
        let new = NewText::new(&text);
        for (span, truth) in spans.iter().zip(&truths) {
            let placement = place(span, &new);
            let got = match placement {
                Placement::Unchanged => Some((span.start, span.end)),
                Placement::Moved { start, end } | Placement::Edited { start, end, .. } => {
                    Some((start, end))
                }
                Placement::Orphaned { .. } => None,
            };
            match (truth, got) {
                (Truth::Unclear, _) => unscored += 1,
                (Truth::At(s, e), Some(g)) if (*s, *e) == g => right += 1,
                (Truth::Gone, None) => right += 1,
                (Truth::At(..), None) => flagged += 1,
                (truth, got) => wrong.push(format!(
                    "scenario {scenario} ({kinds:?}): {:?} truth {truth:?}, placed {got:?}",
                    span.quote
                )),
            }
        }
    }
    let scored = right + flagged + wrong.len();
    let share = right as f64 / scored as f64;
    println!(
        "re-anchoring: {scenarios} edited versions, {scored} spans scored ({unscored} cut by an edit, not scored): \
         {right} right ({:.2} %), {flagged} flagged as orphans, {} wrong without a flag",
        share * 100.0,
        wrong.len()
    );
    assert!(
        wrong.is_empty(),
        "placed on wrong words without a flag:\n{}",
        wrong.join("\n")
    );
    assert!(share >= 0.99, "only {:.2} % placed right", share * 100.0);
}
