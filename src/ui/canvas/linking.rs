//! Linking by hand: the round handle on a box, dragged out onto another
//! box (an arrow), onto an arrow (an undercut) or into empty space (a new
//! box there).

use super::gestures::{ARROW_HIT_PX, HANDLE_RADIUS, handle_pos};
use super::paint::paint_handle;
use super::{CanvasState, Drag};
use crate::model::{EdgeKind, Map, NodeId, Point, Target};
use crate::ops::compose;
use crate::render::{BoxItem, Scene};
use crate::ui::intent::Intent;
use egui::{Id, Pos2, Rect, Sense, Ui, Vec2};

/// The round handle under a box: drag it out to link.
pub(super) fn handle_gestures(
    ui: &Ui,
    map: &Map,
    scene: &Scene,
    item: &BoxItem,
    state: &mut CanvasState,
    canvas: Rect,
    attack: bool,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    let at = handle_pos(state, canvas, item);
    let handle_rect = Rect::from_center_size(at, Vec2::splat(HANDLE_RADIUS * 2.6));
    let handle = ui.interact(
        handle_rect,
        Id::unique(("handle", item.node)),
        Sense::drag(),
    );
    handle.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::accesskit::Role::Button,
            true,
            format!(
                "Link from: {}",
                map.nodes.get(&item.node).map_or("", |n| n.text.as_str())
            ),
        )
    });
    paint_handle(
        ui.painter(),
        at,
        HANDLE_RADIUS,
        handle.hovered() || handle.dragged(),
    );
    if handle.drag_started() {
        state.drag = Some(Drag::Link { from: item.node });
    }
    if handle.drag_stopped() && matches!(state.drag, Some(Drag::Link { .. })) {
        let drop = handle
            .interact_pointer_pos()
            .or_else(|| ui.input(|i| i.pointer.hover_pos()));
        intents.extend(finish_link(
            map, scene, state, canvas, item.node, drop, attack,
        ));
        state.drag = None;
    }
    intents
}

/// A link drawn out of a box that was culled before the button came up
/// (scrolled away under the pointer): it ends where the pointer is.
pub fn finish_stray_link(
    ui: &Ui,
    map: &Map,
    scene: &Scene,
    state: &mut CanvasState,
    canvas: Rect,
) -> Vec<Intent> {
    let Some(Drag::Link { from }) = state.drag else {
        return Vec::new();
    };
    let (down, latest, attack) = ui.input(|i| {
        (
            i.pointer.primary_down(),
            i.pointer.latest_pos(),
            i.modifiers.shift,
        )
    });
    if down {
        return Vec::new();
    }
    state.drag = None;
    finish_link(map, scene, state, canvas, from, latest, attack)
}

/// What a link dropped at `drop` makes: an arrow to a box, an undercut of
/// an arrow, or a new box there. Shift makes an attack instead of support.
fn finish_link(
    map: &Map,
    scene: &Scene,
    state: &mut CanvasState,
    canvas: Rect,
    from: NodeId,
    drop: Option<Pos2>,
    attack: bool,
) -> Vec<Intent> {
    let Some(drop) = drop else { return Vec::new() };
    let at = state.view.to_map(canvas, drop);
    let kind = if attack {
        EdgeKind::Attacks
    } else {
        EdgeKind::Supports
    };
    match drop_target(scene, state, at) {
        Some(target @ Target::Node(to)) if to != from => compose::link(map, from, target, kind)
            .map(Intent::Edit)
            .into_iter()
            .collect(),
        Some(target @ Target::Edge(_)) => compose::link(map, from, target, kind)
            .map(Intent::Edit)
            .into_iter()
            .collect(),
        Some(Target::Node(_)) => Vec::new(),
        None => {
            // Out into empty space: a new box there that argues for (or against) this one.
            let Some((edit, id)) = compose::add_child(map, from, kind, Some(at)) else {
                return Vec::new();
            };
            state.editing = Some(crate::ui::selection::TextEditing::new_box(id));
            vec![Intent::Edit(edit)]
        }
    }
}

/// The box or arrow under a map point, for a link being dropped there.
fn drop_target(scene: &Scene, state: &CanvasState, at: Point) -> Option<Target> {
    if let Some(node) = scene.index.node_at(&scene.list, at) {
        return Some(Target::Node(node));
    }
    let tolerance = f64::from(ARROW_HIT_PX / state.view.zoom);
    scene
        .index
        .arrow_at(&scene.list, at, tolerance)
        .and_then(|a| a.edges().first().copied())
        .map(Target::Edge)
}

/// While linking: what the pointer is over.
pub fn link_drop_target(
    ui: &Ui,
    scene: &Scene,
    state: &CanvasState,
    canvas: Rect,
) -> Option<Target> {
    let Some(Drag::Link { .. }) = state.drag else {
        return None;
    };
    let pointer = ui.input(|i| i.pointer.hover_pos())?;
    drop_target(scene, state, state.view.to_map(canvas, pointer))
}
