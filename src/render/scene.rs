//! A display list with its spatial index, kept in step: what the window
//! draws and hit-tests. A drag slides the moved boxes and redraws only the
//! arrows that touch them.

use super::build::{
    Anchors, Rects, arrows_where, box_item, build_with_boxes, linked_groups, place, wrap_box_text,
};
use super::display_list::{ArrowItem, DisplayList, Stroke};
use super::geometry::halfway;
use super::measure::TextMeasure;
use super::overview::{Landmark, landmarks};
use super::spatial::SpatialIndex;
use crate::model::{EdgeId, Map, NodeId, Target};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, Default)]
pub struct Scene {
    pub list: DisplayList,
    pub index: SpatialIndex,
    /// The map's trees, biggest first, for the overview and the minimap.
    /// A drag leaves them as they were until it ends.
    pub landmarks: Vec<Landmark>,
    /// The text each box of `list` was wrapped from, in the same order.
    texts: Vec<String>,
}

impl Scene {
    /// The scene of `map` (only the boxes in `only`, when given).
    pub fn build(map: &Map, measure: &dyn TextMeasure, only: Option<&BTreeSet<NodeId>>) -> Self {
        let mut scene = Self::default();
        scene.rebuild(map, measure, only);
        scene
    }

    /// The scene of `map` as it is now, after any change. A box whose text
    /// is as before keeps its wrapped rows: only changed text is wrapped
    /// again, the costly part of drawing a big map.
    pub fn rebuild(
        &mut self,
        map: &Map,
        measure: &dyn TextMeasure,
        only: Option<&BTreeSet<NodeId>>,
    ) {
        let old_boxes = std::mem::take(&mut self.list.boxes);
        let old_texts = std::mem::take(&mut self.texts);
        let mut old = old_boxes.into_iter().zip(old_texts).peekable();
        let mut texts = Vec::with_capacity(map.nodes.len());
        let list = build_with_boxes(map, only, &mut |node| {
            // Both run in node id order: skip the boxes gone or hidden.
            while old.next_if(|(item, _)| item.node < node.id).is_some() {}
            let kept = old.next_if(|(item, text)| item.node == node.id && *text == node.text);
            if let Some((mut item, text)) = kept {
                texts.push(text);
                place(&mut item, node);
                item.folded = None;
                item
            } else {
                texts.push(node.text.clone());
                box_item(node, wrap_box_text(&node.text, measure))
            }
        });
        self.index = SpatialIndex::new(&list);
        self.landmarks = landmarks(map, &list);
        self.list = list;
        self.texts = texts;
    }

    /// The scene after the boxes in `moved` went to their places in `map`
    /// and nothing else changed: those boxes slide (their text is not
    /// wrapped again) and only the arrows touching them are drawn anew.
    pub fn slide(&mut self, map: &Map, moved: &BTreeSet<NodeId>) {
        for id in moved {
            let (Ok(i), Some(node)) = (
                self.list.boxes.binary_search_by_key(id, |b| b.node),
                map.nodes.get(id),
            ) else {
                continue;
            };
            if let Some(item) = self.list.boxes.get_mut(i) {
                let old = item.rect;
                place(item, node);
                self.index.move_box(i, &old, &item.rect);
            }
        }
        let touched = touched_edges(map, moved);
        if touched.is_empty() {
            return;
        }
        // The boxes at the ends of the arrows to redraw, and no others.
        let mut rects = Rects::new();
        for edge in touched.iter().filter_map(|e| map.edges.get(e)) {
            for end in [Some(edge.from), edge.target_node()].into_iter().flatten() {
                if let Some(item) = self.list.box_of(end) {
                    rects.insert(end, item.rect);
                }
            }
        }
        let anchors = anchors_outside(&self.list.arrows, map, &touched);
        let mut redrawn: BTreeMap<(u8, u64), ArrowItem> =
            arrows_where(map, &rects, &|e| touched.contains(&e), anchors)
                .into_iter()
                .map(|a| (stroke_key(&a.stroke), a))
                .collect();
        for (i, arrow) in self.list.arrows.iter_mut().enumerate() {
            if let Some(new) = redrawn.remove(&stroke_key(&arrow.stroke)) {
                self.index.move_arrow(i, arrow, &new);
                *arrow = new;
            }
        }
    }
}

/// What names an arrow stroke among a display list's arrows.
fn stroke_key(stroke: &Stroke) -> (u8, u64) {
    match stroke {
        Stroke::Edge(e) => (0, e.0),
        Stroke::Premise(e) => (1, e.0),
        Stroke::Trunk { group, .. } => (2, group.0),
    }
}

/// The edges whose arrows change when the boxes in `moved` move: those at
/// a moved box, every edge of a linked argument one of them belongs to,
/// and the undercuts aimed at any of these, and at those, and so on.
fn touched_edges(map: &Map, moved: &BTreeSet<NodeId>) -> BTreeSet<EdgeId> {
    let mut touched: BTreeSet<EdgeId> = map
        .edges
        .values()
        .filter(|e| {
            moved.contains(&e.from) || matches!(e.to, Target::Node(n) if moved.contains(&n))
        })
        .map(|e| e.id)
        .collect();
    let groups = linked_groups(map);
    for edges in groups.values() {
        if edges.iter().any(|e| touched.contains(&e.id)) {
            touched.extend(edges.iter().map(|e| e.id));
        }
    }
    loop {
        let before = touched.len();
        let aimed: Vec<EdgeId> = map
            .edges
            .values()
            .filter(|e| matches!(e.to, Target::Edge(t) if touched.contains(&t)))
            .map(|e| e.id)
            .collect();
        touched.extend(aimed);
        if touched.len() == before {
            return touched;
        }
    }
}

