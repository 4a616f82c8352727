//! Finding your way around a big map: Home goes to a main claim, F fits
//! a map of any size.

use super::ui_support::*;
use argmap::model::{Edge, EdgeId, EdgeKind, Map, Node, NodeId, NodeKind, Point, Target};
use egui::{Key, Modifiers};

/// Two trees far apart: claims 1 and 3, each with a reason.
fn two_trees(gap: f64) -> Map {
    let mut map = Map::new("Far apart");
    for (id, kind, text, x, y) in [
        (1, NodeKind::Claim, "First claim", 0.0, 0.0),
        (2, NodeKind::Reason, "First reason", 0.0, 200.0),
        (3, NodeKind::Claim, "Second claim", gap, 0.0),
        (4, NodeKind::Reason, "Second reason", gap, 200.0),
    ] {
        map.nodes.insert(
            NodeId(id),
            Node::new(NodeId(id), kind, text, Point::new(x, y)),
        );
    }
    for (id, from, to) in [(1, 2, 1), (2, 4, 3)] {
        map.edges.insert(
            EdgeId(id),
            Edge::new(
                EdgeId(id),
                NodeId(from),
                Target::Node(NodeId(to)),
                EdgeKind::Supports,
            ),
        );
    }
    map
}

fn on_screen(h: &AppHarness, id: u64) -> bool {
    let app = h.state();
    let canvas = canvas_rect(h);
    app.scene().box_of(NodeId(id)).is_some_and(|item| {
        canvas.contains_rect(app.canvas.view.rect_to_screen(canvas, &item.rect))
    })
}

#[test]
fn home_goes_to_each_main_claim_in_turn() {
    let mut h = harness(two_trees(20_000.0));
    settle(&mut h);
    press(&mut h, Modifiers::NONE, Key::Home);
    settle(&mut h);
    assert_eq!(h.state().selection.single_node(), Some(NodeId(1)));
    assert!(on_screen(&h, 1));
    press(&mut h, Modifiers::NONE, Key::Home);
    for _ in 0..30 {
        h.step();
    }
    assert_eq!(h.state().selection.single_node(), Some(NodeId(3)));
    assert!(on_screen(&h, 3), "the view went to the second claim");
    press(&mut h, Modifiers::NONE, Key::Home);
    settle(&mut h);
    assert_eq!(
        h.state().selection.single_node(),
        Some(NodeId(1)),
        "and round again"
    );
}

#[test]
fn fit_shows_every_box_of_a_map_wider_than_the_old_zoom_limit() {
    let mut h = harness(two_trees(150_000.0));
    settle(&mut h);
    press(&mut h, Modifiers::NONE, Key::F);
    settle(&mut h);
    for id in 1..=4 {
        assert!(on_screen(&h, id), "box {id} is on screen after F");
    }
    assert!(h.state().canvas.view.zoom < 0.05, "below the old 5 % limit");
}
