//! The source panel: the map's sources as tabs, the text with every span
//! highlighted, and the way from highlighted words to boxes and back.

mod blocks;
mod derived;
mod dialogs;
mod highlight;
mod marks;
mod text_view;

pub use dialogs::{SourceDialog, source_dialogs_ui};
pub use highlight::{Highlight, highlights, nodes_at};

use super::context::ViewContext;
use super::intent::{Command, Intent};
use crate::model::{Map, NodeId, NodeKind, Point, SourceId};
use crate::ops::compose;
use egui::{Id, RichText, Ui};
use std::collections::BTreeSet;

/// What is dragged from the source panel onto the canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuotePayload {
    pub source: SourceId,
    pub start: usize,
    pub end: usize,
}

/// How long a revealed passage flashes, in seconds.
const FLASH_SECONDS: f64 = 1.6;
/// Size of source text, in points.
pub const SOURCE_TEXT_SIZE: f32 = 14.0;

#[derive(Default)]
pub struct SourcePanel {
    /// The tab shown.
    pub active: Option<SourceId>,
    /// The words selected in the shown text.
    pub selection: Option<QuotePayload>,
    /// A passage to scroll to, select and flash next frame.
    pub reveal: Option<QuotePayload>,
    flash: Option<(QuotePayload, f64)>,
    pub dim_uncited: bool,
    /// Boxes whose words the pointer is over.
    pub hovered_nodes: BTreeSet<NodeId>,
    pub dialog: Option<SourceDialog>,
    /// Sources whose file was not read (outside the map's folder, missing,
    /// unfit), with why: shown above their text, with a way to pick the file.
    pub unread: std::collections::BTreeMap<SourceId, String>,
    /// How far the shown text is scrolled, in points (last frame).
    pub scroll_offset: f32,
    /// Highlights, blocks and coverage of the shown source, for one state of
    /// the map's spans and sources.
    derived: derived::DerivedCache,
    /// Heights of the shown source's blocks, as laid out.
    heights: text_view::Heights,
}

impl SourcePanel {
    /// Whether the shown source is still being prepared (a long text).
    pub fn is_preparing(&self) -> bool {
        self.derived.is_pending()
    }

    /// Shows `quote` next frame: its tab, scrolled to, selected, flashing.
    pub fn show_passage(&mut self, quote: QuotePayload) {
        self.active = Some(quote.source);
        self.reveal = Some(quote);
    }
}

/// The panel for this frame. `revision` names the state of the map's spans
/// and sources, for caching.
pub fn source_panel_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    panel: &mut SourcePanel,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    let (map, revision) = (view.map, view.sources_revision);
    if panel.active.is_none_or(|a| !map.sources.contains_key(&a)) {
        panel.active = map.sources.keys().next().copied();
    }
    tabs_ui(ui, map, panel, &mut intents);
    let Some(source) = panel.active.and_then(|id| map.sources.get(&id)) else {
        ui.add_space(12.0);
        ui.label("No sources yet. Add an article, a speech or a treaty, highlight its words, and turn them into claims.");
        if ui.button("Add a text file…").clicked() {
            intents.push(Intent::Command(Command::AddSourceFile(None)));
        }
        if ui.button("Paste text as a new source…").clicked() {
            panel.dialog = Some(SourceDialog::paste());
        }
        return intents;
    };
    let id = source.id;
    ui.horizontal(|ui| {
        ui.label(RichText::new(&source.title).strong());
    });
    ui.horizontal(|ui| {
        if ui.small_button("Rename…").clicked() {
            panel.dialog = Some(SourceDialog::Rename {
                source: id,
                title: source.title.clone(),
            });
        }
        if ui.small_button("Remove…").clicked() {
            panel.dialog = Some(SourceDialog::ConfirmRemove { source: id });
        }
        ui.checkbox(&mut panel.dim_uncited, "Dim uncited");
    });
    if let Some(reason) = panel.unread.get(&id) {
        ui.label(
            RichText::new(format!("\u{26a0} The source file was not read: {reason}"))
                .small()
                .color(super::theme::ORPHAN),
        );
        if ui
            .small_button("Pick the file to re-read…")
            .on_hover_text(
                "Choose the file yourself; Argmap never reads outside the map's folder on its own",
            )
            .clicked()
        {
            intents.push(Intent::Command(Command::PickSourceFile(id)));
        }
    }
    let derived = panel
        .derived
        .get(map, revision, id, (view.revision, view.changes));
    if panel.derived.is_pending() {
        // A long text is being prepared on a worker: look again soon.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(50));
    }
    match &derived {
        Some(d) => {
            ui.label(
                RichText::new(format!("{} of {} sentences cited", d.cited(), d.sentences))
                    .small()
                    .weak(),
            );
        }
        None => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(RichText::new("Preparing the text…").small().weak());
            });
        }
    }
    intents.extend(selection_toolbar_ui(ui, view, panel));
    ui.separator();

    let Some(derived) = derived else {
        return intents;
    };
    intents.extend(text_view::text_ui(ui, view, &derived, panel));
    intents
}

