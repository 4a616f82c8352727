//! A map seen from far away: when box text is too small to read, each tree
//! is a tinted area and its main claim a label that stays readable at any
//! zoom, as a map keeps city names. A click on a label flies to that tree.

use super::CanvasState;
use crate::model::NodeKind;
use crate::render::Landmark;
use crate::ui::theme;
use egui::{Color32, FontId, Id, Painter, Rect, Sense, Stroke, StrokeKind, Ui, Vec2};

/// Below this zoom box text is hard to read: the overview is drawn.
pub const OVERVIEW_ZOOM: f32 = 0.35;
/// At most this many labels a frame (the biggest trees first).
const MAX_LABELS: usize = 120;
const LABEL_SIZE: f32 = 14.0;

/// How strongly the overview shows: nothing at [`OVERVIEW_ZOOM`], fully
/// from half of it down.
fn strength(zoom: f32) -> f32 {
    ((OVERVIEW_ZOOM - zoom) / (OVERVIEW_ZOOM * 0.5)).clamp(0.0, 1.0)
}

/// The trees' areas, under the arrows and boxes.
pub fn paint_areas(painter: &Painter, canvas: Rect, state: &CanvasState, landmarks: &[Landmark]) {
    let strength = strength(state.view.zoom);
    if strength <= 0.0 {
        return;
    }
    let fill = theme::node_fill(NodeKind::Claim).gamma_multiply(0.55 * strength);
    let edge = theme::node_stroke(NodeKind::Claim).gamma_multiply(0.35 * strength);
    for mark in landmarks {
        let area = state.view.rect_to_screen(canvas, &mark.area).expand(2.0);
        if area.intersects(canvas) {
            painter.rect(area, 6.0, fill, Stroke::new(1.0, edge), StrokeKind::Inside);
        }
    }
}

/// The main claims' labels over their trees, none over another; a click
/// on one zooms to its tree.
pub fn labels_ui(
    ui: &Ui,
    painter: &Painter,
    canvas: Rect,
    state: &mut CanvasState,
    landmarks: &[Landmark],
) {
    let strength = strength(state.view.zoom);
    if strength <= 0.0 {
        return;
    }
    let mut placed: Vec<Rect> = Vec::new();
    let mut fly_to = None;
    for mark in landmarks {
        if placed.len() >= MAX_LABELS {
            break;
        }
        let area = state.view.rect_to_screen(canvas, &mark.area);
        if !area.intersects(canvas) {
            continue;
        }
        let galley = painter.layout_no_wrap(
            mark.label.clone(),
            FontId::proportional(LABEL_SIZE),
            theme::text(),
        );
        let pad = Vec2::new(8.0, 4.0);
        let size = galley.size() + 2.0 * pad;
        // Above the tree, kept inside the canvas.
        let top = (area.top() - size.y - 4.0).max(canvas.top() + 4.0);
        let left = (area.center().x - size.x / 2.0).clamp(
            canvas.left() + 4.0,
            (canvas.right() - size.x - 4.0).max(canvas.left()),
        );
        let pill = Rect::from_min_size(egui::pos2(left, top), size);
        if placed.iter().any(|p| p.expand(3.0).intersects(pill)) || !canvas.contains_rect(pill) {
            continue;
        }
        placed.push(pill);
        let response = ui.interact(pill, Id::unique(("landmark", mark.node)), Sense::click());
        let hot = response.hovered();
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::accesskit::Role::Button,
                true,
                format!("Tree of {} boxes: {}", mark.boxes, mark.label),
            )
        });
        let stroke = theme::node_stroke(NodeKind::Claim);
        painter.rect(
            pill,
            pill.height() / 2.0,
            Color32::WHITE.gamma_multiply(0.92 * strength),
            Stroke::new(if hot { 2.5 } else { 1.5 }, stroke.gamma_multiply(strength)),
            StrokeKind::Inside,
        );
        painter.galley(
            pill.min + pad,
            galley,
            theme::text().gamma_multiply(strength),
        );
        if response.clicked() {
            fly_to = Some(mark.area);
        }
        if hot {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
    }
    if let Some(area) = fly_to {
        state.view.fit_within(canvas, &area, 1.0);
    }
}
