//! Map -> display list: box sizes from wrapped text, arrows clipped to box
//! borders (tree connectors, or lines routed around the boxes in their
//! way), linked premises joined at a junction, undercuts aimed at the
//! middle of the arrow they attack.

use super::display_list::{ArrowItem, BoxItem, DisplayList, Stroke, TextLine};
use super::geometry::{Rect, halfway};
use super::measure::TextMeasure;
use super::palette::box_style;
use super::route::{Routing, routed_line};
use super::spatial::SpatialIndex;
use super::wrap::wrap;
use crate::model::{Edge, EdgeId, GroupId, Map, Node, NodeId, Point, Target};
use std::collections::BTreeMap;

/// Width of every box, in map units.
pub const BOX_WIDTH: f64 = 240.0;
pub const PADDING: f64 = 10.0;
pub const TEXT_SIZE: f64 = 14.0;
pub const LINE_HEIGHT: f64 = 18.0;
pub const CUE_SIZE: f64 = 11.0;
pub const CUE_HEIGHT: f64 = 16.0;
pub const BADGE_RADIUS: f64 = 9.0;
/// How far in front of its target a linked argument's premises meet.
const JUNCTION_GAP: f64 = 34.0;

/// The display list of `map`, text measured by `measure`. Boxes under a
/// collapsed box are left out; the collapsed box carries a "+N" badge.
pub fn build(map: &Map, measure: &dyn TextMeasure) -> DisplayList {
    build_shown(map, measure, None)
}

/// As [`build`], and when `only` is given, only those boxes (a focus) and
/// the arrows among them.
pub fn build_shown(
    map: &Map,
    measure: &dyn TextMeasure,
    only: Option<&std::collections::BTreeSet<NodeId>>,
) -> DisplayList {
    let box_of = &mut |node: &Node| box_item(node, wrap_box_text(&node.text, measure));
    build_with_boxes(map, only, box_of, true).list
}

/// A display list with its spatial index, and the edges whose lines are
/// drawn straight for now, to be routed later.
pub(super) struct Built {
    pub list: DisplayList,
    pub index: SpatialIndex,
    pub unrouted: Vec<EdgeId>,
}

/// As [`build_shown`], each box made by `box_of` (which may reuse a box
/// drawn before), called in node id order; lines routed at once when
/// `route_now`, else drawn straight and listed in [`Built::unrouted`].
pub(super) fn build_with_boxes(
    map: &Map,
    only: Option<&std::collections::BTreeSet<NodeId>>,
    box_of: &mut dyn FnMut(&Node) -> BoxItem,
    route_now: bool,
) -> Built {
    let (hidden, folded) = crate::model::tree::collapsed_away(map);
    let boxes: Vec<BoxItem> = map
        .nodes
        .values()
        .filter(|n| !hidden.contains(&n.id) && only.is_none_or(|o| o.contains(&n.id)))
        .map(|n| {
            let mut item = box_of(n);
            item.folded = folded.get(&n.id).copied();
            item
        })
        .collect();
    let rects: Rects = boxes.iter().map(|b| (b.node, b.rect)).collect();
    let mut index = SpatialIndex::of_boxes(&boxes);
    let (arrows, unrouted) = {
        let obstacles = index.obstacles(&boxes);
        let mut routing = if route_now {
            Routing::now(&obstacles)
        } else {
            Routing::later()
        };
        let arrows = arrows_among(map.edges.values(), &rects, Anchors::new(), &mut routing);
        (arrows, routing.unrouted)
    };
    for (i, arrow) in arrows.iter().enumerate() {
        index.add_arrow(i, arrow);
    }
    Built {
        list: DisplayList { boxes, arrows },
        index,
        unrouted,
    }
}

/// Box sizes for every node, text measured by `measure`: what layout needs.
pub fn sizes(map: &Map, measure: &dyn TextMeasure) -> BTreeMap<crate::model::NodeId, (f64, f64)> {
    map.nodes
        .values()
        .map(|n| (n.id, box_size(&n.text, measure)))
        .collect()
}

/// Box sizes with text measured by a fixed-advance estimate, for headless
/// work that has no fonts at hand (placing maps read without positions).
pub fn estimated_sizes(map: &Map) -> BTreeMap<crate::model::NodeId, (f64, f64)> {
    sizes(map, &super::FixedAdvance::default())
}

/// The size a node's box takes, without building the rest.
pub fn box_size(text: &str, measure: &dyn TextMeasure) -> (f64, f64) {
    (BOX_WIDTH, box_height(wrap_box_text(text, measure).len()))
}

/// A box's text in rows as wide as a box holds.
pub(super) fn wrap_box_text(text: &str, measure: &dyn TextMeasure) -> Vec<String> {
    wrap(text, BOX_WIDTH - 2.0 * PADDING, TEXT_SIZE, measure)
}

