//! Arrange and Export in the window, driven through `egui_kittest`.

use super::support::root;
use super::ui_support::*;
use argmap::model::{NodeId, Point};
use argmap::ui::dialogs::ScriptedDialogs;
use argmap::ui::document::Document;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use std::fs;

/// Runs frames until the export job is gone (finished or cancelled).
fn wait_for_export(h: &mut AppHarness) {
    for _ in 0..1500 {
        h.step();
        if h.state().export_job.is_none() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the export did not finish");
}

#[test]
fn layout_command_arranges_the_map_in_one_undo_step() {
    let mut map = argmap::model::synthetic_map(60);
    for node in map.nodes.values_mut() {
        node.pos = Point::new(0.0, 0.0);
    }
    map.nodes.get_mut(&NodeId(7)).expect("node").pinned = true;
    let before = map.clone();
    let mut h = harness(map);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    let after = h.state().doc.map().clone();
    assert_eq!(
        after.nodes[&NodeId(7)].pos,
        Point::new(0.0, 0.0),
        "the pinned box stayed"
    );
    let spread: std::collections::BTreeSet<(i64, i64)> = after
        .nodes
        .values()
        .map(|n| (n.pos.x as i64, n.pos.y as i64))
        .collect();
    assert_eq!(
        spread.len(),
        after.nodes.len(),
        "every box has a place of its own"
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.map(), &before);
}

#[test]
fn layout_of_the_selection_moves_only_its_subtree() {
    let doc = Document::open(&root().join("maps/internet-sovereignty.ron")).expect("opens");
    let before = doc.map().clone();
    let mut h = harness_with(doc, ScriptedDialogs::default(), None);
    // Scatter the objection's subtree, then arrange just it.
    h.state_mut().selection.only_node(NodeId(13));
    h.get_by_label("Arrange").click();
    settle(&mut h);
    h.get_by_label_contains("Lay out the selection").click();
    settle(&mut h);
    let after = h.state().doc.map();
    assert_eq!(
        after.nodes[&NodeId(1)].pos,
        before.nodes[&NodeId(1)].pos,
        "other trees stay"
    );
    assert_eq!(
        after.nodes[&NodeId(13)].pos,
        before.nodes[&NodeId(13)].pos,
        "the chosen box keeps its place"
    );
}

#[test]
fn export_writes_a_png_in_the_background() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("map.png");
    let doc = Document::new(super::support::mixed_script_map(), None);
    let dialogs = ScriptedDialogs {
        export: vec![out.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = harness_with(doc, dialogs, None);
    press(&mut h, Modifiers::COMMAND, Key::E);
    assert!(h.state().export_choices.is_some());
    h.get_by_label("PNG picture").click();
    settle(&mut h);
    h.get_by_label("Export…").click();
    settle(&mut h);
    wait_for_export(&mut h);
    let status = h.state().status.clone().expect("a report");
    assert!(!status.error, "{}", status.text);
    let png = fs::read(&out).expect("written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
}

#[test]
fn a_long_export_can_be_cancelled_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("big.png");
    let doc = Document::new(argmap::model::synthetic_map(400), None);
    let dialogs = ScriptedDialogs {
        export: vec![out.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = harness_with(doc, dialogs, None);
    press(&mut h, Modifiers::COMMAND, Key::E);
    // Tiny tiles: many steps, so Cancel lands between two of them.
    h.state_mut()
        .export_choices
        .as_mut()
        .expect("dialog")
        .max_tile_side = 32;
    h.get_by_label("Export…").click();
    h.step();
    h.step();
    assert!(h.state().export_job.is_some(), "the export runs");
    h.get_by_label("Cancel export").click();
    wait_for_export(&mut h);
    let status = h.state().status.clone().expect("a report");
    assert!(status.text.contains("cancelled"), "{}", status.text);
    assert!(
        fs::read_dir(dir.path()).expect("dir").next().is_none(),
        "nothing was written"
    );
}
