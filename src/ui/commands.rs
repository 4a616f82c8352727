//! What each app command does: files, history, clipboard, view.

use super::app::{ArgmapApp, Pending};
use super::app_dialogs::UnsavedChoice;
use super::document::Document;
use super::intent::Command;
use crate::io::Format;
use crate::model::{Map, NodeId, Point};
use crate::ops::{Edit, compose};
use egui::ViewportCommand;
use std::path::{Path, PathBuf};

impl ArgmapApp {
    pub(super) fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.unless_dirty(Pending::New, Self::new_map),
            Command::Open => self.unless_dirty(Pending::Open(None), Self::open_with_dialog),
            Command::OpenPath(path) => {
                self.unless_dirty(Pending::Open(Some(path.clone())), |app| {
                    app.open_path(&path);
                });
            }
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::Undo => match self.doc.undo() {
                Ok(true) => {}
                Ok(false) => self.say("Nothing to undo."),
                Err(e) => self.fail(format!("Undo failed: {e}.")),
            },
            Command::Redo => match self.doc.redo() {
                Ok(true) => {}
                Ok(false) => self.say("Nothing to redo."),
                Err(e) => self.fail(format!("Redo failed: {e}.")),
            },
            Command::Copy => self.copy(ctx),
            Command::Cut => {
                self.copy(ctx);
                self.delete_selection();
            }
            Command::Paste => self.paste(),
            Command::DeleteSelection => self.delete_selection(),
            Command::SelectAll => {
                self.selection.nodes = self.doc.map().nodes.keys().copied().collect();
                self.selection.edges.clear();
            }
            Command::ZoomToFit => self.canvas.fit_requested = true,
            Command::GoToMainClaim => self.go_to_main_claim(),
            Command::ToggleMinimap => self.canvas.minimap = !self.canvas.minimap,
            Command::ZoomIn | Command::ZoomOut => {
                let factor = if command == Command::ZoomIn {
                    1.25
                } else {
                    0.8
                };
                if let Some(rect) = self.canvas.last_rect {
                    self.canvas.view.zoom_at(rect, rect.center(), factor);
                }
            }
            Command::Find => self.find.open(),
            Command::ShowShortcuts => self.show_shortcuts = true,
            Command::Quit => self.unless_dirty(Pending::Quit, |app| app.quit(ctx)),
            Command::RevealSpan { node, index } => self.reveal_span(node, index),
            Command::LayoutAll => self.lay_out(false),
            Command::Export => {
                if self.export_job.is_none() {
                    self.export_choices = Some(self.export_choices.take().unwrap_or_default());
                }
            }
            Command::LayoutSelection => self.lay_out(true),
            Command::AddSourceFile(path) => self.add_source_file(path),
            Command::CheckSources => self.check_sources(false),
            Command::PasteSource => {
                self.sources.dialog = Some(super::sources::SourceDialog::paste());
            }
            Command::UpdateSources(changes) => self.update_sources(&changes),
            Command::PickSourceFile(source) => self.pick_source_file(source),
            Command::ToggleEvaluation => {
                self.evaluation.shown = !self.evaluation.shown;
                self.evaluation.refresh(&self.doc);
            }
            Command::ClearAssumptions => self.clear_assumptions(),
            Command::ToggleCollapse => self.toggle_collapse(),
            Command::FocusSelection => {
                let target = self.selection.single_node();
                if target.is_none() {
                    self.say("Select one box to focus on.");
                }
                self.focus_on(target);
            }
            Command::Focus(target) => self.focus_on(target),
            Command::Present => {
                let show = super::modes::Presentation::new(self.doc.map(), &self.scene.list);
                self.mode = super::modes::Mode::Present(show);
                self.canvas.editing = None;
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
            }
            Command::LeavePresentation => {
                self.mode = super::modes::Mode::Edit;
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
            }
            Command::ToggleStepsPanel => self.steps_panel = !self.steps_panel,
            Command::CompareWithModel => self.compare_with_model(),
            Command::LeaveComparison => self.mode = super::modes::Mode::Edit,
        }
    }

    /// Runs `action` now, or asks about unsaved changes first.
    fn unless_dirty(&mut self, pending: Pending, action: impl FnOnce(&mut Self)) {
        if self.doc.is_dirty() {
            self.pending = Some(pending);
        } else {
            action(self);
        }
    }

    pub(super) fn resolve_pending(
        &mut self,
        ctx: &egui::Context,
        pending: &Pending,
        choice: UnsavedChoice,
    ) {
        self.pending = None;
        let go_on = match choice {
            UnsavedChoice::Cancel => false,
            UnsavedChoice::Save => self.save(),
            UnsavedChoice::Discard => true,
        };
        if !go_on {
            return;
        }
        if choice == UnsavedChoice::Discard
            && let Some(recovery) = self.recovery.as_mut()
        {
            recovery.clear();
        }
        match pending {
            Pending::New => self.new_map(),
            Pending::Open(None) => self.open_with_dialog(),
            Pending::Open(Some(path)) => self.open_path(path),
            Pending::Quit => self.quit(ctx),
        }
    }

    pub(super) fn resolve_offer(&mut self, restore: bool) {
        let Some(offer) = self.offer.take() else {
            return;
        };
        if restore {
            let mut doc = Document::new(offer.map, offer.origin);
            doc.mark_unsaved();
            self.replace_document(doc);
            self.say("Restored the unsaved map. Save it to keep it.");
        } else if let Some(recovery) = self.recovery.as_mut() {
            recovery.clear();
        }
    }

    fn new_map(&mut self) {
        self.replace_document(Document::new(Map::new("Untitled map"), None));
        self.say("New map. Double-click the canvas to add a claim.");
    }

    fn open_with_dialog(&mut self) {
        let folder = self.doc.folder();
        if let Some(path) = self.dialogs.pick_map_to_open(folder.as_deref()) {
            self.open_path(&path);
        }
    }

    pub fn open_path(&mut self, path: &Path) {
        match Document::open_reporting(path) {
            Ok((doc, opened)) => {
                let foreign = !doc.saves_in_place();
                self.replace_document(doc);
                self.remember_recent();
                let from = if foreign {
                    format!(
                        " ({}; Save writes a .ron beside it)",
                        opened.format.info().label
                    )
                } else {
                    String::new()
                };
                let skipped = match opened.warnings.as_slice() {
                    [] => ".".to_owned(),
                    [one] => format!("; {one}."),
                    [first, rest @ ..] => format!(
                        "; {first} (and {} more: `argmap convert` lists them).",
                        rest.len()
                    ),
                };
                let message = format!("Opened {}{from}{skipped}", path.display());
                self.say(message);
            }
            Err(e) => self.fail(e.to_string()),
        }
    }

    /// Saves to the document's file, or asks for one. True when saved.
    fn save(&mut self) -> bool {
        match self.doc.path().map(Path::to_path_buf) {
            Some(path) if self.doc.saves_in_place() => self.save_to(&path),
            _ => self.save_as(),
        }
    }

    fn save_as(&mut self) -> bool {
        let suggested = self
            .doc
            .path()
            .map_or_else(|| "map.ron".to_owned(), ron_name_for);
        let folder = self.doc.folder();
        let Some(mut path) = self.dialogs.pick_map_to_save(folder.as_deref(), &suggested) else {
            return false;
        };
        // Save As writes only formats that carry everything; export is
        // for the others.
        if !Format::from_path(&path).is_some_and(Format::is_lossless) {
            path = with_ron_extension(&path);
        }
        self.save_to(&path)
    }

    fn save_to(&mut self, path: &Path) -> bool {
        match self.doc.save_as(path) {
            Ok(()) => {
                if let Some(recovery) = self.recovery.as_mut() {
                    recovery.clear();
                }
                self.remember_recent();
                self.say(format!("Saved {}.", path.display()));
                true
            }
            Err(e) => {
                self.fail(format!("Not saved: {e}"));
                false
            }
        }
    }

    fn quit(&mut self, ctx: &egui::Context) {
        self.allow_close = true;
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }

    /// Arranges the map (or the selected subtrees) as one undo step, with
    /// box sizes as the canvas draws them.
    fn lay_out(&mut self, selection_only: bool) {
        let sizes: crate::layout::Sizes = self
            .scene()
            .boxes
            .iter()
            .map(|b| (b.node, (b.rect.width(), b.rect.height())))
            .collect();
        let scope = if selection_only {
            if self.selection.nodes.is_empty() {
                self.say("Select the boxes whose subtrees to arrange.");
                return;
            }
            crate::layout::Scope::Subtrees(&self.selection.nodes)
        } else {
            crate::layout::Scope::All
        };
        let to = crate::layout::layout(self.doc.map(), &sizes, scope);
        if to.is_empty() {
            self.say("Already laid out.");
            return;
        }
        let moved = to.len();
        match self.doc.apply(Edit::MoveNodes { to }) {
            Ok(()) => {
                if !selection_only {
                    self.canvas.fit_requested = true;
                }
                self.say(format!(
                    "Arranged {moved} boxes. Pinned boxes stayed put; Ctrl+Z undoes it."
                ));
            }
            Err(e) => self.fail(format!("Layout was refused: {e}.")),
        }
    }

    fn copy(&mut self, ctx: &egui::Context) {
        if self.selection.nodes.is_empty() {
            return;
        }
        let part = compose::fragment(self.doc.map(), &self.selection.nodes);
        if let Ok(json) = crate::io::to_text(&part, Format::Json) {
            ctx.copy_text(json);
        }
        self.say(format!("Copied {} boxes.", part.nodes.len()));
        self.clipboard = Some(part);
        self.pastes = 0;
    }

    fn paste(&mut self) {
        let Some(part) = &self.clipboard else { return };
        self.pastes += 1;
        let step = 40.0 * f64::from(self.pastes);
        let (edit, new_nodes) = compose::paste(self.doc.map(), part, Point::new(step, step));
        match self.doc.apply(edit) {
            Ok(()) => {
                self.selection.clear();
                self.selection.nodes.extend(new_nodes);
            }
            Err(e) => self.fail(format!("Paste was refused: {e}.")),
        }
    }

    fn delete_selection(&mut self) {
        if self.selection.is_empty() {
            return;
        }
        let edit = Edit::Remove {
            nodes: self.selection.nodes.iter().copied().collect(),
            edges: self.selection.edges.iter().copied().collect(),
        };
        if let Err(e) = self.doc.apply(edit) {
            self.fail(format!("Delete was refused: {e}."));
        }
        self.selection.clear();
    }
}

