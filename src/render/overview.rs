//! The trees of a map, seen from far away: each main claim with the area
//! its tree covers, as a map shows cities. Drawn when boxes are too small
//! to read, and in the minimap.

use super::display_list::DisplayList;
use super::geometry::Rect;
use crate::model::{Map, NodeId, NodeKind, Target};
use std::collections::BTreeMap;

/// One tree of the map: its main claim, its words cut short, and where it
/// lies.
#[derive(Clone, Debug, PartialEq)]
pub struct Landmark {
    pub node: NodeId,
    pub label: String,
    /// The bounds of every drawn box of the tree.
    pub area: Rect,
    /// How many drawn boxes the tree has.
    pub boxes: usize,
}

/// A label holds at most this many chars.
const LABEL_CHARS: usize = 48;

/// The main claim's words, cut at a word before [`LABEL_CHARS`].
fn label_of(text: &str) -> String {
    let first_line = text.lines().next().unwrap_or("").trim();
    if first_line.chars().count() <= LABEL_CHARS {
        return first_line.to_owned();
    }
    let cut: String = first_line.chars().take(LABEL_CHARS).collect();
    let at_word = cut.rfind(' ').filter(|i| *i > LABEL_CHARS / 2);
    format!(
        "{}…",
        cut.get(..at_word.unwrap_or(cut.len())).unwrap_or(&cut)
    )
}

/// The trees of `map` as drawn in `list`, biggest first. A box belongs to
/// the tree of the box it argues about first (its lowest-numbered arrow to
/// a box), so a cross-link does not pull a box into another tree; a box
/// that argues about nothing is the root of its own tree. Lone boxes that
/// are not claims are left out.
pub fn landmarks(map: &Map, list: &DisplayList) -> Vec<Landmark> {
    let mut parent: BTreeMap<NodeId, NodeId> = BTreeMap::new();
    for edge in map.edges.values() {
        if let Target::Node(to) = edge.to
            && to != edge.from
        {
            parent.entry(edge.from).or_insert(to);
        }
    }
    let mut root_of: BTreeMap<NodeId, NodeId> = BTreeMap::new();
    let mut trees: BTreeMap<NodeId, (Rect, usize)> = BTreeMap::new();
    for item in &list.boxes {
        let root = find_root(item.node, &parent, &mut root_of);
        trees
            .entry(root)
            .and_modify(|(area, n)| {
                *area = area.union(&item.rect);
                *n += 1;
            })
            .or_insert((item.rect, 1));
    }
    let mut found: Vec<Landmark> = trees
        .into_iter()
        .filter_map(|(root, (area, boxes))| {
            let node = map.nodes.get(&root)?;
            (boxes > 1 || node.kind == NodeKind::Claim).then(|| Landmark {
                node: root,
                label: label_of(&node.text),
                area,
                boxes,
            })
        })
        .collect();
    found.sort_by(|a, b| b.boxes.cmp(&a.boxes).then(a.node.cmp(&b.node)));
    found
}

/// The root above `node` along first arrows, remembered in `root_of`; a
/// cycle ends at the box where it closes.
fn find_root(
    node: NodeId,
    parent: &BTreeMap<NodeId, NodeId>,
    root_of: &mut BTreeMap<NodeId, NodeId>,
) -> NodeId {
    let mut path = vec![node];
    let mut at = node;
    let root = loop {
        if let Some(known) = root_of.get(&at) {
            break *known;
        }
        match parent.get(&at) {
            Some(up) if !path.contains(up) => {
                at = *up;
                path.push(at);
            }
            _ => break at,
        }
    };
    for n in path {
        root_of.insert(n, root);
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{FixedAdvance, build};

    #[test]
    fn each_tree_is_one_landmark_despite_cross_links() {
        // 200 boxes: trees of 40 (every 40th box starts one), cross-links
        // between trees on every tenth box.
        let map = crate::model::synthetic_map(200);
        let list = build(&map, &FixedAdvance::default());
        let marks = landmarks(&map, &list);
        assert_eq!(marks.len(), 5, "{marks:#?}");
        assert!(marks.iter().all(|m| m.boxes == 40), "{marks:#?}");
        let roots: Vec<u64> = marks.iter().map(|m| m.node.0).collect();
        assert_eq!(roots, [1, 41, 81, 121, 161]);
        for mark in &marks {
            let claim = list.box_of(mark.node).expect("drawn");
            assert!(mark.area.contains(claim.rect.center()));
        }
    }

    #[test]
    fn labels_are_cut_at_a_word() {
        assert_eq!(label_of("Short claim"), "Short claim");
        let long =
            "China's internet sovereignty is a threat to the open multi-stakeholder internet";
        let label = label_of(long);
        assert!(
            label.ends_with('…') && label.chars().count() <= LABEL_CHARS + 1,
            "{label}"
        );
        assert!(long.starts_with(label.trim_end_matches('…')), "{label}");
    }

    #[test]
    fn a_cycle_of_first_arrows_ends() {
        let mut root_of = BTreeMap::new();
        let parent: BTreeMap<NodeId, NodeId> =
            [(NodeId(1), NodeId(2)), (NodeId(2), NodeId(1))].into();
        let root = find_root(NodeId(1), &parent, &mut root_of);
        assert!(root == NodeId(1) || root == NodeId(2));
    }
}
