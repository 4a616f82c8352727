//! Painting the display list with egui: what the canvas shows. Only what
//! intersects the screen is drawn.

use crate::model::EdgeKind;
use crate::render::palette::arrow_style;
use crate::render::{ArrowItem, BADGE_RADIUS, BoxItem, TextLine};
use crate::ui::theme;
use crate::ui::view::View;
use egui::epaint::{CircleShape, PathShape, PathStroke};
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2,
};

/// Below this on-screen size text is drawn as grey bars: unreadable anyway,
/// and far cheaper for big maps.
const MIN_TEXT_PX: f32 = 4.5;

/// Map units between grid dots.
const GRID_STEP: f32 = 40.0;

pub fn paint_background(painter: &Painter, canvas: Rect, view: &View) {
    painter.rect_filled(canvas, 0.0, theme::background());
    let mut step = GRID_STEP * view.zoom;
    while step < 12.0 {
        step *= 2.0;
    }
    let origin = canvas.min + view.offset;
    let start_x = origin.x + ((canvas.min.x - origin.x) / step).ceil() * step;
    let start_y = origin.y + ((canvas.min.y - origin.y) / step).ceil() * step;
    let radius = (1.2 * view.zoom.sqrt()).clamp(0.6, 1.6);
    let mut y = start_y;
    while y < canvas.max.y {
        let mut x = start_x;
        while x < canvas.max.x {
            painter.circle_filled(Pos2::new(x, y), radius, theme::GRID_DOT);
            x += step;
        }
        y += step;
    }
}

/// Tiny boxes and faint arrows of a zoomed-out map, gathered into one
/// mesh: tens of thousands of shapes would cost more to tessellate than
/// the whole rest of the frame. Painted where [`Batch::new`] left its slot,
/// so what is drawn after it stays on top.
pub struct Batch {
    mesh: egui::Mesh,
    slot: egui::layers::ShapeIdx,
}

impl Batch {
    pub fn new(painter: &Painter) -> Self {
        Self {
            mesh: egui::Mesh::default(),
            slot: painter.add(Shape::Noop),
        }
    }

    pub fn rect(&mut self, rect: Rect, color: Color32) {
        self.mesh.add_colored_rect(rect, color);
    }

    /// A polyline as one quad per segment, without anti-aliasing.
    fn line(&mut self, points: &[Pos2], width: f32, color: Color32) {
        for w in points.windows(2) {
            let (a, b) = (w[0], w[1]);
            let along = b - a;
            let length = along.length();
            if length <= f32::EPSILON {
                continue;
            }
            let side = Vec2::new(-along.y, along.x) * (width * 0.5 / length);
            let first = u32::try_from(self.mesh.vertices.len()).unwrap_or(u32::MAX);
            for p in [a + side, a - side, b - side, b + side] {
                self.mesh.colored_vertex(p, color);
            }
            self.mesh.add_triangle(first, first + 1, first + 2);
            self.mesh.add_triangle(first, first + 2, first + 3);
        }
    }

    pub fn paint(self, painter: &Painter) {
        if !self.mesh.is_empty() {
            painter.set(self.slot, Shape::mesh(self.mesh));
        }
    }
}

/// How a box is drawn this frame.
#[derive(Clone, Copy, Debug, Default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent highlights of one box"
)]
pub struct BoxLook {
    pub selected: bool,
    pub find_match: bool,
    pub drop_target: bool,
    /// Its text is being edited in place, so the editor draws the text.
    pub editing: bool,
}

/// Below this zoom arrows are drawn thin and faint.
const FAINT_ARROW_ZOOM: f32 = 0.1;

/// Below this height on screen (points) a box is drawn as one rectangle.
pub const TINY_BOX_PX: f32 = 12.0;

