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
    /// The map revision and query `found` was found for: a search runs
    /// when either changes, not every frame.
    searched: Option<(u64, String)>,
}

impl FindState {
    pub fn open(&mut self) {
        self.open = true;
        self.focus_requested = true;
    }

    /// Forgets the matches (the bar is closed).
    pub fn clear_matches(&mut self) {
        self.found.clear();
        self.searched = None;
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

/// The find bar; `revision` names the map's state, so that the search is
/// run again only when the map or the query changed.
pub fn find_bar_ui(ui: &mut Ui, map: &Map, revision: u64, find: &mut FindState) -> Vec<Intent> {
    let mut intents = Vec::new();
    let fresh = find
        .searched
        .as_ref()
        .is_some_and(|(r, q)| *r == revision && *q == find.query);
    if !fresh {
        find.found = matches(map, &find.query).into_iter().collect();
        find.searched = Some((revision, find.query.clone()));
    }
    // Read before the field is shown: a focused text field takes Esc for
    // itself, and Esc in the field should close the bar.
    let escape = ui.input(|i| i.key_pressed(Key::Escape));
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
        if (go || next)
            && let Some(&node) = find
                .found
                .iter()
                .nth(find.current % find.found.len().max(1))
        {
            intents.extend(Intent::go_to(node));
            find.current += 1;
            if go {
                response.request_focus();
            }
        }
        ui.label(match find.found.len() {
            0 if find.query.trim().is_empty() => String::new(),
            0 => "no box matches".to_owned(),
            1 => "1 box".to_owned(),
            n => format!("{n} boxes"),
        });
        if ui.button("Close").clicked() || escape {
            find.open = false;
        }
    });
    if !find.open {
        find.clear_matches();
    }
    intents
}
