//! The Argmap window: panels around the canvas, one place where intents
//! are applied, dialogs for unsaved changes and crash recovery.

use super::canvas::{self, CanvasState};
use super::context::ViewContext;
use super::dialogs::FileDialogs;
use super::document::Document;
use super::export::{ExportChoices, ExportJob};
use super::find::FindState;
use super::inspector::InspectorState;
use super::intent::{Command, Intent};
use super::measure::EguiMeasure;
use super::menu_bar::{self, MenuState};
use super::recovery::{Recovered, Recovery};
use super::selection::Selection;
use super::sources::{self, SourcePanel};
use super::{fonts, shortcuts, theme};
use crate::model::{Map, NodeId};
use crate::render::{self, DisplayList};
use egui::{Panel, RichText, Ui, ViewportCommand};
use std::path::PathBuf;
use std::time::Duration;

/// How much of a frame routing lines around boxes may take: opening or
/// editing a big map routes its lines over the frames that follow. None in
/// a frame that already drew a change (a drag, an edit, an undo): lines at
/// a box being dragged go straight while it moves and find their way when
/// it rests.
const ROUTE_BUDGET: Duration = Duration::from_millis(2);

/// A line in the status bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// An action waiting for the user to decide about unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New,
    Open(Option<PathBuf>),
    Quit,
}

/// What the app gets from outside: dialogs, and where recovery files go.
pub struct Services {
    pub dialogs: Box<dyn FileDialogs>,
    pub recovery_dir: Option<PathBuf>,
}

/// How many maps File > Open recent remembers.
const RECENT_LIMIT: usize = 10;

pub struct ArgmapApp {
    pub doc: Document,
    pub canvas: CanvasState,
    pub selection: Selection,
    pub status: Option<Status>,
    pub pending: Option<Pending>,
    pub recent: Vec<PathBuf>,
    pub show_shortcuts: bool,
    pub find: FindState,
    pub sources: SourcePanel,
    /// The export dialog, while open.
    pub export_choices: Option<ExportChoices>,
    pub export_job: Option<ExportJob>,
    /// A map left by a crash, offered for restoring.
    pub offer: Option<Recovered>,
    pub(super) inspector: InspectorState,
    /// What the window is for right now: editing, presenting, comparing.
    pub mode: super::modes::Mode,
    /// The panel where the presentation's steps are set, open or not.
    pub steps_panel: bool,
    /// Which boxes stand: shown or not, and the last evaluation.
    pub evaluation: super::evaluation::EvaluationView,
    pub(super) dialogs: Box<dyn FileDialogs>,
    pub(super) recovery: Option<Recovery>,
    pub(super) clipboard: Option<Map>,
    pub(super) pastes: u32,
    pub(super) allow_close: bool,
    pub(super) scene: render::Scene,
    /// What the scene was built from: the map's revision and the focus.
    scene_key: Option<(u64, Option<NodeId>)>,
    pub(super) measure: Option<EguiMeasure>,
    title_sent: String,
    autosaved_revision: Option<u64>,
}

impl ArgmapApp {
    pub fn new(doc: Document, services: Services) -> Self {
        let recovery = services.recovery_dir.map(Recovery::new);
        let offer = recovery.as_ref().and_then(Recovery::find);
        let mut app = Self {
            doc,
            canvas: CanvasState::fitted(),
            selection: Selection::default(),
            status: None,
            pending: None,
            recent: Vec::new(),
            show_shortcuts: false,
            find: FindState::default(),
            sources: SourcePanel::default(),
            export_choices: None,
            export_job: None,
            offer,
            inspector: InspectorState::default(),
            mode: super::modes::Mode::Edit,
            steps_panel: false,
            evaluation: super::evaluation::EvaluationView::default(),
            dialogs: services.dialogs,
            recovery,
            clipboard: None,
            pastes: 0,
            allow_close: false,
            scene: render::Scene::default(),
            scene_key: None,
            measure: None,
            title_sent: String::new(),
            autosaved_revision: None,
        };
        app.check_sources(true);
        app
    }

    /// The display list of the map as it is now.
    pub fn scene(&self) -> &DisplayList {
        &self.scene.list
    }

    /// Whether some arrows are still drawn straight, to be routed around
    /// boxes over the next frames.
    pub fn routes_pending(&self) -> bool {
        self.scene.routes_pending()
    }

