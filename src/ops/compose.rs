//! Edits for common gestures: a new box, a child under a box, a sibling, a
//! link, a pasted fragment. Each returns one [`Edit`] (one undo step).

use super::Edit;
use crate::anchor::{span_from_range, trim_range};
use crate::model::{Edge, EdgeKind, Map, Node, NodeId, NodeKind, Point, SourceId, Target};
use std::collections::{BTreeMap, BTreeSet};

/// Horizontal step between siblings, in map units.
pub const SIBLING_STEP: f64 = 280.0;
/// Vertical step from a box to its children.
pub const CHILD_STEP: f64 = 200.0;

/// A new box at `pos`.
pub fn new_node(map: &Map, kind: NodeKind, text: &str, pos: Point) -> (Edit, NodeId) {
    let id = map.next_node_id();
    let edit = Edit::Insert {
        nodes: vec![Node::new(id, kind, text, pos)],
        edges: vec![],
    };
    (edit, id)
}

/// The kind a new box takes when it supports or attacks `target`: a reason,
/// an objection, or a rebuttal when it attacks an objection.
pub fn child_kind(map: &Map, target: NodeId, edge: EdgeKind) -> NodeKind {
    let target_kind = map.nodes.get(&target).map(|n| n.kind);
    match (edge, target_kind) {
        (EdgeKind::Attacks, Some(NodeKind::Objection)) => NodeKind::Rebuttal,
        (EdgeKind::Attacks | EdgeKind::Undercuts, _) => NodeKind::Objection,
        (EdgeKind::Supports, _) => NodeKind::Reason,
    }
}

/// A new box that supports or attacks `parent`, placed below it, and the
/// arrow between them. `None` if `parent` does not exist.
pub fn add_child(
    map: &Map,
    parent: NodeId,
    edge_kind: EdgeKind,
    at: Option<Point>,
) -> Option<(Edit, NodeId)> {
    let parent_node = map.nodes.get(&parent)?;
    let kind = child_kind(map, parent, edge_kind);
    let pos = at.unwrap_or_else(|| {
        free_spot(
            map,
            Point::new(parent_node.pos.x, parent_node.pos.y + CHILD_STEP),
        )
    });
    let id = map.next_node_id();
    let edge = Edge::new(map.next_edge_id(), id, Target::Node(parent), edge_kind);
    let edit = Edit::Insert {
        nodes: vec![Node::new(id, kind, "", pos)],
        edges: vec![edge],
    };
    Some((edit, id))
}

/// A new box beside `of`, of the same kind and pointing where `of` points
/// (its first arrow), or a lone claim beside it if it points nowhere.
pub fn add_sibling(map: &Map, of: NodeId) -> Option<(Edit, NodeId)> {
    let node = map.nodes.get(&of)?;
    let pos = free_spot(map, Point::new(node.pos.x + SIBLING_STEP, node.pos.y));
    let id = map.next_node_id();
    let parent_edge = map.edges_from(of).find(|e| matches!(e.to, Target::Node(_)));
    let (kind, edges) = match parent_edge {
        Some(e) => (
            node.kind,
            vec![Edge::new(map.next_edge_id(), id, e.to, e.kind)],
        ),
        None => (NodeKind::Claim, vec![]),
    };
    let edit = Edit::Insert {
        nodes: vec![Node::new(id, kind, "", pos)],
        edges,
    };
    Some((edit, id))
}

/// An arrow from `from` to `to`: supports/attacks for a box, an undercut for
/// an arrow. `None` when the link would point at itself.
pub fn link(map: &Map, from: NodeId, to: Target, kind: EdgeKind) -> Option<Edit> {
    let kind = match to {
        Target::Edge(_) => EdgeKind::Undercuts,
        Target::Node(n) if n == from => return None,
        Target::Node(_) => kind,
    };
    let edge = Edge::new(map.next_edge_id(), from, to, kind);
    Some(Edit::Insert {
        nodes: vec![],
        edges: vec![edge],
    })
}

/// A new box whose text is the quoted words and whose span points at them.
/// `None` if the range does not fit the source.
pub fn node_from_quote(
    map: &Map,
    source: SourceId,
    start: usize,
    end: usize,
    kind: NodeKind,
    pos: Point,
) -> Option<(Edit, NodeId)> {
    let source = map.sources.get(&source)?;
    let (start, end) = trim_range(&source.text, start, end);
    let span = span_from_range(source, start, end).ok()?;
    let id = map.next_node_id();
    // The box says the words on one line; the span keeps them exactly.
    let text = span.quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut node = Node::new(id, kind, text, free_spot(map, pos));
    node.spans.push(span);
    Some((
        Edit::Insert {
            nodes: vec![node],
            edges: vec![],
        },
        id,
    ))
}

/// Adds a span over `start..end` of `source` to `node`. `None` if either is
/// missing, the range does not fit, or the node already has that span.
pub fn attach_quote(
    map: &Map,
    node: NodeId,
    source: SourceId,
    start: usize,
    end: usize,
) -> Option<Edit> {
    let text = &map.sources.get(&source)?.text;
    let (start, end) = trim_range(text, start, end);
    let span = span_from_range(map.sources.get(&source)?, start, end).ok()?;
    let current = &map.nodes.get(&node)?.spans;
    if current
        .iter()
        .any(|s| s.source == source && s.start == start && s.end == end && !s.orphan)
    {
        return None;
    }
    let mut spans = current.clone();
    spans.push(span);
    Some(Edit::SetSpans { node, spans })
}

