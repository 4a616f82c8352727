//! Sides: for each main claim (a claim that supports or attacks nothing),
//! which boxes argue for it and which against. Follow the arrows from a box
//! to the claim: a support keeps the side, an attack or an undercut turns
//! it over. A box reached both ways is on both sides: mixed.

use super::build::{Built, RowTarget};
use crate::model::{EdgeKind, Map, NodeId};
use std::collections::{BTreeMap, VecDeque};

/// Which side of a main claim a box is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    For,
    Against,
    Mixed,
}

impl Side {
    pub const fn name(self) -> &'static str {
        match self {
            Side::For => "for",
            Side::Against => "against",
            Side::Mixed => "mixed",
        }
    }

    /// Both sides taken together.
    #[must_use]
    pub fn and(self, other: Side) -> Side {
        if self == other { self } else { Side::Mixed }
    }
}

/// Main claims: claims with no arrow leaving them, in id order.
pub fn main_claims(map: &Map) -> Vec<NodeId> {
    main_claims_of(&super::build::build(map))
}

/// [`main_claims`] of a built framework.
pub fn main_claims_of(built: &Built) -> Vec<NodeId> {
    let mut alone = built.claims.clone();
    for row in &built.rows {
        if let Some(a) = alone.get_mut(row.from) {
            *a = false;
        }
    }
    built
        .nodes
        .iter()
        .zip(alone)
        .filter(|(_, a)| *a)
        .map(|(id, _)| *id)
        .collect()
}

/// For each arrow: the box it finally argues about (an index), and whether
/// against it. A support or attack argues about its target; an undercut
/// argues against what the arrow it cuts argues for (and for what it argues
/// against).
fn conclusions(built: &Built) -> Vec<Option<(usize, bool)>> {
    let rows = &built.rows;
    let index_of_row = |i: usize| -> Option<usize> {
        // Rows are in id order; the row of arrow index `i` is `i` unless
        // dangling arrows were dropped.
        (i < rows.len()).then_some(i)
    };
    rows.iter()
        .map(|start| {
            let mut flips = false;
            let mut at = *start;
            // An undercut chain is as long as the arrows it passes; never longer.
            for _ in 0..=rows.len() {
                match at.to {
                    RowTarget::Node(n) => {
                        return Some((n, flips ^ (at.kind != EdgeKind::Supports)));
                    }
                    RowTarget::Edge(e) => {
                        flips ^= true;
                        at = *rows.get(index_of_row(e)?)?;
                    }
                }
            }
            None
        })
        .collect()
}

/// For each box (an index), the boxes that argue about it (indices) and
/// whether against it.
pub fn arguers_of(built: &Built) -> Vec<Vec<(usize, bool)>> {
    let mut arcs: Vec<Vec<(usize, bool)>> = vec![Vec::new(); built.nodes.len()];
    for (row, about) in built.rows.iter().zip(conclusions(built)) {
        if let Some((about, against)) = about
            && let Some(list) = arcs.get_mut(about)
        {
            list.push((row.from, against));
        }
    }
    arcs
}

/// Each box's side as to each main claim it argues about, as one list per
/// box (in the order of [`Built::nodes`]) stored end to end.
#[derive(Clone, Debug, Default)]
pub struct Sides {
    offsets: Vec<usize>,
    items: Vec<(NodeId, Side)>,
}

impl Sides {
    /// Box `index`'s sides, by claim.
    pub fn of(&self, index: usize) -> &[(NodeId, Side)] {
        match (self.offsets.get(index), self.offsets.get(index + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a..b).unwrap_or_default(),
            _ => &[],
        }
    }
}

