//! Mouse gestures on the canvas: select, move, link, pan, zoom, create.

use super::menus;
use super::{CanvasState, ContextTarget, Drag};
use crate::model::{EdgeKind, Map, NodeId, NodeKind, Point, Target};
use crate::ops::compose;
use crate::render::{BoxItem, Rect as MapRect, Scene};
use crate::ui::intent::Intent;
use crate::ui::selection::Selection;
use crate::ui::sources::QuotePayload;
use crate::ui::theme;
use egui::{Id, Painter, Pos2, Rect, Response, Sense, Stroke, Ui, Vec2};

/// How close (in screen points) the pointer must be to an arrow to hit it.
pub(super) const ARROW_HIT_PX: f32 = 7.0;
/// Radius of a box's link handle, in screen points.
pub(super) const HANDLE_RADIUS: f32 = 6.5;

pub fn pan_and_zoom(ui: &Ui, background: &Response, state: &mut CanvasState, canvas: Rect) {
    let (zoom, scroll, pointer) =
        ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta, i.pointer.hover_pos()));
    let Some(pointer) = pointer.filter(|p| canvas.contains(*p)) else {
        return;
    };
    if !background.contains_pointer() && !ui.rect_contains_pointer(canvas) {
        return;
    }
    if (zoom - 1.0).abs() > f32::EPSILON {
        state.view.zoom_at(canvas, pointer, zoom);
    } else if scroll != Vec2::ZERO {
        state.view.offset += scroll;
    }
}

/// Where a box's link handle sits on screen: the middle of its right edge,
/// clear of the arrows that arrive at the top and bottom.
pub(super) fn handle_pos(state: &CanvasState, canvas: Rect, item: &BoxItem) -> Pos2 {
    let r = state.view.rect_to_screen(canvas, &item.rect);
    Pos2::new(r.right(), r.center().y)
}

/// A short, readable label for a box (accessibility and menus).
pub fn node_label(map: &Map, id: NodeId) -> String {
    map.nodes.get(&id).map_or_else(String::new, |n| {
        let kind = n.kind.name();
        let mut kind = kind.to_owned();
        if let Some(first) = kind.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        format!("{kind}: {}", n.text)
    })
}

#[expect(
    clippy::too_many_arguments,
    reason = "the canvas' parts are separate borrows of the app"
)]
pub fn box_gestures(
    ui: &mut Ui,
    map: &Map,
    scene: &Scene,
    item: &BoxItem,
    verdict: Option<&super::VerdictMark>,
    state: &mut CanvasState,
    selection: &mut Selection,
    canvas: Rect,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    // The box and its "+N" badge, which hangs below its bottom edge.
    let hit = item
        .fold_badge()
        .map_or(item.rect, |(badge, _)| item.rect.union(&badge));
    let rect = state.view.rect_to_screen(canvas, &hit).intersect(canvas);
    if !rect.is_positive() {
        return intents;
    }
    let id = Id::unique(("node", item.node));
    let response = ui.interact(rect, id, Sense::click_and_drag());
    // Built only when a screen reader (or a test) asks: formatting every
    // box's label each frame cost more than drawing it on big maps.
    response.widget_info(|| {
        let mut label = node_label(map, item.node);
        if let Some(verdict) = verdict {
            // Screen readers and tests hear the verdict too.
            label.push_str(" (");
            label.push_str(&verdict.words());
            label.push(')');
        }
        egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &label)
    });
    let modifiers = ui.input(|i| i.modifiers);

    intents.extend(quote_and_badge(
        map, item, &response, state, selection, canvas,
    ));
    if response.clicked() {
        if modifiers.shift || modifiers.command {
            selection.toggle_node(item.node);
        } else {
            selection.only_node(item.node);
        }
    }
    if response.double_clicked() {
        selection.only_node(item.node);
        state.edit_text(map, item.node);
    }
    if response.drag_started() {
        if !selection.nodes.contains(&item.node) {
            selection.only_node(item.node);
        }
        // Where the button went down, not where the pointer is once it
        // has moved far enough to count as a drag: the box keeps the
        // grabbed spot under the pointer, as a hand expects.
        let pressed_at = ui.input(|i| i.pointer.press_origin());
        if let Some(grabbed_at) = pressed_at
            .or_else(|| response.interact_pointer_pos())
            .map(|p| state.view.to_map(canvas, p))
        {
            let origins = selection
                .nodes
                .iter()
                .filter_map(|n| map.nodes.get(n).map(|node| (*n, node.pos)))
                .collect();
            state.drag = Some(Drag::Move {
                grabbed_at,
                origins,
            });
        }
    }
    if response.secondary_clicked() {
        state.context = Some(ContextTarget::Node(item.node));
        if !selection.nodes.contains(&item.node) {
            selection.only_node(item.node);
        }
    }
    response.context_menu(|ui| intents.extend(menus::node_menu(ui, map, item.node, state)));

    // The link handle shows on the hovered or selected box.
    // Not on a box too small to read: the handle would cover it whole.
    let readable = rect.height() >= super::paint::TINY_BOX_PX;
    let show_handle = (readable && (response.hovered() || selection.nodes.contains(&item.node)))
        || matches!(state.drag, Some(Drag::Link { from }) if from == item.node);
    if show_handle && state.editing.is_none() {
        intents.extend(super::linking::handle_gestures(
            ui,
            map,
            scene,
            item,
            state,
            canvas,
            modifiers.shift,
        ));
    }
    intents
}