pub fn paint_box(
    painter: &Painter,
    batch: &mut Batch,
    canvas: Rect,
    view: &View,
    item: &BoxItem,
    look: BoxLook,
) {
    let rect = view.rect_to_screen(canvas, &item.rect);
    let z = view.zoom;
    #[expect(clippy::cast_sign_loss, reason = "clamped to 1..=12 first")]
    let radius = CornerRadius::same((6.0 * z).clamp(1.0, 12.0) as u8);
    let stroke_color = theme::node_stroke(item.kind);
    let width = if item.kind == crate::model::NodeKind::Claim {
        2.5
    } else {
        1.5
    } * z.max(0.5);
    if look.find_match {
        painter.rect_filled(rect.expand(6.0 * z.max(0.5)), radius, theme::FIND_MATCH);
    }
    if rect.height() < TINY_BOX_PX {
        // Too small to read: one rectangle in its kind's colour, no text
        // rows, badges or outline (level of detail for big maps).
        batch.rect(rect, stroke_color);
        if look.selected {
            painter.rect_stroke(
                rect.expand(2.0),
                0.0,
                Stroke::new(2.0, theme::SELECTION),
                StrokeKind::Outside,
            );
        }
        return;
    }
    painter.rect(
        rect,
        radius,
        theme::node_fill(item.kind),
        Stroke::new(width, stroke_color),
        StrokeKind::Inside,
    );
    if look.selected {
        painter.rect_stroke(
            rect.expand(3.0),
            radius,
            Stroke::new(2.5, theme::SELECTION),
            StrokeKind::Outside,
        );
    }
    if look.drop_target {
        painter.rect_stroke(
            rect.expand(5.0),
            radius,
            Stroke::new(2.0, theme::DROP_TARGET),
            StrokeKind::Outside,
        );
    }
    paint_line(painter, canvas, view, &item.cue, stroke_color);
    if !look.editing {
        for line in &item.lines {
            paint_line(painter, canvas, view, line, theme::text());
        }
    }
    if item.spans > 0 {
        let center = view.to_screen(canvas, item.badge);
        let r = BADGE_RADIUS as f32 * z;
        painter.add(CircleShape::filled(center, r, stroke_color));
        if r * 1.3 >= MIN_TEXT_PX {
            painter.text(
                center,
                Align2::CENTER_CENTER,
                format!("\u{201c}{}", item.spans),
                FontId::proportional(r * 1.3),
                Color32::WHITE,
            );
        }
    }
    if let Some((badge, text)) = item.fold_badge() {
        let badge = view.rect_to_screen(canvas, &badge);
        #[expect(clippy::cast_sign_loss, reason = "clamped to 2..=20 first")]
        let round = CornerRadius::same((badge.height() * 0.5).clamp(2.0, 20.0) as u8);
        painter.rect(
            badge,
            round,
            stroke_color,
            Stroke::new(1.0, Color32::WHITE),
            StrokeKind::Outside,
        );
        let size = 12.0 * z;
        if size >= MIN_TEXT_PX {
            painter.text(
                badge.center(),
                Align2::CENTER_CENTER,
                text,
                FontId::proportional(size),
                Color32::WHITE,
            );
        }
    }
    if item.pinned {
        let pin = rect.left_top() + Vec2::new(-3.0, -3.0) * z;
        painter.circle(
            pin,
            4.0 * z.max(0.5),
            theme::HANDLE,
            Stroke::new(1.0, Color32::WHITE),
        );
    }
}

fn paint_line(painter: &Painter, canvas: Rect, view: &View, line: &TextLine, color: Color32) {
    let size = line.size as f32 * view.zoom;
    let pos = view.to_screen(canvas, line.pos);
    if size < MIN_TEXT_PX {
        let width = crate::render::FixedAdvance::default().width_of(&line.text, size);
        let bar = Rect::from_min_size(
            pos + Vec2::new(0.0, size * 0.3),
            Vec2::new(width, size * 0.5),
        );
        painter.rect_filled(bar, 0.0, color.gamma_multiply(0.35));
        return;
    }
    painter.text(
        pos,
        Align2::LEFT_TOP,
        &line.text,
        FontId::proportional(size),
        color,
    );
}

/// Drops the bends of a line that turn it by less than `tolerance` (in
/// screen points): zoomed far out, a route's bends around boxes are smaller
/// than a pixel, and drawing them costs more than the rest of the frame.
fn drop_small_bends(points: Vec<Pos2>, tolerance: f32) -> Vec<Pos2> {
    if points.len() <= 2 {
        return points;
    }
    let mut kept: Vec<Pos2> = Vec::with_capacity(points.len());
    for (i, &p) in points.iter().enumerate() {
        match (kept.last(), points.get(i + 1)) {
            (Some(&from), Some(&next)) if off_line(p, from, next) < tolerance => {}
            _ => kept.push(p),
        }
    }
    kept
}

