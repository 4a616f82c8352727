//! Keyboard-first editing on the canvas (when no text field has the focus):
//! Tab adds a reason, Shift+Tab an objection, Enter a sibling, F2 edits,
//! arrows move the selection, Delete removes, F fits, +/- zoom.

use super::CanvasState;
use crate::model::{EdgeKind, Map, NodeId, Point};
use crate::ops::compose;
use crate::render::DisplayList;
use crate::ui::intent::Intent;
use crate::ui::selection::Selection;
use egui::{Key, Modifiers, Ui};

pub fn keyboard_intents(
    ui: &Ui,
    map: &Map,
    list: &DisplayList,
    state: &mut CanvasState,
    selection: &mut Selection,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    let pressed = |modifiers: Modifiers, key: Key| ui.input_mut(|i| i.consume_key(modifiers, key));
    let single = selection.single_node();

    // Most specific first: consume_key ignores extra Shift.
    let child = if pressed(Modifiers::SHIFT, Key::Tab) {
        Some(EdgeKind::Attacks)
    } else if pressed(Modifiers::NONE, Key::Tab) {
        Some(EdgeKind::Supports)
    } else {
        None
    };
    if let (Some(kind), Some(parent)) = (child, single)
        && let Some((edit, id)) = compose::add_child(map, parent, kind, None)
    {
        intents.push(Intent::Edit(edit));
        start_new(state, selection, id);
    }
    if pressed(Modifiers::NONE, Key::Enter)
        && let Some((edit, id)) = single.and_then(|n| compose::add_sibling(map, n))
    {
        intents.push(Intent::Edit(edit));
        start_new(state, selection, id);
    }
    if pressed(Modifiers::NONE, Key::F2)
        && let Some(node) = single
    {
        state.edit_text(map, node);
    }
    // Esc is read, not taken: the find bar closes on the same press.
    if ui.input(|i| i.key_pressed(Key::Escape) && i.modifiers.is_none()) {
        if selection.is_empty() && state.focus.is_some() {
            // Nothing selected: Esc leaves the focus for the whole map.
            intents.push(Intent::Command(crate::ui::intent::Command::Focus(None)));
        }
        selection.clear();
    }
    for (key, command) in &crate::ui::shortcuts::PLAIN {
        if pressed(Modifiers::NONE, *key) {
            intents.push(Intent::Command(command.clone()));
        }
    }
    for (key, dir) in [
        (Key::ArrowUp, (0.0, -1.0)),
        (Key::ArrowDown, (0.0, 1.0)),
        (Key::ArrowLeft, (-1.0, 0.0)),
        (Key::ArrowRight, (1.0, 0.0)),
    ] {
        if pressed(Modifiers::NONE, key) {
            let from = single.or_else(|| selection.nodes.first().copied());
            let next = match from {
                Some(from) => neighbour(list, from, dir),
                None => list.boxes.first().map(|b| b.node),
            };
            if let Some(next) = next {
                selection.only_node(next);
                state.reveal_if_offscreen(list, next);
            }
        }
    }
    intents
}

fn start_new(state: &mut CanvasState, selection: &mut Selection, id: NodeId) {
    selection.only_node(id);
    state.editing = Some(crate::ui::selection::TextEditing::new_box(id));
    // The view follows the new box, which may land past the canvas edge.
    state.keep_in_view = Some(id);
}

/// The box nearest to `from` in direction `dir`, favouring boxes straight
/// ahead over boxes off to the side.
pub fn neighbour(list: &DisplayList, from: NodeId, dir: (f64, f64)) -> Option<NodeId> {
    let origin = list.box_of(from)?.rect.center();
    list.boxes
        .iter()
        .filter(|b| b.node != from)
        .filter_map(|b| {
            let c = b.rect.center();
            let (dx, dy) = (c.x - origin.x, c.y - origin.y);
            let ahead = dx * dir.0 + dy * dir.1;
            let aside = (dx * dir.1 - dy * dir.0).abs();
            (ahead > 1.0).then_some((ahead + 2.0 * aside, b.node))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, node)| node)
}

impl CanvasState {
    /// Brings `node` into view if it is outside the canvas.
    pub fn reveal_if_offscreen(&mut self, list: &DisplayList, node: NodeId) {
        let (Some(canvas), Some(item)) = (self.last_rect, list.box_of(node)) else {
            return;
        };
        let visible = self.view.visible(canvas);
        let c: Point = item.rect.center();
        if !visible.contains(c) {
            self.reveal = Some(node);
        }
    }
}