fn box_height(lines: usize) -> f64 {
    2.0 * PADDING + CUE_HEIGHT + lines as f64 * LINE_HEIGHT
}

pub(super) fn box_item(node: &Node, wrapped: Vec<String>) -> BoxItem {
    let line = |text| TextLine {
        text,
        pos: Point::new(0.0, 0.0),
        size: TEXT_SIZE,
    };
    let mut item = BoxItem {
        node: node.id,
        kind: node.kind,
        rect: Rect::from_center(node.pos, 0.0, 0.0),
        cue: TextLine {
            text: box_style(node.kind).cue.to_owned(),
            pos: Point::new(0.0, 0.0),
            size: CUE_SIZE,
        },
        lines: wrapped.into_iter().map(line).collect(),
        spans: 0,
        badge: Point::new(0.0, 0.0),
        pinned: false,
        folded: None,
    };
    place(&mut item, node);
    item
}

/// Puts `item` (whose text rows are `node`'s) where `node` is, and gives it
/// the node's kind, spans and pin: all of a box but its wrapped text.
pub(super) fn place(item: &mut BoxItem, node: &Node) {
    if item.kind != node.kind {
        item.kind = node.kind;
        box_style(node.kind).cue.clone_into(&mut item.cue.text);
    }
    let rect = Rect::from_center(node.pos, BOX_WIDTH, box_height(item.lines.len()));
    let left = rect.min.x + PADDING;
    let text_top = rect.min.y + PADDING + CUE_HEIGHT;
    for (i, line) in item.lines.iter_mut().enumerate() {
        line.pos = Point::new(
            left,
            text_top + i as f64 * LINE_HEIGHT + (LINE_HEIGHT - TEXT_SIZE) / 2.0,
        );
    }
    item.rect = rect;
    item.cue.pos = Point::new(left, rect.min.y + PADDING - 2.0);
    item.spans = node.spans.len();
    item.badge = Point::new(
        rect.max.x - PADDING - BADGE_RADIUS + 2.0,
        rect.min.y + PADDING + BADGE_RADIUS - 4.0,
    );
    item.pinned = node.pinned;
}

pub(super) type Rects = BTreeMap<crate::model::NodeId, Rect>;
/// Where an undercut of each edge aims.
pub(super) type Anchors = BTreeMap<EdgeId, Point>;

/// The arrows of `edges` (in id order), in the order a full build draws
/// them: plain arrows, linked arguments, then undercuts. A linked argument
/// is drawn when it has two premises or more among `edges` (the caller
/// gives all of a group's edges or none). `anchors` holds where undercuts
/// of edges not drawn here aim. Lines other than tree connectors and trunks
/// go around the boxes drawn, as `routing` says.
pub(super) fn arrows_among<'a>(
    edges: impl IntoIterator<Item = &'a Edge>,
    rects: &Rects,
    mut anchors: Anchors,
    routing: &mut Routing,
) -> Vec<ArrowItem> {
    let edges: Vec<&Edge> = edges.into_iter().collect();
    let mut arrows = Vec::new();
    let groups = linked_groups(&edges);
    let grouped = |e: &Edge| e.group.is_some_and(|g| groups.contains_key(&g));
    for edge in edges.iter().filter(|e| !grouped(e)) {
        if let Some(arrow) = plain_arrow(edge, rects, &mut anchors, routing) {
            arrows.push(arrow);
        }
    }
    for (group, members) in &groups {
        arrows.extend(group_arrows(*group, members, rects, &mut anchors, routing));
    }
    let undercuts = edges
        .iter()
        .copied()
        .filter(|e| matches!(e.to, Target::Edge(_)))
        .collect();
    arrows.extend(undercut_arrows(undercuts, rects, &mut anchors, routing));
    arrows
}

/// Linked arguments among `edges`: groups with at least two premises
/// pointing at a node.
fn linked_groups<'a>(edges: &[&'a Edge]) -> BTreeMap<GroupId, Vec<&'a Edge>> {
    let mut groups: BTreeMap<GroupId, Vec<&Edge>> = BTreeMap::new();
    for edge in edges {
        if let (Some(group), Target::Node(_)) = (edge.group, edge.to) {
            groups.entry(group).or_default().push(edge);
        }
    }
    groups.retain(|_, edges| edges.len() >= 2);
    groups
}

