//! A map as things to draw, in map space: boxes with wrapped text, arrows,
//! junctions. Built without any window; painted by the canvas and written
//! to SVG and PNG by exports.

use super::geometry::{Rect, distance_to_segment};
use crate::model::{Edge, EdgeId, EdgeKind, GroupId, NodeId, NodeKind, Point};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DisplayList {
    /// In node id order; later boxes are drawn on top.
    pub boxes: Vec<BoxItem>,
    /// In edge id order, linked-argument trunks after their premises.
    pub arrows: Vec<ArrowItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BoxItem {
    pub node: NodeId,
    pub kind: NodeKind,
    pub rect: Rect,
    /// The kind word drawn at the top left (BECAUSE, BUT, ...).
    pub cue: TextLine,
    pub lines: Vec<TextLine>,
    /// How many source spans the node has; drawn as a badge when > 0.
    pub spans: usize,
    /// Centre of the span badge.
    pub badge: Point,
    pub pinned: bool,
    /// For a collapsed box: how many boxes its "+N" badge stands for.
    pub folded: Option<usize>,
}

/// One line of text; `pos` is its top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub pos: Point,
    pub size: f64,
}

/// What an arrow stroke stands for.
#[derive(Clone, Debug, PartialEq)]
pub enum Stroke {
    /// One edge, from its box to its target.
    Edge(EdgeId),
    /// One premise of a linked argument, from its box to the junction.
    Premise(EdgeId),
    /// The shared part of a linked argument, from the junction to the target.
    Trunk { group: GroupId, edges: Vec<EdgeId> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct ArrowItem {
    pub stroke: Stroke,
    pub kind: EdgeKind,
    pub points: Vec<Point>,
    /// Whether the last point carries an arrow head.
    pub head: bool,
    /// For an arrow routed around the boxes in its way, where its route
    /// looked: a box coming in there or leaving routes the arrow anew.
    /// `None` for an arrow that only its ends decide.
    pub looked_at: Option<LookedAt>,
}

/// Where a route looked for boxes in its way. A box that lies outside
/// every part, before and after a change, leaves the route as it is.
#[derive(Clone, Debug, PartialEq)]
pub struct LookedAt {
    /// All the parts together.
    pub bounds: Rect,
    /// Each a stretch of one line the route tried, widened a little.
    pub parts: Vec<Rect>,
}

impl LookedAt {
    pub fn new(part: Rect) -> Self {
        Self {
            bounds: part,
            parts: vec![part],
        }
    }

    /// Adds `part`, unless the last part added holds it.
    pub fn add(&mut self, part: Rect) {
        let holds = |outer: &Rect, inner: &Rect| {
            outer.min.x <= inner.min.x
                && outer.min.y <= inner.min.y
                && outer.max.x >= inner.max.x
                && outer.max.y >= inner.max.y
        };
        if self.parts.last().is_some_and(|p| holds(p, &part)) {
            return;
        }
        if self.parts.last().is_some_and(|p| holds(&part, p)) {
            self.parts.pop();
        }
        self.bounds = self.bounds.union(&part);
        self.parts.push(part);
    }
}

impl Stroke {
    /// What names this stroke among a display list's arrows.
    pub fn key(&self) -> (u8, u64) {
        match self {
            Stroke::Edge(e) => (0, e.0),
            Stroke::Premise(e) => (1, e.0),
            Stroke::Trunk { group, .. } => (2, group.0),
        }
    }
}

impl BoxItem {
    /// The "+N" badge of a collapsed box: where it sits (straddling the
    /// bottom edge at the right) and what it says.
    pub fn fold_badge(&self) -> Option<(Rect, String)> {
        let hidden = self.folded?;
        let text = format!("+{hidden}");
        let width = 14.0 + 8.0 * text.chars().count() as f64;
        let center = Point::new(self.rect.max.x - width / 2.0 - 8.0, self.rect.max.y);
        Some((Rect::from_center(center, width, 18.0), text))
    }
}

impl ArrowItem {
    /// The edges this stroke draws.
    pub fn edges(&self) -> &[EdgeId] {
        match &self.stroke {
            Stroke::Edge(e) | Stroke::Premise(e) => std::slice::from_ref(e),
            Stroke::Trunk { edges, .. } => edges,
        }
    }

    pub fn distance_to(&self, p: Point) -> f64 {
        self.points
            .windows(2)
            .map(|w| distance_to_segment(p, w[0], w[1]))
            .fold(f64::INFINITY, f64::min)
    }

    pub fn bounds(&self) -> Option<Rect> {
        let first = self.points.first()?;
        let start = Rect {
            min: *first,
            max: *first,
        };
        Some(
            self.points
                .iter()
                .fold(start, |r, p| r.union(&Rect { min: *p, max: *p })),
        )
    }
}

impl DisplayList {
    pub fn box_of(&self, node: NodeId) -> Option<&BoxItem> {
        self.boxes
            .binary_search_by_key(&node, |b| b.node)
            .ok()
            .and_then(|i| self.boxes.get(i))
    }

    /// The boxes of `nodes`, which come in id order, that the list holds.
    /// One walk forward through the boxes (which are in id order too),
    /// leaping: many boxes asked at once cost less than a search each.
    pub fn boxes_of(
        &self,
        nodes: impl IntoIterator<Item = NodeId>,
    ) -> impl Iterator<Item = &BoxItem> {
        let mut rest = self.boxes.as_slice();
        nodes.into_iter().filter_map(move |node| {
            // Leap by doubling steps past the boxes before `node`, then
            // search the last leap.
            let mut step = 1;
            while rest.get(step).is_some_and(|b| b.node < node) {
                step *= 2;
            }
            let leap = rest.get(..=step).unwrap_or(rest);
            let skipped = leap.partition_point(|b| b.node < node);
            rest = rest.get(skipped..).unwrap_or_default();
            rest.first().filter(|b| b.node == node)
        })
    }

    /// The rectangles of the boxes at either end of `edges` (in any order).
    pub(super) fn rects_at_ends<'a>(
        &self,
        edges: impl IntoIterator<Item = &'a Edge>,
    ) -> BTreeMap<NodeId, Rect> {
        let mut ends: Vec<NodeId> = edges
            .into_iter()
            .flat_map(|e| [Some(e.from), e.target_node()])
            .flatten()
            .collect();
        ends.sort_unstable();
        ends.dedup();
        self.boxes_of(ends).map(|b| (b.node, b.rect)).collect()
    }

    /// Everything drawn, or `None` for an empty map.
    pub fn bounds(&self) -> Option<Rect> {
        let boxes = self.boxes.iter().map(|b| b.rect);
        let arrows = self.arrows.iter().filter_map(ArrowItem::bounds);
        boxes.chain(arrows).reduce(|a, b| a.union(&b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Map, Node};

    #[test]
    fn boxes_asked_at_once_are_the_boxes_asked_one_by_one() {
        let mut map = Map::new("t");
        for id in (1..400).step_by(3) {
            let node = Node::new(NodeId(id), NodeKind::Reason, "w", Point::new(0.0, 0.0));
            map.nodes.insert(NodeId(id), node);
        }
        let list = crate::render::build(&map, &crate::render::FixedAdvance::default());
        for asked in [
            vec![],
            vec![0, 1, 2, 4, 5, 7, 200, 397, 398, 1000],
            (0..420).collect(),
            (1..400).step_by(3).collect(),
            vec![397],
            vec![1],
        ] {
            let asked: Vec<NodeId> = asked.into_iter().map(NodeId).collect();
            let one_by_one: Vec<NodeId> = asked
                .iter()
                .filter_map(|n| list.box_of(*n))
                .map(|b| b.node)
                .collect();
            let at_once: Vec<NodeId> = list
                .boxes_of(asked.iter().copied())
                .map(|b| b.node)
                .collect();
            assert_eq!(at_once, one_by_one, "{asked:?}");
        }
    }
}