impl ArgmapApp {
    /// Asks for a model answer and shows the map compared with it.
    fn compare_with_model(&mut self) {
        let folder = self.doc.folder();
        let Some(path) = self.dialogs.pick_map_to_open(folder.as_deref()) else {
            return;
        };
        match crate::files::open(&path, None).map(|o| o.map) {
            Ok(model) => {
                let fixed = crate::render::FixedAdvance::default();
                let measure: &dyn crate::render::TextMeasure = match &self.measure {
                    Some(m) => m,
                    None => &fixed,
                };
                let view = super::modes::CompareView::new(self.doc.map(), model, path, measure);
                self.say(format!(
                    "Compared with the model: {:.0} % of its boxes found, {:.0} % of their relations right.",
                    view.comparison.box_score() * 100.0,
                    view.comparison.relation_score() * 100.0
                ));
                self.mode = super::modes::Mode::Compare(Box::new(view));
            }
            Err(e) => self.fail(format!("Could not open the model answer: {e}")),
        }
    }

    /// Folds the selected boxes away, or unfolds them if all are folded:
    /// one undo step.
    fn toggle_collapse(&mut self) {
        let map = self.doc.map();
        let chosen: Vec<NodeId> = self
            .selection
            .nodes
            .iter()
            .copied()
            .filter(|id| map.nodes.contains_key(id))
            .collect();
        if chosen.is_empty() {
            self.say("Select the boxes whose subtrees to fold away.");
            return;
        }
        let fold = !chosen
            .iter()
            .all(|id| map.nodes.get(id).is_some_and(|n| n.collapsed));
        let edits: Vec<Edit> = chosen
            .iter()
            .map(|node| Edit::SetCollapsed {
                node: *node,
                collapsed: fold,
            })
            .collect();
        if let Err(e) = self.doc.apply(Edit::Batch(edits)) {
            self.fail(format!("Could not fold the boxes: {e}."));
        }
    }

