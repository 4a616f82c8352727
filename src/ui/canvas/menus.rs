//! Right-click menus for a box, an arrow and the empty canvas.

use super::CanvasState;
use crate::model::{Assumption, EdgeId, EdgeKind, Map, NodeId, NodeKind, Point, Target};
use crate::ops::{Edit, compose};
use crate::ui::intent::{Command, Intent};
use crate::ui::selection::Selection;
use egui::Ui;

pub fn node_menu(ui: &mut Ui, map: &Map, node: NodeId, state: &mut CanvasState) -> Vec<Intent> {
    let mut intents = Vec::new();
    let Some(current) = map.nodes.get(&node) else {
        return intents;
    };
    if ui.button("Edit text\tF2").clicked() {
        state.edit_text(map, node);
        ui.close();
    }
    for (label, kind) in [
        ("Add reason\tTab", EdgeKind::Supports),
        ("Add objection\tShift+Tab", EdgeKind::Attacks),
    ] {
        if ui.button(label).clicked() {
            if let Some((edit, id)) = compose::add_child(map, node, kind, None) {
                intents.push(Intent::Edit(edit));
                state.editing = Some(crate::ui::selection::TextEditing::new_box(id));
            }
            ui.close();
        }
    }
    ui.menu_button("Change kind", |ui| {
        for kind in NodeKind::ALL {
            if ui.radio(current.kind == kind, kind.name()).clicked() {
                if current.kind != kind {
                    intents.push(Intent::Edit(Edit::SetKind { node, kind }));
                }
                ui.close();
            }
        }
    });
    ui.menu_button("What if…", |ui| {
        for (assumption, word) in [
            (Assumption::Accepted, "Accept: it stands"),
            (Assumption::Rejected, "Reject: it falls"),
        ] {
            if ui
                .radio(current.assumption == Some(assumption), word)
                .clicked()
            {
                intents.push(Intent::Edit(Edit::SetAssumption {
                    node,
                    assumption: Some(assumption),
                }));
                ui.close();
            }
        }
        if ui
            .add_enabled(
                current.assumption.is_some(),
                egui::Button::new("Clear: as the arguments decide"),
            )
            .clicked()
        {
            intents.push(Intent::Edit(Edit::SetAssumption {
                node,
                assumption: None,
            }));
            ui.close();
        }
    });
    let fold = if current.collapsed {
        "Unfold its subtree\tC"
    } else {
        "Fold its subtree away\tC"
    };
    if ui.button(fold).clicked() {
        intents.push(Intent::Edit(Edit::SetCollapsed {
            node,
            collapsed: !current.collapsed,
        }));
        ui.close();
    }
    if ui.button("Focus on this\tCtrl+Shift+F").clicked() {
        intents.push(Intent::Command(Command::Focus(Some(node))));
        ui.close();
    }
    let pin_label = if current.pinned {
        "Unpin"
    } else {
        "Pin (layout keeps it in place)"
    };
    if ui.button(pin_label).clicked() {
        intents.push(Intent::Edit(Edit::SetPinned {
            node,
            pinned: !current.pinned,
        }));
        ui.close();
    }
    ui.separator();
    if ui.button("Copy\tCtrl+C").clicked() {
        intents.push(Intent::Command(Command::Copy));
        ui.close();
    }
    if ui.button("Delete\tDel").clicked() {
        intents.push(Intent::Command(Command::DeleteSelection));
        ui.close();
    }
    intents
}

pub fn edge_menu(ui: &mut Ui, map: &Map, edge: EdgeId) -> Vec<Intent> {
    let mut intents = Vec::new();
    let Some(current) = map.edges.get(&edge) else {
        return intents;
    };
    if current.kind != EdgeKind::Undercuts {
        for kind in [EdgeKind::Supports, EdgeKind::Attacks] {
            if ui.radio(current.kind == kind, kind.name()).clicked() {
                if current.kind != kind {
                    intents.push(Intent::Edit(Edit::SetEdgeKind { edge, kind }));
                }
                ui.close();
            }
        }
        if let Some(edit) = link_premises_edit(map, edge) {
            let label = if current.group.is_some() {
                "Unlink from its premises"
            } else {
                "Link with the other premises"
            };
            if ui.button(label).clicked() {
                intents.push(Intent::Edit(edit));
                ui.close();
            }
        }
        ui.separator();
    }
    if ui.button("Delete arrow\tDel").clicked() {
        intents.push(Intent::Command(Command::DeleteSelection));
        ui.close();
    }
    intents
}

/// Joins `edge` with the other arrows of the same kind into the same box as
/// one linked argument, or takes it out of its argument again.
pub fn link_premises_edit(map: &Map, edge: EdgeId) -> Option<Edit> {
    let current = map.edges.get(&edge)?;
    if current.group.is_some() {
        return Some(Edit::SetEdgeGroup { edge, group: None });
    }
    let Target::Node(_) = current.to else {
        return None;
    };
    let siblings: Vec<&crate::model::Edge> = map
        .edges_into(current.to)
        .filter(|e| e.kind == current.kind && e.id != edge)
        .collect();
    if siblings.is_empty() {
        return None;
    }
    let group = siblings
        .iter()
        .find_map(|e| e.group)
        .unwrap_or_else(|| map.next_group_id());
    let mut edits = vec![Edit::SetEdgeGroup {
        edge,
        group: Some(group),
    }];
    edits.extend(
        siblings
            .iter()
            .filter(|e| e.group.is_none())
            .map(|e| Edit::SetEdgeGroup {
                edge: e.id,
                group: Some(group),
            }),
    );
    Some(Edit::Batch(edits))
}

pub fn canvas_menu(
    ui: &mut Ui,
    map: &Map,
    at: Point,
    state: &mut CanvasState,
    selection: &mut Selection,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    if ui.button("New claim here").clicked() {
        let (edit, id) = compose::new_node(map, NodeKind::Claim, "", at);
        intents.push(Intent::Edit(edit));
        selection.only_node(id);
        state.editing = Some(crate::ui::selection::TextEditing::new_box(id));
        ui.close();
    }
    for (label, command) in [
        ("Paste\tCtrl+V", Command::Paste),
        ("Select all\tCtrl+A", Command::SelectAll),
        ("Zoom to fit\tF", Command::ZoomToFit),
    ] {
        if ui.button(label).clicked() {
            intents.push(Intent::Command(command));
            ui.close();
        }
    }
    intents
}