/// How far `p` lies from the segment `a`–`b`, in screen points.
fn off_line(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let point = |q: Pos2| crate::model::Point::new(f64::from(q.x), f64::from(q.y));
    crate::render::distance_to_segment(point(p), point(a), point(b)) as f32
}

pub fn paint_arrow(
    painter: &Painter,
    batch: &mut Batch,
    canvas: Rect,
    view: &View,
    item: &ArrowItem,
    selected: bool,
) {
    let style = arrow_style(item.kind);
    let z = view.zoom;
    let points: Vec<Pos2> = item
        .points
        .iter()
        .map(|p| view.to_screen(canvas, *p))
        .collect();
    let (Some(&end), Some(&before)) = (points.last(), points.iter().rev().nth(1)) else {
        return;
    };
    let color = theme::edge_stroke(item.kind);
    if z < FAINT_ARROW_ZOOM && !selected {
        let points = drop_small_bends(points, 1.0);
        // Zoomed far out: arrows thin and faint, no dashes or heads, so
        // the boxes' trees show through (level of detail for big maps).
        // Long arrows (cross-links between trees) fade further.
        let long = points
            .first()
            .is_some_and(|first| first.distance(end) > 40.0);
        let faint = color.gamma_multiply(
            (z / FAINT_ARROW_ZOOM).clamp(0.15, 0.6) * if long { 0.45 } else { 1.0 },
        );
        batch.line(&points, 1.0, faint);
        return;
    }
    let width = (style.width as f32 * z).max(1.0);
    if selected {
        painter.add(Shape::line(
            points.clone(),
            Stroke::new(width + 5.0, theme::SELECTION.gamma_multiply(0.5)),
        ));
    }
    let stroke = Stroke::new(width, color);
    if style.dash.is_empty() {
        painter.add(Shape::line(points.clone(), stroke));
    } else {
        let dash = (style.dash[0] as f32 * z).max(1.5);
        let gap = (style.dash.get(1).copied().unwrap_or(style.dash[0]) as f32 * z).max(1.5);
        // Only the dashes the canvas shows: a long arrow crossing the view
        // would otherwise cost a shape per dash along its whole length.
        let clip = painter.clip_rect().expand(2.0 * (dash + gap));
        for part in points
            .windows(2)
            .filter_map(|w| visible_part(w, clip, dash + gap))
        {
            painter.extend(Shape::dashed_line(&part, stroke, dash, gap));
        }
    }
    if !item.head {
        return;
    }
    let dir = (end - before).normalized();
    let normal = Vec2::new(-dir.y, dir.x);
    let size = (11.0 * z).max(4.0);
    match item.kind {
        EdgeKind::Supports | EdgeKind::Attacks => {
            let tip = end;
            let base = end - dir * size;
            let head = vec![tip, base + normal * size * 0.5, base - normal * size * 0.5];
            painter.add(PathShape::convex_polygon(head, color, PathStroke::NONE));
            if item.kind == EdgeKind::Attacks {
                // A bar across the shaft: "against", readable without colour.
                let bar_at = end - dir * size * 1.6;
                painter.line_segment(
                    [bar_at + normal * size * 0.6, bar_at - normal * size * 0.6],
                    Stroke::new(width * 1.2, color),
                );
            }
        }
        EdgeKind::Undercuts => {
            painter.line_segment(
                [end + normal * size * 0.8, end - normal * size * 0.8],
                Stroke::new(width * 1.6, color),
            );
            painter.circle_stroke(end, size * 0.35, Stroke::new(width, color));
        }
    }
}

/// What evaluation says of one box, as drawn on it.
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictMark {
    pub label: crate::eval::Label,
    pub supported: bool,
    pub assumption: Option<crate::model::Assumption>,
}

impl VerdictMark {
    /// The symbol and words: "✓ stands · unsupported · accepted".
    pub fn words(&self) -> String {
        let mut words = self.label.verdict().to_owned();
        if !self.supported {
            words.push_str(" · unsupported");
        }
        if let Some(a) = self.assumption {
            words.push_str(" · ");
            words.push_str(a.name());
        }
        words
    }
}

