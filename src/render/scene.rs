//! A display list with its spatial index, kept in step: what the window
//! draws and hit-tests. A drag slides the moved boxes and redraws only the
//! arrows that touch them.

use super::build::{Anchors, Built, box_item, build_with_boxes, place, wrap_box_text};
use super::display_list::{ArrowItem, BoxItem, DisplayList, Stroke};
use super::geometry::halfway;
use super::links::{EdgeSet, Links};
use super::measure::TextMeasure;
use super::overview::{Landmark, landmarks_of};
use super::rerouting::{Changed, rerouted};
use super::spatial::SpatialIndex;
use crate::model::{Edge, EdgeId, Map, NodeId, Target};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, Default)]
pub struct Scene {
    pub list: DisplayList,
    pub index: SpatialIndex,
    /// The map's trees, biggest first, for the overview and the minimap.
    /// A drag grows a tree's area to hold its moved boxes; the areas are
    /// worked out afresh when it ends.
    pub landmarks: Vec<Landmark>,
    /// The root of each box's tree, as `landmarks` read them.
    root_of: BTreeMap<NodeId, NodeId>,
    /// Whether the map had a folded box when the scene was built: a patch
    /// leaves such a map to a rebuild.
    pub(super) folded: bool,
    /// Whether `landmarks` may be out of date after a patch (they are
    /// derived again when the overview or the minimap needs them).
    pub landmarks_stale: bool,
    /// The text each box of `list` was wrapped from, in the same order.
    pub(super) texts: Vec<String>,
    /// Boxes a patch took away, kept with their text: an undo brings them
    /// back without wrapping their words again.
    pub(super) retired: rustc_hash::FxHashMap<NodeId, (BoxItem, String)>,
    /// Empty lists with room, which the next patch merges boxes into.
    pub(super) spare: (Vec<BoxItem>, Vec<String>),
    /// How the arrows hang on the boxes, kept while only boxes move: worked
    /// out on the first slide after the scene was built or patched.
    pub(super) wiring: Option<Wiring>,
    /// Edges whose lines are drawn straight for now, to be routed around
    /// the boxes in their way by [`Self::route_some`].
    pub(super) unrouted: BTreeSet<EdgeId>,
    /// How the map's arrows hang together, as a patch found it: kept for
    /// the wiring worked out next.
    pub(super) links: Option<Links>,
}

/// What a drag needs to find the arrows of its moved boxes without reading
/// every edge of the map on every frame.
#[derive(Clone, Debug, Default)]
pub(super) struct Wiring {
    pub(super) links: Links,
    /// The edges at each box, from it or to it: worked out on the first
    /// slide (routing needs only the rest).
    at_box: Option<FxHashMap<NodeId, Vec<EdgeId>>>,
    /// Where each stroke sits in the display list's arrows.
    pub(super) arrow_of: FxHashMap<(u8, u64), usize>,
    /// The arrows routed around boxes, by where they sit in the list.
    pub(super) routed: BTreeSet<usize>,
}

impl Wiring {
    /// The wiring of `map` drawn as `arrows`; `links` when they are known.
    pub(super) fn of(map: &Map, arrows: &[ArrowItem], links: Option<Links>) -> Self {
        Self {
            links: links.unwrap_or_else(|| Links::of(map)),
            at_box: None,
            arrow_of: arrows
                .iter()
                .enumerate()
                .map(|(i, a)| (a.stroke.key(), i))
                .collect(),
            routed: arrows
                .iter()
                .enumerate()
                .filter(|(_, a)| a.looked_at.is_some())
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// The edges at each box, from it or to it.
    fn at_box(&mut self, map: &Map) -> &FxHashMap<NodeId, Vec<EdgeId>> {
        self.at_box.get_or_insert_with(|| {
            let mut at_box: FxHashMap<NodeId, Vec<EdgeId>> = FxHashMap::default();
            for edge in map.edges.values() {
                at_box.entry(edge.from).or_default().push(edge.id);
                if let Target::Node(to) = edge.to {
                    at_box.entry(to).or_default().push(edge.id);
                }
            }
            at_box
        })
    }
}

impl Scene {
    /// The scene of `map` (only the boxes in `only`, when given), every
    /// line routed.
    pub fn build(map: &Map, measure: &dyn TextMeasure, only: Option<&BTreeSet<NodeId>>) -> Self {
        let mut scene = Self::default();
        scene.rebuild(map, measure, only);
        scene.route_all(map);
        scene
    }

    /// The scene of `map` as it is now, after any change. A box whose text
    /// is as before keeps its wrapped rows: only changed text is wrapped
    /// again, the costly part of drawing a big map. Lines to route around
    /// boxes are drawn straight, for [`Self::route_some`].
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
        let box_of = &mut |node: &crate::model::Node| {
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
        };
        let Built {
            list,
            index,
            unrouted,
        } = build_with_boxes(map, only, box_of, false);
        self.index = index;
        self.root_of = crate::layout::tree_roots(map);
        self.landmarks = landmarks_of(map, &list, &self.root_of);
        self.landmarks_stale = false;
        self.folded = map.nodes.values().any(|n| n.collapsed);
        self.list = list;
        self.texts = texts;
        self.retired.clear();
        self.wiring = None;
        self.unrouted = unrouted.into_iter().collect();
        self.links = None;
    }

    /// Derives the trees again if a patch left them out of date.
    pub fn refresh_landmarks(&mut self, map: &Map) {
        if self.landmarks_stale {
            self.root_of = crate::layout::tree_roots(map);
            self.landmarks = landmarks_of(map, &self.list, &self.root_of);
            self.landmarks_stale = false;
        }
    }

    /// The scene after the boxes in `moved` went to their places in `map`
    /// and nothing else changed: those boxes slide (their text is not
    /// wrapped again) and only the arrows touching them are drawn anew,
    /// with those whose route looked where a moved box was or is (drawn
    /// straight, for [`Self::route_some`]).
    pub fn slide(&mut self, map: &Map, moved: &BTreeSet<NodeId>) {
        // Where the moved boxes were and are: routes that looked there are
        // routed anew.
        let mut changed = Vec::with_capacity(2 * moved.len());
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
                changed.extend([old, item.rect]);
                let root = self.root_of.get(id).copied().unwrap_or(*id);
                if let Some(tree) = self.landmarks.iter_mut().find(|m| m.node == root) {
                    tree.area = tree.area.union(&item.rect);
                }
            }
        }
        let mut wiring = self
            .wiring
            .take()
            .unwrap_or_else(|| Wiring::of(map, &self.list.arrows, self.links.take()));
        let at_box = wiring.at_box(map);
        let mut at_moved: EdgeSet = moved
            .iter()
            .filter_map(|id| at_box.get(id))
            .flatten()
            .copied()
            .collect();
        rerouted(
            &self.list.arrows,
            wiring.routed.iter().copied(),
            &Changed::new(changed),
            &mut at_moved,
        );
        let touched = wiring.links.grow(at_moved);
        if !touched.is_empty() {
            self.redraw_in_place(map, &touched, false, &mut wiring);
        }
        self.wiring = Some(wiring);
    }
}

