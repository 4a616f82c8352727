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
    pub evaluation_shown: bool,
    pub focused: bool,
    /// The map, asked only while a menu is open (a big map's boxes are not
    /// read on every frame).
    pub map: &'a crate::model::Map,
    pub can_undo: bool,
    pub can_redo: bool,
    pub has_selection: bool,
    pub can_paste: bool,
    pub minimap_shown: bool,
    pub recent: &'a [PathBuf],
}

pub fn menu_bar_ui(ui: &mut Ui, state: &MenuState<'_>) -> Vec<Command> {
    let mut menu = Menu {
        commands: Vec::new(),
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| menu.file(ui, state));
        ui.menu_button("Edit", |ui| menu.edit(ui, state));
        ui.menu_button("Arrange", |ui| menu.arrange(ui, state));
        ui.menu_button("Sources", |ui| menu.sources(ui));
        ui.menu_button("View", |ui| menu.view(ui, state));
        ui.menu_button("Help", |ui| {
            menu.item(ui, "Keyboard shortcuts", true, Command::ShowShortcuts);
        });
    });
    menu.commands
}

/// The commands chosen in the menus this frame.
struct Menu {
    commands: Vec<Command>,
}

impl Menu {
    /// One item; its shortcut is shown as the shortcut table has it.
    fn item(&mut self, ui: &mut Ui, label: &str, enabled: bool, command: Command) {
        let shortcut = super::shortcuts::keys_for(&command).unwrap_or_default();
        if ui
            .add_enabled(enabled, Button::new(label).shortcut_text(shortcut))
            .clicked()
        {
            self.commands.push(command);
            ui.close();
        }
    }

    fn file(&mut self, ui: &mut Ui, state: &MenuState<'_>) {
        self.item(ui, "New", true, Command::New);
        self.item(ui, "Open…", true, Command::Open);
        ui.menu_button("Open recent", |ui| {
            if state.recent.is_empty() {
                ui.label("No recent maps");
            }
            for path in state.recent {
                let label = path.display().to_string();
                self.item(ui, &label, true, Command::OpenPath(path.clone()));
            }
        });
        ui.separator();
        self.item(ui, "Save", true, Command::Save);
        self.item(ui, "Save as…", true, Command::SaveAs);
        self.item(ui, "Export…", true, Command::Export);
        self.item(
            ui,
            "Compare with model answer…",
            true,
            Command::CompareWithModel,
        );
        ui.separator();
        self.item(ui, "Quit", true, Command::Quit);
    }

    fn edit(&mut self, ui: &mut Ui, state: &MenuState<'_>) {
        self.item(ui, "Undo", state.can_undo, Command::Undo);
        self.item(ui, "Redo", state.can_redo, Command::Redo);
        ui.separator();
        self.item(ui, "Cut", state.has_selection, Command::Cut);
        self.item(ui, "Copy", state.has_selection, Command::Copy);
        self.item(ui, "Paste", state.can_paste, Command::Paste);
        self.item(ui, "Delete", state.has_selection, Command::DeleteSelection);
        ui.separator();
        self.item(ui, "Select all", true, Command::SelectAll);
        self.item(ui, "Find…", true, Command::Find);
        ui.separator();
        self.item(
            ui,
            "Clear all assumptions",
            state.map.nodes.values().any(|n| n.assumption.is_some()),
            Command::ClearAssumptions,
        );
    }

    fn arrange(&mut self, ui: &mut Ui, state: &MenuState<'_>) {
        self.item(ui, "Lay out the whole map", true, Command::LayoutAll);
        self.item(
            ui,
            "Lay out the selection",
            state.has_selection,
            Command::LayoutSelection,
        );
    }

    fn sources(&mut self, ui: &mut Ui) {
        self.item(ui, "Add a text file…", true, Command::AddSourceFile(None));
        self.item(
            ui,
            "Paste text as a new source…",
            true,
            Command::PasteSource,
        );
        self.item(
            ui,
            "Check source files for changes",
            true,
            Command::CheckSources,
        );
    }

    fn view(&mut self, ui: &mut Ui, state: &MenuState<'_>) {
        let evaluation = if state.evaluation_shown {
            "\u{2713} Show evaluation"
        } else {
            "Show evaluation"
        };
        self.item(ui, evaluation, true, Command::ToggleEvaluation);
        ui.separator();
        self.item(ui, "Present", true, Command::Present);
        self.item(ui, "Presentation steps…", true, Command::ToggleStepsPanel);
        ui.separator();
        self.item(
            ui,
            "Focus on the selected box",
            state.has_selection,
            Command::FocusSelection,
        );
        self.item(
            ui,
            "Show the whole map",
            state.focused,
            Command::Focus(None),
        );
        self.item(
            ui,
            "Fold or unfold the selected boxes",
            state.has_selection,
            Command::ToggleCollapse,
        );
        ui.separator();
        self.item(ui, "Zoom to fit", true, Command::ZoomToFit);
        self.item(ui, "Go to main claim", true, Command::GoToMainClaim);
        let minimap = if state.minimap_shown {
            "\u{2713} Minimap"
        } else {
            "Minimap"
        };
        self.item(ui, minimap, true, Command::ToggleMinimap);
        self.item(ui, "Zoom in", true, Command::ZoomIn);
        self.item(ui, "Zoom out", true, Command::ZoomOut);
    }
}
