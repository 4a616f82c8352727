//! Automatic layout of an argument map: each claim on top, its reasons and
//! objections in a row below it (supports on the left, attacks on the
//! right, linked premises side by side, an undercutter beside the premise
//! whose inference it cuts), trees side by side. Pinned boxes stay where
//! they are; the rest arrange around them. Deterministic.

use crate::model::{EdgeKind, Map, NodeId, Point, Target};
use std::collections::{BTreeMap, BTreeSet};

/// Space between neighbouring boxes in a row, in map units.
pub const H_GAP: f64 = 40.0;
/// Space between rows.
pub const V_GAP: f64 = 80.0;
/// Extra space between separate trees.
const TREE_GAP: f64 = 120.0;

/// Which boxes to arrange.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    All,
    /// These boxes' subtrees; each chosen box keeps its place.
    Subtrees(&'a BTreeSet<NodeId>),
}

/// The size of each box (width, height), from the text it shows.
pub type Sizes = BTreeMap<NodeId, (f64, f64)>;

/// New centres for the boxes in `scope` (only those that move).
pub fn layout(map: &Map, sizes: &Sizes, scope: Scope<'_>) -> Vec<(NodeId, Point)> {
    let forest = Forest::of(map);
    let placed = match scope {
        Scope::All => arrange_all(map, &forest, sizes),
        Scope::Subtrees(chosen) => arrange_subtrees(map, &forest, sizes, chosen),
    };
    placed
        .into_iter()
        .filter(|(id, p)| map.nodes.get(id).is_some_and(|n| n.pos != *p))
        .collect()
}

/// Where a box goes among its siblings: supports before attacks, linked
/// premises together, undercutters right after the premise they cut.
type OrderKey = (u8, u64, u64, u64);

/// The map read as a forest: each box hangs under one parent.
pub(super) struct Forest {
    children: BTreeMap<NodeId, Vec<NodeId>>,
    pub(super) roots: Vec<NodeId>,
}

impl Forest {
    pub(super) fn of(map: &Map) -> Self {
        // Parent and sort key of each box: the target of its first
        // support or attack; an undercutter sits beside the premise it cuts.
        let mut parent: BTreeMap<NodeId, (NodeId, OrderKey)> = BTreeMap::new();
        for edge in map.edges.values() {
            let Target::Node(to) = edge.to else { continue };
            if parent.contains_key(&edge.from) || to == edge.from {
                continue;
            }
            let rank = u8::from(edge.kind == EdgeKind::Attacks);
            let group = edge.group.map_or(edge.id.0, |g| g.0);
            parent.insert(edge.from, (to, (rank, group, edge.id.0, 0)));
        }
        for edge in map.edges.values() {
            let Target::Edge(cut) = edge.to else { continue };
            if parent.contains_key(&edge.from) {
                continue;
            }
            let Some(cut) = map.edges.get(&cut) else {
                continue;
            };
            let (Some(conclusion), Some((_, key))) =
                (cut.target_node(), parent.get(&cut.from).copied())
            else {
                continue;
            };
            if conclusion != edge.from {
                parent.insert(
                    edge.from,
                    (conclusion, (key.0, key.1, key.2, edge.id.0 + 1)),
                );
            }
        }
        break_cycles(&mut parent);
        let mut children: BTreeMap<NodeId, Vec<(NodeId, OrderKey)>> = BTreeMap::new();
        for (child, (up, key)) in &parent {
            children.entry(*up).or_default().push((*child, *key));
        }
        let children = children
            .into_iter()
            .map(|(up, mut kids)| {
                kids.sort_by_key(|(id, key)| (*key, *id));
                (up, kids.into_iter().map(|(id, _)| id).collect())
            })
            .collect();
        let roots = map
            .nodes
            .keys()
            .copied()
            .filter(|id| !parent.contains_key(id))
            .collect();
        Self { children, roots }
    }

    fn kids(&self, id: NodeId) -> &[NodeId] {
        self.children
            .get(&id)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// `root` and everything below it, parents before children.
    pub(super) fn subtree(&self, root: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            out.push(id);
            stack.extend(self.kids(id).iter().rev());
        }
        out
    }
}

