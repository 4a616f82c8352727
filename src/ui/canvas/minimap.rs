//! The minimap: the whole map small in the canvas' corner, with the part
//! the canvas shows outlined. Click or drag in it to fly there.

use super::CanvasState;
use super::paint::Batch;
use crate::model::{NodeKind, Point};
use crate::render::{Rect as MapRect, Scene};
use crate::ui::theme;
use egui::{Color32, Id, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2};

/// The minimap's largest size, in points.
const MAX_SIZE: Vec2 = Vec2::new(240.0, 170.0);
const MARGIN: f32 = 12.0;
/// Up to this many boxes the minimap draws each box; beyond, each tree.
const MAX_BOXES_DRAWN: usize = 4_000;

/// Where the map's `bounds` sit inside the minimap: a map point to a
/// minimap point and back.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub rect: Rect,
    bounds: MapRect,
    scale: f32,
}

impl Frame {
    /// The minimap for a map of `bounds` in the bottom right of `canvas`.
    pub fn new(canvas: Rect, bounds: MapRect) -> Self {
        let (w, h) = (bounds.max.x - bounds.min.x, bounds.max.y - bounds.min.y);
        #[expect(clippy::cast_possible_truncation, reason = "screen sizes fit f32")]
        let scale =
            (f64::from(MAX_SIZE.x) / w.max(1.0)).min(f64::from(MAX_SIZE.y) / h.max(1.0)) as f32;
        #[expect(clippy::cast_possible_truncation, reason = "screen sizes fit f32")]
        let size = Vec2::new(w as f32 * scale, h as f32 * scale).max(Vec2::splat(24.0));
        let rect = Rect::from_min_size(canvas.max - size - Vec2::splat(MARGIN), size);
        Self {
            rect,
            bounds,
            scale,
        }
    }

    /// The map's middle is drawn at the minimap's middle (a very flat or
    /// tall map leaves room around it).
    pub fn to_mini(self, p: Point) -> Pos2 {
        let c = self.bounds.center();
        #[expect(clippy::cast_possible_truncation, reason = "screen positions fit f32")]
        let v = Vec2::new((p.x - c.x) as f32, (p.y - c.y) as f32);
        self.rect.center() + v * self.scale
    }

    pub fn to_map(self, p: Pos2) -> Point {
        let v = (p - self.rect.center()) / self.scale;
        let c = self.bounds.center();
        Point::new(c.x + f64::from(v.x), c.y + f64::from(v.y))
    }

    fn rect_to_mini(self, r: &MapRect) -> Rect {
        Rect::from_min_max(self.to_mini(r.min), self.to_mini(r.max))
    }
}

/// Draws the minimap and moves the view when it is clicked or dragged.
pub fn minimap_ui(ui: &Ui, scene: &Scene, state: &mut CanvasState, canvas: Rect) {
    let Some(bounds) = scene.list.bounds() else {
        return;
    };
    let frame = Frame::new(canvas, bounds);
    let response = ui.interact(
        frame.rect.expand(4.0),
        Id::unique("argmap-minimap"),
        Sense::click_and_drag(),
    );
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, "Minimap"));
    if (response.clicked() || response.dragged())
        && let Some(at) = response.interact_pointer_pos()
    {
        state.view.center_on(canvas, frame.to_map(at));
    }
    let painter = ui.painter().with_clip_rect(frame.rect.expand(5.0));
    painter.rect(
        frame.rect.expand(4.0),
        4.0,
        Color32::WHITE.gamma_multiply(0.93),
        Stroke::new(1.0, theme::HANDLE.gamma_multiply(0.6)),
        StrokeKind::Inside,
    );
    let mut batch = Batch::new(&painter);
    if scene.list.boxes.len() <= MAX_BOXES_DRAWN {
        for item in &scene.list.boxes {
            let r = frame.rect_to_mini(&item.rect);
            batch.rect(r.expand(0.3), theme::node_stroke(item.kind));
        }
    } else {
        // Each tree an area in its claim colour, outlined so neighbours
        // stay apart.
        for mark in &scene.landmarks {
            let r = frame.rect_to_mini(&mark.area).expand(0.5);
            batch.rect(r, theme::node_fill(NodeKind::Claim));
        }
        for mark in &scene.landmarks {
            let r = frame.rect_to_mini(&mark.area).expand(0.5);
            painter.rect_stroke(
                r,
                0.0,
                Stroke::new(0.6, theme::node_stroke(NodeKind::Claim).gamma_multiply(0.7)),
                StrokeKind::Inside,
            );
        }
    }
    batch.paint(&painter);
    // What the canvas shows, never smaller than a few points so that it
    // can be found on a big map.
    let shown = frame.rect_to_mini(&state.view.visible(canvas));
    let seen = Rect::from_center_size(shown.center(), shown.size().max(Vec2::splat(8.0)))
        .intersect(frame.rect.expand(3.0));
    painter.rect_stroke(
        seen,
        1.0,
        Stroke::new(2.0, theme::SELECTION),
        StrokeKind::Middle,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimap_points_go_back_to_the_map_points_they_show() {
        let canvas = Rect::from_min_size(Pos2::new(300.0, 20.0), Vec2::new(900.0, 700.0));
        let bounds =
            MapRect::from_corners(Point::new(-5_000.0, 200.0), Point::new(60_000.0, 9_000.0));
        let frame = Frame::new(canvas, bounds);
        assert!(canvas.contains_rect(frame.rect));
        assert!(frame.rect.width() <= MAX_SIZE.x + 0.5 && frame.rect.height() <= MAX_SIZE.y + 0.5);
        let p = Point::new(12_345.0, 4_321.0);
        let back = frame.to_map(frame.to_mini(p));
        assert!(
            (back.x - p.x).abs() < 1.0 && (back.y - p.y).abs() < 1.0,
            "{back:?}"
        );
    }
}
