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
        // The undercuts, (edge, the edge it aims at): a map has few, and
        // only they are read again below.
        let mut undercuts: Vec<(EdgeId, EdgeId)> = Vec::new();
        for edge in self.edges.values() {
            match edge.to {
                Target::Node(to) => {
                    if nodes.contains(&edge.from) || nodes.contains(&to) {
                        doomed.insert(edge.id);
                    }
                }
                Target::Edge(aimed) => {
                    if nodes.contains(&edge.from) {
                        doomed.insert(edge.id);
                    } else {
                        undercuts.push((edge.id, aimed));
                    }
                }
            }
        }
        // Undercuts of doomed edges are doomed too; repeat until nothing changes.
        loop {
            let before = undercuts.len();
            undercuts.retain(|(id, aimed)| {
                let dooms = doomed.contains(aimed) || doomed.contains(id);
                if dooms {
                    doomed.insert(*id);
                }
                !dooms
            });
            if undercuts.len() == before {
                return doomed.into_iter().collect();
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeKind, Node, NodeKind, Point};

    /// Boxes 1 to 5; edge 10 from 2 to 1; undercuts aimed at undercuts
    /// each way round of their ids: 3 undercuts edge 10 by edge 5, 4
    /// undercuts edge 5 by edge 20, 5 undercuts edge 20 by edge 2.
    fn chain() -> Map {
        let mut map = Map::new("t");
        for id in 1..=5 {
            let node = Node::new(NodeId(id), NodeKind::Reason, "w", Point::new(0.0, 0.0));
            map.nodes.insert(NodeId(id), node);
        }
        for (id, from, to) in [
            (10, 2, Target::Node(NodeId(1))),
            (5, 3, Target::Edge(EdgeId(10))),
            (20, 4, Target::Edge(EdgeId(5))),
            (2, 5, Target::Edge(EdgeId(20))),
        ] {
            let kind = match to {
                Target::Node(_) => EdgeKind::Supports,
                Target::Edge(_) => EdgeKind::Undercuts,
            };
            map.edges
                .insert(EdgeId(id), Edge::new(EdgeId(id), NodeId(from), to, kind));
        }
        map
    }

    fn ids(ids: &[u64]) -> BTreeSet<EdgeId> {
        ids.iter().copied().map(EdgeId).collect()
    }

    /// The edges of `map` depending on the boxes `nodes` and edges `edges`.
    fn depending(map: &Map, nodes: &[u64], edges: &[u64]) -> BTreeSet<EdgeId> {
        let nodes: BTreeSet<NodeId> = nodes.iter().copied().map(NodeId).collect();
        map.edges_depending_on(&nodes, &ids(edges))
    }

    #[test]
    fn undercuts_of_undercuts_go_with_the_edge_they_hang_on() {
        let map = chain();
        assert_eq!(depending(&map, &[1], &[]), ids(&[2, 5, 10, 20]));
        assert_eq!(depending(&map, &[4], &[]), ids(&[2, 20]));
        assert_eq!(depending(&map, &[5], &[]), ids(&[2]));
        assert_eq!(depending(&map, &[], &[5]), ids(&[2, 5, 20]));
        assert_eq!(depending(&map, &[], &[]), ids(&[]));
    }
}
