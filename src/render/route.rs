//! Lines routed around the boxes in their way. A cross-link drawn straight
//! from one box to another would pass behind the boxes between them and
//! hide their words; a routed line bends around each box it meets, a little
//! way out from its corners, on whichever side is shorter.
//!
//! A route is worked out from what the boxes along its lines are, and from
//! nothing else: it records the region it looked at, so a scene that moves
//! a box routes anew exactly the lines whose region the box enters or
//! leaves (and draws what a fresh build draws).
//!
//! Arrows being drawn get their line through a [`Routing`]: routed at once
//! (exports), or straight for now and listed for a scene to route later.

use super::display_list::LookedAt;
use super::geometry::{Rect, clip_range};
use crate::model::{EdgeId, NodeId, Point};

/// How near a routed line may come to a box it goes around.
const GAP: f64 = 6.0;
/// How far out from a box's corners a route bends.
const CLEARANCE: f64 = 14.0;
/// How many times one route asks what is in its way. Past this it goes
/// straight through what is left: a line across a crowded map gives up a
/// few boxes rather than a frame.
const LOOKS: usize = 100;
/// How many boxes deep one detour may lead into others.
const DEPTH: usize = 24;

/// The boxes a route goes around.
pub(super) trait Obstacles {
    /// Shows `visit` every box that comes within `margin` of the segment
    /// from `a` to `b`, and maybe some others, each at least once: its node
    /// and its rectangle, with a bound `t` such that every box not shown
    /// yet comes within `margin` of the segment only beyond a + t (b − a).
    /// The bound never falls. Stops when `visit` says false.
    fn along(
        &self,
        a: Point,
        b: Point,
        margin: f64,
        visit: &mut dyn FnMut(f64, NodeId, Rect) -> bool,
    );
}

/// A routed line and the region whose boxes decided it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Route {
    /// From the line's start to its end, both included.
    pub points: Vec<Point>,
    /// Where it looked for boxes in its way.
    pub looked_at: LookedAt,
}

/// The line from `from` to `to` around the boxes in its way, other than
/// those in `skip` (the boxes it starts and ends in).
pub(super) fn route(
    from: Point,
    to: Point,
    skip: [Option<NodeId>; 2],
    obstacles: &dyn Obstacles,
) -> Route {
    let mut router = Router {
        obstacles,
        skip,
        looks: 0,
        looked_at: LookedAt::new(Rect::from_corners(from, to)),
    };
    let mut points = vec![from];
    router.extend(&mut points, from, to, DEPTH);
    points.dedup();
    if points.len() < 2 {
        points.push(to);
    }
    let points = router.pulled_taut(points);
    Route {
        points,
        looked_at: router.looked_at,
    }
}

struct Router<'a> {
    obstacles: &'a dyn Obstacles,
    skip: [Option<NodeId>; 2],
    looks: usize,
    looked_at: LookedAt,
}

impl Router<'_> {
    /// The box in the way from `a` to `b`: the first the segment comes
    /// within [`GAP`] of (by where, then by node id). Boxes skipped, and
    /// boxes that hold `a` or `b` (which no line between them avoids), are
    /// not in the way.
    fn blocker(&mut self, a: Point, b: Point) -> Option<Rect> {
        self.looks += 1;
        let skip = self.skip;
        let mut first: Option<(f64, NodeId, Rect)> = None;
        self.obstacles.along(a, b, GAP, &mut |beyond, id, rect| {
            if first.is_some_and(|(t, _, _)| beyond > t) {
                // Every box still to come enters later than this one.
                return false;
            }
            let keep_off = rect.expand(GAP);
            if skip.contains(&Some(id)) || keep_off.contains(a) || keep_off.contains(b) {
                return true;
            }
            if let Some((enters, _)) = clip_range(a, b, &keep_off) {
                let sooner = first.is_none_or(|(t, node, _)| {
                    enters.total_cmp(&t).then(id.cmp(&node)) == std::cmp::Ordering::Less
                });
                if sooner {
                    first = Some((enters, id, rect));
                }
            }
            true
        });
        // What decided the answer: the boxes near the segment up to where
        // the first box in the way is entered (all of it when none is). One
        // more than the gap, so a box a rounding's distance outside it
        // still counts.
        let upto = first.map_or(b, |(t, _, _)| {
            Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
        });
        let reach = Rect::from_corners(a, upto).expand(GAP + 1.0);
        self.looked_at.add(reach);
        first.map(|(_, _, rect)| rect)
    }

    /// Pushes the route from `a` (already pushed) to `b` onto `points`.
    fn extend(&mut self, points: &mut Vec<Point>, a: Point, b: Point, depth: usize) {
        if depth == 0 || self.looks >= LOOKS {
            points.push(b);
            return;
        }
        let Some(rect) = self.blocker(a, b) else {
            points.push(b);
            return;
        };
        let mut from = a;
        for to in detour(a, b, &rect.expand(CLEARANCE))
            .into_iter()
            .chain(std::iter::once(b))
        {
            self.extend(points, from, to, depth - 1);
            from = to;
        }
    }

    /// `points` without the bends it can do without: a bend goes when the
    /// line from the last one kept to the next is clear.
    fn pulled_taut(&mut self, points: Vec<Point>) -> Vec<Point> {
        let (Some(&first), Some(&last)) = (points.first(), points.last()) else {
            return points;
        };
        let mut kept = vec![first];
        for w in points.windows(3) {
            let (Some(&from), [_, bend, next]) = (kept.last(), w) else {
                continue;
            };
            if self.blocker(from, *next).is_some() {
                kept.push(*bend);
            }
        }
        kept.push(last);
        kept
    }
}