/// An arrow from box to box: a tree connector (see [`elbow`]) from a box
/// just below its target, else a line routed around the boxes between.
fn plain_arrow(
    edge: &Edge,
    rects: &Rects,
    anchors: &mut Anchors,
    routing: &mut Routing,
) -> Option<ArrowItem> {
    let Target::Node(to) = edge.to else {
        return None;
    };
    let (from_rect, to_rect) = (rects.get(&edge.from)?, rects.get(&to)?);
    let (points, looked_at) = if let Some(points) = elbow(from_rect, to_rect) {
        (points, None)
    } else {
        let to = Some((to, to_rect));
        routed_line(
            edge.id,
            (edge.from, from_rect),
            to,
            to_rect.center(),
            routing,
        )
    };
    if let Some(mid) = halfway(&points) {
        anchors.insert(edge.id, mid);
    }
    Some(ArrowItem {
        stroke: Stroke::Edge(edge.id),
        kind: edge.kind,
        points,
        head: true,
        looked_at,
    })
}

/// How far above a box its connector turns towards its target.
const ELBOW_RISE: f64 = 28.0;
/// A box this far or nearer below its target (the gap between rows that
/// layout leaves, and a little more) is joined by a connector.
const ELBOW_MAX_GAP: f64 = 200.0;

/// The connector from a box one row below its target, as trees are drawn:
/// up from the middle of the box's top, along the empty band just above
/// its row, and up into the target's bottom edge (at a point that moves
/// with the box's side, so neighbours' heads do not meet). Straight lines
/// at a slant would cut through the boxes beside it. `None` when the box
/// is not just below its target.
fn elbow(from: &Rect, to: &Rect) -> Option<Vec<Point>> {
    let gap = from.min.y - to.max.y;
    if !(ELBOW_RISE * 1.5..=ELBOW_MAX_GAP).contains(&gap) {
        return None;
    }
    let start = Point::new(from.center().x, from.min.y);
    let half = to.width() / 2.0 - 2.0 * PADDING;
    let dx = start.x - to.center().x;
    let entry = to.center().x + half * dx / (dx.abs() + half);
    if (start.x - entry).abs() < 1.0 || (dx.abs() < half && start.x >= to.min.x + PADDING) {
        // Right below its target: straight up.
        let x = start.x.clamp(to.min.x + PADDING, to.max.x - PADDING);
        return Some(vec![Point::new(x, from.min.y), Point::new(x, to.max.y)]);
    }
    let turn = from.min.y - ELBOW_RISE;
    Some(vec![
        start,
        Point::new(start.x, turn),
        Point::new(entry, turn),
        Point::new(entry, to.max.y),
    ])
}

/// Premises meet at a junction in front of the target; one trunk goes on.
fn group_arrows(
    group: GroupId,
    edges: &[&Edge],
    rects: &Rects,
    anchors: &mut Anchors,
    routing: &mut Routing,
) -> Vec<ArrowItem> {
    let Some(first) = edges.first() else {
        return Vec::new();
    };
    let Target::Node(to) = first.to else {
        return Vec::new();
    };
    let Some(to_rect) = rects.get(&to) else {
        return Vec::new();
    };
    let premises: Vec<(&Edge, Rect)> = edges
        .iter()
        .filter_map(|e| rects.get(&e.from).map(|r| (*e, *r)))
        .collect();
    let n = premises.len().max(1) as f64;
    let mean = premises.iter().fold(Point::new(0.0, 0.0), |acc, (_, r)| {
        Point::new(acc.x + r.center().x / n, acc.y + r.center().y / n)
    });
    let exit = to_rect.border_towards(mean);
    let c = to_rect.center();
    let (dx, dy) = (exit.x - c.x, exit.y - c.y);
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    let junction = Point::new(
        exit.x + dx / len * JUNCTION_GAP,
        exit.y + dy / len * JUNCTION_GAP,
    );
    let mut arrows: Vec<ArrowItem> = premises
        .iter()
        .map(|(edge, rect)| {
            let (points, looked_at) =
                routed_line(edge.id, (edge.from, rect), None, junction, routing);
            ArrowItem {
                stroke: Stroke::Premise(edge.id),
                kind: edge.kind,
                points,
                head: false,
                looked_at,
            }
        })
        .collect();
    let trunk = vec![junction, exit];
    let mid = halfway(&trunk).unwrap_or(junction);
    for edge in edges {
        anchors.insert(edge.id, mid);
    }
    arrows.push(ArrowItem {
        stroke: Stroke::Trunk {
            group,
            edges: edges.iter().map(|e| e.id).collect(),
        },
        kind: first.kind,
        points: trunk,
        head: true,
        looked_at: None,
    });
    arrows
}

