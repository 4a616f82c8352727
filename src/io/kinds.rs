//! Box kinds for maps read from formats that have none.

use crate::model::{EdgeKind, Map, NodeId, NodeKind};
use std::collections::{BTreeMap, BTreeSet};

/// Kinds follow the arrows, except for the boxes in `given`: a box that
/// supports is a reason, one that attacks an objection, one that attacks
/// an objection a rebuttal; one that does neither keeps its kind.
pub fn infer_kinds(map: &mut Map, given: &BTreeSet<NodeId>) {
    let mut kinds: BTreeMap<NodeId, NodeKind> = BTreeMap::new();
    for edge in map.edges.values() {
        let kind = match edge.kind {
            EdgeKind::Supports => NodeKind::Reason,
            EdgeKind::Attacks | EdgeKind::Undercuts => NodeKind::Objection,
        };
        kinds.entry(edge.from).or_insert(kind);
    }
    let rebuttals: Vec<NodeId> = map
        .edges
        .values()
        .filter(|e| {
            e.kind == EdgeKind::Attacks
                && e.target_node()
                    .is_some_and(|t| kinds.get(&t) == Some(&NodeKind::Objection))
        })
        .map(|e| e.from)
        .collect();
    kinds.extend(rebuttals.into_iter().map(|id| (id, NodeKind::Rebuttal)));
    for (id, kind) in kinds {
        if given.contains(&id) {
            continue;
        }
        if let Some(node) = map.nodes.get_mut(&id) {
            node.kind = kind;
        }
    }
}
