//! The argument map: sources, boxes and arrows, keyed by stable ids.

use super::rules::{Violation, check_edge, check_span_bounds, group_violations};
use super::{Edge, EdgeId, GroupId, Node, NodeId, Source, SourceId, Target};
use std::collections::{BTreeMap, BTreeSet};

/// A whole argument map. Ordered maps keep every walk over it deterministic.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map {
    pub title: String,
    pub sources: BTreeMap<SourceId, Source>,
    pub nodes: BTreeMap<NodeId, Node>,
    pub edges: BTreeMap<EdgeId, Edge>,
    /// The order a presentation reveals the boxes in, step by step; `None`
    /// for the order the layout gives. Ids of boxes since removed are kept
    /// (an undo may bring them back) and skipped.
    pub steps: Option<Vec<Vec<NodeId>>>,
}

impl Map {
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            ..Self::default()
        }
    }

    pub fn next_node_id(&self) -> NodeId {
        NodeId(self.nodes.keys().next_back().map_or(1, |id| id.0 + 1))
    }

    pub fn next_edge_id(&self) -> EdgeId {
        EdgeId(self.edges.keys().next_back().map_or(1, |id| id.0 + 1))
    }

    pub fn next_source_id(&self) -> SourceId {
        SourceId(self.sources.keys().next_back().map_or(1, |id| id.0 + 1))
    }

    pub fn next_group_id(&self) -> GroupId {
        let top = self.edges.values().filter_map(|e| e.group).max();
        GroupId(top.map_or(1, |g| g.0 + 1))
    }

    /// Whether `target` names a node or edge of this map.
    pub fn has_target(&self, target: Target) -> bool {
        match target {
            Target::Node(id) => self.nodes.contains_key(&id),
            Target::Edge(id) => self.edges.contains_key(&id),
        }
    }

    /// Edges that start or end at any of `nodes`, plus every edge that
    /// (transitively) targets one of those edges: everything that would
    /// dangle once `nodes` are gone. Sorted by id.
    pub fn edges_depending_on(
        &self,
        nodes: &BTreeSet<NodeId>,
        edges: &BTreeSet<EdgeId>,
    ) -> BTreeSet<EdgeId> {
        let nodes: rustc_hash::FxHashSet<NodeId> = nodes.iter().copied().collect();
        let mut doomed: rustc_hash::FxHashSet<EdgeId> = edges.iter().copied().collect();
        for edge in self.edges.values() {
            let touches_node = nodes.contains(&edge.from)
                || edge.target_node().is_some_and(|to| nodes.contains(&to));
            if touches_node {
                doomed.insert(edge.id);
            }
        }
        // Undercuts of doomed edges are doomed too; repeat until nothing changes.
        loop {
            let more: Vec<EdgeId> = self
                .edges
                .values()
                .filter(|e| matches!(e.to, Target::Edge(t) if doomed.contains(&t)))
                .filter(|e| !doomed.contains(&e.id))
                .map(|e| e.id)
                .collect();
            if more.is_empty() {
                return doomed.into_iter().collect();
            }
            doomed.extend(more);
        }
    }

    /// The boxes `nodes` with the arrows among them (and undercuts of those
    /// arrows), and the sources their spans quote: a map of its own.
    #[must_use]
    pub fn subset(&self, nodes: &BTreeSet<NodeId>) -> Map {
        let mut part = Map::new(self.title.clone());
        for id in nodes {
            if let Some(node) = self.nodes.get(id) {
                part.nodes.insert(*id, node.clone());
            }
        }
        // Arrows whose ends are all inside; repeat for undercuts of kept arrows.
        loop {
            let more: Vec<Edge> = self
                .edges
                .values()
                .filter(|e| !part.edges.contains_key(&e.id) && part.nodes.contains_key(&e.from))
                .filter(|e| part.has_target(e.to))
                .cloned()
                .collect();
            if more.is_empty() {
                break;
            }
            for edge in more {
                part.edges.insert(edge.id, edge);
            }
        }
        for (id, source) in &self.sources {
            if part
                .nodes
                .values()
                .any(|n| n.spans.iter().any(|s| s.source == *id))
            {
                part.sources.insert(*id, source.clone());
            }
        }
        part
    }

    /// Edges arriving at a node or an edge, in id order.
    pub fn edges_into(&self, target: Target) -> impl Iterator<Item = &Edge> {
        self.edges.values().filter(move |e| e.to == target)
    }

    /// Edges leaving a node, in id order.
    pub fn edges_from(&self, node: NodeId) -> impl Iterator<Item = &Edge> {
        self.edges.values().filter(move |e| e.from == node)
    }

    /// Length in chars of each source's text.
    pub fn source_lengths(&self) -> BTreeMap<SourceId, usize> {
        self.sources
            .iter()
            .map(|(id, source)| (*id, source.text.chars().count()))
            .collect()
    }

    /// Every rule of [`super::rules`] this map breaks, each with the node or
    /// edge that breaks it. Empty means nothing dangles. Whether span quotes
    /// match their source is `anchor`'s question, not this one.
    pub fn violations(&self) -> Vec<(Target, Violation)> {
        let lengths = self.source_lengths();
        let mut found = Vec::new();
        for node in self.nodes.values() {
            if !node.pos.is_finite() {
                found.push((Target::Node(node.id), Violation::NotANumber));
            }
            for span in &node.spans {
                if let Err(v) = check_span_bounds(span, lengths.get(&span.source).copied()) {
                    found.push((Target::Node(node.id), v));
                }
            }
        }
        for edge in self.edges.values() {
            let checked = check_edge(
                edge,
                |id| self.nodes.contains_key(&id),
                |id| self.edges.contains_key(&id),
            );
            if let Err(v) = checked {
                found.push((Target::Edge(edge.id), v));
            }
        }
        for (edge, v) in group_violations(self.edges.values()) {
            found.push((Target::Edge(edge), v));
        }
        found
    }
}
