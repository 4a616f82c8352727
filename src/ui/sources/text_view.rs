//! The shown source text: cut into blocks ([`super::blocks`]) of which only
//! those on screen are laid out, each with its highlights; scrolled to a
//! revealed passage; read for the selection, pointer and shortcuts.
//!
//! Galleys are never kept across frames here: egui's own cache keeps them,
//! and drops them when it rebuilds its font atlas (as it does when fonts
//! arrive or the scale changes). A galley kept past that points into the old
//! atlas and draws garbage.

use super::blocks::{Block, block_of};
use super::derived::Derived;
use super::highlight::{self, Highlight, nodes_at};
use super::marks;
use super::{
    FLASH_SECONDS, QuotePayload, SOURCE_TEXT_SIZE, SourcePanel, attach, new_box, quote_actions_ui,
};
use crate::model::{NodeId, NodeKind, SourceId};
use crate::ui::context::ViewContext;
use crate::ui::intent::Intent;
use egui::text::{CCursor, CCursorRange};
use egui::text_edit::{TextEditOutput, TextEditState};
use egui::{Align, FontId, Id, Key, KeyboardShortcut, Modifiers, Rect, TextEdit, Ui, UiBuilder};
use std::collections::BTreeSet;

/// Blocks laid out beyond the visible ones, above and below, in points.
const OVERSCAN: f32 = 200.0;

/// The id of one block's text view.
pub fn block_id(source: SourceId, block: usize) -> Id {
    Id::unique(("source-text", source.0, block))
}

/// Measured heights of a source's blocks at one width; estimates elsewhere.
#[derive(Debug, Default)]
pub(super) struct Heights {
    source: Option<SourceId>,
    revision: u64,
    width_bits: u32,
    measured: Vec<Option<f32>>,
}

impl Heights {
    fn for_view(&mut self, source: SourceId, revision: u64, width: f32, blocks: usize) {
        let fresh = self.source != Some(source)
            || self.revision != revision
            || self.width_bits != width.to_bits()
            || self.measured.len() != blocks;
        if fresh {
            *self = Self {
                source: Some(source),
                revision,
                width_bits: width.to_bits(),
                measured: vec![None; blocks],
            };
        }
    }
}

/// A guess at a block's height before it is laid out: its lines, wrapped at
/// an average glyph width.
fn estimated_height(block: &Block, width: f32, row: f32) -> f32 {
    let per_row = (width / (SOURCE_TEXT_SIZE * 0.5)).max(8.0);
    let rows = block.breaks as f32 + (block.chars() as f32 / per_row).ceil() + 1.0;
    rows * row
}

