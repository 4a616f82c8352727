//! What the user has selected and is editing: view state, never saved.

use crate::model::{EdgeId, Map, NodeId};
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    pub nodes: BTreeSet<NodeId>,
    pub edges: BTreeSet<EdgeId>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.edges.is_empty()
    }

    pub fn clear(&mut self) {
        self.nodes.clear();
        self.edges.clear();
    }

    pub fn only_node(&mut self, id: NodeId) {
        self.clear();
        self.nodes.insert(id);
    }

    pub fn only_edge(&mut self, id: EdgeId) {
        self.clear();
        self.edges.insert(id);
    }

    /// Adds `id`, or removes it if it was selected (shift/ctrl-click).
    pub fn toggle_node(&mut self, id: NodeId) {
        if !self.nodes.remove(&id) {
            self.nodes.insert(id);
        }
    }

    /// The one selected node, if exactly one node and no edge is selected.
    pub fn single_node(&self) -> Option<NodeId> {
        match (self.nodes.len(), self.edges.len()) {
            (1, 0) => self.nodes.first().copied(),
            _ => None,
        }
    }

    pub fn single_edge(&self) -> Option<EdgeId> {
        match (self.nodes.len(), self.edges.len()) {
            (0, 1) => self.edges.first().copied(),
            _ => None,
        }
    }

    /// Drops ids the map no longer has (after undo, delete, open).
    pub fn retain_existing(&mut self, map: &Map) {
        self.nodes.retain(|id| map.nodes.contains_key(id));
        self.edges.retain(|id| map.edges.contains_key(id));
    }
}

/// A box whose text is being edited in place.
#[derive(Clone, Debug, PartialEq)]
pub struct TextEditing {
    pub node: NodeId,
    pub buffer: String,
    /// Set on the first frame, so the editor takes the keyboard focus.
    pub focus_requested: bool,
    /// The box was created for this edit: leaving it empty takes it away again.
    pub is_new: bool,
}

impl TextEditing {
    /// Editing the text of a box just created (empty).
    pub fn new_box(node: NodeId) -> Self {
        Self {
            node,
            buffer: String::new(),
            focus_requested: true,
            is_new: true,
        }
    }
}