/// A drag of boxes, followed through the pointer rather than through the
/// grabbed box: the box may leave the canvas (over a side panel, where it is
/// culled and has no response), and the drag must still end as one move.
pub fn move_drag(ui: &Ui, state: &mut CanvasState, canvas: Rect) -> Vec<Intent> {
    let Some(Drag::Move {
        grabbed_at,
        origins,
    }) = &state.drag
    else {
        return Vec::new();
    };
    let (down, latest) = ui.input(|i| (i.pointer.primary_down(), i.pointer.latest_pos()));
    let mut intents = Vec::new();
    if let Some(now) = latest.map(|p| state.view.to_map(canvas, p)) {
        let (dx, dy) = (now.x - grabbed_at.x, now.y - grabbed_at.y);
        let to = origins
            .iter()
            .map(|(n, p)| (*n, Point::new(p.x + dx, p.y + dy)))
            .collect();
        intents.push(Intent::PreviewMove(to));
    }
    if !down {
        state.drag = None;
        intents.push(Intent::FinishMove);
    }
    intents
}

/// Words dropped on a box become one of its spans; a click on its span
/// badge shows the first span's words in the source panel.
fn quote_and_badge(
    map: &Map,
    item: &BoxItem,
    response: &Response,
    state: &CanvasState,
    selection: &mut Selection,
    canvas: Rect,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    if let Some(quote) = response.dnd_release_payload::<QuotePayload>() {
        selection.only_node(item.node);
        intents.extend(crate::ui::sources::attach(map, *quote, Some(item.node)));
    }
    let on_badge = item.spans > 0
        && response.interact_pointer_pos().is_some_and(|p| {
            let badge = state.view.to_screen(canvas, item.badge);
            p.distance(badge) <= crate::render::BADGE_RADIUS as f32 * state.view.zoom + 3.0
        });
    if response.clicked() && on_badge {
        intents.push(Intent::Command(crate::ui::intent::Command::RevealSpan {
            node: item.node,
            index: 0,
        }));
    }
    // A click on the "+N" of a folded box unfolds it.
    let on_fold = item.fold_badge().is_some_and(|(badge, _)| {
        response
            .interact_pointer_pos()
            .is_some_and(|p| badge.contains(state.view.to_map(canvas, p)))
    });
    if response.clicked() && on_fold {
        intents.push(Intent::Edit(crate::ops::Edit::SetCollapsed {
            node: item.node,
            collapsed: false,
        }));
    }
    intents
}