fn tabs_ui(ui: &mut Ui, map: &Map, panel: &mut SourcePanel, intents: &mut Vec<Intent>) {
    ui.horizontal_wrapped(|ui| {
        for source in map.sources.values() {
            let short: String = source.title.chars().take(24).collect();
            let label = if short.len() < source.title.len() {
                format!("{short}…")
            } else {
                short
            };
            if ui
                .selectable_label(panel.active == Some(source.id), label)
                .on_hover_text(&source.title)
                .clicked()
            {
                panel.active = Some(source.id);
                panel.selection = None;
            }
        }
        ui.menu_button("+ Source", |ui| {
            if ui.button("Add a text file…").clicked() {
                intents.push(Intent::Command(Command::AddSourceFile(None)));
                ui.close();
            }
            if ui.button("Paste text as a new source…").clicked() {
                panel.dialog = Some(SourceDialog::paste());
                ui.close();
            }
        });
    });
}

/// Buttons for the selected words: a new claim or evidence, attach to the
/// selected box, or drag them onto the canvas.
fn selection_toolbar_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    panel: &mut SourcePanel,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    let Some(quote) = panel.selection.filter(|q| Some(q.source) == panel.active) else {
        ui.label(
            RichText::new("Select words to make a claim from them.")
                .small()
                .weak(),
        );
        return intents;
    };
    ui.horizontal_wrapped(|ui| {
        intents.extend(quote_actions_ui(ui, view, quote));
        ui.dnd_drag_source(Id::unique("quote-drag"), quote, |ui| {
            ui.label(RichText::new("⠿ drag to canvas").color(super::theme::SELECTION));
        });
    });
    intents
}

/// New claim, new evidence, attach to the selected box: for the selected
/// words, in the toolbar and in the text's context menu.
fn quote_actions_ui(ui: &mut Ui, view: &ViewContext<'_>, quote: QuotePayload) -> Vec<Intent> {
    let mut intents = Vec::new();
    if ui.button("New claim").on_hover_text("Ctrl+Enter").clicked() {
        intents.extend(new_box(view.map, quote, NodeKind::Claim, view.view_center));
    }
    if ui
        .button("New evidence")
        .on_hover_text("Ctrl+Shift+Enter")
        .clicked()
    {
        intents.extend(new_box(
            view.map,
            quote,
            NodeKind::Evidence,
            view.view_center,
        ));
    }
    let target = view.selection.single_node();
    let attach_button = ui
        .add_enabled(target.is_some(), egui::Button::new("Attach to box"))
        .on_hover_text("Ctrl+L: add these words to the selected box");
    if attach_button.clicked() {
        intents.extend(attach(view.map, quote, target));
    }
    intents
}

/// A box made from `quote` at `at`, then selected and brought into view.
pub fn new_box(map: &Map, quote: QuotePayload, kind: NodeKind, at: Point) -> Vec<Intent> {
    let Some((edit, id)) =
        compose::node_from_quote(map, quote.source, quote.start, quote.end, kind, at)
    else {
        return Vec::new();
    };
    let mut intents = vec![Intent::Edit(edit)];
    intents.extend(Intent::go_to(id));
    intents
}

pub fn attach(map: &Map, quote: QuotePayload, node: Option<NodeId>) -> Vec<Intent> {
    node.and_then(|n| compose::attach_quote(map, n, quote.source, quote.start, quote.end))
        .map(Intent::Edit)
        .into_iter()
        .collect()
}