pub(super) fn text_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    derived: &Derived,
    panel: &mut SourcePanel,
) -> Vec<Intent> {
    let map = view.map;
    let (id, revision) = (derived.source, derived.revision);
    let Some(source) = map.sources.get(&id) else {
        return Vec::new();
    };
    let uncited: &[(usize, usize)] = if panel.dim_uncited {
        &derived.uncited
    } else {
        &[]
    };
    let blocks = &derived.blocks;
    let reveal = prepare_reveal(ui, id, blocks, panel);
    let font = FontId::proportional(SOURCE_TEXT_SIZE);
    let row = ui.fonts_mut(|f| f.row_height(&font));
    let flash = panel.flash.map(|(q, _)| (q.start, q.end));
    let selected = &view.selection.nodes;
    let title = source.title.clone();
    let heights = &mut panel.heights;
    let scrolled = egui::ScrollArea::vertical()
        .id_salt(("source-scroll", id.0))
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let width = ui.available_width();
            heights.for_view(id, revision, width, blocks.len());
            let mut tops = Vec::with_capacity(blocks.len());
            let mut y = 0.0;
            for (block, measured) in blocks.iter().zip(&heights.measured) {
                tops.push(y);
                y += measured.unwrap_or_else(|| estimated_height(block, width, row));
            }
            ui.set_min_size(egui::vec2(width, y));
            let origin = ui.max_rect().min;
            let wanted = viewport.expand2(egui::vec2(0.0, OVERSCAN));
            let reveal_block = reveal.map(|r| block_of(blocks, r.start));
            let mut shown = Vec::new();
            for (i, block) in blocks.iter().enumerate() {
                let top = tops.get(i).copied().unwrap_or_default();
                let height = heights.measured.get(i).copied().flatten();
                let bottom = top + height.unwrap_or_else(|| estimated_height(block, width, row));
                if (bottom < wanted.top() || top > wanted.bottom()) && reveal_block != Some(i) {
                    continue;
                }
                let look = BlockLook {
                    block,
                    highlights: &derived.spans,
                    uncited,
                    flash,
                    selected,
                    font: font.clone(),
                };
                let rect = Rect::from_min_size(
                    origin + egui::vec2(0.0, top),
                    egui::vec2(width, f32::INFINITY),
                );
                let mut child = ui.new_child(UiBuilder::new().max_rect(rect));
                let output = block_ui(&mut child, &source.text, id, i, blocks.len(), &title, &look);
                let measured = output.response.rect.height();
                if height.is_none_or(|h| (h - measured).abs() > 0.5) {
                    // Blocks below move to their true place next frame.
                    ui.ctx().request_repaint();
                }
                if let Some(slot) = heights.measured.get_mut(i) {
                    *slot = Some(measured);
                }
                if let Some(r) = reveal.filter(|_| reveal_block == Some(i)) {
                    let at = output
                        .galley
                        .pos_from_cursor(CCursor::new(r.start - block.start))
                        .translate(output.galley_pos.to_vec2());
                    ui.scroll_to_rect(at.expand(40.0), Some(Align::Center));
                }
                shown.push((*block, output));
            }
            shown
        });
    panel.scroll_offset = scrolled.state.clamped_offset().y;
    panel.hovered_nodes.clear();
    let mut intents = Vec::new();
    for (block, output) in &scrolled.inner {
        intents.extend(after_block_ui(
            ui,
            view,
            id,
            block,
            &derived.spans,
            output,
            panel,
        ));
    }
    intents
}

/// How one block is to look: the source's highlights, uncited sentences and
/// flash, seen from the block (in chars of the whole text).
struct BlockLook<'a> {
    block: &'a Block,
    highlights: &'a [Highlight],
    uncited: &'a [(usize, usize)],
    flash: Option<(usize, usize)>,
    selected: &'a BTreeSet<NodeId>,
    font: FontId,
}

impl BlockLook<'_> {
    /// `(start, end)` of the whole text as a range inside the block, if it
    /// overlaps the block.
    fn local(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let (s, e) = (start.max(self.block.start), end.min(self.block.end));
        (s < e).then(|| (s - self.block.start, e - self.block.start))
    }
}

/// One block as a read-only text view; egui caches its layout.
fn block_ui(
    ui: &mut Ui,
    text: &str,
    source: SourceId,
    index: usize,
    count: usize,
    title: &str,
    look: &BlockLook<'_>,
) -> TextEditOutput {
    // Highlights are sorted by start: only those starting before the block's
    // end can reach into it.
    let before_end = look
        .highlights
        .partition_point(|h| h.start < look.block.end);
    let spans: Vec<Highlight> = look
        .highlights
        .get(..before_end)
        .unwrap_or_default()
        .iter()
        .filter_map(|h| {
            look.local(h.start, h.end).map(|(start, end)| Highlight {
                start,
                end,
                ..h.clone()
            })
        })
        .collect();
    // Sentences are sorted and do not overlap: find the block's by halving.
    let first = look
        .uncited
        .partition_point(|&(_, e)| e <= look.block.start);
    let uncited: Vec<(usize, usize)> = look
        .uncited
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&(s, _)| s < look.block.end)
        .filter_map(|&(s, e)| look.local(s, e))
        .collect();
    let flash = look.flash.and_then(|(s, e)| look.local(s, e));
    let mut layouter = |ui: &Ui, buffer: &dyn egui::TextBuffer, wrap_width: f32| {
        let job_look = highlight::Look {
            font: look.font.clone(),
            uncited: &uncited,
            flash,
        };
        let job = highlight::layout_job(buffer.as_str(), &job_look, wrap_width);
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let mut shown: &str = text
        .get(look.block.byte_start..look.block.byte_end)
        .unwrap_or_default();
    // The highlights go behind the text, painted from its rows once laid out.
    let behind = ui.painter().add(egui::Shape::Noop);
    let output = TextEdit::multiline(&mut shown)
        .id(block_id(source, index))
        .desired_width(f32::INFINITY)
        .frame(egui::Frame::NONE)
        .layouter(&mut layouter)
        .show(ui);
    let marks = marks::marks(&spans, look.selected);
    if !marks.is_empty() {
        let shapes = marks::mark_shapes(&output.galley, output.galley_pos, &marks);
        ui.painter().set(behind, egui::Shape::Vec(shapes));
    }
    let label = if count > 1 {
        format!("Source text: {title} (part {} of {count})", index + 1)
    } else {
        format!("Source text: {title}")
    };
    output
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Document, true, &label));
    output
}