    /// Shows only `target`'s subtree and its way up, or the whole map.
    fn focus_on(&mut self, target: Option<NodeId>) {
        self.canvas.focus = target;
        self.canvas.fit_requested = true;
        if let Some(node) = target {
            self.selection.only_node(node);
        }
    }

    /// Every assumption dropped, as one undo step.
    fn clear_assumptions(&mut self) {
        let edits: Vec<Edit> = self
            .doc
            .map()
            .nodes
            .values()
            .filter(|n| n.assumption.is_some())
            .map(|n| Edit::SetAssumption {
                node: n.id,
                assumption: None,
            })
            .collect();
        if edits.is_empty() {
            self.say("No box is accepted or rejected.");
            return;
        }
        let count = edits.len();
        match self.doc.apply(Edit::Batch(edits)) {
            Ok(()) => self.say(format!(
                "Cleared {count} assumption(s): every box is as the arguments decide. Ctrl+Z brings them back."
            )),
            Err(e) => self.fail(format!("Could not clear the assumptions: {e}.")),
        }
    }
}

/// `debate.aif.json` → `debate.ron`: the name a map opened from `path`
/// is saved under.
fn ron_name_for(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "map".to_owned(), |n| n.to_string_lossy().into_owned());
    let ending = Format::from_path(path).and_then(|f| {
        f.info()
            .extensions
            .iter()
            .map(|e| format!(".{e}"))
            .find(|e| name.to_lowercase().ends_with(e.as_str()))
    });
    let stem = ending.map_or(name.as_str(), |e| {
        name.get(..name.len() - e.len()).unwrap_or(&name)
    });
    format!("{stem}.ron")
}

fn with_ron_extension(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    name.push(".ron");
    path.with_file_name(name)
}

impl ArgmapApp {
    /// Selects and shows a main claim (one that supports or attacks
    /// nothing): after the selected one if it is one, else the first.
    fn go_to_main_claim(&mut self) {
        let claims = crate::eval::main_claims(self.doc.map());
        let Some(&first) = claims.first() else {
            self.say("The map has no main claim.");
            return;
        };
        let current = self.selection.single_node();
        let next = current
            .and_then(|c| claims.iter().position(|m| *m == c))
            .and_then(|i| claims.get(i + 1))
            .copied()
            .unwrap_or(first);
        self.selection.clear();
        self.selection.nodes.insert(next);
        self.canvas.reveal = Some(next);
    }
}