/// Where undercuts aim at the edges whose arrows stay as they are: the
/// middle of their arrow (a linked argument's trunk for its edges).
fn anchors_outside(arrows: &[ArrowItem], map: &Map, touched: &BTreeSet<EdgeId>) -> Anchors {
    let targets: BTreeSet<EdgeId> = map
        .edges
        .values()
        .filter(|e| touched.contains(&e.id))
        .filter_map(|e| match e.to {
            Target::Edge(t) if !touched.contains(&t) => Some(t),
            _ => None,
        })
        .collect();
    let mut anchors = Anchors::new();
    if targets.is_empty() {
        return anchors;
    }
    for arrow in arrows {
        let edges: &[EdgeId] = match &arrow.stroke {
            Stroke::Edge(e) => std::slice::from_ref(e),
            Stroke::Trunk { edges, .. } => edges,
            Stroke::Premise(_) => &[],
        };
        for e in edges.iter().filter(|e| targets.contains(e)) {
            if let Some(mid) = halfway(&arrow.points) {
                anchors.insert(*e, mid);
            }
        }
    }
    anchors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeKind, GroupId, Node, NodeKind, Point};
    use crate::render::FixedAdvance;

    fn moved_by(map: &mut Map, moved: &BTreeSet<NodeId>, dx: f64, dy: f64) {
        for id in moved {
            if let Some(node) = map.nodes.get_mut(id) {
                node.pos = Point::new(node.pos.x + dx, node.pos.y + dy);
            }
        }
    }

    fn assert_slides_as_a_build_draws(mut map: Map, moved: &BTreeSet<NodeId>) {
        let measure = FixedAdvance::default();
        let mut scene = Scene::build(&map, &measure, None);
        moved_by(&mut map, moved, 123.5, -77.0);
        scene.slide(&map, moved);
        let fresh = Scene::build(&map, &measure, None);
        assert_eq!(scene.list, fresh.list);
        // The index answers as a fresh one does.
        for item in &fresh.list.boxes {
            let at = item.rect.center();
            assert_eq!(
                scene.index.node_at(&scene.list, at),
                fresh.index.node_at(&fresh.list, at)
            );
        }
        for arrow in &fresh.list.arrows {
            let Some(mid) = halfway(&arrow.points) else {
                continue;
            };
            assert_eq!(
                scene
                    .index
                    .arrow_at(&scene.list, mid, 2.0)
                    .map(|a| &a.stroke),
                fresh
                    .index
                    .arrow_at(&fresh.list, mid, 2.0)
                    .map(|a| &a.stroke)
            );
        }
    }

    #[test]
    fn a_rebuild_after_edits_draws_what_a_fresh_build_draws() {
        let measure = FixedAdvance::default();
        let mut map = crate::model::synthetic_map(80);
        let mut scene = Scene::build(&map, &measure, None);
        // New words (wrapped anew), a moved box, a removed box, a new box.
        if let Some(n) = map.nodes.get_mut(&NodeId(5)) {
            n.text = "A much longer text than before, so that the box needs more rows \
                      than it had, and its arrows must meet its new border."
                .into();
        }
        if let Some(n) = map.nodes.get_mut(&NodeId(9)) {
            n.pos = Point::new(n.pos.x + 400.0, n.pos.y);
        }
        let gone: BTreeSet<NodeId> = [NodeId(12)].into();
        map.edges.retain(|_, e| {
            !gone.contains(&e.from) && !matches!(e.to, Target::Node(t) if gone.contains(&t))
        });
        map.nodes.remove(&NodeId(12));
        let new = Node::new(NodeId(500), NodeKind::Claim, "new", Point::new(0.0, -900.0));
        map.nodes.insert(NodeId(500), new);
        scene.rebuild(&map, &measure, None);
        assert_eq!(scene.list, Scene::build(&map, &measure, None).list);
        assert_eq!(scene.list, crate::render::build(&map, &measure));
    }

    #[test]
    fn sliding_moved_boxes_draws_what_a_full_build_draws() {
        let map = crate::model::synthetic_map(60);
        assert_slides_as_a_build_draws(map, &[NodeId(3), NodeId(17)].into());
    }

    /// A linked argument (1, 2 → 3), an undercut of its trunk from 4, and
    /// an undercut of that undercut from 5.
    fn linked_and_undercut() -> Map {
        let mut map = Map::new("t");
        for (id, x, y) in [
            (1, -200.0, 300.0),
            (2, 200.0, 300.0),
            (3, 0.0, 0.0),
            (4, 600.0, 150.0),
            (5, 900.0, 400.0),
            (6, -900.0, 0.0),
        ] {
            let node = Node::new(NodeId(id), NodeKind::Reason, "words", Point::new(x, y));
            map.nodes.insert(NodeId(id), node);
        }
        let mut add = |id, from, to, kind, group| {
            let mut edge = Edge::new(EdgeId(id), NodeId(from), to, kind);
            edge.group = group;
            map.edges.insert(EdgeId(id), edge);
        };
        let g = Some(GroupId(1));
        add(1, 1, Target::Node(NodeId(3)), EdgeKind::Supports, g);
        add(2, 2, Target::Node(NodeId(3)), EdgeKind::Supports, g);
        add(3, 4, Target::Edge(EdgeId(1)), EdgeKind::Undercuts, None);
        add(4, 5, Target::Edge(EdgeId(3)), EdgeKind::Undercuts, None);
        add(5, 6, Target::Node(NodeId(3)), EdgeKind::Attacks, None);
        map
    }

    #[test]
    fn sliding_redraws_linked_arguments_and_undercuts_aimed_at_them() {
        for moved in [1, 2, 3, 4, 5, 6] {
            let map = linked_and_undercut();
            assert_slides_as_a_build_draws(map, &[NodeId(moved)].into());
        }
    }
}
