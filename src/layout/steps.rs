//! The order a presentation reveals a map in, step by step. By default it
//! follows the layout: each main claim (top row first, left to right), then
//! its reasons, then its objections, each reason's own reasons and
//! objections before the next, depth first. A teacher can set another
//! order; these functions edit one as a list of steps.

use crate::model::{EdgeKind, Map, NodeId, tree};
use std::collections::BTreeSet;

/// The steps a presentation of `map` goes through: the teacher's order
/// (boxes since removed skipped) and then, as steps of their own, any box
/// it does not name; else the order the layout gives. Every box is
/// revealed by the last step.
pub fn steps(map: &Map) -> Vec<Vec<NodeId>> {
    let Some(chosen) = &map.steps else {
        return default_steps(map);
    };
    let mut seen = BTreeSet::new();
    let mut steps: Vec<Vec<NodeId>> = chosen
        .iter()
        .map(|step| {
            step.iter()
                .copied()
                .filter(|id| map.nodes.contains_key(id) && seen.insert(*id))
                .collect::<Vec<_>>()
        })
        .filter(|step| !step.is_empty())
        .collect();
    // Boxes added since the order was set come last, in the layout's order.
    for step in default_steps(map) {
        let rest: Vec<NodeId> = step.into_iter().filter(|id| !seen.contains(id)).collect();
        if !rest.is_empty() {
            steps.push(rest);
        }
    }
    steps
}

/// [`steps`] without the boxes folded away under collapsed boxes: what a
/// presentation of the map as it is shows.
pub fn shown_steps(map: &Map) -> Vec<Vec<NodeId>> {
    let (hidden, _) = tree::collapsed_away(map);
    steps(map)
        .into_iter()
        .map(|step| {
            step.into_iter()
                .filter(|id| !hidden.contains(id))
                .collect::<Vec<_>>()
        })
        .filter(|step| !step.is_empty())
        .collect()
}

/// The layout's order (see the module).
pub fn default_steps(map: &Map) -> Vec<Vec<NodeId>> {
    let children = tree::children(map);
    let position = |id: &NodeId| map.nodes.get(id).map(|n| (n.pos.y, n.pos.x));
    let by_position = |list: &mut Vec<NodeId>| {
        list.sort_by(|a, b| {
            let (pa, pb) = (position(a), position(b));
            pa.map(|p| p.1)
                .partial_cmp(&pb.map(|p| p.1))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.cmp(b))
        });
    };
    // Roots: boxes that argue about nothing, top row first, left to right.
    let argues: BTreeSet<NodeId> = map.edges.values().map(|e| e.from).collect();
    let mut roots: Vec<NodeId> = map
        .nodes
        .keys()
        .copied()
        .filter(|id| !argues.contains(id))
        .collect();
    roots.sort_by(|a, b| {
        position(a)
            .partial_cmp(&position(b))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(b))
    });
    // Which box supports which directly: reasons are revealed before
    // objections.
    let supports: BTreeSet<(NodeId, NodeId)> = map
        .edges
        .values()
        .filter(|e| e.kind == EdgeKind::Supports)
        .filter_map(|e| e.target_node().map(|to| (e.from, to)))
        .collect();
    // A box that argues about several boxes is revealed under the nearest
    // of them: the one the layout put it beside.
    let mut home: std::collections::BTreeMap<NodeId, NodeId> = std::collections::BTreeMap::new();
    for (parent, kids) in &children {
        for kid in kids {
            let distance = |p: &NodeId| {
                let (Some(a), Some(b)) = (map.nodes.get(p), map.nodes.get(kid)) else {
                    return f64::INFINITY;
                };
                (a.pos.x - b.pos.x).hypot(a.pos.y - b.pos.y)
            };
            let nearer = home
                .get(kid)
                .is_none_or(|old| distance(parent) < distance(old));
            if nearer {
                home.insert(*kid, *parent);
            }
        }
    }
    let walk = Walk {
        children: &children,
        home: &home,
        supports: &supports,
        by_position: &by_position,
    };
    let mut steps = Vec::new();
    let mut seen = BTreeSet::new();
    for root in roots {
        if seen.insert(root) {
            steps.push(vec![root]);
            walk.reveal_under(root, &mut seen, &mut steps);
        }
    }
    // Boxes only in cycles of arguments (no root reaches them).
    for id in map.nodes.keys() {
        if seen.insert(*id) {
            steps.push(vec![*id]);
            walk.reveal_under(*id, &mut seen, &mut steps);
        }
    }
    steps
}

/// What the depth-first walk of the default order needs.
struct Walk<'a> {
    children: &'a std::collections::BTreeMap<NodeId, Vec<NodeId>>,
    /// Where each box is revealed: under the box it argues about nearest.
    home: &'a std::collections::BTreeMap<NodeId, NodeId>,
    supports: &'a BTreeSet<(NodeId, NodeId)>,
    by_position: &'a dyn Fn(&mut Vec<NodeId>),
}

