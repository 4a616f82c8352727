//! Finding your way around a big map: Home goes to a main claim, F fits
//! a map of any size.

use super::ui_support::*;
use argmap::model::{Edge, EdgeId, EdgeKind, Map, Node, NodeId, NodeKind, Point, Target};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

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

#[test]
fn the_minimap_flies_to_where_it_is_clicked() {
    let mut h = harness(two_trees(20_000.0));
    settle(&mut h);
    press(&mut h, Modifiers::NONE, Key::Home);
    settle(&mut h);
    assert!(on_screen(&h, 1) && !on_screen(&h, 3));
    // Turned on from the View menu.
    h.get_by_label("View").click();
    settle(&mut h);
    h.get_by_label_contains("Minimap").click();
    settle(&mut h);
    assert!(h.state().canvas.minimap);
    // The second tree is at the minimap's right end: click where its
    // claim is drawn (the widget has a 4-point rim around the drawing).
    let mini = h.get_by_label("Minimap").rect().shrink(4.0);
    let bounds = h.state().scene().bounds().expect("boxes");
    let claim = h
        .state()
        .scene()
        .box_of(NodeId(3))
        .expect("drawn")
        .rect
        .center();
    let along = ((claim.x - bounds.min.x) / (bounds.max.x - bounds.min.x)) as f32;
    let at = egui::pos2(mini.left() + along * mini.width(), mini.center().y);
    eprintln!("mini {mini:?} at {at:?} view {:?}", h.state().canvas.view);
    click_at(&mut h, at, Modifiers::NONE);
    settle(&mut h);
    eprintln!(
        "after view {:?} sel {:?}",
        h.state().canvas.view,
        h.state().selection
    );
    assert!(on_screen(&h, 3), "the view went to the second tree");
    assert!(!on_screen(&h, 1));
    // M hides it again.
    press(&mut h, Modifiers::NONE, Key::M);
    settle(&mut h);
    assert!(!h.state().canvas.minimap);
    assert!(h.query_by_label("Minimap").is_none());
}

#[test]
fn zoomed_out_each_tree_has_a_label_that_flies_to_it() {
    let mut h = harness(two_trees(150_000.0));
    settle(&mut h);
    press(&mut h, Modifiers::NONE, Key::F);
    settle(&mut h);
    // Both main claims are named, readable, though their boxes are specks.
    let label = h.get_by_label("Tree of 2 boxes: Second claim").rect();
    assert!(label.height() >= 14.0, "{label:?}");
    h.get_by_label("Tree of 2 boxes: First claim");
    h.get_by_label("Tree of 2 boxes: Second claim").click();
    settle(&mut h);
    assert!(on_screen(&h, 3) && on_screen(&h, 4));
    assert!(!on_screen(&h, 1));
    assert!(h.state().canvas.view.zoom > 0.5, "zoomed in to read");
}

#[test]
fn a_box_too_small_to_read_can_still_be_clicked_and_dragged() {
    let mut h = harness(two_trees(150_000.0));
    settle(&mut h);
    press(&mut h, Modifiers::NONE, Key::F);
    settle(&mut h);
    let app = h.state();
    let canvas = canvas_rect(&h);
    let item = app.scene().box_of(NodeId(4)).expect("drawn");
    let speck = app.canvas.view.rect_to_screen(canvas, &item.rect);
    assert!(speck.height() < 12.0, "{speck:?}");
    let start = app.doc.map().nodes[&NodeId(4)].pos;
    let center = speck.center();
    click_at(&mut h, center, Modifiers::NONE);
    settle(&mut h);
    assert_eq!(h.state().selection.single_node(), Some(NodeId(4)));
    drag(
        &mut h,
        center,
        center + egui::vec2(0.0, 40.0),
        Modifiers::NONE,
    );
    settle(&mut h);
    let moved = h.state().doc.map().nodes[&NodeId(4)].pos;
    assert!(moved.y > start.y + 1_000.0, "{start:?} -> {moved:?}");
    // A speck not selected first is dragged at once: the drag is not lost
    // when the pointer leaves its few pixels before the drag begins.
    let app = h.state();
    let item = app.scene().box_of(NodeId(3)).expect("drawn");
    let speck = app.canvas.view.rect_to_screen(canvas, &item.rect).center();
    let start = app.doc.map().nodes[&NodeId(3)].pos;
    assert_ne!(h.state().selection.single_node(), Some(NodeId(3)));
    drag(
        &mut h,
        speck,
        speck + egui::vec2(0.0, 40.0),
        Modifiers::NONE,
    );
    settle(&mut h);
    let moved = h.state().doc.map().nodes[&NodeId(3)].pos;
    assert!(moved.y > start.y + 1_000.0, "{start:?} -> {moved:?}");
}

#[test]
fn find_marks_matches_again_after_closing_and_after_an_edit() {
    let mut h = harness(two_trees(2_000.0));
    settle(&mut h);
    press(&mut h, Modifiers::COMMAND, Key::F);
    settle(&mut h);
    type_text(&mut h, "second");
    settle(&mut h);
    let marked = |h: &AppHarness| h.state().canvas.find_matches.clone();
    assert_eq!(marked(&h), [NodeId(3), NodeId(4)].into());
    press(&mut h, Modifiers::NONE, Key::Escape);
    settle(&mut h);
    assert!(!h.state().find.open, "Esc closed the bar");
    assert!(marked(&h).is_empty(), "closed, nothing is marked");
    press(&mut h, Modifiers::COMMAND, Key::F);
    settle(&mut h);
    assert_eq!(marked(&h), [NodeId(3), NodeId(4)].into(), "reopened");
    // The map changes under the open bar: the marks follow.
    h.state_mut()
        .doc
        .apply(argmap::ops::Edit::SetText {
            node: NodeId(1),
            text: "A second thought".into(),
        })
        .expect("edited");
    settle(&mut h);
    assert_eq!(marked(&h), [NodeId(1), NodeId(3), NodeId(4)].into());
}
