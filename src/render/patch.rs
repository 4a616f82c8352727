//! A scene brought up to date after an edit by redrawing only what the
//! edit touched: its boxes, the arrows at them, and the linked arguments
//! and undercuts those arrows belong to. The rest of a big map stays as it
//! was drawn, and so do its places in the spatial index.

use super::build::{arrows_among, box_item, place, wrap_box_text};
use super::display_list::{ArrowItem, BoxItem, DisplayList, Stroke};
use super::geometry::Rect;
use super::links::{EdgeSet, Links};
use super::measure::TextMeasure;
use super::rerouting::{Changed, rerouted};
use super::route::Routing;
use super::scene::{Scene, anchors_outside, edges_in_order};
use crate::model::{EdgeId, Map, Node, NodeId};
use crate::ops::Footprint;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// How many taken-away boxes a scene keeps for an undo; past this it
/// forgets them all (an undo then wraps their words again).
const RETIRED_MAX: usize = 20_000;

/// "Gone" in a renumbering.
const GONE: u32 = u32::MAX;

impl Scene {
    /// Brings the scene (built with every box shown) up to date with `map`
    /// after changes that touched `footprint`, redrawing only those boxes
    /// and the arrows they reach. The footprint must name every box and
    /// arrow added, removed or changed, as an edit's with its inverse's
    /// does. Returns false, leaving the scene as it
    /// was, when the changes reach further than a patch follows (a folded
    /// subtree, a source, an arrow leaving a linked argument): the caller
    /// rebuilds then.
    pub fn patch(&mut self, map: &Map, measure: &dyn TextMeasure, footprint: &Footprint) -> bool {
        // Only a fold (a whole change) or a box brought in folded can fold
        // a map that had no folded box when the scene was built.
        let folds = self.folded
            || footprint
                .nodes
                .iter()
                .any(|id| map.nodes.get(id).is_some_and(|n| n.collapsed));
        if footprint.whole || folds {
            return false;
        }
        if footprint.nodes.is_empty() && footprint.edges.is_empty() {
            return true;
        }
        // Arrows come and go, and move in the list: a drag works out anew
        // how they hang on the boxes.
        self.wiring = None;
        // Where the changed boxes were and are: routes that looked there
        // are routed anew.
        let rects_of = |list: &DisplayList| -> Vec<Rect> {
            list.boxes_of(footprint.nodes.iter().copied())
                .map(|b| b.rect)
                .collect()
        };
        let mut changed = rects_of(&self.list);
        let (box_numbers, added_boxes) = self.patch_boxes(map, measure, &footprint.nodes);
        changed.extend(rects_of(&self.list));
        // Boxes first: the arrows drawn anew go around the boxes as they
        // are now.
        self.index.renumber_boxes(&box_numbers);
        for i in added_boxes {
            if let Some(item) = self.list.boxes.get(i) {
                self.index.add_box(i, &item.rect);
            }
        }
        let changed = Changed::new(changed);
        let (arrow_numbers, first_new_arrow) = self.patch_arrows(map, footprint, &changed);
        self.index.renumber_arrows(&arrow_numbers);
        for (i, arrow) in self.list.arrows.iter().enumerate().skip(first_new_arrow) {
            self.index.add_arrow(i, arrow);
        }
        self.landmarks_stale = true;
        true
    }

    /// Remakes the boxes of `changed` (in node id order, as built), keeps
    /// the others. Returns where each old box went and the new boxes'
    /// indices.
    fn patch_boxes(
        &mut self,
        map: &Map,
        measure: &dyn TextMeasure,
        changed: &BTreeSet<NodeId>,
    ) -> (Vec<u32>, Vec<usize>) {
        // Merged into the spare lists, which keep their room from the last
        // patch: a big map's lists are not allocated anew on every edit.
        let mut old_boxes = std::mem::take(&mut self.list.boxes);
        let mut old_texts = std::mem::take(&mut self.texts);
        let (mut boxes, mut texts) = std::mem::take(&mut self.spare);
        boxes.clear();
        texts.clear();
        boxes.reserve(old_boxes.len() + changed.len());
        texts.reserve(old_boxes.len() + changed.len());
        let mut numbers = vec![GONE; old_boxes.len()];
        let mut merge = Merge {
            map,
            measure,
            boxes,
            texts,
            added: Vec::new(),
            retired: &mut self.retired,
        };
        let mut changed = changed.iter().copied().peekable();
        let old = old_boxes.drain(..).zip(old_texts.drain(..));
        for (i, (item, text)) in old.enumerate() {
            while let Some(id) = changed.next_if(|id| *id < item.node) {
                merge.remake(id, None);
            }
            if changed.next_if_eq(&item.node).is_some() {
                merge.remake(item.node, Some((item, text)));
            } else {
                if let Some(n) = numbers.get_mut(i) {
                    *n = as_number(merge.boxes.len());
                }
                merge.boxes.push(item);
                merge.texts.push(text);
            }
        }
        for id in changed {
            merge.remake(id, None);
        }
        let added = std::mem::take(&mut merge.added);
        self.list.boxes = merge.boxes;
        self.texts = merge.texts;
        self.spare = (old_boxes, old_texts);
        (numbers, added)
    }

