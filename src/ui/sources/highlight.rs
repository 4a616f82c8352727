//! The source text as a layout job: every span highlighted in its box's
//! colour, overlaps stacked darker and underlined, uncited sentences dimmed,
//! a revealed passage flashed.

use crate::anchor::CharIndex;
use crate::model::{Map, NodeId, NodeKind, SourceId};
use crate::ui::theme;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke};
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
    let mut found: Vec<Highlight> = map
        .nodes
        .values()
        .flat_map(|n| n.spans.iter().map(move |s| (n, s)))
        .filter(|(_, s)| s.source == source && !s.orphan)
        .map(|(n, s)| Highlight {
            start: s.start,
            end: s.end,
            kind: n.kind,
            node: n.id,
        })
        .collect();
    found.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.node));
    found
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
    /// Boxes selected on the canvas: their passages are marked strongly.
    pub selected: &'a BTreeSet<NodeId>,
}

pub fn layout_job(
    text: &str,
    highlights: &[Highlight],
    look: &Look<'_>,
    wrap_width: f32,
) -> LayoutJob {
    let index = CharIndex::new(text);
    let len = index.len_chars();
    let mut cuts: Vec<usize> = vec![0, len];
    for h in highlights {
        cuts.extend([h.start.min(len), h.end.min(len)]);
    }
    for &(s, e) in look.uncited {
        cuts.extend([s, e]);
    }
    if let Some((s, e)) = look.flash {
        cuts.extend([s.min(len), e.min(len)]);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let mut active: Vec<&Highlight> = Vec::new();
    let mut next = 0;
    let mut uncited = look.uncited.iter().peekable();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        // Sweep: spans starting by `a` join, spans ending by `a` leave.
        while let Some(h) = highlights.get(next).filter(|h| h.start <= a) {
            active.push(h);
            next += 1;
        }
        active.retain(|h| h.end > a);
        while uncited.peek().is_some_and(|(_, e)| *e <= a) {
            uncited.next();
        }
        let dim = uncited.peek().is_some_and(|(s, e)| *s <= a && a < *e);
        let flash = look.flash.is_some_and(|(s, e)| s <= a && a < e);
        let (Some(from), Some(to)) = (index.byte(a), index.byte(b)) else {
            continue;
        };
        let format = format_for(&active, dim, flash, look);
        job.append(text.get(from..to).unwrap_or_default(), 0.0, format);
    }
    job
}

fn format_for(active: &[&Highlight], dim: bool, flash: bool, look: &Look<'_>) -> TextFormat {
    let mut format = TextFormat::simple(
        look.font.clone(),
        if dim {
            theme::DIMMED_TEXT
        } else {
            theme::text()
        },
    );
    if let Some(top) = active.last() {
        format.background = if active.len() > 1 {
            // Stacked: the innermost span's colour, stronger with depth.
            theme::node_stroke(top.kind).gamma_multiply(0.25 + 0.12 * active.len() as f32)
        } else {
            theme::node_fill(top.kind)
        };
        if active.len() > 1 {
            format.underline = Stroke::new(1.5, theme::node_stroke(active[active.len() - 2].kind));
        }
        if active.iter().any(|h| look.selected.contains(&h.node)) {
            format.underline = Stroke::new(2.5, theme::SELECTION);
        }
        format.color = theme::text();
    }
    if flash {
        format.background = theme::FIND_MATCH;
        format.color = Color32::BLACK;
    }
    format
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(start: usize, end: usize, node: u64) -> Highlight {
        Highlight {
            start,
            end,
            kind: NodeKind::Reason,
            node: NodeId(node),
        }
    }

    #[test]
    fn overlapping_spans_make_stacked_sections() {
        let text = "abcdefghij";
        let spans = vec![h(1, 6, 1), h(3, 8, 2)];
        let look = Look {
            font: FontId::proportional(14.0),
            uncited: &[],
            flash: None,
            selected: &BTreeSet::new(),
        };
        let job = layout_job(text, &spans, &look, 300.0);
        let pieces: Vec<&str> = job
            .sections
            .iter()
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(pieces, vec!["a", "bc", "def", "gh", "ij"]);
        let stacked = &job.sections[2].format;
        assert!(stacked.underline.width > 0.0, "the overlap is underlined");
        assert_eq!(job.sections[0].format.background, Color32::TRANSPARENT);
        assert_eq!(nodes_at(&spans, 4), BTreeSet::from([NodeId(1), NodeId(2)]));
    }

    #[test]
    fn cjk_spans_cut_at_char_boundaries() {
        let text = "网络主权 🌐 open";
        let look = Look {
            font: FontId::proportional(14.0),
            uncited: &[],
            flash: Some((5, 6)),
            selected: &BTreeSet::new(),
        };
        let job = layout_job(text, &[h(0, 4, 1)], &look, 300.0);
        let pieces: Vec<&str> = job
            .sections
            .iter()
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(pieces, vec!["网络主权", " ", "🌐", " open"]);
        assert_eq!(job.sections[2].format.background, theme::FIND_MATCH);
    }
}
