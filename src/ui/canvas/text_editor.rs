//! Editing a box's text in place: Enter commits, Shift+Enter starts a new
//! line, Esc cancels, clicking elsewhere commits.

use super::CanvasState;
use crate::model::Map;
use crate::ops::Edit;
use crate::render::{DisplayList, PADDING, TEXT_SIZE};
use crate::ui::intent::Intent;
use crate::ui::theme;
use egui::{FontId, Id, Key, Modifiers, Rect, TextEdit, Ui, Vec2};

/// The id of the in-place editor, so tests and focus handling can find it.
pub fn editor_id() -> Id {
    Id::unique("argmap-box-text-editor")
}

pub fn text_editor_ui(
    ui: &mut Ui,
    map: &Map,
    list: &DisplayList,
    state: &mut CanvasState,
    canvas: Rect,
) -> Vec<Intent> {
    let Some(editing) = state.editing.as_mut() else {
        return Vec::new();
    };
    let Some(item) = list.box_of(editing.node) else {
        // A box created this frame is drawn from the next one: wait for it.
        if !editing.focus_requested || map.nodes.contains_key(&editing.node) {
            state.editing = None;
        }
        return Vec::new();
    };
    let id = editor_id();
    let zoom = state.view.zoom;
    let first_line = item.lines.first().map_or(item.rect.min, |l| l.pos);
    let top_left = state.view.to_screen(canvas, first_line) - Vec2::new(2.0, 2.0);
    let box_rect = state.view.rect_to_screen(canvas, &item.rect);
    let width = box_rect.width() - 2.0 * PADDING as f32 * zoom + 4.0;
    let height = (box_rect.bottom() - top_left.y).max(TEXT_SIZE as f32 * zoom * 1.6);
    let rect = Rect::from_min_size(top_left, Vec2::new(width, height));

    // Keys go to this editor unless another field has the focus. (egui drops
    // the focus on Esc before we get here, so do not ask for it.)
    let ours = !ui.memory(|m| m.focused().is_some_and(|f| f != id));
    let escape = ours && ui.input(|i| i.key_pressed(Key::Escape));
    // Enter commits; Shift+Enter falls through to the editor as a new line.
    let enter = ours
        && !editing.focus_requested
        && !ui.input(|i| i.modifiers.shift)
        && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));

    ui.painter()
        .rect_filled(box_rect.shrink(1.5), 4.0, theme::node_fill(item.kind));
    let response = ui.put(
        rect,
        TextEdit::multiline(&mut editing.buffer)
            .id(id)
            .font(FontId::proportional(TEXT_SIZE as f32 * zoom))
            .frame(egui::Frame::NONE)
            .desired_width(width)
            .text_color(theme::text())
            .hint_text("Say the point in your words"),
    );
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::MultilineTextInput, true, "Box text")
    });
    if editing.focus_requested {
        response.request_focus();
        editing.focus_requested = false;
        return Vec::new();
    }
    if escape {
        state.editing = None;
        return Vec::new();
    }
    if enter || response.lost_focus() {
        let node = editing.node;
        let text = editing.buffer.trim_end_matches('\n').to_owned();
        state.editing = None;
        let unchanged = map.nodes.get(&node).is_some_and(|n| n.text == text);
        if !unchanged && map.nodes.contains_key(&node) {
            return vec![Intent::Edit(Edit::SetText { node, text })];
        }
    }
    Vec::new()
}
