//! The menu bar: File, Edit, View, Help.

use super::intent::Command;
use egui::{Button, Ui};
use std::path::PathBuf;

/// What the menus need to know to grey out what cannot be done.
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent enabled states of menu items"
)]
pub struct MenuState<'a> {
    pub can_undo: bool,
    pub can_redo: bool,
    pub has_selection: bool,
    pub can_paste: bool,
    pub recent: &'a [PathBuf],
}

pub fn menu_bar_ui(ui: &mut Ui, state: &MenuState<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut item = |ui: &mut Ui, label: &str, shortcut: &str, enabled: bool, command: Command| {
        if ui
            .add_enabled(enabled, Button::new(label).shortcut_text(shortcut))
            .clicked()
        {
            commands.push(command);
            ui.close();
        }
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, "New", "Ctrl+N", true, Command::New);
            item(ui, "Open…", "Ctrl+O", true, Command::Open);
            ui.menu_button("Open recent", |ui| {
                if state.recent.is_empty() {
                    ui.label("No recent maps");
                }
                for path in state.recent {
                    let label = path.display().to_string();
                    item(ui, &label, "", true, Command::OpenPath(path.clone()));
                }
            });
            ui.separator();
            item(ui, "Save", "Ctrl+S", true, Command::Save);
            item(ui, "Save as…", "Ctrl+Shift+S", true, Command::SaveAs);
            item(ui, "Export…", "Ctrl+E", true, Command::Export);
            ui.separator();
            item(ui, "Quit", "Ctrl+Q", true, Command::Quit);
        });
        ui.menu_button("Edit", |ui| {
            item(ui, "Undo", "Ctrl+Z", state.can_undo, Command::Undo);
            item(ui, "Redo", "Ctrl+Shift+Z", state.can_redo, Command::Redo);
            ui.separator();
            item(ui, "Cut", "Ctrl+X", state.has_selection, Command::Cut);
            item(ui, "Copy", "Ctrl+C", state.has_selection, Command::Copy);
            item(ui, "Paste", "Ctrl+V", state.can_paste, Command::Paste);
            item(
                ui,
                "Delete",
                "Del",
                state.has_selection,
                Command::DeleteSelection,
            );
            ui.separator();
            item(ui, "Select all", "Ctrl+A", true, Command::SelectAll);
            item(ui, "Find…", "Ctrl+F", true, Command::Find);
        });
        ui.menu_button("Arrange", |ui| {
            item(
                ui,
                "Lay out the whole map",
                "Ctrl+Shift+L",
                true,
                Command::LayoutAll,
            );
            item(
                ui,
                "Lay out the selection",
                "",
                state.has_selection,
                Command::LayoutSelection,
            );
        });
        ui.menu_button("Sources", |ui| {
            item(
                ui,
                "Add a text file…",
                "",
                true,
                Command::AddSourceFile(None),
            );
            item(
                ui,
                "Paste text as a new source…",
                "",
                true,
                Command::PasteSource,
            );
            item(
                ui,
                "Check source files for changes",
                "",
                true,
                Command::CheckSources,
            );
        });
        ui.menu_button("View", |ui| {
            item(ui, "Zoom to fit", "F", true, Command::ZoomToFit);
            item(ui, "Zoom in", "+", true, Command::ZoomIn);
            item(ui, "Zoom out", "-", true, Command::ZoomOut);
        });
        ui.menu_button("Help", |ui| {
            item(ui, "Keyboard shortcuts", "", true, Command::ShowShortcuts);
        });
    });
    commands
}
