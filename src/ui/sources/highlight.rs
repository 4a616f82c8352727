//! The source text's spans as highlights, and the text as a layout job:
//! uncited sentences dimmed, a revealed passage flashed.

use crate::anchor::CharIndex;
use crate::model::{Map, Node, NodeId, NodeKind, SourceId};
use crate::ui::theme;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId};
use std::collections::BTreeSet;

/// One highlighted passage.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    pub kind: NodeKind,
    pub node: NodeId,
}

/// The placed (not orphaned) spans of `source`, by start.
pub fn highlights(map: &Map, source: SourceId) -> Vec<Highlight> {
    let mut found: Vec<Highlight> = spans_of(map.nodes.values(), source).collect();
    found.sort_by_key(order);
    found
}

/// The placed spans of `source` that `nodes` have, as highlights.
fn spans_of<'a>(
    nodes: impl Iterator<Item = &'a Node>,
    source: SourceId,
) -> impl Iterator<Item = Highlight> {
    nodes
        .flat_map(|n| n.spans.iter().map(move |s| (n, s)))
        .filter(move |(_, s)| s.source == source && !s.orphan)
        .map(|(n, s)| Highlight {
            start: s.start,
            end: s.end,
            kind: n.kind,
            node: n.id,
        })
}

/// How highlights are ordered: by start, the longer first.
fn order(h: &Highlight) -> (usize, std::cmp::Reverse<usize>, NodeId) {
    (h.start, std::cmp::Reverse(h.end), h.node)
}

/// The highlights of `source` after changes to the boxes `changed`, from
/// those `before` them (sorted as [`highlights`] sorts): the changed boxes'
/// spans are taken out and read again. Linear in the highlights, plus the
/// changed boxes' spans; the other boxes are not visited.
pub fn patched(
    before: &[Highlight],
    map: &Map,
    source: SourceId,
    changed: &BTreeSet<NodeId>,
) -> Vec<Highlight> {
    let nodes = changed.iter().filter_map(|id| map.nodes.get(id));
    let mut fresh: Vec<Highlight> = spans_of(nodes, source).collect();
    fresh.sort_by_key(order);
    // Asked once per highlight: a hash set, not a walk down the tree.
    let changed: rustc_hash::FxHashSet<NodeId> = changed.iter().copied().collect();
    let mut kept = before
        .iter()
        .filter(|h| !changed.contains(&h.node))
        .peekable();
    let mut fresh = fresh.into_iter().peekable();
    let mut merged = Vec::with_capacity(before.len() + fresh.len());
    loop {
        let take_kept = match (kept.peek(), fresh.peek()) {
            (Some(a), Some(b)) => order(a) <= order(b),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return merged,
        };
        if take_kept {
            merged.extend(kept.next().cloned());
        } else {
            merged.extend(fresh.next());
        }
    }
}

/// Boxes whose spans cover char `at`.
pub fn nodes_at(highlights: &[Highlight], at: usize) -> BTreeSet<NodeId> {
    highlights
        .iter()
        .filter(|h| h.start <= at && at < h.end)
        .map(|h| h.node)
        .collect()
}

/// How the text is to look this frame.
pub struct Look<'a> {
    pub font: FontId,
    /// Sentences no span cites, to dim; empty when not dimming.
    pub uncited: &'a [(usize, usize)],
    pub flash: Option<(usize, usize)>,
}

/// The text with its uncited sentences dimmed and a revealed passage
/// flashed. Highlights are not in the job ([`super::marks`] paints them
/// behind the text), so a changed span never lays the text out again.
pub fn layout_job(text: &str, look: &Look<'_>, wrap_width: f32) -> LayoutJob {
    let index = CharIndex::new(text);
    let len = index.len_chars();
    let mut cuts: Vec<usize> = vec![0, len];
    for &(s, e) in look.uncited {
        cuts.extend([s.min(len), e.min(len)]);
    }
    if let Some((s, e)) = look.flash {
        cuts.extend([s.min(len), e.min(len)]);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let mut uncited = look.uncited.iter().peekable();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        while uncited.peek().is_some_and(|(_, e)| *e <= a) {
            uncited.next();
        }
        let dim = uncited.peek().is_some_and(|(s, e)| *s <= a && a < *e);
        let flash = look.flash.is_some_and(|(s, e)| s <= a && a < e);
        let (Some(from), Some(to)) = (index.byte(a), index.byte(b)) else {
            continue;
        };
        let mut format = TextFormat::simple(
            look.font.clone(),
            if dim {
                theme::DIMMED_TEXT
            } else {
                theme::text()
            },
        );
        if flash {
            format.background = theme::FIND_MATCH;
            format.color = Color32::BLACK;
        }
        job.append(text.get(from..to).unwrap_or_default(), 0.0, format);
    }
    job
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A reason's highlight of chars `start..end` for box `node`.
    pub(in crate::ui::sources) fn h(start: usize, end: usize, node: u64) -> Highlight {
        Highlight {
            start,
            end,
            kind: NodeKind::Reason,
            node: NodeId(node),
        }
    }

    #[test]
    fn patched_highlights_are_those_read_afresh() {
        let mut map = crate::model::synthetic_map(60);
        let source = SourceId(1);
        let before = highlights(&map, source);
        assert!(!before.is_empty());
        // Boxes taken away, one given another kind, one a second span.
        let changed: BTreeSet<NodeId> = map.nodes.keys().step_by(5).copied().collect();
        let mut ids = changed.iter();
        for id in ids.by_ref().take(4) {
            map.nodes.remove(id);
        }
        if let Some(node) = ids.next().and_then(|id| map.nodes.get_mut(id)) {
            node.kind = NodeKind::Objection;
            let extra = node.spans.first().cloned();
            node.spans.extend(extra);
        }
        assert_eq!(
            patched(&before, &map, source, &changed),
            highlights(&map, source)
        );
    }

    #[test]
    fn the_boxes_at_a_char_are_those_whose_spans_cover_it() {
        let spans = vec![h(1, 6, 1), h(3, 8, 2)];
        assert_eq!(nodes_at(&spans, 4), BTreeSet::from([NodeId(1), NodeId(2)]));
        assert_eq!(nodes_at(&spans, 6), BTreeSet::from([NodeId(2)]));
        assert!(nodes_at(&spans, 8).is_empty());
    }

    #[test]
    fn a_flash_cuts_at_char_boundaries() {
        let text = "网络主权 🌐 open";
        let look = Look {
            font: FontId::proportional(14.0),
            uncited: &[],
            flash: Some((5, 6)),
        };
        let job = layout_job(text, &look, 300.0);
        let pieces: Vec<&str> = job
            .sections
            .iter()
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(pieces, vec!["网络主权 ", "🌐", " open"]);
        assert_eq!(job.sections[1].format.background, theme::FIND_MATCH);
        assert_eq!(job.sections[0].format.background, Color32::TRANSPARENT);
    }
}
