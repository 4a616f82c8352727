//! The trees of a map, seen from far away: each main claim with the area
//! its tree covers, as a map shows cities. Drawn when boxes are too small
//! to read, and in the minimap.

use super::display_list::DisplayList;
use super::geometry::Rect;
use crate::model::{Map, NodeId, NodeKind};
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

/// The trees of `map` as drawn in `list`, biggest first, as layout reads
/// the map into trees ([`crate::layout::tree_roots`]): a box belongs to the
/// tree of the box it argues about first, so a cross-link does not pull it
/// into another tree. Lone boxes that are not claims are left out.
pub fn landmarks(map: &Map, list: &DisplayList) -> Vec<Landmark> {
    landmarks_of(map, list, &crate::layout::tree_roots(map))
}

/// As [`landmarks`], with each box's tree root given (`root_of`).
pub(super) fn landmarks_of(
    map: &Map,
    list: &DisplayList,
    root_of: &BTreeMap<NodeId, NodeId>,
) -> Vec<Landmark> {
    let mut trees: BTreeMap<NodeId, (Rect, usize)> = BTreeMap::new();
    for item in &list.boxes {
        let root = root_of.get(&item.node).copied().unwrap_or(item.node);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Target;
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
        // Boxes 1 and 2 argue about each other: one tree, not a hang.
        let mut map = crate::model::Map::new("t");
        for id in [1, 2] {
            let node = crate::model::Node::new(
                NodeId(id),
                NodeKind::Reason,
                "w",
                crate::model::Point::new(0.0, 300.0 * id as f64),
            );
            map.nodes.insert(NodeId(id), node);
        }
        for (id, from, to) in [(1, 1, 2), (2, 2, 1)] {
            let edge = crate::model::Edge::new(
                crate::model::EdgeId(id),
                NodeId(from),
                Target::Node(NodeId(to)),
                crate::model::EdgeKind::Supports,
            );
            map.edges.insert(crate::model::EdgeId(id), edge);
        }
        let marks = landmarks(&map, &build(&map, &FixedAdvance::default()));
        assert_eq!(marks.len(), 1, "{marks:#?}");
        assert_eq!(marks[0].boxes, 2);
    }
}