impl Walk<'_> {
    /// The reasons of `at` as one step, its objections as the next, then
    /// the same for each of them, depth first.
    fn reveal_under(&self, at: NodeId, seen: &mut BTreeSet<NodeId>, steps: &mut Vec<Vec<NodeId>>) {
        let fresh: Vec<NodeId> = self
            .children
            .get(&at)
            .into_iter()
            .flatten()
            .copied()
            .filter(|c| !seen.contains(c) && self.home.get(c) == Some(&at))
            .collect();
        let (mut reasons, mut objections): (Vec<NodeId>, Vec<NodeId>) = fresh
            .into_iter()
            .partition(|c| self.supports.contains(&(*c, at)));
        (self.by_position)(&mut reasons);
        (self.by_position)(&mut objections);
        for group in [&reasons, &objections] {
            if !group.is_empty() {
                seen.extend(group.iter().copied());
                steps.push(group.clone());
            }
        }
        for child in reasons.iter().chain(&objections) {
            self.reveal_under(*child, seen, steps);
        }
    }
}

/// Where `id` is: (step, place in the step).
fn find(steps: &[Vec<NodeId>], id: NodeId) -> Option<(usize, usize)> {
    steps
        .iter()
        .enumerate()
        .find_map(|(s, step)| step.iter().position(|n| *n == id).map(|i| (s, i)))
}

/// `id` swapped with the box before it (`earlier`) or after it in the
/// order; steps keep their sizes.
pub fn move_box(steps: &[Vec<NodeId>], id: NodeId, earlier: bool) -> Vec<Vec<NodeId>> {
    let sizes: Vec<usize> = steps.iter().map(Vec::len).collect();
    let mut flat: Vec<NodeId> = steps.iter().flatten().copied().collect();
    if let Some(i) = flat.iter().position(|n| *n == id) {
        let j = if earlier {
            i.checked_sub(1)
        } else {
            Some(i + 1)
        };
        if let Some(j) = j.filter(|j| *j < flat.len()) {
            flat.swap(i, j);
        }
    }
    let mut out = Vec::with_capacity(sizes.len());
    let mut rest = flat.into_iter();
    for size in sizes {
        out.push(rest.by_ref().take(size).collect());
    }
    out
}

/// `id` moved to the end of the step before its own (its step goes when
/// it empties).
pub fn merge_into_previous(steps: &[Vec<NodeId>], id: NodeId) -> Vec<Vec<NodeId>> {
    let mut out = steps.to_vec();
    if let Some((s, i)) = find(steps, id).filter(|(s, _)| *s > 0) {
        if let Some(step) = out.get_mut(s) {
            step.remove(i);
        }
        if let Some(previous) = out.get_mut(s - 1) {
            previous.push(id);
        }
    }
    out.retain(|step| !step.is_empty());
    out
}

/// `id`'s step cut in two: `id` and what follows it start a new step.
pub fn split_at(steps: &[Vec<NodeId>], id: NodeId) -> Vec<Vec<NodeId>> {
    let mut out = steps.to_vec();
    if let Some((s, i)) = find(steps, id).filter(|(_, i)| *i > 0)
        && let Some(step) = out.get_mut(s)
    {
        let tail = step.split_off(i);
        out.insert(s + 1, tail);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeId, Node, NodeKind, Point, Target};

    fn ids(steps: &[Vec<NodeId>]) -> Vec<Vec<u64>> {
        steps
            .iter()
            .map(|s| s.iter().map(|n| n.0).collect())
            .collect()
    }

    /// Claim 1 with reasons 2 (left) and 3, objection 4; 5 rebuts 4; a
    /// second claim 6 further down.
    fn map() -> Map {
        let mut map = Map::new("t");
        for (id, x, y) in [
            (1, 0.0, 0.0),
            (2, -200.0, 100.0),
            (3, 0.0, 100.0),
            (4, 200.0, 100.0),
            (5, 200.0, 200.0),
            (6, 0.0, 500.0),
        ] {
            map.nodes.insert(
                NodeId(id),
                Node::new(NodeId(id), NodeKind::Claim, "", Point::new(x, y)),
            );
        }
        for (id, from, to, kind) in [
            (1, 3, 1, EdgeKind::Supports),
            (2, 2, 1, EdgeKind::Supports),
            (3, 4, 1, EdgeKind::Attacks),
            (4, 5, 4, EdgeKind::Attacks),
        ] {
            map.edges.insert(
                EdgeId(id),
                Edge::new(EdgeId(id), NodeId(from), Target::Node(NodeId(to)), kind),
            );
        }
        map
    }

    #[test]
    fn the_default_order_is_claim_reasons_objections_depth_first() {
        assert_eq!(
            ids(&default_steps(&map())),
            vec![vec![1], vec![2, 3], vec![4], vec![5], vec![6]]
        );
    }

    #[test]
    fn a_chosen_order_skips_removed_boxes_and_adds_new_ones() {
        let mut m = map();
        m.steps = Some(vec![vec![NodeId(6)], vec![NodeId(1), NodeId(9)]]);
        assert_eq!(
            ids(&steps(&m)),
            vec![vec![6], vec![1], vec![2, 3], vec![4], vec![5]]
        );
    }

    #[test]
    fn steps_are_edited_by_moving_merging_and_splitting() {
        let s = default_steps(&map());
        assert_eq!(
            ids(&move_box(&s, NodeId(4), true)),
            vec![vec![1], vec![2, 4], vec![3], vec![5], vec![6]]
        );
        assert_eq!(
            ids(&merge_into_previous(&s, NodeId(4))),
            vec![vec![1], vec![2, 3, 4], vec![5], vec![6]]
        );
        assert_eq!(
            ids(&split_at(&s, NodeId(3))),
            vec![vec![1], vec![2], vec![3], vec![4], vec![5], vec![6]]
        );
    }
}
