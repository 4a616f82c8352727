//! Counts that describe a map: boxes and arrows by kind, spans, sources.

use super::{EdgeKind, Map, NodeKind};
use std::collections::BTreeMap;

/// What `argmap stats` reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Stats {
    pub title: String,
    pub nodes: usize,
    pub nodes_by_kind: BTreeMap<NodeKind, usize>,
    pub edges: usize,
    pub edges_by_kind: BTreeMap<EdgeKind, usize>,
    /// Linked arguments: groups of premises that support only together.
    pub linked_arguments: usize,
    pub sources: usize,
    pub spans: usize,
    /// Nodes with at least one span.
    pub anchored_nodes: usize,
}

impl Stats {
    pub fn of(map: &Map) -> Self {
        let mut nodes_by_kind: BTreeMap<NodeKind, usize> =
            NodeKind::ALL.iter().map(|k| (*k, 0)).collect();
        for node in map.nodes.values() {
            *nodes_by_kind.entry(node.kind).or_default() += 1;
        }
        let mut edges_by_kind: BTreeMap<EdgeKind, usize> =
            EdgeKind::ALL.iter().map(|k| (*k, 0)).collect();
        for edge in map.edges.values() {
            *edges_by_kind.entry(edge.kind).or_default() += 1;
        }
        let mut groups: Vec<_> = map.edges.values().filter_map(|e| e.group).collect();
        groups.sort_unstable();
        groups.dedup();
        Self {
            title: map.title.clone(),
            nodes: map.nodes.len(),
            nodes_by_kind,
            edges: map.edges.len(),
            edges_by_kind,
            linked_arguments: groups.len(),
            sources: map.sources.len(),
            spans: map.nodes.values().map(|n| n.spans.len()).sum(),
            anchored_nodes: map.nodes.values().filter(|n| !n.spans.is_empty()).count(),
        }
    }

    /// Share of nodes anchored to at least one span, 0.0 to 1.0 (0 for an empty map).
    pub fn anchored_share(&self) -> f64 {
        if self.nodes == 0 {
            0.0
        } else {
            self.anchored_nodes as f64 / self.nodes as f64
        }
    }
}
