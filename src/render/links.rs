//! How a map's arrows hang together: the edges of each linked argument,
//! and the undercuts aimed at each edge. Read in one pass over the edges,
//! which can also pick out the edges at some boxes.

use crate::model::{EdgeId, GroupId, Map, NodeId, Target};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeSet;

/// A set of edges, quick to ask.
pub(super) type EdgeSet = FxHashSet<EdgeId>;

#[derive(Clone, Debug, Default)]
pub(super) struct Links {
    group_of: FxHashMap<EdgeId, GroupId>,
    groups: FxHashMap<GroupId, Vec<EdgeId>>,
    undercuts: FxHashMap<EdgeId, Vec<EdgeId>>,
}

impl Links {
    pub(super) fn of(map: &Map) -> Self {
        Self::with_edges_at(map, &BTreeSet::new()).0
    }

    /// The links of `map`, and its edges from or to a box of `nodes`: one
    /// pass over the edges for both. (Keeping the links and each box's
    /// edges up to date edge by edge was tried: after a big delete or its
    /// undo, a hash lookup per changed edge, each a cache miss, cost more
    /// than this pass.)
    pub(super) fn with_edges_at(map: &Map, nodes: &BTreeSet<NodeId>) -> (Self, EdgeSet) {
        let nodes: FxHashSet<NodeId> = nodes.iter().copied().collect();
        let mut at = EdgeSet::default();
        let mut links = Self::default();
        for edge in map.edges.values() {
            if !nodes.is_empty()
                && (nodes.contains(&edge.from)
                    || matches!(edge.to, Target::Node(n) if nodes.contains(&n)))
            {
                at.insert(edge.id);
            }
            match (edge.group, edge.to) {
                (Some(group), Target::Node(_)) => {
                    links.groups.entry(group).or_default().push(edge.id);
                }
                (_, Target::Edge(target)) => {
                    links.undercuts.entry(target).or_default().push(edge.id);
                }
                (None, Target::Node(_)) => {}
            }
        }
        // As drawn: a linked argument has at least two premises.
        links.groups.retain(|_, edges| edges.len() >= 2);
        #[expect(
            clippy::iter_over_hash_type,
            reason = "each edge gets its own group: the order makes no difference"
        )]
        for (group, edges) in &links.groups {
            links.group_of.extend(edges.iter().map(|e| (*e, *group)));
        }
        (links, at)
    }

    /// `touched` with the linked arguments and undercuts it reaches: every
    /// edge of a linked argument one of them belongs to, and the undercuts
    /// aimed at any of these, and at those, and so on.
    pub(super) fn grow(&self, mut touched: EdgeSet) -> EdgeSet {
        let mut work: Vec<EdgeId> = touched.iter().copied().collect();
        while let Some(edge) = work.pop() {
            let group = self.group_of.get(&edge).and_then(|g| self.groups.get(g));
            let aimed = self.undercuts.get(&edge);
            for next in group.into_iter().chain(aimed).flatten() {
                if touched.insert(*next) {
                    work.push(*next);
                }
            }
        }
        touched
    }
}