/// The map's edges of `set`, in id order.
pub(super) fn edges_in_order<'a>(map: &'a Map, set: &EdgeSet) -> Vec<&'a Edge> {
    let mut ids: Vec<EdgeId> = set.iter().copied().collect();
    ids.sort_unstable();
    ids.iter().filter_map(|e| map.edges.get(e)).collect()
}

/// Where undercuts aim at the edges whose arrows stay as they are: the
/// middle of their arrow (a linked argument's trunk for its edges).
pub(super) fn anchors_outside(arrows: &[ArrowItem], map: &Map, touched: &EdgeSet) -> Anchors {
    let targets: EdgeSet = touched
        .iter()
        .filter_map(|e| map.edges.get(e))
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
        // A premise's own stroke ends at the junction: undercuts of a
        // linked argument aim at its trunk.
        if matches!(arrow.stroke, Stroke::Premise(_)) {
            continue;
        }
        for e in arrow.edges().iter().filter(|e| targets.contains(e)) {
            if let Some(mid) = halfway(&arrow.points) {
                anchors.insert(*e, mid);
            }
        }
    }
    anchors
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{Edge, EdgeKind, GroupId, Node, NodeKind, Point};
    use crate::render::FixedAdvance;

    pub(in crate::render) fn moved_by(map: &mut Map, moved: &BTreeSet<NodeId>, dx: f64, dy: f64) {
        for id in moved {
            if let Some(node) = map.nodes.get_mut(id) {
                node.pos = Point::new(node.pos.x + dx, node.pos.y + dy);
            }
        }
    }

    fn assert_slides_as_a_build_draws(mut map: Map, moved: &BTreeSet<NodeId>) {
        let measure = FixedAdvance::default();
        let mut scene = Scene::build(&map, &measure, None);
        // A drag slides on every frame; after the first, from what the
        // scene kept of how the arrows hang on the boxes.
        for (dx, dy) in [(123.5, -77.0), (-40.0, 300.0), (7.0, 7.0)] {
            moved_by(&mut map, moved, dx, dy);
            scene.slide(&map, moved);
            scene.route_all(&map);
        }
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
        scene.route_all(&map);
        assert_eq!(scene.list, Scene::build(&map, &measure, None).list);
        assert_eq!(scene.list, crate::render::build(&map, &measure));
    }

    #[test]
    fn a_dragged_box_stays_inside_its_trees_area() {
        let mut map = crate::model::synthetic_map(200);
        let mut scene = Scene::build(&map, &FixedAdvance::default(), None);
        let moved: BTreeSet<NodeId> = [NodeId(50)].into();
        moved_by(&mut map, &moved, 9_000.0, 4_000.0);
        scene.slide(&map, &moved);
        scene.route_all(&map);
        let rect = scene.list.box_of(NodeId(50)).expect("drawn").rect;
        let tree = scene
            .landmarks
            .iter()
            .find(|m| m.node == NodeId(41))
            .expect("box 50 is in the tree of 41");
        assert!(tree.area.contains(rect.min) && tree.area.contains(rect.max));
        let others = scene.landmarks.iter().filter(|m| m.node != NodeId(41));
        assert!(others.into_iter().all(|m| !m.area.contains(rect.center())));
    }

    #[test]
    fn sliding_moved_boxes_draws_what_a_full_build_draws() {
        let map = crate::model::synthetic_map(60);
        assert_slides_as_a_build_draws(map, &[NodeId(3), NodeId(17)].into());
    }

    /// A linked argument (1, 2 → 3), an undercut of its trunk from 4, and
    /// an undercut of that undercut from 5.
    pub(in crate::render) fn linked_and_undercut() -> Map {
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
