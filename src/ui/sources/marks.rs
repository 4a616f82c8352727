//! Highlights painted behind laid-out text: every span in its box's
//! colour, overlaps stacked darker and underlined, the passages of selected
//! boxes underlined strongly. Painted from the galley's rows, so a changed
//! span repaints a few rectangles and never lays the text out again.

use super::highlight::Highlight;
use crate::model::NodeId;
use crate::ui::theme;
use egui::{Color32, Pos2, Rect, Shape, Stroke, epaint::Galley};
use std::collections::BTreeSet;

/// A stretch of text (chars) marked one way.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub fill: Color32,
    pub underline: Stroke,
}

/// The marks of `highlights` (sorted by start): one per stretch where the
/// same spans overlap.
pub fn marks(highlights: &[Highlight], selected: &BTreeSet<NodeId>) -> Vec<Mark> {
    let mut cuts: Vec<usize> = highlights.iter().flat_map(|h| [h.start, h.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut found = Vec::new();
    let mut active: Vec<&Highlight> = Vec::new();
    let mut next = 0;
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        // Sweep: spans starting by `a` join, spans ending by `a` leave.
        while let Some(h) = highlights.get(next).filter(|h| h.start <= a) {
            active.push(h);
            next += 1;
        }
        active.retain(|h| h.end > a);
        if let Some(mark) = mark_of(&active, selected) {
            found.push(Mark {
                start: a,
                end: b,
                ..mark
            });
        }
    }
    found
}

/// How text under the `active` spans (innermost last) is marked.
fn mark_of(active: &[&Highlight], selected: &BTreeSet<NodeId>) -> Option<Mark> {
    let top = active.last()?;
    let stacked = active.len() > 1;
    let fill = if stacked {
        // Stacked: the innermost span's colour, stronger with depth.
        theme::node_stroke(top.kind).gamma_multiply(0.25 + 0.12 * active.len() as f32)
    } else {
        theme::node_fill(top.kind)
    };
    let mut underline = match active.len().checked_sub(2).and_then(|i| active.get(i)) {
        Some(outer) => Stroke::new(1.5, theme::node_stroke(outer.kind)),
        None => Stroke::NONE,
    };
    if active.iter().any(|h| selected.contains(&h.node)) {
        underline = Stroke::new(2.5, theme::SELECTION);
    }
    Some(Mark {
        start: 0,
        end: 0,
        fill,
        underline,
    })
}

/// The shapes of `marks` (chars of the galley's text, sorted by start)
/// over the galley drawn at `origin`: a filled rectangle per row a mark
/// covers, and its underline.
pub fn mark_shapes(galley: &Galley, origin: Pos2, marks: &[Mark]) -> Vec<Shape> {
    let mut shapes = Vec::new();
    let mut row_start = 0;
    let mut first = 0;
    for placed in &galley.rows {
        let chars = placed.row.glyphs.len();
        let row_end = row_start + chars;
        // Marks ending before this row are done with.
        while marks.get(first).is_some_and(|m| m.end <= row_start) {
            first += 1;
        }
        for mark in marks.get(first..).unwrap_or_default() {
            if mark.start >= row_end.max(row_start + 1) {
                break;
            }
            let (a, b) = (mark.start.max(row_start), mark.end.min(row_end));
            if a >= b {
                continue;
            }
            let x =
                |c: usize| origin.x + placed.pos.x + placed.row.x_offset((c - row_start).into());
            let top = origin.y + placed.pos.y;
            let rect = Rect::from_min_max(
                Pos2::new(x(a), top),
                Pos2::new(x(b), top + placed.row.height()),
            );
            shapes.push(Shape::rect_filled(rect, 0.0, mark.fill));
            if mark.underline.width > 0.0 {
                let y = rect.bottom() - mark.underline.width / 2.0;
                shapes.push(Shape::line_segment(
                    [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
                    mark.underline,
                ));
            }
        }
        row_start = row_end + usize::from(placed.ends_with_newline);
    }
    shapes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::sources::highlight::tests::h;
    use egui::FontId;
    use egui::text::LayoutJob;

    #[test]
    fn overlapping_spans_make_stacked_marks() {
        let spans = vec![h(1, 6, 1), h(3, 8, 2)];
        let found = marks(&spans, &BTreeSet::new());
        let stretches: Vec<(usize, usize)> = found.iter().map(|m| (m.start, m.end)).collect();
        assert_eq!(stretches, vec![(1, 3), (3, 6), (6, 8)]);
        assert_eq!(found[0].underline, Stroke::NONE);
        assert!(found[1].underline.width > 0.0, "the overlap is underlined");
        assert_ne!(found[1].fill, found[0].fill, "and darker");
        let selected = marks(&spans, &BTreeSet::from([NodeId(2)]));
        assert_eq!(selected[2].underline.color, theme::SELECTION);
    }

    /// Lays out `text` in rows `width` wide with a fixed font.
    fn galley(text: &str, width: f32) -> std::sync::Arc<Galley> {
        let ctx = egui::Context::default();
        let mut out = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let mut job = LayoutJob::simple(
                text.to_owned(),
                FontId::monospace(10.0),
                Color32::BLACK,
                width,
            );
            job.wrap.max_width = width;
            out = Some(ui.fonts_mut(|f| f.layout_job(job)));
        });
        output.textures_delta.clear();
        out.expect("laid out")
    }

    #[test]
    fn a_mark_over_a_row_break_is_a_rectangle_on_each_row() {
        // Two lines; the mark runs from "cd" over the break into "ef".
        let text = "abcd\nefgh";
        let laid = galley(text, 1000.0);
        let mark = Mark {
            start: 2,
            end: 7,
            fill: Color32::RED,
            underline: Stroke::new(1.0, Color32::BLUE),
        };
        let shapes = mark_shapes(&laid, Pos2::new(100.0, 50.0), &[mark]);
        let rects: Vec<Rect> = shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Rect(r) => Some(r.rect),
                _ => None,
            })
            .collect();
        assert_eq!(rects.len(), 2, "{shapes:?}");
        let first_row = laid.rows[0].rect().translate(egui::vec2(100.0, 50.0));
        let second_row = laid.rows[1].rect().translate(egui::vec2(100.0, 50.0));
        // "cd": from the third glyph to the row's end.
        assert!(rects[0].left() > first_row.left() + 1.0);
        assert!((rects[0].right() - first_row.right()).abs() < 0.01);
        assert!((rects[0].top() - first_row.top()).abs() < 0.01);
        // "ef": from the second row's start to its third glyph.
        assert!((rects[1].left() - second_row.left()).abs() < 0.01);
        assert!(rects[1].right() < second_row.right() - 1.0);
        assert!((rects[1].top() - second_row.top()).abs() < 0.01);
        assert_eq!(shapes.len(), 4, "each rectangle is underlined");
    }
}
