//! Cross-links in the window go around the boxes in their way, and find a
//! new way when a box is dragged into it.

use super::ui_support::*;
use argmap::model::{Edge, EdgeId, EdgeKind, Map, Node, NodeId, NodeKind, Point, Target};
use argmap::render::{Rect, clip_range};
use egui::{Key, Modifiers};

/// Two boxes side by side with an arrow between them, and a third below.
fn side_by_side() -> Map {
    let mut map = Map::new("Side by side");
    for (id, text, x, y) in [
        (1, "Left reason", 0.0, 0.0),
        (2, "Right claim", 1200.0, 0.0),
        (3, "Wandering objection", 600.0, 300.0),
    ] {
        map.nodes.insert(
            NodeId(id),
            Node::new(NodeId(id), NodeKind::Reason, text, Point::new(x, y)),
        );
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

/// The arrow's line as the canvas draws it, and whether it passes through
/// the inside of `rect`.
fn arrow_crosses(h: &AppHarness, rect: &Rect) -> (Vec<Point>, bool) {
    let app = h.state();
    let arrow = app.scene().arrows.first().expect("the arrow is drawn");
    let inside = rect.expand(-2.0);
    let crosses = arrow
        .points
        .windows(2)
        .any(|w| clip_range(w[0], w[1], &inside).is_some());
    (arrow.points.clone(), crosses)
}

fn rect_of(h: &AppHarness, id: u64) -> Rect {
    h.state().scene().box_of(NodeId(id)).expect("drawn").rect
}

#[test]
fn a_box_dragged_into_an_arrows_way_is_gone_around() {
    let mut h = harness(side_by_side());
    press(&mut h, Modifiers::NONE, Key::F);
    let (before, _) = arrow_crosses(&h, &rect_of(&h, 3));
    assert_eq!(before.len(), 2, "straight while nothing is in the way");
    // Drag the objection up onto the line between the two boxes.
    let canvas = canvas_rect(&h);
    let view = h.state().canvas.view;
    let from = view.to_screen(canvas, rect_of(&h, 3).center());
    let to = view.to_screen(canvas, Point::new(600.0, 0.0));
    drag_and_rest(&mut h, from, to);
    let moved = rect_of(&h, 3);
    assert!(
        moved.contains(Point::new(600.0, 5.0)),
        "dropped on the line: {moved:?} from {from:?} to {to:?}"
    );
    let (after, crosses) = arrow_crosses(&h, &moved);
    assert!(after.len() > 2, "the arrow bends: {after:?}");
    assert!(!crosses, "and does not pass through the box: {after:?}");
    // The arrow still leaves the left box and reaches the right one.
    let (left, right) = (rect_of(&h, 1), rect_of(&h, 2));
    assert!(after.first().is_some_and(|p| left.expand(0.5).contains(*p)));
    assert!(after.last().is_some_and(|p| right.expand(0.5).contains(*p)));
    // Undo puts the box back, and the arrow goes straight again.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    let (undone, _) = arrow_crosses(&h, &rect_of(&h, 3));
    assert_eq!(undone, before);
}