/// The first place near `wanted` (stepping right) where a new box does not
/// cover another: no box centre within a box width across or most of a
/// step up or down (boxes grow with their text).
pub fn free_spot(map: &Map, wanted: Point) -> Point {
    let taken = |p: Point| {
        map.nodes.values().any(|n| {
            (n.pos.x - p.x).abs() < SIBLING_STEP - 20.0 && (n.pos.y - p.y).abs() < CHILD_STEP * 0.85
        })
    };
    (0..500)
        .map(|k| Point::new(wanted.x + f64::from(k) * SIBLING_STEP, wanted.y))
        .find(|p| !taken(*p))
        .unwrap_or(wanted)
}

/// The boxes `nodes`, with the arrows among them (undercuts of those arrows
/// too), as a map of their own: what Copy puts on the clipboard.
pub fn fragment(map: &Map, nodes: &BTreeSet<NodeId>) -> Map {
    map.subset(nodes)
}

/// Inserts a copy of `part` into `map` with fresh ids, moved by `offset`.
/// Spans are kept where `map` has the same source (same id and text).
/// Returns the edit and the new node ids.
pub fn paste(map: &Map, part: &Map, offset: Point) -> (Edit, Vec<NodeId>) {
    let mut next_node = map.next_node_id().0;
    let node_ids: BTreeMap<NodeId, NodeId> = part
        .nodes
        .keys()
        .map(|old| {
            next_node += 1;
            (*old, NodeId(next_node - 1))
        })
        .collect();
    let mut next_edge = map.next_edge_id().0;
    let edge_ids: BTreeMap<_, _> = part
        .edges
        .keys()
        .map(|old| {
            next_edge += 1;
            (*old, crate::model::EdgeId(next_edge - 1))
        })
        .collect();
    let same_source = |id| match (map.sources.get(&id), part.sources.get(&id)) {
        (Some(a), Some(b)) => a.text == b.text,
        _ => false,
    };
    let nodes: Vec<Node> = part
        .nodes
        .values()
        .filter_map(|n| {
            let mut copy = n.clone();
            copy.id = *node_ids.get(&n.id)?;
            copy.pos = Point::new(n.pos.x + offset.x, n.pos.y + offset.y);
            copy.spans.retain(|s| same_source(s.source));
            Some(copy)
        })
        .collect();
    let edges: Vec<Edge> = part
        .edges
        .values()
        .filter_map(|e| {
            let mut copy = e.clone();
            copy.id = *edge_ids.get(&e.id)?;
            copy.from = *node_ids.get(&e.from)?;
            copy.to = match e.to {
                Target::Node(n) => Target::Node(*node_ids.get(&n)?),
                Target::Edge(x) => Target::Edge(*edge_ids.get(&x)?),
            };
            copy.group = None;
            Some(copy)
        })
        .collect();
    let new_ids = nodes.iter().map(|n| n.id).collect();
    (Edit::Insert { nodes, edges }, new_ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> Map {
        let mut map = Map::new("t");
        let (edit, _) = new_node(&map, NodeKind::Claim, "c", Point::new(0.0, 0.0));
        edit.apply(&mut map).expect("adds");
        map
    }

    #[test]
    fn child_goes_below_and_links_up() {
        let mut map = map();
        let (edit, id) =
            add_child(&map, NodeId(1), EdgeKind::Attacks, None).expect("parent exists");
        edit.apply(&mut map).expect("adds");
        assert_eq!(map.nodes[&id].kind, NodeKind::Objection);
        assert!(map.nodes[&id].pos.y > 0.0);
        assert_eq!(map.edges_into(Target::Node(NodeId(1))).count(), 1);
        // A second child does not sit on the first.
        let (edit, second) =
            add_child(&map, NodeId(1), EdgeKind::Supports, None).expect("parent exists");
        edit.apply(&mut map).expect("adds");
        assert_ne!(map.nodes[&second].pos, map.nodes[&id].pos);
        // Attacking an objection makes a rebuttal.
        assert_eq!(child_kind(&map, id, EdgeKind::Attacks), NodeKind::Rebuttal);
    }

    #[test]
    fn copy_and_paste_keeps_inner_links_only() {
        let mut map = map();
        let (edit, a) = add_child(&map, NodeId(1), EdgeKind::Supports, None).expect("adds");
        edit.apply(&mut map).expect("adds");
        let (edit, b) = add_child(&map, a, EdgeKind::Attacks, None).expect("adds");
        edit.apply(&mut map).expect("adds");
        let part = fragment(&map, &BTreeSet::from([a, b]));
        assert_eq!(part.nodes.len(), 2);
        assert_eq!(part.edges.len(), 1, "the arrow to the claim stays behind");
        let (edit, new) = paste(&map, &part, Point::new(50.0, 50.0));
        edit.apply(&mut map).expect("pastes");
        assert_eq!(new.len(), 2);
        assert_eq!(map.nodes.len(), 5);
        assert!(map.violations().is_empty());
    }
}