/// Undercuts aim at anchors, which undercuts themselves provide: resolve in
/// rounds until nothing more can be placed.
fn undercut_arrows(
    mut pending: Vec<&Edge>,
    rects: &Rects,
    anchors: &mut Anchors,
    routing: &mut Routing,
) -> Vec<ArrowItem> {
    let mut arrows = Vec::new();
    loop {
        let before = pending.len();
        pending.retain(|edge| {
            let Target::Edge(target) = edge.to else {
                return false;
            };
            let (Some(aim), Some(from_rect)) =
                (anchors.get(&target).copied(), rects.get(&edge.from))
            else {
                return true;
            };
            let (points, looked_at) =
                routed_line(edge.id, (edge.from, from_rect), None, aim, routing);
            if let Some(mid) = halfway(&points) {
                anchors.insert(edge.id, mid);
            }
            arrows.push(ArrowItem {
                stroke: Stroke::Edge(edge.id),
                kind: edge.kind,
                points,
                head: true,
                looked_at,
            });
            false
        });
        if pending.is_empty() || pending.len() == before {
            return arrows;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EdgeKind, NodeId, NodeKind};
    use crate::render::measure::FixedAdvance;

    fn map() -> Map {
        let mut map = Map::new("t");
        let nodes = [
            (1, 0.0, 0.0),
            (2, -200.0, 300.0),
            (3, 200.0, 300.0),
            (4, 500.0, 150.0),
        ];
        for (id, x, y) in nodes {
            map.nodes.insert(
                NodeId(id),
                Node::new(
                    NodeId(id),
                    NodeKind::Reason,
                    "some words here",
                    Point::new(x, y),
                ),
            );
        }
        let edges = [
            (1, 2, Target::Node(NodeId(1)), EdgeKind::Supports),
            (2, 3, Target::Node(NodeId(1)), EdgeKind::Supports),
            (3, 4, Target::Edge(EdgeId(1)), EdgeKind::Undercuts),
        ];
        for (id, from, to, kind) in edges {
            map.edges
                .insert(EdgeId(id), Edge::new(EdgeId(id), NodeId(from), to, kind));
        }
        map
    }

    #[test]
    fn arrows_start_and_end_on_box_borders() {
        let list = build(&map(), &FixedAdvance::default());
        let arrow = list
            .arrows
            .iter()
            .find(|a| a.stroke == Stroke::Edge(EdgeId(1)))
            .expect("arrow");
        let from = list.box_of(NodeId(2)).expect("box").rect;
        let to = list.box_of(NodeId(1)).expect("box").rect;
        assert!(
            (arrow.points[0].y - from.min.y).abs() < 1e-6
                || (arrow.points[0].x - from.min.x).abs() < 1e-6
                || (arrow.points[0].x - from.max.x).abs() < 1e-6
        );
        assert!(to.expand(1e-6).contains(arrow.points[1]));
        assert!(!to.expand(-1.0).contains(arrow.points[1]));
    }

    #[test]
    fn undercut_hits_the_middle_of_its_arrow() {
        let list = build(&map(), &FixedAdvance::default());
        let target = list
            .arrows
            .iter()
            .find(|a| a.stroke == Stroke::Edge(EdgeId(1)))
            .expect("arrow");
        let cut = list
            .arrows
            .iter()
            .find(|a| a.stroke == Stroke::Edge(EdgeId(3)))
            .expect("undercut");
        assert_eq!(cut.points.last().copied(), halfway(&target.points));
        assert!(target.distance_to(*cut.points.last().expect("end")) < 1e-6);
    }

    #[test]
    fn linked_premises_meet_at_one_junction() {
        let mut map = map();
        for id in [1, 2] {
            map.edges.get_mut(&EdgeId(id)).expect("edge").group = Some(GroupId(1));
        }
        let list = build(&map, &FixedAdvance::default());
        let premises: Vec<_> = list
            .arrows
            .iter()
            .filter(|a| matches!(a.stroke, Stroke::Premise(_)))
            .collect();
        assert_eq!(premises.len(), 2);
        assert_eq!(premises[0].points[1], premises[1].points[1], "one junction");
        assert!(premises.iter().all(|p| !p.head));
        let trunk = list
            .arrows
            .iter()
            .find(|a| matches!(a.stroke, Stroke::Trunk { .. }))
            .expect("trunk");
        assert_eq!(trunk.points[0], premises[0].points[1]);
        assert!(trunk.head);
        // The undercut of a premise edge aims at the trunk.
        let cut = list
            .arrows
            .iter()
            .find(|a| a.stroke == Stroke::Edge(EdgeId(3)))
            .expect("undercut");
        assert!(trunk.distance_to(*cut.points.last().expect("end")) < 1e-6);
    }

    #[test]
    fn box_grows_with_its_text() {
        let m = FixedAdvance::default();
        let (_, short) = box_size("one line", &m);
        let (_, long) = box_size(&"many words ".repeat(30), &m);
        assert!(long > short + 3.0 * LINE_HEIGHT);
    }
}