fn break_cycles<K: Copy>(parent: &mut BTreeMap<NodeId, (NodeId, K)>) {
    let ids: Vec<NodeId> = parent.keys().copied().collect();
    for start in ids {
        let mut seen = BTreeSet::from([start]);
        let mut at = start;
        while let Some(&(up, _)) = parent.get(&at) {
            if !seen.insert(up) {
                parent.remove(&at);
                break;
            }
            at = up;
        }
    }
}

/// One tree laid out with its root's top centre at (0, 0).
struct TreeShape {
    centres: Vec<(NodeId, Point)>,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

fn size_of(sizes: &Sizes, id: NodeId) -> (f64, f64) {
    sizes.get(&id).copied().unwrap_or((240.0, 80.0))
}

/// How wide a subtree is at each depth below its root: (left, right)
/// edges relative to the root's centre.
type Contour = Vec<(f64, f64)>;

/// Tidy placement of `root`'s subtree, packed by contours (as Reingold and
/// Tilford do): each child's subtree goes as close to its left sibling's
/// as their boxes allow, depth by depth, so a deep narrow subtree and a
/// wide shallow one share columns; parents are centred over their
/// children; rows align tops.
fn shape(forest: &Forest, sizes: &Sizes, root: NodeId) -> TreeShape {
    let order = forest.subtree(root);
    let mut depth: BTreeMap<NodeId, usize> = BTreeMap::from([(root, 0)]);
    for id in &order {
        let d = depth.get(id).copied().unwrap_or(0);
        for kid in forest.kids(*id) {
            depth.insert(*kid, d + 1);
        }
    }
    // Each child's offset from its parent's centre, bottom-up.
    let mut offset: BTreeMap<NodeId, f64> = BTreeMap::new();
    let mut contours: BTreeMap<NodeId, Contour> = BTreeMap::new();
    for id in order.iter().rev() {
        let half = size_of(sizes, *id).0 / 2.0;
        let mut below: Contour = Vec::new();
        let mut placed: Vec<(NodeId, f64)> = Vec::new();
        for kid in forest.kids(*id) {
            let contour = contours.remove(kid).unwrap_or_default();
            let shift = if placed.is_empty() {
                0.0
            } else {
                below
                    .iter()
                    .zip(&contour)
                    .map(|(left, right)| left.1 - right.0 + H_GAP)
                    .fold(f64::MIN, f64::max)
            };
            for (d, (l, r)) in contour.into_iter().enumerate() {
                match below.get_mut(d) {
                    Some(edge) => *edge = (edge.0.min(l + shift), edge.1.max(r + shift)),
                    None => below.push((l + shift, r + shift)),
                }
            }
            placed.push((*kid, shift));
        }
        let middle = match (placed.first(), placed.last()) {
            (Some((_, first)), Some((_, last))) => (first + last) / 2.0,
            _ => 0.0,
        };
        for (kid, shift) in placed {
            offset.insert(kid, shift - middle);
        }
        let mut contour = vec![(-half, half)];
        contour.extend(below.into_iter().map(|(l, r)| (l - middle, r - middle)));
        contours.insert(*id, contour);
    }
    // Row heights: the tallest box of each depth.
    let mut row_height: BTreeMap<usize, f64> = BTreeMap::new();
    for id in &order {
        let d = depth.get(id).copied().unwrap_or(0);
        let h = size_of(sizes, *id).1;
        let slot = row_height.entry(d).or_insert(0.0);
        *slot = slot.max(h);
    }
    let mut row_top = BTreeMap::new();
    let mut top = 0.0;
    for (d, h) in &row_height {
        row_top.insert(*d, top);
        top += h + V_GAP;
    }
    // Centres top-down.
    let mut centre_x: BTreeMap<NodeId, f64> = BTreeMap::from([(root, 0.0)]);
    let mut centres = Vec::with_capacity(order.len());
    let (mut left, mut right, mut bottom) = (f64::MAX, f64::MIN, 0.0f64);
    for id in &order {
        let x = centre_x.get(id).copied().unwrap_or(0.0);
        for kid in forest.kids(*id) {
            centre_x.insert(*kid, x + offset.get(kid).copied().unwrap_or(0.0));
        }
        let (width, height) = size_of(sizes, *id);
        let level = depth.get(id).copied().unwrap_or(0);
        let y = row_top.get(&level).copied().unwrap_or(0.0) + height / 2.0;
        centres.push((*id, Point::new(x, y)));
        left = left.min(x - width / 2.0);
        right = right.max(x + width / 2.0);
        bottom = bottom.max(y + height / 2.0);
    }
    TreeShape {
        centres,
        left,
        right,
        top: 0.0,
        bottom,
    }
}

/// Trees are set out in rows, left to right, wrapping so that the whole
/// map comes out roughly as wide as a slide is (16:10), never narrower than
/// its widest tree. Trees holding a pinned box stay where the pin puts
/// them; the others go below them.
fn arrange_all(map: &Map, forest: &Forest, sizes: &Sizes) -> Vec<(NodeId, Point)> {
    let mut placed: Vec<(NodeId, Point)> = Vec::new();
    let mut pinned_trees: Vec<TreeShape> = Vec::new();
    let mut free_trees: Vec<TreeShape> = Vec::new();
    for root in &forest.roots {
        let mut tree = shape(forest, sizes, *root);
        let pin = tree.centres.iter().find_map(|(id, p)| {
            map.nodes
                .get(id)
                .filter(|n| n.pinned)
                .map(|n| (n.pos.x - p.x, n.pos.y - p.y))
        });
        match pin {
            Some((dx, dy)) => {
                translate(&mut tree, dx, dy);
                pinned_trees.push(tree);
            }
            None => free_trees.push(tree),
        }
    }
    let area: f64 = free_trees
        .iter()
        .map(|t| (t.right - t.left + TREE_GAP) * (t.bottom - t.top + TREE_GAP))
        .sum();
    let widest = free_trees
        .iter()
        .map(|t| t.right - t.left)
        .fold(0.0, f64::max);
    let row_width = widest.max((area * 1.6).sqrt());
    let start_x = pinned_trees.iter().map(|t| t.left).fold(0.0, f64::min);
    let mut row_top = pinned_trees
        .iter()
        .map(|t| t.bottom + TREE_GAP)
        .fold(0.0, f64::max);
    let (mut cursor, mut row_bottom) = (start_x, row_top);
    for mut tree in free_trees {
        let width = tree.right - tree.left;
        if cursor > start_x && cursor + width > start_x + row_width {
            cursor = start_x;
            row_top = row_bottom + TREE_GAP;
        }
        let (dx, dy) = (cursor - tree.left, row_top - tree.top);
        translate(&mut tree, dx, dy);
        cursor = tree.right + TREE_GAP;
        row_bottom = row_bottom.max(tree.bottom);
        placed.extend(tree.centres);
    }
    for tree in pinned_trees {
        placed.extend(tree.centres);
    }
    keep_pinned(map, placed)
}

fn arrange_subtrees(
    map: &Map,
    forest: &Forest,
    sizes: &Sizes,
    chosen: &BTreeSet<NodeId>,
) -> Vec<(NodeId, Point)> {
    // Only the topmost chosen boxes: a chosen box inside another's subtree is arranged with it.
    let inside: BTreeSet<NodeId> = chosen
        .iter()
        .flat_map(|c| forest.subtree(*c).into_iter().skip(1))
        .collect();
    let mut placed = Vec::new();
    for root in chosen.iter().filter(|c| !inside.contains(c)) {
        let Some(anchor) = map.nodes.get(root).map(|n| n.pos) else {
            continue;
        };
        let mut tree = shape(forest, sizes, *root);
        let origin = tree.centres.first().map_or(Point::default(), |(_, p)| *p);
        translate(&mut tree, anchor.x - origin.x, anchor.y - origin.y);
        placed.extend(tree.centres);
    }
    keep_pinned(map, placed)
}

fn translate(tree: &mut TreeShape, dx: f64, dy: f64) {
    for (_, p) in &mut tree.centres {
        *p = Point::new(p.x + dx, p.y + dy);
    }
    tree.left += dx;
    tree.right += dx;
    tree.top += dy;
    tree.bottom += dy;
}

/// Pinned boxes keep their own positions whatever their tree did.
fn keep_pinned(map: &Map, mut placed: Vec<(NodeId, Point)>) -> Vec<(NodeId, Point)> {
    for (id, p) in &mut placed {
        if let Some(node) = map.nodes.get(id).filter(|n| n.pinned) {
            *p = node.pos;
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeId, Node, NodeKind, synthetic_map};

    fn sizes(map: &Map) -> Sizes {
        map.nodes
            .keys()
            .map(|id| (*id, (240.0, 60.0 + (id.0 % 3) as f64 * 18.0)))
            .collect()
    }

    fn apply(map: &mut Map, moves: &[(NodeId, Point)]) {
        for (id, p) in moves {
            if let Some(n) = map.nodes.get_mut(id) {
                n.pos = *p;
            }
        }
    }

    fn overlaps(map: &Map, sizes: &Sizes) -> Vec<(NodeId, NodeId)> {
        let rects: Vec<(NodeId, f64, f64, f64, f64)> = map
            .nodes
            .values()
            .map(|n| {
                let (w, h) = size_of(sizes, n.id);
                (
                    n.id,
                    n.pos.x - w / 2.0,
                    n.pos.y - h / 2.0,
                    n.pos.x + w / 2.0,
                    n.pos.y + h / 2.0,
                )
            })
            .collect();
        let mut found = Vec::new();
        for (i, a) in rects.iter().enumerate() {
            for b in rects.iter().skip(i + 1) {
                if a.1 < b.3 && b.1 < a.3 && a.2 < b.4 && b.2 < a.4 {
                    found.push((a.0, b.0));
                }
            }
        }
        found
    }

    #[test]
    fn no_boxes_overlap_and_children_sit_below() {
        let mut map = synthetic_map(300);
        let sizes = sizes(&map);
        let moves = layout(&map, &sizes, Scope::All);
        apply(&mut map, &moves);
        assert!(
            overlaps(&map, &sizes).is_empty(),
            "{:?}",
            overlaps(&map, &sizes).first()
        );
        for edge in map.edges.values() {
            if let Some(to) = edge.target_node() {
                let forest = Forest::of(&map);
                if forest.kids(to).contains(&edge.from) {
                    assert!(map.nodes[&edge.from].pos.y > map.nodes[&to].pos.y);
                }
            }
        }
    }

    #[test]
    fn layout_is_deterministic() {
        let map = synthetic_map(200);
        let sizes = sizes(&map);
        assert_eq!(
            layout(&map, &sizes, Scope::All),
            layout(&map, &sizes, Scope::All)
        );
    }

    #[test]
    fn supports_go_left_of_attacks() {
        let mut map = Map::new("t");
        for i in 1..=3 {
            map.nodes.insert(
                NodeId(i),
                Node::new(NodeId(i), NodeKind::Claim, "x", Point::default()),
            );
        }
        map.edges.insert(
            EdgeId(1),
            Edge::new(
                EdgeId(1),
                NodeId(2),
                Target::Node(NodeId(1)),
                EdgeKind::Attacks,
            ),
        );
        map.edges.insert(
            EdgeId(2),
            Edge::new(
                EdgeId(2),
                NodeId(3),
                Target::Node(NodeId(1)),
                EdgeKind::Supports,
            ),
        );
        let sizes = sizes(&map);
        let moves = layout(&map, &sizes, Scope::All);
        apply(&mut map, &moves);
        assert!(map.nodes[&NodeId(3)].pos.x < map.nodes[&NodeId(2)].pos.x);
    }

    #[test]
    fn pinned_boxes_stay_put() {
        let mut map = synthetic_map(120);
        map.nodes.get_mut(&NodeId(5)).expect("node").pinned = true;
        map.nodes.get_mut(&NodeId(5)).expect("node").pos = Point::new(-5000.0, 777.0);
        map.nodes.get_mut(&NodeId(60)).expect("node").pinned = true;
        let before = (map.nodes[&NodeId(5)].pos, map.nodes[&NodeId(60)].pos);
        let sizes = sizes(&map);
        let moves = layout(&map, &sizes, Scope::All);
        assert!(
            moves
                .iter()
                .all(|(id, _)| *id != NodeId(5) && *id != NodeId(60))
        );
        apply(&mut map, &moves);
        assert_eq!(
            (map.nodes[&NodeId(5)].pos, map.nodes[&NodeId(60)].pos),
            before
        );
    }

    #[test]
    fn laying_out_a_subtree_moves_only_it_and_keeps_its_root() {
        let map = synthetic_map(120);
        let root = NodeId(41);
        let chosen = BTreeSet::from([root]);
        let sizes = sizes(&map);
        let moves = layout(&map, &sizes, Scope::Subtrees(&chosen));
        let subtree: BTreeSet<NodeId> = Forest::of(&map).subtree(root).into_iter().collect();
        assert!(!moves.is_empty());
        assert!(
            moves
                .iter()
                .all(|(id, _)| subtree.contains(id) && *id != root)
        );
    }
}
