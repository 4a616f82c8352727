//! The shown source text: laid out with its highlights, scrolled to a
//! revealed passage, and read for the selection, pointer and shortcuts.

use super::highlight::{self, Highlight, nodes_at};
use super::{
    CacheKey, FLASH_SECONDS, QuotePayload, SOURCE_TEXT_SIZE, SourcePanel, attach, new_box,
    quote_actions_ui, text_id,
};
use crate::model::{Map, NodeKind, SourceId};
use crate::ui::canvas::CanvasState;
use crate::ui::intent::Intent;
use crate::ui::selection::Selection;
use egui::text::{CCursor, CCursorRange};
use egui::text_edit::TextEditState;
use egui::{Align, FontId, Key, KeyboardShortcut, Modifiers, TextEdit, Ui};

#[expect(
    clippy::too_many_arguments,
    reason = "the panel's parts are separate borrows of the app"
)]
pub(super) fn text_ui(
    ui: &mut Ui,
    map: &Map,
    revision: u64,
    id: SourceId,
    panel: &mut SourcePanel,
    selection: &mut Selection,
    canvas: &mut CanvasState,
    uncited: &[(usize, usize)],
) -> Vec<Intent> {
    let Some(source) = map.sources.get(&id) else {
        return Vec::new();
    };
    let reveal = prepare_reveal(ui, id, panel);
    let derived = panel.derived(map, revision, id);
    let spans = &derived.spans;
    let key = CacheKey {
        source: id,
        revision,
        width: 0,
        dim: !uncited.is_empty(),
        flash: panel.flash.map(|(q, _)| (q.start, q.end)),
        selected: selection.nodes.clone(),
    };
    let cache = &mut panel.cache;
    let mut layouter = |ui: &Ui, text: &dyn egui::TextBuffer, wrap_width: f32| {
        let key = CacheKey {
            width: wrap_width.to_bits(),
            ..key.clone()
        };
        if let Some((cached, galley)) = cache.as_ref()
            && *cached == key
        {
            return galley.clone();
        }
        let look = highlight::Look {
            font: FontId::proportional(SOURCE_TEXT_SIZE),
            uncited,
            flash: key.flash,
            selected: &key.selected,
        };
        let job = highlight::layout_job(text.as_str(), spans, &look, wrap_width);
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        *cache = Some((key, galley.clone()));
        galley
    };
    let scrolled = egui::ScrollArea::vertical()
        .id_salt(("source-scroll", id.0))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut text: &str = &source.text;
            let output = TextEdit::multiline(&mut text)
                .id(text_id(id))
                .desired_width(f32::INFINITY)
                .frame(egui::Frame::NONE)
                .layouter(&mut layouter)
                .show(ui);
            if let Some(r) = reveal {
                let at = output
                    .galley
                    .pos_from_cursor(CCursor::new(r.start))
                    .translate(output.galley_pos.to_vec2());
                ui.scroll_to_rect(at.expand(40.0), Some(Align::Center));
            }
            output
        });
    panel.scroll_offset = scrolled.state.clamped_offset().y;
    let output = scrolled.inner;
    let title = &source.title;
    output.response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::accesskit::Role::Document,
            true,
            format!("Source text: {title}"),
        )
    });
    after_text_ui(ui, map, id, spans, &output, panel, selection, canvas)
}

/// A passage asked to be shown: select it in the text, start its flash.
/// Returns it so the caller scrolls to it once laid out.
fn prepare_reveal(ui: &Ui, id: SourceId, panel: &mut SourcePanel) -> Option<QuotePayload> {
    let now = ui.input(|i| i.time);
    let reveal = panel.reveal.filter(|r| r.source == id);
    if let Some(r) = reveal {
        panel.reveal = None;
        let text_id = text_id(id);
        let mut state = TextEditState::load(ui.ctx(), text_id).unwrap_or_default();
        state.cursor.set_char_range(Some(CCursorRange::two(
            CCursor::new(r.start),
            CCursor::new(r.end),
        )));
        state.store(ui.ctx(), text_id);
        panel.flash = Some((r, now + FLASH_SECONDS));
        panel.selection = Some(r);
    }
    if panel
        .flash
        .is_some_and(|(q, until)| q.source != id || until <= now)
    {
        panel.flash = None;
    }
    if panel.flash.is_some() {
        ui.ctx().request_repaint();
    }
    reveal
}

/// The selection, hovering and clicking on highlighted words, shortcuts
/// and the context menu, once the text is shown.
#[expect(
    clippy::too_many_arguments,
    reason = "the panel's parts are separate borrows of the app"
)]
fn after_text_ui(
    ui: &Ui,
    map: &Map,
    id: SourceId,
    spans: &[Highlight],
    output: &egui::text_edit::TextEditOutput,
    panel: &mut SourcePanel,
    selection: &mut Selection,
    canvas: &mut CanvasState,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    if let Some(range) = output.cursor_range {
        let r = range.as_sorted_char_range();
        panel.selection = (r.start.0 < r.end.0).then_some(QuotePayload {
            source: id,
            start: r.start.0,
            end: r.end.0,
        });
    }
    // Pointer over highlighted words: their boxes light up on the canvas;
    // a click on them selects those boxes.
    panel.hovered_nodes.clear();
    if let Some(pointer) = output.response.hover_pos() {
        let at = output
            .galley
            .cursor_from_pos(pointer - output.galley_pos)
            .index
            .0;
        panel.hovered_nodes = nodes_at(spans, at);
    }
    if output.response.clicked() && panel.selection.is_none() && !panel.hovered_nodes.is_empty() {
        selection.clear();
        selection.nodes.extend(panel.hovered_nodes.iter().copied());
        canvas.reveal = panel.hovered_nodes.first().copied();
    }
    if output.response.has_focus() {
        intents.extend(text_shortcuts(ui, map, panel, selection, canvas));
    }
    if let Some(quote) = panel.selection {
        output.response.context_menu(|ui| {
            let chosen = quote_actions_ui(ui, map, quote, selection, canvas);
            if !chosen.is_empty() {
                ui.close();
            }
            intents.extend(chosen);
        });
    }
    intents
}

/// Ctrl+Enter: new claim; Ctrl+Shift+Enter: new evidence; Ctrl+L: attach.
fn text_shortcuts(
    ui: &Ui,
    map: &Map,
    panel: &SourcePanel,
    selection: &mut Selection,
    canvas: &mut CanvasState,
) -> Vec<Intent> {
    let Some(quote) = panel.selection else {
        return Vec::new();
    };
    let pressed =
        |m: Modifiers, k: Key| ui.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(m, k)));
    if pressed(Modifiers::COMMAND | Modifiers::SHIFT, Key::Enter) {
        return new_box(map, quote, NodeKind::Evidence, None, selection, canvas);
    }
    if pressed(Modifiers::COMMAND, Key::Enter) {
        return new_box(map, quote, NodeKind::Claim, None, selection, canvas);
    }
    if pressed(Modifiers::COMMAND, Key::L) {
        return attach(map, quote, selection.single_node());
    }
    Vec::new()
}
