//! The argument tree under a box: the boxes that argue about it (reasons,
//! objections, undercuts of the steps into it), and theirs, and so on.
//! Collapsing a box hides its subtree; focusing on a box shows only its
//! subtree and its way up to the main claims.

use super::{Map, NodeId, Target};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// The box an arrow argues about: its target, or for an undercut the box
/// the cut arrow argues about (through chains of undercuts).
pub fn argued_about(map: &Map, edge: &super::Edge) -> Option<NodeId> {
    let mut at = edge;
    for _ in 0..=map.edges.len() {
        match at.to {
            Target::Node(n) => return Some(n),
            Target::Edge(e) => at = map.edges.get(&e)?,
        }
    }
    None
}

/// For each box, the boxes that argue about it directly, in id order.
pub fn children(map: &Map) -> BTreeMap<NodeId, Vec<NodeId>> {
    let mut children: BTreeMap<NodeId, Vec<NodeId>> = BTreeMap::new();
    for edge in map.edges.values() {
        if let Some(about) = argued_about(map, edge)
            && about != edge.from
        {
            children.entry(about).or_default().push(edge.from);
        }
    }
    for list in children.values_mut() {
        list.sort_unstable();
        list.dedup();
    }
    children
}

/// For each box, the boxes it argues about directly.
fn parents(map: &Map) -> BTreeMap<NodeId, Vec<NodeId>> {
    let mut parents: BTreeMap<NodeId, Vec<NodeId>> = BTreeMap::new();
    for edge in map.edges.values() {
        if let Some(about) = argued_about(map, edge)
            && about != edge.from
        {
            parents.entry(edge.from).or_default().push(about);
        }
    }
    parents
}

/// The boxes under `root`: every box that argues about it however
/// indirectly, but only those that argue about nothing outside: a box that
/// also argues about a box elsewhere on the map stays out (with what argues
/// about it).
pub fn subtree(map: &Map, root: NodeId) -> BTreeSet<NodeId> {
    subtree_with(root, &children(map), &parents(map))
}

fn subtree_with(
    root: NodeId,
    children: &BTreeMap<NodeId, Vec<NodeId>>,
    parents: &BTreeMap<NodeId, Vec<NodeId>>,
) -> BTreeSet<NodeId> {
    // Everything that argues about the root, however indirectly.
    let mut under: BTreeSet<NodeId> = BTreeSet::new();
    let mut queue = VecDeque::from([root]);
    while let Some(at) = queue.pop_front() {
        for child in children.get(&at).into_iter().flatten() {
            if *child != root && under.insert(*child) {
                queue.push_back(*child);
            }
        }
    }
    // Then drop what also argues elsewhere, and what that leaves arguing
    // elsewhere, until nothing changes.
    let inside = |id: &NodeId, under: &BTreeSet<NodeId>| *id == root || under.contains(id);
    let mut queue: VecDeque<NodeId> = under.iter().copied().collect();
    while let Some(at) = queue.pop_front() {
        if !under.contains(&at) {
            continue;
        }
        let elsewhere = parents
            .get(&at)
            .into_iter()
            .flatten()
            .any(|p| !inside(p, &under));
        if elsewhere {
            under.remove(&at);
            // Who argued about `at` may now argue outside.
            queue.extend(children.get(&at).into_iter().flatten().copied());
        }
    }
    under
}

/// The boxes hidden under collapsed boxes, and how many each collapsed
/// (and itself visible) box hides.
pub fn collapsed_away(map: &Map) -> (BTreeSet<NodeId>, BTreeMap<NodeId, usize>) {
    let collapsed: Vec<NodeId> = map
        .nodes
        .values()
        .filter(|n| n.collapsed)
        .map(|n| n.id)
        .collect();
    if collapsed.is_empty() {
        return (BTreeSet::new(), BTreeMap::new());
    }
    let (children, parents) = (children(map), parents(map));
    let mut hidden = BTreeSet::new();
    let mut counts = BTreeMap::new();
    for root in collapsed {
        let under = subtree_with(root, &children, &parents);
        counts.insert(root, under.len());
        hidden.extend(under);
    }
    counts.retain(|id, _| !hidden.contains(id));
    (hidden, counts)
}

/// What focusing on `node` shows: its subtree, itself, and every box on
/// its way up to the main claims (what it argues about, and so on).
pub fn focus_of(map: &Map, node: NodeId) -> BTreeSet<NodeId> {
    let parents = parents(map);
    let mut shown = subtree(map, node);
    shown.insert(node);
    let mut queue = VecDeque::from([node]);
    while let Some(at) = queue.pop_front() {
        for parent in parents.get(&at).into_iter().flatten() {
            if shown.insert(*parent) {
                queue.push_back(*parent);
            }
        }
    }
    shown
}

/// The way from `node` up to a main claim, first step first: the box it
/// argues about, then that one's, … (the first of each when several).
pub fn way_up(map: &Map, node: NodeId) -> Vec<NodeId> {
    let parents = parents(map);
    let mut way = Vec::new();
    let mut seen = BTreeSet::from([node]);
    let mut at = node;
    while let Some(next) = parents.get(&at).and_then(|p| p.first()).copied() {
        if !seen.insert(next) {
            break;
        }
        way.push(next);
        at = next;
    }
    way
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeId, EdgeKind, Node, NodeKind, Point};

    /// 1 <- 2 <- 3, 1 <- 4 (attack), 5 supports both 3 and 6 (elsewhere).
    fn map() -> Map {
        let mut map = Map::new("t");
        for id in 1..=6 {
            map.nodes.insert(
                NodeId(id),
                Node::new(NodeId(id), NodeKind::Reason, "", Point::default()),
            );
        }
        for (id, from, to, kind) in [
            (1, 2, 1, EdgeKind::Supports),
            (2, 3, 2, EdgeKind::Supports),
            (3, 4, 1, EdgeKind::Attacks),
            (4, 5, 3, EdgeKind::Supports),
            (5, 5, 6, EdgeKind::Supports),
        ] {
            map.edges.insert(
                EdgeId(id),
                Edge::new(EdgeId(id), NodeId(from), Target::Node(NodeId(to)), kind),
            );
        }
        map
    }

    #[test]
    fn a_subtree_keeps_out_boxes_that_argue_elsewhere() {
        let map = map();
        let ids = |v: &[u64]| v.iter().map(|i| NodeId(*i)).collect::<BTreeSet<_>>();
        assert_eq!(subtree(&map, NodeId(1)), ids(&[2, 3, 4]));
        assert_eq!(subtree(&map, NodeId(2)), ids(&[3]));
        assert_eq!(focus_of(&map, NodeId(3)), ids(&[1, 2, 3]));
        assert_eq!(way_up(&map, NodeId(3)), vec![NodeId(2), NodeId(1)]);
    }

    #[test]
    fn collapsing_hides_the_subtree_and_counts_it() {
        let mut map = map();
        map.nodes.get_mut(&NodeId(2)).expect("box").collapsed = true;
        let (hidden, counts) = collapsed_away(&map);
        assert_eq!(hidden, BTreeSet::from([NodeId(3)]));
        assert_eq!(counts, BTreeMap::from([(NodeId(2), 1)]));
        // Collapsing the claim too hides the collapsed box with the rest.
        map.nodes.get_mut(&NodeId(1)).expect("box").collapsed = true;
        let (hidden, counts) = collapsed_away(&map);
        assert!(hidden.contains(&NodeId(2)));
        assert_eq!(counts, BTreeMap::from([(NodeId(1), 3)]));
    }
}
