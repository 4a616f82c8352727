//! Lines routed around boxes in a scene: which routes a change makes
//! stale (those that looked where a box was or is), and routing the lines
//! waiting for a route a slice of a frame at a time, redrawn in place.

use super::build::arrows_among;
use super::display_list::{ArrowItem, LookedAt};
use super::geometry::Rect;
use super::links::EdgeSet;
use super::route::Routing;
use super::scene::{Scene, Wiring, anchors_outside, edges_in_order};
use crate::model::Map;
use std::time::{Duration, Instant};

/// How many edges' lines [`Scene::route_some`] routes between looks at
/// the clock.
const ROUTE_BATCH: usize = 1;

/// Where boxes were and are after a change, sorted for asking which lie
/// in a region.
pub(super) struct Changed {
    /// By their left edge.
    rects: Vec<Rect>,
    widest: f64,
    bounds: Option<Rect>,
}

impl Changed {
    pub(super) fn new(mut rects: Vec<Rect>) -> Self {
        rects.sort_by(|a, b| a.min.x.total_cmp(&b.min.x));
        Self {
            widest: rects.iter().map(Rect::width).fold(0.0, f64::max),
            bounds: rects.iter().copied().reduce(|a, b| a.union(&b)),
            rects,
        }
    }

    pub(super) fn touches(&self, looked_at: &LookedAt) -> bool {
        if !self.bounds.is_some_and(|b| b.intersects(&looked_at.bounds)) {
            return false;
        }
        looked_at.parts.iter().any(|part| {
            // Only rectangles whose left edge is near enough may meet it.
            let from = self
                .rects
                .partition_point(|r| r.min.x < part.min.x - self.widest);
            let to = self.rects.partition_point(|r| r.min.x <= part.max.x);
            self.rects
                .get(from..to)
                .is_some_and(|near| near.iter().any(|r| r.intersects(part)))
        })
    }
}

/// Adds to `touched` the edges of the routed arrows among `arrows` (at the
/// indices `routed`) whose route looked where a box of `changed` was or
/// is: these are routed anew.
pub(super) fn rerouted(
    arrows: &[ArrowItem],
    routed: impl IntoIterator<Item = usize>,
    changed: &Changed,
    touched: &mut EdgeSet,
) {
    if changed.rects.is_empty() {
        return;
    }
    for arrow in routed.into_iter().filter_map(|i| arrows.get(i)) {
        if arrow.looked_at.as_ref().is_some_and(|l| changed.touches(l)) {
            touched.extend(arrow.edges().iter().copied());
        }
    }
}

impl Scene {
    /// Routes lines that are drawn straight for now, a few at a time, until
    /// `budget` has passed (at least a few; none with no budget at all).
    /// Returns whether some are left, for the next frame: a whole big map's
    /// routes cost more than one frame.
    pub fn route_some(&mut self, map: &Map, budget: Duration) -> bool {
        let start = Instant::now();
        while !self.unrouted.is_empty() && !budget.is_zero() {
            let mut batch = EdgeSet::default();
            while batch.len() < ROUTE_BATCH {
                let Some(edge) = self.unrouted.pop_first() else {
                    break;
                };
                if map.edges.contains_key(&edge) {
                    batch.insert(edge);
                }
            }
            // Where each stroke sits, and how the arrows hang together:
            // worked out once after a change, for every batch and slide.
            let mut wiring = self
                .wiring
                .take()
                .unwrap_or_else(|| Wiring::of(map, &self.list.arrows, self.links.take()));
            let touched = wiring.links.grow(batch);
            self.redraw_in_place(map, &touched, true, &mut wiring);
            self.wiring = Some(wiring);
            if start.elapsed() >= budget {
                break;
            }
        }
        !self.unrouted.is_empty()
    }

    /// Whether some lines are drawn straight for now, waiting for
    /// [`Self::route_some`].
    pub fn routes_pending(&self) -> bool {
        !self.unrouted.is_empty()
    }

    /// How many arrows' lines are drawn straight for now.
    pub fn routes_waiting(&self) -> usize {
        self.unrouted.len()
    }

    /// Routes every line drawn straight for now.
    pub fn route_all(&mut self, map: &Map) {
        self.route_some(map, Duration::MAX);
    }

