//! How cluttered a drawn map is: arrows passing through boxes, and arrows
//! crossing each other. Counted by a test that fails if layout makes them
//! grow (figures in BENCHMARKS.md).

use super::display_list::DisplayList;
use super::geometry::{Rect, segment_crosses, segments_cross};
use super::spatial::SpatialIndex;
use crate::model::Point;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clutter {
    /// (arrow, box) pairs where the arrow passes through the box's inside
    /// (its own ends, on the borders, do not count).
    pub overlaps: usize,
    /// Pairs of arrows that cross each other.
    pub crossings: usize,
}

/// How far inside its border a box must be entered to count as crossed.
const INSIDE: f64 = 2.0;

fn bounds_of(a: Point, b: Point) -> Rect {
    Rect::from_corners(a, b)
}

/// The clutter of `list`.
pub fn clutter(list: &DisplayList) -> Clutter {
    let index = SpatialIndex::new(list);
    let mut overlaps = 0;
    for arrow in &list.arrows {
        let mut hit: Vec<usize> = Vec::new();
        for w in arrow.points.windows(2) {
            let reach = bounds_of(w[0], w[1]);
            for i in index.boxes_near(list, &reach) {
                let Some(item) = list.boxes.get(i) else {
                    continue;
                };
                let inside = item.rect.expand(-INSIDE);
                if inside.min.x < inside.max.x && segment_crosses(w[0], w[1], &inside) {
                    hit.push(i);
                }
            }
        }
        hit.sort_unstable();
        hit.dedup();
        overlaps += hit.len();
    }
    let segments: Vec<(usize, Point, Point, Rect)> = list
        .arrows
        .iter()
        .enumerate()
        .flat_map(|(i, a)| {
            a.points
                .windows(2)
                .map(move |w| (i, w[0], w[1], bounds_of(w[0], w[1])))
        })
        .collect();
    let mut crossings = 0;
    for (k, (i, a, b, r)) in segments.iter().enumerate() {
        for (j, c, d, s) in segments.iter().skip(k + 1) {
            if i != j && r.intersects(s) && segments_cross(*a, *b, *c, *d) {
                crossings += 1;
            }
        }
    }
    Clutter {
        overlaps,
        crossings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeId, EdgeKind, Map, Node, NodeId, NodeKind, Target};
    use crate::render::{FixedAdvance, build};

    /// Boxes 1 and 3 far apart with box 2 between them; arrows 1→3 (drawn
    /// straight through box 2, as a route would not) and 4→5 (crossing it).
    #[test]
    fn counts_an_arrow_through_a_box_and_a_crossing() {
        let mut map = Map::new("t");
        for (id, x, y) in [
            (1, 0.0, 0.0),
            (2, 600.0, 0.0),
            (3, 1200.0, 0.0),
            (4, 900.0, -600.0),
            (5, 900.0, 600.0),
        ] {
            let node = Node::new(NodeId(id), NodeKind::Reason, "w", Point::new(x, y));
            map.nodes.insert(NodeId(id), node);
        }
        for (id, from, to) in [(1, 1, 3), (2, 4, 5)] {
            let edge = Edge::new(
                EdgeId(id),
                NodeId(from),
                Target::Node(NodeId(to)),
                EdgeKind::Supports,
            );
            map.edges.insert(EdgeId(id), edge);
        }
        let mut list = build(&map, &FixedAdvance::default());
        let (one, three) = (Point::new(120.0, 0.0), Point::new(1080.0, 0.0));
        for arrow in &mut list.arrows {
            if arrow.edges() == [EdgeId(1)] {
                arrow.points = vec![one, three];
            }
        }
        let found = clutter(&list);
        assert_eq!(
            found,
            Clutter {
                overlaps: 1,
                crossings: 1
            }
        );
    }
}
