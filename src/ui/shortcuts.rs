//! Keyboard shortcuts: the app-wide ones, and the list shown under Help.

use super::intent::Command;
use egui::{Key, KeyboardShortcut, Modifiers, Ui};

/// Shortcuts that work even while typing in a text field.
const ALWAYS: [(Modifiers, Key, Command); 11] = [
    (Modifiers::NONE, Key::F5, Command::Present),
    (
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::F,
        Command::FocusSelection,
    ),
    (
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::E,
        Command::ToggleEvaluation,
    ),
    (Modifiers::COMMAND, Key::E, Command::Export),
    (
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::L,
        Command::LayoutAll,
    ),
    (
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::S,
        Command::SaveAs,
    ),
    (Modifiers::COMMAND, Key::S, Command::Save),
    (Modifiers::COMMAND, Key::O, Command::Open),
    (Modifiers::COMMAND, Key::N, Command::New),
    (Modifiers::COMMAND, Key::F, Command::Find),
    (Modifiers::COMMAND, Key::Q, Command::Quit),
];

/// Shortcuts for the map that a focused text field keeps for itself.
const CANVAS: [(Modifiers, Key, Command); 7] = [
    (
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::Z,
        Command::Redo,
    ),
    (Modifiers::COMMAND, Key::Z, Command::Undo),
    (Modifiers::COMMAND, Key::Y, Command::Redo),
    (Modifiers::COMMAND, Key::A, Command::SelectAll),
    (Modifiers::COMMAND, Key::C, Command::Copy),
    (Modifiers::COMMAND, Key::X, Command::Cut),
    (Modifiers::COMMAND, Key::V, Command::Paste),
];

/// Plain keys the canvas answers when it has the keyboard (no text field).
pub const PLAIN: [(Key, Command); 9] = [
    (Key::C, Command::ToggleCollapse),
    (Key::Delete, Command::DeleteSelection),
    (Key::Backspace, Command::DeleteSelection),
    (Key::F, Command::ZoomToFit),
    (Key::Home, Command::GoToMainClaim),
    (Key::M, Command::ToggleMinimap),
    (Key::Plus, Command::ZoomIn),
    (Key::Equals, Command::ZoomIn),
    (Key::Minus, Command::ZoomOut),
];

/// How the keys of `command` are written in menus ("Ctrl+Shift+E"), from
/// the tables above: the first entry for the command.
pub fn keys_for(command: &Command) -> Option<String> {
    let is_mac = cfg!(target_os = "macos");
    ALWAYS
        .iter()
        .chain(&CANVAS)
        .find(|(_, _, c)| c == command)
        .map(|(modifiers, key, _)| {
            KeyboardShortcut::new(*modifiers, *key).format(&egui::ModifierNames::NAMES, is_mac)
        })
        .or_else(|| {
            PLAIN
                .iter()
                .find(|(_, c)| c == command)
                .map(|(key, _)| key.symbol_or_name().to_owned())
        })
}

/// Commands whose shortcuts were pressed this frame (consumed).
pub fn pressed_commands(ui: &Ui, text_field_focused: bool) -> Vec<Command> {
    let mut found = Vec::new();
    ui.input_mut(|i| {
        for (modifiers, key, command) in &ALWAYS {
            if i.consume_shortcut(&KeyboardShortcut::new(*modifiers, *key)) {
                found.push(command.clone());
            }
        }
        if !text_field_focused {
            for (modifiers, key, command) in &CANVAS {
                if i.consume_shortcut(&KeyboardShortcut::new(*modifiers, *key)) {
                    found.push(command.clone());
                }
            }
            // Platforms turn Ctrl+C/X/V into clipboard events rather than keys.
            i.events.retain(|event| {
                let command = match event {
                    egui::Event::Copy => Command::Copy,
                    egui::Event::Cut => Command::Cut,
                    egui::Event::Paste(_) => Command::Paste,
                    _ => return true,
                };
                found.push(command);
                false
            });
        }
    });
    found.dedup();
    found
}

/// Every shortcut, grouped, for the Help window and README.
pub const LIST: &[(&str, &[(&str, &str)])] = &[
    (
        "Build the map",
        &[
            ("Double-click canvas", "new claim there"),
            ("Tab", "add a reason under the selected box"),
            (
                "Shift+Tab",
                "add an objection (a rebuttal under an objection)",
            ),
            ("Enter", "add a sibling beside the selected box"),
            (
                "F2 or double-click",
                "edit the box text (Enter commits, Shift+Enter new line, Esc cancels)",
            ),
            (
                "Drag a box's handle",
                "to a box: supports (Shift: attacks); to an arrow: undercut; to empty space: new box",
            ),
            ("Delete / Backspace", "delete the selection"),
        ],
    ),
    (
        "Sources",
        &[
            ("Select words, Ctrl+Enter", "new claim from the words"),
            ("Ctrl+Shift+Enter", "new evidence from the words"),
            ("Ctrl+L", "attach the words to the selected box"),
            (
                "Drag the chip to the canvas",
                "new claim there, or attach to the box it lands on",
            ),
            (
                "Click a span in the inspector",
                "show its words in the source",
            ),
            (
                "Click highlighted words",
                "select the boxes that quote them",
            ),
        ],
    ),
    (
        "Select and move",
        &[
            ("Click / Shift+click", "select / add to the selection"),
            ("Shift+drag on canvas", "select with a rectangle"),
            ("Arrow keys", "select the nearest box in that direction"),
            ("Ctrl+A", "select all"),
            ("Drag a box", "move it (and the rest of the selection)"),
            ("Esc", "clear the selection"),
        ],
    ),
    (
        "View",
        &[
            ("Drag on canvas / scroll", "pan"),
            ("Ctrl+scroll, pinch, + / -", "zoom"),
            ("F", "zoom to fit"),
            ("Home", "go to a main claim (again: the next one)"),
            (
                "C",
                "fold the selected box's subtree away (\"+N\" on it), or unfold it",
            ),
            (
                "Ctrl+Shift+F",
                "focus: show only the selected box's subtree and its way up (Esc: whole map)",
            ),
            ("Ctrl+F", "find a box by its text"),
            (
                "F5",
                "present full screen, step by step (Space / \u{2192} next, \u{2190} back, Esc leaves)",
            ),
            (
                "Ctrl+Shift+E",
                "show which boxes stand, fall or are undecided, and the unanswered objections",
            ),
            (
                "Ctrl+Shift+L",
                "lay out the whole map (Arrange menu: the selection only)",
            ),
        ],
    ),
    (
        "Edit and files",
        &[
            ("Ctrl+Z", "undo"),
            ("Ctrl+Shift+Z or Ctrl+Y", "redo"),
            (
                "Ctrl+C / Ctrl+X / Ctrl+V",
                "copy / cut / paste boxes with their links",
            ),
            ("Ctrl+N / Ctrl+O", "new / open map"),
            ("Ctrl+S / Ctrl+Shift+S", "save / save as"),
            ("Ctrl+E", "export: PNG, SVG, JSON, AIF, Argdown"),
            ("Ctrl+Q", "quit"),
        ],
    ),
];

pub fn shortcuts_ui(ui: &mut Ui) {
    for (group, rows) in LIST {
        ui.label(egui::RichText::new(*group).strong());
        egui::Grid::new(*group)
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for (keys, what) in *rows {
                    ui.monospace(*keys);
                    ui.label(*what);
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
    }
}