fn cross(o: Point, a: Point, b: Point) -> f64 {
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
}

fn length(points: &[Point]) -> f64 {
    points
        .windows(2)
        .map(|w| (w[1].x - w[0].x).hypot(w[1].y - w[0].y))
        .sum()
}

/// The bends of the shorter way from `a` to `b` around the rectangle
/// `around`: the corners on one side of the line, as many as the way needs
/// to stay clear of it (the taut string around them).
fn detour(a: Point, b: Point, around: &Rect) -> Vec<Point> {
    let corners = [
        around.min,
        Point::new(around.max.x, around.min.y),
        around.max,
        Point::new(around.min.x, around.max.y),
    ];
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let along = |p: &Point| (p.x - a.x) * dx + (p.y - a.y) * dy;
    let side = |sign: f64| {
        let mut on: Vec<Point> = corners
            .iter()
            .copied()
            .filter(|p| cross(a, b, *p) * sign >= 0.0)
            .collect();
        on.sort_by(|p, q| along(p).total_cmp(&along(q)));
        taut(a, &on, b, sign)
    };
    let (left, right) = (side(1.0), side(-1.0));
    let way = |bends: &[Point]| {
        let mut all = Vec::with_capacity(bends.len() + 2);
        all.push(a);
        all.extend_from_slice(bends);
        all.push(b);
        length(&all)
    };
    if way(&right) < way(&left) {
        right
    } else {
        left
    }
}

/// The points of `on` (in order along the line) that a string from `a` to
/// `b` pulled taut around them, on the side of `sign`, touches.
fn taut(a: Point, on: &[Point], b: Point, sign: f64) -> Vec<Point> {
    let mut chain = vec![a];
    for &p in on.iter().chain(std::iter::once(&b)) {
        while let [.., o, q] = chain[..] {
            if cross(o, q, p) * sign >= 0.0 {
                chain.pop();
            } else {
                break;
            }
        }
        chain.push(p);
    }
    // Without `a` and `b`.
    chain.pop();
    chain.remove(0);
    chain
}

/// How the lines of arrows drawn now get their route.
pub(super) struct Routing<'a> {
    /// Routed around these boxes at once; when `None`, drawn straight for
    /// now (a scene routes them over the next frames: a whole map's routes
    /// cost more than a frame).
    around: Option<&'a dyn Obstacles>,
    /// The edges whose lines were drawn straight for now.
    pub unrouted: Vec<EdgeId>,
}

impl<'a> Routing<'a> {
    pub(super) fn now(around: &'a dyn Obstacles) -> Self {
        Self {
            around: Some(around),
            unrouted: Vec::new(),
        }
    }

    pub(super) fn later() -> Self {
        Self {
            around: None,
            unrouted: Vec::new(),
        }
    }
}