    /// Draws the arrows of the edges `touched` anew, each where its stroke
    /// sits in the list (as `wiring` has it): routed at once when `now`,
    /// else straight for now.
    pub(super) fn redraw_in_place(
        &mut self,
        map: &Map,
        touched: &EdgeSet,
        now: bool,
        wiring: &mut Wiring,
    ) {
        // The boxes at the ends of the arrows to redraw, and no others.
        let rects = self
            .list
            .rects_at_ends(touched.iter().filter_map(|e| map.edges.get(e)));
        let anchors = anchors_outside(&self.list.arrows, map, touched);
        let redrawn = {
            let obstacles = self.index.obstacles(&self.list.boxes);
            let mut routing = if now {
                Routing::now(&obstacles)
            } else {
                Routing::later()
            };
            let edges = edges_in_order(map, touched);
            for edge in &edges {
                self.unrouted.remove(&edge.id);
            }
            let redrawn = arrows_among(edges, &rects, anchors, &mut routing);
            self.unrouted.extend(routing.unrouted);
            redrawn
        };
        for new in redrawn {
            let at = wiring.arrow_of.get(&new.stroke.key()).copied();
            let Some((i, arrow)) = at.and_then(|i| Some((i, self.list.arrows.get_mut(i)?))) else {
                continue;
            };
            if new.looked_at.is_some() {
                wiring.routed.insert(i);
            } else {
                wiring.routed.remove(&i);
            }
            self.index.move_arrow(i, arrow, &new);
            *arrow = new;
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{Edge, EdgeId, EdgeKind, Node, NodeId, NodeKind, Point, Target};
    use crate::render::FixedAdvance;
    use crate::render::scene::tests::moved_by;
    use std::collections::BTreeSet;

    /// Boxes 1 and 2 side by side far apart, with an arrow from 1 to 2,
    /// and box 3 (no arrows) below the middle of it.
    pub(in crate::render) fn cross_link_and_a_stranger() -> Map {
        let mut map = Map::new("t");
        for (id, x, y) in [(1, 0.0, 0.0), (2, 1500.0, 0.0), (3, 750.0, 600.0)] {
            let node = Node::new(NodeId(id), NodeKind::Reason, "words", Point::new(x, y));
            map.nodes.insert(NodeId(id), node);
        }
        let edge = Edge::new(
            EdgeId(1),
            NodeId(1),
            Target::Node(NodeId(2)),
            EdgeKind::Supports,
        );
        map.edges.insert(EdgeId(1), edge);
        map
    }

    #[test]
    fn a_box_slid_into_an_arrows_way_and_out_again_routes_it_anew() {
        let measure = FixedAdvance::default();
        let mut map = cross_link_and_a_stranger();
        let mut scene = Scene::build(&map, &measure, None);
        let stranger: BTreeSet<NodeId> = [NodeId(3)].into();
        let bends = |scene: &Scene| {
            let arrow = scene.list.arrows.first().expect("the arrow");
            arrow.points.len() - 2
        };
        assert_eq!(bends(&scene), 0, "nothing in its way");
        // In its way, and a little further in; then out of it.
        for (dy, in_the_way) in [(-590.0, true), (-10.0, true), (900.0, false)] {
            moved_by(&mut map, &stranger, 0.0, dy);
            scene.slide(&map, &stranger);
            scene.route_all(&map);
            scene.route_all(&map);
            assert_eq!(scene.list, Scene::build(&map, &measure, None).list);
            assert_eq!(bends(&scene) > 0, in_the_way, "{:?}", scene.list.arrows);
        }
        moved_by(&mut map, &stranger, 0.0, -900.0);
        scene.slide(&map, &stranger);
        scene.route_all(&map);
        assert_eq!(scene.list, Scene::build(&map, &measure, None).list);
        assert!(
            bends(&scene) >= 1,
            "around the box: {:?}",
            scene.list.arrows
        );
    }

    #[test]
    fn boxes_slid_all_over_a_map_leave_every_route_as_a_build_draws_it() {
        let measure = FixedAdvance::default();
        let mut map = crate::model::synthetic_map(300);
        let mut scene = Scene::build(&map, &measure, None);
        let routed = scene.list.arrows.iter().filter(|a| a.looked_at.is_some());
        assert!(routed.count() > 20, "the map has routed arrows");
        // Box after box, each dragged somewhere else over the map.
        let mut seed = 7_u64;
        for step in 0..40 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let id = NodeId(1 + (seed >> 33) % 300);
            let dx = ((seed >> 13) % 4_000) as f64 - 2_000.0;
            let dy = ((seed >> 3) % 2_000) as f64 - 1_000.0;
            let moved: BTreeSet<NodeId> = [id].into();
            moved_by(&mut map, &moved, dx, dy);
            scene.slide(&map, &moved);
            scene.route_all(&map);
            scene.route_all(&map);
            let fresh = Scene::build(&map, &measure, None);
            assert_eq!(scene.list, fresh.list, "after step {step}, {id:?}");
        }
    }

    #[test]
    fn a_rebuild_draws_lines_straight_and_routes_them_a_few_at_a_time() {
        let measure = FixedAdvance::default();
        let map = crate::model::synthetic_map(300);
        let mut scene = Scene::default();
        scene.rebuild(&map, &measure, None);
        let straight = |scene: &Scene| {
            let routed = scene.list.arrows.iter().filter(|a| a.looked_at.is_some());
            scene.list.arrows.len() - routed.count()
        };
        let before = straight(&scene);
        assert!(scene.routes_pending());
        // No time routes none; the shortest time, one batch.
        assert!(scene.route_some(&map, Duration::ZERO), "all are left");
        assert_eq!(straight(&scene), before);
        let tick = Duration::from_nanos(1);
        assert!(scene.route_some(&map, tick), "more are left");
        assert!(straight(&scene) < before);
        let mut frames = 1;
        while scene.route_some(&map, tick) {
            frames += 1;
        }
        assert!(frames > 10, "over many frames: {frames}");
        assert!(!scene.routes_pending());
        let whole = crate::render::build(&map, &measure);
        assert_eq!(scene.list, whole);
        assert_eq!(scene.list, Scene::build(&map, &measure, None).list);
    }
}
