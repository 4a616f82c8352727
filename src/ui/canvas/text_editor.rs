//! Editing a box's text in place: Enter commits, Shift+Enter starts a new
//! line, Esc cancels, clicking elsewhere commits.

use super::CanvasState;
use crate::model::Map;
use crate::ops::Edit;
use crate::render::{DisplayList, PADDING, TEXT_SIZE};
use crate::ui::intent::{Command, Intent};
use crate::ui::theme;
use egui::{FontId, Id, Key, Rect, TextEdit, Ui, Vec2};

/// The id of the in-place editor, so tests and focus handling can find it.
pub fn editor_id() -> Id {
    Id::unique("argmap-box-text-editor")
}

/// Takes a press of Enter with no modifier out of this frame's events. The
/// modifiers of the key event itself count: a fast Shift+Enter may release
/// Shift within the same frame.
fn consume_plain_enter(input: &mut egui::InputState) -> bool {
    let before = input.events.len();
    input.events.retain(|event| {
        !matches!(event, egui::Event::Key { key: Key::Enter, pressed: true, modifiers, .. } if modifiers.is_none())
    });
    input.events.len() != before
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
    let enter = ours && !editing.focus_requested && ui.input_mut(consume_plain_enter);

    // The box grows with the text being typed: its background is filled in
    // once the editor knows its height.
    let background = ui.painter().add(egui::Shape::Noop);
    let response = ui.put(
        rect,
        TextEdit::multiline(&mut editing.buffer)
            .id(id)
            .font(FontId::proportional(TEXT_SIZE as f32 * zoom))
            .frame(egui::Frame::NONE)
            .desired_width(width)
            .desired_rows(1)
            .text_color(theme::text())
            .hint_text("Say the point in your words"),
    );
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::MultilineTextInput, true, "Box text")
    });
    let bottom = response.rect.bottom().max(box_rect.bottom() - 4.0) + 4.0;
    let grown = Rect::from_min_max(box_rect.min, egui::pos2(box_rect.right(), bottom));
    let text_area =
        Rect::from_min_max(egui::pos2(box_rect.left(), top_left.y), grown.max).shrink(1.5);
    ui.painter().set(
        background,
        egui::Shape::Vec(vec![
            egui::Shape::rect_filled(text_area, 4.0, theme::node_fill(item.kind)),
            egui::Shape::rect_stroke(
                grown,
                6.0,
                egui::Stroke::new(1.5, theme::node_stroke(item.kind)),
                egui::StrokeKind::Inside,
            ),
        ]),
    );
    if editing.focus_requested {
        response.request_focus();
        editing.focus_requested = false;
        return Vec::new();
    }
    let is_new = editing.is_new;
    if escape {
        state.editing = None;
        // Esc on a box just made takes the box away again.
        return if is_new {
            vec![Intent::Command(Command::Undo)]
        } else {
            Vec::new()
        };
    }
    if enter || response.lost_focus() {
        let node = editing.node;
        let text = editing.buffer.trim_end_matches('\n').to_owned();
        state.editing = None;
        if is_new && text.trim().is_empty() {
            return vec![Intent::Command(Command::Undo)];
        }
        let unchanged = map.nodes.get(&node).is_some_and(|n| n.text == text);
        if !unchanged && map.nodes.contains_key(&node) {
            return vec![Intent::Edit(Edit::SetText { node, text })];
        }
    }
    Vec::new()
}