pub fn background_gestures(
    ui: &mut Ui,
    background: &Response,
    map: &Map,
    scene: &Scene,
    state: &mut CanvasState,
    selection: &mut Selection,
    canvas: Rect,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    let modifiers = ui.input(|i| i.modifiers);
    if let Some(quote) = background.dnd_release_payload::<QuotePayload>() {
        // Words dropped on empty canvas: a new claim there.
        let at = ui.input(|i| i.pointer.hover_pos()).map_or_else(
            || state.view.visible(canvas).center(),
            |p| state.view.to_map(canvas, p),
        );
        intents.extend(crate::ui::sources::new_box(
            map,
            *quote,
            NodeKind::Claim,
            at,
        ));
    }
    let pointer_map = background
        .interact_pointer_pos()
        .map(|p| state.view.to_map(canvas, p));
    let arrow_under = |at: Point| {
        scene
            .index
            .arrow_at(&scene.list, at, f64::from(ARROW_HIT_PX / state.view.zoom))
            .and_then(|a| a.edges().first().copied())
    };

    if background.clicked() {
        let hit = pointer_map.and_then(arrow_under);
        match (hit, modifiers.shift || modifiers.command) {
            (Some(edge), true) => {
                if !selection.edges.remove(&edge) {
                    selection.edges.insert(edge);
                }
            }
            (Some(edge), false) => selection.only_edge(edge),
            (None, true) => {}
            (None, false) => selection.clear(),
        }
    }
    if background.double_clicked()
        && let Some(at) = pointer_map.filter(|at| arrow_under(*at).is_none())
    {
        let (edit, id) = compose::new_node(map, NodeKind::Claim, "", at);
        intents.push(Intent::Edit(edit));
        selection.only_node(id);
        state.editing = Some(crate::ui::selection::TextEditing::new_box(id));
    }
    if background.drag_started() {
        state.drag = match (modifiers.shift, pointer_map) {
            (true, Some(start)) => Some(Drag::Select { start }),
            _ => Some(Drag::Pan),
        };
    }
    if background.dragged() && matches!(state.drag, Some(Drag::Pan)) {
        state.view.offset += background.drag_delta();
    }
    if background.drag_stopped() {
        if let (Some(Drag::Select { start }), Some(end)) = (&state.drag, pointer_map) {
            let band = MapRect::from_corners(*start, end);
            if !modifiers.shift && !modifiers.command {
                selection.clear();
            }
            selection.nodes.extend(
                scene
                    .index
                    .boxes_near(&scene.list, &band)
                    .into_iter()
                    .filter_map(|i| scene.list.boxes.get(i))
                    .filter(|b| b.rect.intersects(&band))
                    .map(|b| b.node),
            );
        }
        if matches!(state.drag, Some(Drag::Select { .. } | Drag::Pan)) {
            state.drag = None;
        }
    }
    if background.secondary_clicked()
        && let Some(at) = pointer_map
    {
        state.context = Some(match arrow_under(at) {
            Some(edge) => {
                selection.only_edge(edge);
                ContextTarget::Edge(edge)
            }
            None => ContextTarget::Canvas(at),
        });
    }
    background.context_menu(|ui| match state.context {
        Some(ContextTarget::Edge(edge)) => intents.extend(menus::edge_menu(ui, map, edge)),
        Some(ContextTarget::Canvas(at)) => {
            intents.extend(menus::canvas_menu(ui, map, at, state, selection));
        }
        _ => {}
    });
    intents
}

/// The line of a link being drawn and the rubber band of a selection.
pub fn paint_drag_feedback(
    ui: &Ui,
    painter: &Painter,
    scene: &Scene,
    state: &CanvasState,
    canvas: Rect,
    target: Option<Target>,
) {
    let Some(cursor) = ui.input(|i| i.pointer.hover_pos()) else {
        return;
    };
    match &state.drag {
        Some(Drag::Link { from }) => {
            let Some(item) = scene.list.box_of(*from) else {
                return;
            };
            let start = handle_pos(state, canvas, item);
            let attack = ui.input(|i| i.modifiers.shift);
            let kind = if matches!(target, Some(Target::Edge(_))) {
                EdgeKind::Undercuts
            } else if attack {
                EdgeKind::Attacks
            } else {
                EdgeKind::Supports
            };
            let stroke = Stroke::new(2.5, theme::edge_stroke(kind));
            painter.extend(egui::Shape::dashed_line(&[start, cursor], stroke, 6.0, 4.0));
            let hint = match kind {
                EdgeKind::Supports => "supports (hold Shift to attack)",
                EdgeKind::Attacks => "attacks",
                EdgeKind::Undercuts => "undercuts this inference",
            };
            painter.text(
                cursor + Vec2::new(12.0, 12.0),
                egui::Align2::LEFT_TOP,
                hint,
                egui::FontId::proportional(13.0),
                theme::text(),
            );
        }
        Some(Drag::Select { start }) => {
            let band = Rect::from_two_pos(state.view.to_screen(canvas, *start), cursor);
            painter.rect(
                band,
                0.0,
                theme::SELECTION_FILL,
                Stroke::new(1.0, theme::SELECTION),
                egui::StrokeKind::Inside,
            );
        }
        _ => {}
    }
}