/// The line of `edge` from the box `from` to `end`, or into the box `to`
/// when given (aimed at its centre), around the boxes in its way: it starts
/// where it leaves `from`'s border and ends where it meets `to`'s. Returns
/// the line and where its route looked (`None` while it is drawn straight,
/// to be routed later).
pub(super) fn routed_line(
    edge: EdgeId,
    from: (NodeId, &Rect),
    to: Option<(NodeId, &Rect)>,
    end: Point,
    routing: &mut Routing,
) -> (Vec<Point>, Option<LookedAt>) {
    let end = to.map_or(end, |(_, rect)| rect.center());
    let Some(obstacles) = routing.around else {
        routing.unrouted.push(edge);
        let stop = to.map_or(end, |(_, rect)| rect.border_towards(from.1.center()));
        return (vec![from.1.border_towards(end), stop], None);
    };
    let Route {
        mut points,
        looked_at,
    } = route(
        from.1.center(),
        end,
        [Some(from.0), to.map(|(id, _)| id)],
        obstacles,
    );
    let n = points.len();
    if let (Some(&second), Some(&before_last)) = (points.get(1), points.get(n.wrapping_sub(2))) {
        if let Some(first) = points.first_mut() {
            *first = from.1.border_towards(second);
        }
        if let (Some((_, rect)), Some(last)) = (to, points.last_mut()) {
            *last = rect.border_towards(before_last);
        }
    }
    (points, Some(looked_at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::geometry::segment_crosses;

    /// Boxes found by looking at every one.
    struct Every(Vec<(NodeId, Rect)>);

    impl Obstacles for Every {
        fn along(
            &self,
            _: Point,
            _: Point,
            _: f64,
            visit: &mut dyn FnMut(f64, NodeId, Rect) -> bool,
        ) {
            for (id, rect) in &self.0 {
                if !visit(0.0, *id, *rect) {
                    return;
                }
            }
        }
    }

    fn boxed(id: u64, x: f64, y: f64) -> (NodeId, Rect) {
        (NodeId(id), Rect::from_center(Point::new(x, y), 240.0, 80.0))
    }

    fn clear_of(points: &[Point], rect: &Rect) -> bool {
        points
            .windows(2)
            .all(|w| !segment_crosses(w[0], w[1], &rect.expand(GAP - 0.5)))
    }

    #[test]
    fn a_clear_line_stays_straight() {
        let boxes = Every(vec![boxed(1, 0.0, 500.0)]);
        let (a, b) = (Point::new(-800.0, 0.0), Point::new(800.0, 0.0));
        let route = route(a, b, [None, None], &boxes);
        assert_eq!(route.points, vec![a, b]);
        assert!(route.looked_at.bounds.contains(a) && route.looked_at.bounds.contains(b));
    }

    #[test]
    fn a_line_bends_around_a_box_in_its_way_on_the_shorter_side() {
        // The box sits a little below the line: over its top is shorter.
        let boxes = Every(vec![boxed(1, 0.0, 20.0)]);
        let (a, b) = (Point::new(-800.0, 0.0), Point::new(800.0, 0.0));
        let route = route(a, b, [None, None], &boxes);
        assert!(clear_of(&route.points, &boxes.0[0].1), "{route:?}");
        assert_eq!(route.points.len(), 4, "two bends: {route:?}");
        assert!(route.points.iter().all(|p| p.y <= 0.0));
        assert_eq!(route.points.first(), Some(&a));
        assert_eq!(route.points.last(), Some(&b));
    }

    #[test]
    fn a_line_finds_its_way_through_a_row_of_boxes() {
        // A row of boxes with gaps, and the line across it at a slant.
        let boxes = Every(
            (0..8)
                .map(|i| boxed(i, f64::from(i as u8) * 300.0, 0.0))
                .collect(),
        );
        let (a, b) = (Point::new(500.0, -600.0), Point::new(1400.0, 600.0));
        let route = route(a, b, [None, None], &boxes);
        for (_, rect) in &boxes.0 {
            assert!(clear_of(&route.points, rect), "{route:?}");
        }
    }

    #[test]
    fn the_boxes_it_starts_and_ends_in_are_not_in_its_way() {
        let boxes = Every(vec![boxed(1, 0.0, 0.0), boxed(2, 1000.0, 0.0)]);
        let route = route(
            Point::new(0.0, 0.0),
            Point::new(1000.0, 0.0),
            [Some(NodeId(1)), Some(NodeId(2))],
            &boxes,
        );
        assert_eq!(route.points.len(), 2);
    }

    #[test]
    fn a_route_is_decided_by_the_boxes_it_looked_at_only() {
        let mut boxes = Every(vec![boxed(1, 0.0, 20.0), boxed(2, 300.0, 200.0)]);
        let (a, b) = (Point::new(-800.0, 0.0), Point::new(800.0, 0.0));
        let first = route(a, b, [None, None], &boxes);
        // Boxes far outside the region looked at change nothing; one moved
        // into it does.
        boxes.0.push(boxed(3, 0.0, 3_000.0));
        assert_eq!(route(a, b, [None, None], &boxes), first);
        let in_the_way = boxed(4, 500.0, 0.0);
        assert!(
            first
                .looked_at
                .parts
                .iter()
                .any(|p| p.intersects(&in_the_way.1))
        );
        boxes.0.push(in_the_way);
        assert_ne!(route(a, b, [None, None], &boxes).points, first.points);
    }
}