/// A passage asked to be shown: select it in its block, start its flash.
/// Returns it so the caller scrolls to it once laid out.
fn prepare_reveal(
    ui: &Ui,
    id: SourceId,
    blocks: &[Block],
    panel: &mut SourcePanel,
) -> Option<QuotePayload> {
    let now = ui.input(|i| i.time);
    let reveal = panel.reveal.filter(|r| r.source == id);
    if let Some(r) = reveal {
        panel.reveal = None;
        let index = block_of(blocks, r.start);
        if let Some(block) = blocks.get(index) {
            // A passage across blocks is selected up to its block's end.
            let (start, end) = (r.start - block.start, r.end.min(block.end) - block.start);
            let text_id = block_id(id, index);
            let mut state = TextEditState::load(ui.ctx(), text_id).unwrap_or_default();
            state.cursor.set_char_range(Some(CCursorRange::two(
                CCursor::new(start),
                CCursor::new(end),
            )));
            state.store(ui.ctx(), text_id);
        }
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
/// and the context menu of one shown block.
fn after_block_ui(
    ui: &Ui,
    view: &ViewContext<'_>,
    id: SourceId,
    block: &Block,
    spans: &[Highlight],
    output: &TextEditOutput,
    panel: &mut SourcePanel,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    let focused = output.response.has_focus();
    if focused && let Some(range) = output.cursor_range {
        let r = range.as_sorted_char_range();
        panel.selection = (r.start.0 < r.end.0).then_some(QuotePayload {
            source: id,
            start: block.start + r.start.0,
            end: block.start + r.end.0,
        });
    }
    // Pointer over highlighted words: their boxes light up on the canvas;
    // a click on them selects those boxes.
    if let Some(pointer) = output.response.hover_pos() {
        let at = output
            .galley
            .cursor_from_pos(pointer - output.galley_pos)
            .index
            .0;
        panel.hovered_nodes = nodes_at(spans, block.start + at);
    }
    if output.response.clicked() && panel.selection.is_none() && !panel.hovered_nodes.is_empty() {
        intents.push(Intent::Select(
            panel.hovered_nodes.iter().copied().collect(),
        ));
        if let Some(first) = panel.hovered_nodes.first() {
            intents.push(Intent::Reveal(*first));
        }
    }
    if focused {
        intents.extend(text_shortcuts(ui, view, panel));
    }
    if let Some(quote) = panel
        .selection
        .filter(|q| q.start >= block.start && q.start < block.end)
    {
        output.response.context_menu(|ui| {
            let chosen = quote_actions_ui(ui, view, quote);
            if !chosen.is_empty() {
                ui.close();
            }
            intents.extend(chosen);
        });
    }
    intents
}

/// Ctrl+Enter: new claim; Ctrl+Shift+Enter: new evidence; Ctrl+L: attach.
fn text_shortcuts(ui: &Ui, view: &ViewContext<'_>, panel: &SourcePanel) -> Vec<Intent> {
    let Some(quote) = panel.selection else {
        return Vec::new();
    };
    let pressed =
        |m: Modifiers, k: Key| ui.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(m, k)));
    let (map, at) = (view.map, view.view_center);
    if pressed(Modifiers::COMMAND | Modifiers::SHIFT, Key::Enter) {
        return new_box(map, quote, NodeKind::Evidence, at);
    }
    if pressed(Modifiers::COMMAND, Key::Enter) {
        return new_box(map, quote, NodeKind::Claim, at);
    }
    if pressed(Modifiers::COMMAND, Key::L) {
        return attach(map, quote, view.selection.single_node());
    }
    Vec::new()
}
