//! The app's modal dialogs: unsaved changes, crash recovery, keyboard
//! shortcuts, and File > Export with its progress.

use super::app::ArgmapApp;
use super::export::{ExportJob, ExportRequest};
use super::shortcuts;
use egui::Id;

impl ArgmapApp {
    /// The modal dialogs: unsaved changes, crash recovery, shortcuts.
    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        if let Some(pending) = self.pending.clone() {
            let name = self.doc.display_name();
            let mut choice = None;
            egui::Modal::new(Id::unique("unsaved-changes")).show(ctx, |ui| {
                ui.heading("Unsaved changes");
                ui.label(format!("Save the changes to \u{201c}{name}\u{201d} first?"));
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        choice = Some(UnsavedChoice::Save);
                    }
                    if ui.button("Don't save").clicked() {
                        choice = Some(UnsavedChoice::Discard);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(UnsavedChoice::Cancel);
                    }
                });
            });
            if let Some(choice) = choice {
                self.resolve_pending(ctx, &pending, choice);
            }
        }
        if let Some(offer) = &self.offer {
            let name = offer
                .origin
                .as_deref()
                .and_then(std::path::Path::file_name)
                .map_or_else(
                    || "an untitled map".to_owned(),
                    |n| n.to_string_lossy().into_owned(),
                );
            let mut restore = None;
            egui::Modal::new(Id::unique("recovery-offer")).show(ctx, |ui| {
                ui.heading("Restore unsaved work?");
                ui.label(format!(
                    "Argmap closed without saving {name}. Its last recovery copy is kept."
                ));
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        restore = Some(true);
                    }
                    if ui.button("Discard").clicked() {
                        restore = Some(false);
                    }
                });
            });
            if let Some(restore) = restore {
                self.resolve_offer(restore);
            }
        }
        self.export_ui(ctx);
        if self.show_shortcuts {
            let mut open = true;
            egui::Window::new("Keyboard shortcuts")
                .open(&mut open)
                .collapsible(false)
                .show(ctx, shortcuts::shortcuts_ui);
            self.show_shortcuts = open;
        }
    }

    /// The export dialog, then the running export with its progress.
    pub(super) fn export_ui(&mut self, ctx: &egui::Context) {
        if let Some(choices) = self.export_choices.as_mut() {
            match super::export::export_dialog_ui(ctx, choices, !self.selection.nodes.is_empty()) {
                ExportRequest::None => {}
                ExportRequest::Cancel => self.export_choices = None,
                ExportRequest::Export => {
                    let stem = self.doc.path().and_then(|p| p.file_name()).map_or_else(
                        || "map".to_owned(),
                        |n| {
                            n.to_string_lossy()
                                .split('.')
                                .next()
                                .unwrap_or("map")
                                .to_owned()
                        },
                    );
                    let ext = choices.format.extension();
                    let folder = self.doc.folder();
                    if let Some(path) = self.dialogs.pick_export_path(
                        folder.as_deref(),
                        &if ext.is_empty() {
                            format!("{stem}-slides")
                        } else {
                            format!("{stem}.{ext}")
                        },
                        ext,
                    ) {
                        // With "only the selected boxes" the selection is
                        // drawn; else, when focused, what the focus shows.
                        let shown = if choices.selection_only && !self.selection.nodes.is_empty() {
                            Some(self.selection.nodes.clone())
                        } else {
                            self.canvas
                                .focus
                                .map(|f| crate::model::tree::focus_of(self.doc.map(), f))
                        };
                        let job = ExportJob::start(self.doc.map().clone(), path, choices, shown);
                        self.export_job = Some(job);
                        self.export_choices = None;
                    }
                }
            }
        }
        let Some(job) = self.export_job.as_ref() else {
            return;
        };
        if let Some(outcome) = job.finished() {
            self.export_job = None;
            match outcome {
                Ok(report) => self.say(report),
                Err(e) => self.fail(e),
            }
            return;
        }
        egui::Modal::new(Id::unique("export-progress"))
            .show(ctx, |ui| super::export::export_progress_ui(ui, job));
        ctx.request_repaint_after(std::time::Duration::from_millis(50));
    }
}

/// The answers to "save the changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}