    /// Drops the arrows the changes reach and draws them again, after the
    /// arrows kept. Returns where each old arrow went and the index of the
    /// first new one.
    fn patch_arrows(
        &mut self,
        map: &Map,
        footprint: &Footprint,
        changed: &Changed,
    ) -> (Vec<u32>, usize) {
        let (links, at_changed) = Links::with_edges_at(map, &footprint.nodes);
        let touched = reached_edges(
            map,
            &self.list.arrows,
            footprint,
            changed,
            &links,
            at_changed,
        );
        // The footprint names every arrow taken away, so an arrow whose
        // edge is gone is among the touched.
        let stale = |arrow: &ArrowItem| arrow.edges().iter().any(|e| touched.contains(e));
        let anchors = anchors_outside(&self.list.arrows, map, &touched);
        let mut arrows = std::mem::take(&mut self.list.arrows);
        let mut numbers = vec![GONE; arrows.len()];
        // In place: the kept arrows close up, each numbered where it lands.
        let (mut at, mut kept) = (0, 0);
        arrows.retain(|arrow| {
            let keep = !stale(arrow);
            if keep {
                if let Some(n) = numbers.get_mut(at) {
                    *n = as_number(kept);
                }
                kept += 1;
            }
            at += 1;
            keep
        });
        let first_new = arrows.len();
        let edges = edges_in_order(map, &touched);
        let rects = self.list.rects_at_ends(edges.iter().copied());
        // Drawn straight for now: routes around boxes come over the next
        // frames (`Scene::route_some`).
        for edge in &edges {
            self.unrouted.remove(&edge.id);
        }
        let mut routing = Routing::later();
        arrows.extend(arrows_among(edges, &rects, anchors, &mut routing));
        self.unrouted.extend(routing.unrouted);
        self.links = Some(links);
        self.list.arrows = arrows;
        (numbers, first_new)
    }
}

/// The edges whose arrows the changes reach: those of the footprint and at
/// its boxes, with their linked arguments and undercuts (see
/// [`Links::grow`]), the routed arrows that looked where a box of
/// `changed` was or is, and every edge left in a linked argument that lost
/// or changed a premise, whose junction moves. `links` are the map's as it
/// is now, and `at_changed` its edges at the footprint's boxes.
fn reached_edges(
    map: &Map,
    arrows: &[ArrowItem],
    footprint: &Footprint,
    changed: &Changed,
    links: &Links,
    at_changed: EdgeSet,
) -> EdgeSet {
    let mut touched = at_changed;
    touched.extend(footprint.edges.iter().copied());
    rerouted(arrows, 0..arrows.len(), changed, &mut touched);
    let mut touched = links.grow(touched);
    // The premises of each linked argument as drawn before the changes.
    let trunks: Vec<&[EdgeId]> = arrows
        .iter()
        .filter_map(|arrow| match &arrow.stroke {
            Stroke::Trunk { edges, .. } => Some(edges.as_slice()),
            _ => None,
        })
        .collect();
    loop {
        let before = touched.len();
        for edges in &trunks {
            if edges.iter().any(|e| touched.contains(e)) {
                touched.extend(edges.iter().copied().filter(|e| map.edges.contains_key(e)));
            }
        }
        if touched.len() == before {
            return touched;
        }
        touched = links.grow(touched);
    }
}

fn as_number(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(GONE)
}

/// The boxes of a patched scene as they are put together.
struct Merge<'a> {
    map: &'a Map,
    measure: &'a dyn TextMeasure,
    boxes: Vec<BoxItem>,
    texts: Vec<String>,
    /// Indices of the boxes made anew.
    added: Vec<usize>,
    retired: &'a mut FxHashMap<NodeId, (BoxItem, String)>,
}