    /// Replaces the open document (after New, Open, Restore).
    pub(super) fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.scene_key = None;
        self.canvas.focus = None;
        self.selection.clear();
        self.canvas.editing = None;
        self.canvas.fit_requested = true;
        self.canvas.readable_on_open = true;
        self.autosaved_revision = None;
        self.sources = SourcePanel::default();
        self.evaluation.forget();
        self.evaluation.refresh(&self.doc);
        self.check_sources(true);
    }

    pub(super) fn remember_recent(&mut self) {
        if let Some(path) = self.doc.path().map(std::path::Path::to_path_buf) {
            self.recent.retain(|p| *p != path);
            self.recent.insert(0, path);
            self.recent.truncate(RECENT_LIMIT);
        }
    }

    pub(super) fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub(super) fn fail(&mut self, text: impl Into<String>) {
        let text = text.into();
        log_error(&text);
        self.status = Some(Status { text, error: true });
    }

    /// What panels read this frame: the map, its picture, the selection.
    pub(super) fn view_context(&self) -> ViewContext<'_> {
        let view_center = self
            .canvas
            .last_rect
            .map_or(crate::model::Point::default(), |r| {
                self.canvas.view.visible(r).center()
            });
        ViewContext {
            map: self.doc.map(),
            scene: &self.scene.list,
            selection: &self.selection,
            evaluation: self.evaluation.current(),
            sources_revision: self.doc.sources_revision(),
            revision: self.doc.revision(),
            changes: self.doc.changes(),
            quote: self.sources.selection,
            view_center,
        }
    }

    /// Brings the scene up to date with the map. Returns whether it drew
    /// a change.
    fn refresh_scene(&mut self, ctx: &egui::Context) -> bool {
        let measure = self.measure.get_or_insert_with(|| EguiMeasure::new(ctx));
        // A focused box that is gone (deleted, undone) ends the focus.
        if self
            .canvas
            .focus
            .is_some_and(|f| !self.doc.map().nodes.contains_key(&f))
        {
            self.canvas.focus = None;
        }
        let key = (self.doc.revision(), self.canvas.focus);
        let slid = self
            .scene_key
            .filter(|(before, focus)| *focus == key.1 && before + 1 == key.0)
            .and_then(|_| self.doc.moved_at(key.0));
        let changed = self.scene_key != Some(key);
        if let Some(moved) = slid {
            let moved: std::collections::BTreeSet<NodeId> = moved.iter().copied().collect();
            self.scene.slide(self.doc.map(), &moved);
            self.scene_key = Some(key);
        } else if self.scene_key != Some(key) {
            // Without a focus, only what the changes touched is drawn anew.
            let patched = self
                .scene_key
                .filter(|(_, focus)| focus.is_none() && key.1.is_none())
                .and_then(|(before, _)| self.doc.changes_since(before))
                .is_some_and(|touched| self.scene.patch(self.doc.map(), measure, &touched));
            if !patched {
                let only = self
                    .canvas
                    .focus
                    .map(|f| crate::model::tree::focus_of(self.doc.map(), f));
                self.scene.rebuild(self.doc.map(), measure, only.as_ref());
            }
            self.scene_key = Some(key);
        }
        if self.canvas.shows_trees() {
            self.scene.refresh_landmarks(self.doc.map());
        }
        changed
    }

    /// One frame of the whole window.
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.measure.is_none() {
            fonts::install(&ctx);
            ctx.set_theme(egui::Theme::Light);
        }
        let drew_change = self.refresh_scene(&ctx);
        self.handle_close_request(&ctx);
        let mut intents = Self::dropped_file_intents(&ctx);

        let text_focus = ctx.text_edit_focused();
        let modal_open = self.pending.is_some() || self.offer.is_some();
        if !modal_open {
            intents.extend(
                shortcuts::pressed_commands(ui, text_focus)
                    .into_iter()
                    .map(Intent::Command),
            );
            let editing = matches!(self.mode, super::modes::Mode::Edit);
            if editing && !text_focus && self.canvas.editing.is_none() {
                intents.extend(canvas::keyboard_intents(
                    ui,
                    self.doc.map(),
                    &self.scene.list,
                    &mut self.canvas,
                    &mut self.selection,
                ));
            }
        }

        let menu_state = MenuState {
            evaluation_shown: self.evaluation.shown,
            focused: self.canvas.focus.is_some(),
            map: self.doc.map(),
            can_undo: self.doc.can_undo(),
            can_redo: self.doc.can_redo(),
            has_selection: !self.selection.is_empty(),
            can_paste: self.clipboard.is_some(),
            minimap_shown: self.canvas.minimap,
            recent: &self.recent,
        };
        // A presentation has the whole screen: no menus, no status line.
        if !matches!(self.mode, super::modes::Mode::Present(_)) {
            let commands = Panel::top("menu-bar")
                .show(ui, |ui| menu_bar::menu_bar_ui(ui, &menu_state))
                .inner;
            intents.extend(commands.into_iter().map(Intent::Command));
            Panel::bottom("status-bar").show(ui, |ui| self.status_ui(ui));
        }
        intents.extend(match self.mode {
            super::modes::Mode::Edit => super::modes::edit::edit_ui(self, ui),
            super::modes::Mode::Present(_) => super::modes::present::present_ui(self, ui),
            super::modes::Mode::Compare(_) => super::modes::compare::compare_ui(self, ui),
        });
        self.dialogs_ui(&ctx);
        if self.steps_panel && matches!(self.mode, super::modes::Mode::Edit) {
            intents.extend(super::steps_panel::steps_panel_ui(
                &ctx,
                self.doc.map(),
                &mut self.steps_panel,
            ));
        }
        intents.extend(sources::source_dialogs_ui(
            &ctx,
            self.doc.map(),
            &mut self.sources.dialog,
        ));

        let changed = !intents.is_empty();
        let drew_change = self.apply_intents(&ctx, intents) || drew_change;
        if changed {
            ctx.request_repaint();
        }
        self.route_some(&ctx, drew_change);
        self.update_title(&ctx);
        self.autosave(ui);
    }

    /// Applies the frame's intents, then brings the scene up to date.
    /// Returns whether the scene drew a change.
    fn apply_intents(&mut self, ctx: &egui::Context, intents: Vec<Intent>) -> bool {
        for intent in intents {
            match intent {
                Intent::Edit(edit) => {
                    if let Err(e) = self.doc.apply(edit) {
                        self.fail(format!("That change was refused: {e}."));
                    }
                }
                Intent::PreviewMove(to) => self.doc.preview_move(&to),
                Intent::FinishMove => {
                    if let Err(e) = self.doc.finish_move() {
                        self.fail(format!("The move was refused: {e}."));
                    }
                }
                Intent::Command(command) => self.run(ctx, command),
                Intent::Select(nodes) => {
                    self.selection.clear();
                    self.selection.nodes.extend(nodes);
                }
                Intent::Reveal(node) => self.canvas.reveal = Some(node),
            }
        }
        // A box made for typing into is the selected one.
        if let Some(editing) = self.canvas.editing.as_ref().filter(|e| e.is_new)
            && !self.selection.nodes.contains(&editing.node)
        {
            self.selection.only_node(editing.node);
        }
        self.selection.retain_existing(self.doc.map());
        let drew_change = self.refresh_scene(ctx);
        self.evaluation.refresh(&self.doc);
        drew_change
    }

    /// Lines drawn straight for now find their way around the boxes, as
    /// many as a slice of a calm frame allows (none in a frame that drew a
    /// change); the rest in the frames after.
    fn route_some(&mut self, ctx: &egui::Context, drew_change: bool) {
        let budget = if drew_change {
            Duration::ZERO
        } else {
            ROUTE_BUDGET
        };
        if self.scene.route_some(self.doc.map(), budget) {
            ctx.request_repaint();
        }
    }

    fn status_ui(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            if let Some(status) = &self.status {
                let text = RichText::new(&status.text);
                ui.label(if status.error {
                    text.color(theme::ERROR_TEXT)
                } else {
                    text
                });
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let map = self.doc.map();
                ui.label(format!(
                    "{} boxes · {} arrows · {:.0} %",
                    map.nodes.len(),
                    map.edges.len(),
                    self.canvas.view.zoom * 100.0
                ));
            });
        });
    }

    /// Maps dropped on the window open; text files become sources.
    fn dropped_file_intents(ctx: &egui::Context) -> Vec<Intent> {
        ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .map(|p| {
                    if crate::files::opens_as_map(&p) {
                        Intent::Command(Command::OpenPath(p))
                    } else {
                        Intent::Command(Command::AddSourceFile(Some(p)))
                    }
                })
                .collect()
        })
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        let asked = ctx.input(|i| i.viewport().close_requested());
        if asked && self.doc.is_dirty() && !self.allow_close {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.pending = Some(Pending::Quit);
        }
    }

    /// The title: file name, a star when there are unsaved changes.
    pub fn window_title(&self) -> String {
        let dirty = if self.doc.is_dirty() { "*" } else { "" };
        format!("{}{dirty} — Argmap", self.doc.display_name())
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    fn autosave(&mut self, ui: &Ui) {
        let now = ui.input(|i| i.time);
        let Some(recovery) = self.recovery.as_mut() else {
            return;
        };
        if !self.doc.is_dirty() {
            // Undone back to the saved state: nothing is left to recover.
            if self.autosaved_revision.take().is_some() {
                recovery.clear();
            }
            return;
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs_f64(
                super::recovery::INTERVAL_SECONDS,
            ));
        if recovery.due(now)
            && self.autosaved_revision != Some(self.doc.revision())
            && !self.canvas.is_dragging()
        {
            match recovery.write(self.doc.map(), self.doc.path(), now) {
                Ok(()) => self.autosaved_revision = Some(self.doc.revision()),
                Err(e) => self.fail(format!("Could not write the recovery copy: {e}")),
            }
        }
    }
}

fn log_error(text: &str) {
    eprintln!("argmap: {text}");
}

impl eframe::App for ArgmapApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let state = super::Persisted {
            last_map: self.doc.path().map(std::path::Path::to_path_buf),
            recent: self.recent.clone(),
        };
        eframe::set_value(storage, eframe::APP_KEY, &state);
    }

    fn on_exit(&mut self) {
        if !self.doc.is_dirty()
            && let Some(recovery) = self.recovery.as_mut()
        {
            recovery.clear();
        }
    }
}

#[cfg(test)]
mod tests;