/// A box's verdict: a pill with its symbol and word on the box's bottom
/// edge; a fallen box is veiled (dimmed).
pub fn paint_verdict(
    painter: &Painter,
    canvas: Rect,
    view: &View,
    item: &BoxItem,
    mark: &VerdictMark,
) {
    let rect = view.rect_to_screen(canvas, &item.rect);
    let z = view.zoom;
    let color = match mark.label {
        crate::eval::Label::In => theme::STANDS,
        crate::eval::Label::Out => theme::FALLS,
        crate::eval::Label::Undecided => theme::UNDECIDED,
    };
    if mark.label == crate::eval::Label::Out {
        #[expect(clippy::cast_sign_loss, reason = "clamped to 1..=12 first")]
        let radius = CornerRadius::same((6.0 * z).clamp(1.0, 12.0) as u8);
        painter.rect_filled(rect, radius, theme::FALLEN_VEIL);
    }
    let size = 12.0 * z;
    if size < MIN_TEXT_PX {
        // Too small to read: a coloured bar along the bottom edge.
        let bar = Rect::from_min_max(
            Pos2::new(rect.left(), rect.bottom() - 3.0 * z.max(0.5)),
            rect.right_bottom(),
        );
        painter.rect_filled(bar, 0.0, color);
        return;
    }
    let galley = painter.layout_no_wrap(mark.words(), FontId::proportional(size), Color32::WHITE);
    let pad = Vec2::new(5.0, 2.0) * z;
    let at = Pos2::new(
        rect.left() + 10.0 * z,
        rect.bottom() - galley.size().y * 0.5 - pad.y,
    );
    let pill = Rect::from_min_size(at, galley.size() + 2.0 * pad);
    #[expect(clippy::cast_sign_loss, reason = "clamped to 2..=20 first")]
    let round = CornerRadius::same((pill.height() * 0.5).clamp(2.0, 20.0) as u8);
    painter.rect(
        pill,
        round,
        color,
        Stroke::new(1.0 * z.max(0.5), Color32::WHITE),
        StrokeKind::Outside,
    );
    painter.galley(pill.min + pad, galley, Color32::WHITE);
}

/// The round handle at the bottom of a box: drag it to link.
pub fn paint_handle(painter: &Painter, at: Pos2, radius: f32, hot: bool) {
    let fill = if hot { theme::SELECTION } else { theme::HANDLE };
    painter.circle(at, radius, fill, Stroke::new(1.5, Color32::WHITE));
}

/// The part of the segment `ends` inside `clip`, starting on a whole dash
/// period from its start so that dashes stay put while the view pans.
fn visible_part(ends: &[Pos2], clip: Rect, period: f32) -> Option<[Pos2; 2]> {
    let (&a, &b) = (ends.first()?, ends.get(1)?);
    let point = |p: Pos2| crate::model::Point::new(f64::from(p.x), f64::from(p.y));
    let clip = crate::render::Rect::from_corners(point(clip.min), point(clip.max));
    #[expect(clippy::cast_possible_truncation, reason = "screen fractions fit f32")]
    let (t0, t1) = crate::render::clip_range(point(a), point(b), &clip)
        .map(|(t0, t1)| (t0 as f32, t1 as f32))?;
    let d = b - a;
    let length = d.length();
    if length <= f32::EPSILON || period <= 0.0 {
        return Some([a, b]);
    }
    let start = ((t0 * length) / period).floor() * period / length;
    Some([a + d * start.max(0.0), a + d * t1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_visible_part_of_a_long_dashed_arrow_is_dashed() {
        let clip = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(100.0, 100.0));
        let long = [Pos2::new(-100_000.0, 50.0), Pos2::new(100_000.0, 50.0)];
        let [from, to] = visible_part(&long, clip, 10.0).expect("crosses the view");
        assert!(from.x <= 0.0 && from.x > -10.5, "{from:?}");
        assert!((to.x - 100.0).abs() < 0.5, "{to:?}");
        // The start sits on a whole period from the arrow's start.
        let phase = (from.x - long[0].x) / 10.0;
        assert!((phase - phase.round()).abs() < 0.05, "{phase}");
        let outside = [Pos2::new(-50.0, 500.0), Pos2::new(500.0, 500.0)];
        assert!(visible_part(&outside, clip, 10.0).is_none());
    }
}
