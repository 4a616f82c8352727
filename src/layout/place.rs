//! A simple tree placement for nodes that have no position yet (maps read
//! from JSON or AIF without coordinates): claims on top, each reason or
//! objection below what it points at, parents centred over their children.

use crate::model::{Map, NodeId, Point, Target};
use std::collections::{BTreeMap, BTreeSet};

/// Horizontal distance between neighbouring leaves, in map units.
pub const SLOT_WIDTH: f64 = 280.0;
/// Vertical distance between levels, in map units.
pub const LEVEL_HEIGHT: f64 = 200.0;

/// Gives every node in `unplaced` a position. Nodes that already have one
/// stay put; the new ones are laid out as a forest below them.
pub fn place_unplaced(map: &mut Map, unplaced: &[NodeId]) {
    if unplaced.is_empty() {
        return;
    }
    let wanted: BTreeSet<NodeId> = unplaced.iter().copied().collect();
    let positions = tree_positions(map, &wanted);
    let placed_bottom = map
        .nodes
        .values()
        .filter(|n| !wanted.contains(&n.id))
        .map(|n| n.pos.y)
        .fold(None, |acc: Option<f64>, y| {
            Some(acc.map_or(y, |a| a.max(y)))
        });
    let top = placed_bottom.map_or(0.0, |y| y + LEVEL_HEIGHT);
    for (id, pos) in positions {
        if let Some(node) = map.nodes.get_mut(&id) {
            node.pos = Point::new(pos.x, pos.y + top);
        }
    }
}

/// Tidy-tree positions for the nodes in `wanted`, drawn as a forest where a
/// node's parent is the node its first outgoing arrow points at (for an
/// undercut: the node whose arrow it cuts).
fn tree_positions(map: &Map, wanted: &BTreeSet<NodeId>) -> BTreeMap<NodeId, Point> {
    let mut parent: BTreeMap<NodeId, NodeId> = BTreeMap::new();
    for edge in map.edges.values() {
        if !wanted.contains(&edge.from) || parent.contains_key(&edge.from) {
            continue;
        }
        let up = match edge.to {
            Target::Node(to) => Some(to),
            Target::Edge(cut) => map.edges.get(&cut).map(|e| e.from),
        };
        if let Some(up) = up.filter(|u| wanted.contains(u) && *u != edge.from) {
            parent.insert(edge.from, up);
        }
    }
    break_cycles(&mut parent);
    let mut children: BTreeMap<NodeId, Vec<NodeId>> = BTreeMap::new();
    for (child, up) in &parent {
        children.entry(*up).or_default().push(*child);
    }
    let roots: Vec<NodeId> = wanted
        .iter()
        .copied()
        .filter(|id| !parent.contains_key(id))
        .collect();

    // Post-order walk without recursion: leaves take the next free slot,
    // parents sit over the middle of their children.
    let mut x_slot: BTreeMap<NodeId, f64> = BTreeMap::new();
    let mut depth: BTreeMap<NodeId, usize> = BTreeMap::new();
    let mut next_leaf = 0.0;
    for root in roots {
        let mut stack = vec![(root, 0usize, false)];
        while let Some((id, level, expanded)) = stack.pop() {
            let kids = children.get(&id).map(Vec::as_slice).unwrap_or_default();
            if expanded || kids.is_empty() {
                let x = if kids.is_empty() {
                    next_leaf += 1.0;
                    next_leaf - 1.0
                } else {
                    let xs: Vec<f64> = kids.iter().filter_map(|k| x_slot.get(k)).copied().collect();
                    let (lo, hi) = xs
                        .iter()
                        .fold((f64::MAX, f64::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
                    f64::midpoint(lo, hi)
                };
                x_slot.insert(id, x);
                depth.insert(id, level);
            } else {
                stack.push((id, level, true));
                for kid in kids.iter().rev() {
                    stack.push((*kid, level + 1, false));
                }
            }
        }
        next_leaf += 0.5; // a little air between trees
    }
    x_slot
        .into_iter()
        .map(|(id, x)| {
            let level = depth.get(&id).copied().unwrap_or(0) as f64;
            (id, Point::new(x * SLOT_WIDTH, level * LEVEL_HEIGHT))
        })
        .collect()
}

/// Cuts parent links that would make a node its own ancestor.
fn break_cycles(parent: &mut BTreeMap<NodeId, NodeId>) {
    let ids: Vec<NodeId> = parent.keys().copied().collect();
    for start in ids {
        let mut seen = BTreeSet::from([start]);
        let mut at = start;
        while let Some(&up) = parent.get(&at) {
            if !seen.insert(up) {
                parent.remove(&at);
                break;
            }
            at = up;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeId, EdgeKind, Node, NodeKind};

    fn map_with(nodes: u64, links: &[(u64, u64)]) -> Map {
        let mut map = Map::new("t");
        for i in 1..=nodes {
            map.nodes.insert(
                NodeId(i),
                Node::new(NodeId(i), NodeKind::Claim, "n", Point::default()),
            );
        }
        for (k, (from, to)) in links.iter().enumerate() {
            let id = EdgeId(k as u64 + 1);
            map.edges.insert(
                id,
                Edge::new(
                    id,
                    NodeId(*from),
                    Target::Node(NodeId(*to)),
                    EdgeKind::Supports,
                ),
            );
        }
        map
    }

    #[test]
    fn children_sit_below_their_parent_and_apart() {
        let mut map = map_with(3, &[(2, 1), (3, 1)]);
        place_unplaced(&mut map, &[NodeId(1), NodeId(2), NodeId(3)]);
        let pos = |i| map.nodes[&NodeId(i)].pos;
        assert!(pos(2).y > pos(1).y);
        assert!((pos(2).y - pos(3).y).abs() < 1e-9);
        assert!((pos(3).x - pos(2).x).abs() >= SLOT_WIDTH);
        assert!((pos(1).x - f64::midpoint(pos(2).x, pos(3).x)).abs() < 1e-9);
    }

    #[test]
    fn placed_nodes_stay_and_cycles_terminate() {
        let mut map = map_with(3, &[(1, 2), (2, 3), (3, 1)]);
        map.nodes.get_mut(&NodeId(1)).expect("node").pos = Point::new(5.0, 7.0);
        place_unplaced(&mut map, &[NodeId(2), NodeId(3)]);
        assert_eq!(map.nodes[&NodeId(1)].pos, Point::new(5.0, 7.0));
        assert!(map.nodes[&NodeId(2)].pos.y > 7.0);
    }
}
