//! Ctrl+F: find boxes by their text; Enter goes to the next match.

use super::intent::Intent;
use crate::model::{Map, NodeId};
use egui::{Id, Key, Ui};
use std::collections::BTreeSet;

#[derive(Debug, Default)]
pub struct FindState {
    pub open: bool,
    pub query: String,
    focus_requested: bool,
    current: usize,
    /// The boxes that match, for the canvas to mark.
    pub found: BTreeSet<NodeId>,
}

impl FindState {
    pub fn open(&mut self) {
        self.open = true;
        self.focus_requested = true;
    }
}

/// Boxes whose text, notes or tags contain `query` (ignoring case), in id order.
pub fn matches(map: &Map, query: &str) -> Vec<NodeId> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    map.nodes
        .values()
        .filter(|n| {
            n.text.to_lowercase().contains(&query)
                || n.notes.to_lowercase().contains(&query)
                || n.tags.iter().any(|t| t.to_lowercase().contains(&query))
        })
        .map(|n| n.id)
        .collect()
}

pub fn find_bar_ui(ui: &mut Ui, map: &Map, find: &mut FindState) -> Vec<Intent> {
    let mut intents = Vec::new();
    let found = matches(map, &find.query);
    ui.horizontal(|ui| {
        let label = ui.label("Find:");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut find.query)
                    .id(Id::unique("find-query"))
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
        if find.focus_requested {
            response.request_focus();
            find.focus_requested = false;
        }
        if response.changed() {
            find.current = 0;
        }
        let go = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let next = ui.button("Next").clicked();
        if (go || next) && !found.is_empty() {
            let node = found[find.current % found.len()];
            intents.extend(Intent::go_to(node));
            find.current += 1;
            if go {
                response.request_focus();
            }
        }
        ui.label(match found.len() {
            0 if find.query.trim().is_empty() => String::new(),
            0 => "no box matches".to_owned(),
            1 => "1 box".to_owned(),
            n => format!("{n} boxes"),
        });
        if ui.button("Close").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
            find.open = false;
        }
    });
    find.found = if find.open {
        found.into_iter().collect()
    } else {
        BTreeSet::new()
    };
    intents
}
