//! Dialogs about sources: paste a new one, rename, remove, and update the
//! map's copy when the file on disk changed.

use crate::io::ChangedSource;
use crate::model::{Map, Source, SourceId};
use crate::ops::Edit;
use crate::ui::intent::{Command, Intent};
use egui::{Id, Modal, RichText, TextEdit, Ui};

#[derive(Clone, Debug, PartialEq)]
pub enum SourceDialog {
    Paste { title: String, text: String },
    Rename { source: SourceId, title: String },
    ConfirmRemove { source: SourceId },
    Changed { changes: Vec<ChangedSource> },
}

impl SourceDialog {
    pub fn paste() -> Self {
        Self::Paste {
            title: String::new(),
            text: String::new(),
        }
    }
}

/// What a dialog says after a frame: what to do, and whether it closes.
#[derive(Default)]
struct Answer {
    intents: Vec<Intent>,
    close: bool,
}

impl Answer {
    fn done(intent: Option<Intent>) -> Self {
        Self {
            intents: intent.into_iter().collect(),
            close: true,
        }
    }
}

/// Shows the open dialog, if any; closes it when answered.
pub fn source_dialogs_ui(
    ctx: &egui::Context,
    map: &Map,
    dialog: &mut Option<SourceDialog>,
) -> Vec<Intent> {
    let Some(open) = dialog.as_mut() else {
        return Vec::new();
    };
    let answer = match open {
        SourceDialog::Paste { title, text } => {
            modal(ctx, "paste-source", |ui| paste_ui(ui, map, title, text))
        }
        SourceDialog::Rename { source, title } => modal(ctx, "rename-source", |ui| {
            rename_ui(ui, map, *source, title)
        }),
        SourceDialog::ConfirmRemove { source } => remove(ctx, map, *source),
        SourceDialog::Changed { changes } => {
            modal(ctx, "sources-changed", |ui| changed_ui(ui, map, changes))
        }
    };
    if answer.close {
        *dialog = None;
    }
    answer.intents
}

fn modal(ctx: &egui::Context, id: &str, content: impl FnOnce(&mut Ui) -> Answer) -> Answer {
    Modal::new(Id::unique(id)).show(ctx, content).inner
}

fn paste_ui(ui: &mut Ui, map: &Map, title: &mut String, text: &mut String) -> Answer {
    ui.heading("New source from text");
    let label = ui.label("Title");
    ui.add(TextEdit::singleline(title).desired_width(420.0))
        .labelled_by(label.id);
    let label = ui.label("Text");
    egui::ScrollArea::vertical()
        .max_height(300.0)
        .show(ui, |ui| {
            ui.add(
                TextEdit::multiline(text)
                    .desired_width(420.0)
                    .desired_rows(10),
            )
            .labelled_by(label.id);
        });
    let mut answer = Answer::default();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!text.trim().is_empty(), egui::Button::new("Add source"))
            .clicked()
        {
            let title = if title.trim().is_empty() {
                first_line(text)
            } else {
                title.trim().to_owned()
            };
            let source = Source {
                id: map.next_source_id(),
                title,
                path: None,
                text: text.as_str().into(),
            };
            answer = Answer::done(Some(Intent::Edit(Edit::AddSource { source })));
        }
        if ui.button("Cancel").clicked() {
            answer = Answer::done(None);
        }
    });
    answer
}

fn rename_ui(ui: &mut Ui, map: &Map, source: SourceId, title: &mut String) -> Answer {
    ui.heading("Rename source");
    let label = ui.label("Title");
    ui.add(TextEdit::singleline(title).desired_width(360.0))
        .labelled_by(label.id);
    let mut answer = Answer::default();
    ui.horizontal(|ui| {
        if ui.button("Rename").clicked() {
            let renamed = map.sources.get(&source).map(|old| Source {
                title: title.trim().to_owned(),
                ..old.clone()
            });
            answer =
                Answer::done(renamed.map(|source| Intent::Edit(Edit::ReplaceSource { source })));
        }
        if ui.button("Cancel").clicked() {
            answer = Answer::done(None);
        }
    });
    answer
}

/// Removing a source nobody quotes needs no question; otherwise ask.
fn remove(ctx: &egui::Context, map: &Map, source: SourceId) -> Answer {
    let intent = Intent::Edit(Edit::RemoveSource { source });
    let quoting = map
        .nodes
        .values()
        .filter(|n| n.spans.iter().any(|s| s.source == source))
        .count();
    if quoting == 0 {
        return Answer::done(Some(intent));
    }
    let spans = map
        .nodes
        .values()
        .flat_map(|n| &n.spans)
        .filter(|s| s.source == source)
        .count();
    let title = map.sources.get(&source).map_or("", |s| s.title.as_str());
    modal(ctx, "remove-source", |ui| {
        ui.heading("Remove source?");
        ui.label(format!(
            "{spans} spans in {quoting} boxes quote \u{201c}{title}\u{201d}. Removing the source removes those spans too; the boxes stay. Undo brings everything back."
        ));
        let mut answer = Answer::default();
        ui.horizontal(|ui| {
            if ui.button("Remove source and spans").clicked() {
                answer = Answer::done(Some(intent.clone()));
            }
            if ui.button("Cancel").clicked() {
                answer = Answer::done(None);
            }
        });
        answer
    })
}

fn changed_ui(ui: &mut Ui, map: &Map, changes: &[ChangedSource]) -> Answer {
    ui.heading("Source files changed");
    for change in changes {
        let title = map
            .sources
            .get(&change.source)
            .map_or("", |s| s.title.as_str());
        let spans = map
            .nodes
            .values()
            .flat_map(|n| &n.spans)
            .filter(|s| s.source == change.source)
            .count();
        ui.label(format!(
            "\u{201c}{title}\u{201d} differs from {} ({spans} spans quote it).",
            change.file.display()
        ));
    }
    ui.label(
        RichText::new("Updating moves each span to where its words now stand; spans whose words are gone are flagged, never moved to other words.")
            .weak(),
    );
    let mut answer = Answer::default();
    ui.horizontal(|ui| {
        if ui.button("Update and move spans").clicked() {
            answer = Answer::done(Some(Intent::Command(Command::UpdateSources(
                changes.to_vec(),
            ))));
        }
        if ui.button("Keep the map's copy").clicked() {
            answer = Answer::done(None);
        }
    });
    answer
}

fn first_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map_or_else(
            || "Pasted text".to_owned(),
            |l| l.chars().take(80).collect(),
        )
}