impl Merge<'_> {
    /// The box of `id` as the map has it now, from `old` (or one taken
    /// away before) when its text is unchanged; a box gone from the map is
    /// kept aside for an undo.
    fn remake(&mut self, id: NodeId, old: Option<(BoxItem, String)>) {
        let old = old.or_else(|| self.retired.remove(&id));
        let Some(node) = self.map.nodes.get(&id) else {
            if let Some(gone) = old {
                if self.retired.len() >= RETIRED_MAX {
                    self.retired.clear();
                }
                self.retired.insert(id, gone);
            }
            return;
        };
        let (item, text) = self.made(node, old);
        self.added.push(self.boxes.len());
        self.boxes.push(item);
        self.texts.push(text);
    }

    fn made(&self, node: &Node, old: Option<(BoxItem, String)>) -> (BoxItem, String) {
        match old.filter(|(_, text)| *text == node.text) {
            Some((mut item, text)) => {
                place(&mut item, node);
                item.folded = None;
                (item, text)
            }
            None => (
                box_item(node, wrap_box_text(&node.text, self.measure)),
                node.text.clone(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeKind, NodeKind, Point, Target};
    use crate::ops::Edit;
    use crate::render::FixedAdvance;
    use crate::render::geometry::halfway;

    /// Applies `edit` to `map` and patches `scene` with its footprint, then
    /// checks the scene against a fresh build: the same boxes, the same
    /// arrows (a patch draws the redrawn ones last), and an index that
    /// answers as a fresh one does. Returns the edit's inverse.
    fn patch_and_check(map: &mut Map, scene: &mut Scene, edit: Edit) -> Edit {
        let measure = FixedAdvance::default();
        let mut footprint = edit.footprint();
        let inverse = edit.apply(map).expect("applies");
        footprint.add(inverse.footprint());
        assert!(scene.patch(map, &measure, &footprint), "patchable");
        scene.route_all(map);
        let fresh = Scene::build(map, &measure, None);
        assert_eq!(scene.list.boxes, fresh.list.boxes);
        assert_eq!(sorted(&scene.list.arrows), sorted(&fresh.list.arrows));
        for item in &fresh.list.boxes {
            let at = item.rect.center();
            assert_eq!(scene.index.node_at(&scene.list, at), Some(item.node));
            // What is near a box: the same boxes and arrows as a fresh
            // index finds, nothing taken away and nothing missing.
            let around = item.rect.expand(300.0);
            let boxes = |s: &Scene| -> BTreeSet<NodeId> {
                let near = s.index.boxes_near(&s.list, &around);
                near.iter().map(|i| s.list.boxes[*i].node).collect()
            };
            assert_eq!(boxes(scene), boxes(&fresh));
            let arrows = |s: &Scene| -> BTreeSet<(u8, u64)> {
                let near = s.index.arrows_near(&s.list, &around);
                near.iter()
                    .map(|i| s.list.arrows[*i].stroke.key())
                    .collect()
            };
            assert_eq!(arrows(scene), arrows(&fresh));
        }
        for arrow in &fresh.list.arrows {
            let Some(mid) = halfway(&arrow.points) else {
                continue;
            };
            let found = scene.index.arrow_at(&scene.list, mid, 0.5);
            assert!(found.is_some(), "{:?} is found at its middle", arrow.stroke);
        }
        assert_eq!(scene.list.boxes.len(), scene.texts.len());
        inverse
    }

    /// Arrows in stroke order: a patch draws the redrawn ones last.
    fn sorted(arrows: &[ArrowItem]) -> Vec<ArrowItem> {
        let mut arrows = arrows.to_vec();
        arrows.sort_by_key(|a| a.stroke.key());
        arrows
    }

    /// A new box `id` of `kind` at `at`, attacking `target` through edge
    /// `id`.
    fn insert_attacker(id: u64, kind: NodeKind, at: Point, target: NodeId) -> Edit {
        Edit::Insert {
            nodes: vec![Node::new(NodeId(id), kind, "new", at)],
            edges: vec![Edge::new(
                EdgeId(id),
                NodeId(id),
                Target::Node(target),
                EdgeKind::Attacks,
            )],
        }
    }

    #[test]
    fn a_patch_after_each_kind_of_edit_draws_what_a_build_draws() {
        let measure = FixedAdvance::default();
        let mut map = crate::model::synthetic_map(80);
        let mut scene = Scene::build(&map, &measure, None);
        let removed: Vec<NodeId> = map.nodes.keys().step_by(7).copied().collect();
        let edge = *map.edges.keys().nth(3).expect("an edge");
        let undo_remove = patch_and_check(
            &mut map,
            &mut scene,
            Edit::Remove {
                nodes: removed.clone(),
                edges: vec![edge],
            },
        );
        // The undo brings the boxes back from those taken away, unwrapped.
        assert!(scene.retired.len() >= removed.len());
        patch_and_check(&mut map, &mut scene, undo_remove);
        assert!(scene.retired.is_empty());
        let first = *map.nodes.keys().next().expect("a node");
        let words = "Longer words than before, so that the box needs more rows than \
                     it had and its arrows meet a new border."
            .to_owned();
        patch_and_check(
            &mut map,
            &mut scene,
            Edit::SetText {
                node: first,
                text: words,
            },
        );
        patch_and_check(
            &mut map,
            &mut scene,
            insert_attacker(900, NodeKind::Reason, Point::new(5.0, 900.0), first),
        );
        patch_and_check(
            &mut map,
            &mut scene,
            Edit::SetEdgeKind {
                edge: EdgeId(900),
                kind: EdgeKind::Supports,
            },
        );
    }

    #[test]
    fn a_drag_after_a_patch_moves_the_arrows_the_patch_drew() {
        let measure = FixedAdvance::default();
        let mut map = crate::model::synthetic_map(80);
        let mut scene = Scene::build(&map, &measure, None);
        let dragged = NodeId(7);
        let drag = |map: &mut Map, scene: &mut Scene, dx: f64| {
            if let Some(node) = map.nodes.get_mut(&dragged) {
                node.pos = Point::new(node.pos.x + dx, node.pos.y);
            }
            scene.slide(map, &[dragged].into());
            scene.route_all(map);
        };
        drag(&mut map, &mut scene, 50.0);
        // A new box arguing with the dragged one: a new arrow at it, and
        // the arrows after it in the list move along.
        patch_and_check(
            &mut map,
            &mut scene,
            insert_attacker(900, NodeKind::Objection, Point::new(0.0, 2_000.0), dragged),
        );
        drag(&mut map, &mut scene, 300.0);
        let fresh = Scene::build(&map, &measure, None);
        assert_eq!(sorted(&scene.list.arrows), sorted(&fresh.list.arrows));
        assert_eq!(scene.list.boxes, fresh.list.boxes);
    }

    #[test]
    fn a_patch_redraws_linked_arguments_and_undercuts_that_lose_a_part() {
        // Each box of the linked argument (1, 2 → 3, undercut from 4 and 5)
        // taken away, and brought back; then the undercut's target arrow.
        for gone in 1..=6 {
            let mut map = crate::render::scene::tests::linked_and_undercut();
            let mut scene = Scene::build(&map, &FixedAdvance::default(), None);
            let edit = Edit::Remove {
                nodes: vec![NodeId(gone)],
                edges: Vec::new(),
            };
            let undo = patch_and_check(&mut map, &mut scene, edit);
            patch_and_check(&mut map, &mut scene, undo);
        }
        let mut map = crate::render::scene::tests::linked_and_undercut();
        let mut scene = Scene::build(&map, &FixedAdvance::default(), None);
        let edit = Edit::Remove {
            nodes: Vec::new(),
            edges: vec![EdgeId(1)],
        };
        let undo = patch_and_check(&mut map, &mut scene, edit);
        patch_and_check(&mut map, &mut scene, undo);
    }

    #[test]
    fn a_box_put_in_an_arrows_way_or_taken_out_of_it_routes_the_arrow_anew() {
        let mut map = crate::render::rerouting::tests::cross_link_and_a_stranger();
        let mut scene = Scene::build(&map, &FixedAdvance::default(), None);
        let straight = scene.list.arrows.clone();
        // A new box with no arrows, right in the way.
        let new = Node::new(NodeId(4), NodeKind::Claim, "new", Point::new(750.0, 10.0));
        let edit = Edit::Insert {
            nodes: vec![new],
            edges: Vec::new(),
        };
        let undo = patch_and_check(&mut map, &mut scene, edit);
        assert_ne!(scene.list.arrows, straight, "routed around the new box");
        patch_and_check(&mut map, &mut scene, undo);
        assert_eq!(scene.list.arrows, straight);
        // Words that make the box below grow up into the way.
        let words = "word ".repeat(400);
        let undo = patch_and_check(
            &mut map,
            &mut scene,
            Edit::SetText {
                node: NodeId(3),
                text: words,
            },
        );
        assert_ne!(scene.list.arrows, straight, "routed around the taller box");
        patch_and_check(&mut map, &mut scene, undo);
        assert_eq!(scene.list.arrows, straight);
    }

    #[test]
    fn folds_and_sources_are_left_to_a_rebuild() {
        let measure = FixedAdvance::default();
        let mut map = crate::model::synthetic_map(20);
        let mut scene = Scene::build(&map, &measure, None);
        let first = *map.nodes.keys().next().expect("a node");
        let fold = Edit::SetCollapsed {
            node: first,
            collapsed: true,
        };
        let footprint = fold.footprint();
        fold.apply(&mut map).expect("folds");
        let before = scene.list.clone();
        assert!(!scene.patch(&map, &measure, &footprint));
        assert_eq!(scene.list, before, "left as it was");
    }
}