/// The sides of every box as to every main claim it argues about, however
/// indirectly: one walk from all `claims` at once against the arrows, each
/// (box, claim, side) visited once. Linear in the boxes and arrows times
/// the few claims a box argues about.
pub fn all_sides(built: &Built, claims: &[NodeId]) -> Sides {
    const EMPTY: usize = usize::MAX;
    let arcs = arguers_of(built);
    let n = built.nodes.len();
    // Per box: its first (claim, bits: 1 for, 2 against), inline; more
    // claims (rare) beside.
    let mut first: Vec<(usize, u8)> = vec![(EMPTY, 0); n];
    let mut more: BTreeMap<usize, Vec<(usize, u8)>> = BTreeMap::new();
    let mut queue: VecDeque<(usize, usize, bool)> = VecDeque::new();
    for (c, claim) in claims.iter().enumerate() {
        if let Some(at) = built.node_arg(*claim)
            && let Some(slot) = first.get_mut(at)
        {
            *slot = (c, 1);
            queue.push_back((at, c, false));
        }
    }
    while let Some((at, c, against)) = queue.pop_front() {
        for &(from, flips) in arcs.get(at).map_or(&[][..], Vec::as_slice) {
            let side = against ^ flips;
            let bit = if side { 2 } else { 1 };
            let Some(slot) = first.get_mut(from) else {
                continue;
            };
            let bits = if slot.0 == c || slot.0 == EMPTY {
                slot.0 = c;
                &mut slot.1
            } else {
                let list = more.entry(from).or_default();
                let at_claim = list
                    .iter()
                    .position(|(claim, _)| *claim == c)
                    .unwrap_or_else(|| {
                        list.push((c, 0));
                        list.len() - 1
                    });
                match list.get_mut(at_claim) {
                    Some(entry) => &mut entry.1,
                    None => continue,
                }
            };
            if *bits & bit != 0 {
                continue;
            }
            *bits |= bit;
            queue.push_back((from, c, side));
        }
    }
    let side_of = |bits: u8| match bits {
        1 => Side::For,
        2 => Side::Against,
        _ => Side::Mixed,
    };
    let mut sides = Sides {
        offsets: Vec::with_capacity(n + 1),
        items: Vec::with_capacity(n),
    };
    for (i, (c, bits)) in first.into_iter().enumerate() {
        sides.offsets.push(sides.items.len());
        let start = sides.items.len();
        if c != EMPTY
            && let Some(claim) = claims.get(c)
        {
            sides.items.push((*claim, side_of(bits)));
        }
        for (c, bits) in more.remove(&i).unwrap_or_default() {
            if let Some(claim) = claims.get(c) {
                sides.items.push((*claim, side_of(bits)));
            }
        }
        if let Some(list) = sides.items.get_mut(start..) {
            list.sort_unstable();
        }
    }
    sides.offsets.push(sides.items.len());
    sides
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeId, Node, NodeKind, Point, Target};

    fn map(nodes: &[(u64, NodeKind)], edges: &[(u64, u64, Target, EdgeKind)]) -> Map {
        let mut map = Map::new("t");
        for &(id, kind) in nodes {
            map.nodes.insert(
                NodeId(id),
                Node::new(NodeId(id), kind, "", Point::default()),
            );
        }
        for &(id, from, to, kind) in edges {
            map.edges
                .insert(EdgeId(id), Edge::new(EdgeId(id), NodeId(from), to, kind));
        }
        map
    }

    #[test]
    fn supports_keep_the_side_and_attacks_turn_it() {
        use EdgeKind::{Attacks, Supports, Undercuts};
        let n = |id| Target::Node(NodeId(id));
        let m = map(
            &[
                (1, NodeKind::Claim),
                (2, NodeKind::Reason),
                (3, NodeKind::Objection),
                (4, NodeKind::Rebuttal),
                (5, NodeKind::Objection),
                (6, NodeKind::Reason),
            ],
            &[
                (1, 2, n(1), Supports),
                (2, 3, n(1), Attacks),
                (3, 4, n(3), Attacks),
                // 5 undercuts the inference from 2: against the claim.
                (4, 5, Target::Edge(EdgeId(1)), Undercuts),
                // 6 supports the claim and, through a cross link, attacks 3's
                // rebuttal: on both sides.
                (5, 6, n(1), Supports),
                (6, 6, n(4), Attacks),
            ],
        );
        assert_eq!(main_claims(&m), vec![NodeId(1)]);
        let built = super::super::build::build(&m);
        let sides = all_sides(&built, &[NodeId(1)]);
        let side = |id: u64| {
            sides
                .of(built.node_arg(NodeId(id)).expect("box"))
                .first()
                .map(|(_, s)| *s)
        };
        assert_eq!(side(1), Some(Side::For));
        assert_eq!(side(2), Some(Side::For));
        assert_eq!(side(3), Some(Side::Against));
        assert_eq!(side(4), Some(Side::For));
        assert_eq!(side(5), Some(Side::Against));
        assert_eq!(side(6), Some(Side::Mixed));
    }
}
