//! Debate preparation in the window (issue 9), driven through `egui_kittest`.

use super::support::root;
use super::ui_support::*;
use argmap::eval::Label;
use argmap::model::{Assumption, NodeId};
use argmap::ui::dialogs::ScriptedDialogs;
use argmap::ui::document::Document;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

fn shipped() -> AppHarness {
    let doc = Document::open(&root().join("maps/internet-sovereignty.ron")).expect("opens");
    harness_with(doc, ScriptedDialogs::default(), None)
}

fn label(h: &AppHarness, id: u64) -> Option<Label> {
    h.state().evaluation.current()?.label(NodeId(id))
}

#[test]
fn the_toggle_shows_a_verdict_on_every_box() {
    let mut h = shipped();
    assert!(
        h.query_all_by_label_contains("\u{2713} stands")
            .next()
            .is_none()
    );
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    assert!(h.state().evaluation.shown);
    // Each box's accessible label carries its symbol and word.
    let stands = h.query_all_by_label_contains("(\u{2713} stands").count();
    let falls = h.query_all_by_label_contains("(\u{2717} falls").count();
    assert!(
        stands > 5 && falls > 0,
        "{stands} stand, {falls} fall on screen"
    );
    // The main claims with their verdicts head the unanswered list.
    h.get_by_label_contains("Unanswered objections (5)");
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    assert!(
        h.query_all_by_label_contains("(\u{2713} stands")
            .next()
            .is_none()
    );
}

#[test]
fn a_click_in_the_unanswered_list_selects_the_objection() {
    let mut h = shipped();
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    h.get_by_label_contains("#22 The momentum rides").click();
    settle(&mut h);
    assert_eq!(h.state().selection.single_node(), Some(NodeId(22)));
    // Brought into view: the box is on the canvas.
    let canvas = canvas_rect(&h);
    let item = h.state().scene().box_of(NodeId(22)).expect("drawn");
    let on_screen = h.state().canvas.view.rect_to_screen(canvas, &item.rect);
    assert!(
        canvas.contains(on_screen.center()),
        "{on_screen:?} in {canvas:?}"
    );
}

#[test]
fn rejecting_a_premise_changes_what_follows_and_undo_takes_it_back() {
    let mut h = shipped();
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    assert_eq!(label(&h, 13), Some(Label::In));
    assert_eq!(label(&h, 14), Some(Label::Out));
    h.state_mut().selection.only_node(NodeId(15));
    settle(&mut h);
    h.get_by_label("Reject").click();
    settle(&mut h);
    let map = h.state().doc.map();
    assert_eq!(
        map.nodes[&NodeId(15)].assumption,
        Some(Assumption::Rejected)
    );
    assert_eq!(label(&h, 15), Some(Label::Out));
    assert_eq!(label(&h, 14), Some(Label::In), "the rebuttal stands again");
    assert_eq!(label(&h, 13), Some(Label::Out), "and the objection falls");
    assert!(h.state().doc.is_dirty(), "an assumption is an edit");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(label(&h, 13), Some(Label::In));
    assert_eq!(h.state().doc.map().nodes[&NodeId(15)].assumption, None);
}

#[test]
fn the_why_trace_names_the_deciding_boxes_and_its_steps_select_them() {
    let mut h = shipped();
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    // Box 14 falls: the objection #15 attacks it and nothing answers #15.
    h.state_mut().selection.only_node(NodeId(14));
    settle(&mut h);
    h.get_by_label_contains("falls: attacked by #15");
    // A step is a link to the box that decides it.
    h.get_by_label_contains("falls: attacked by #15").click();
    settle(&mut h);
    assert_eq!(h.state().selection.single_node(), Some(NodeId(15)));
    // Box 1 stands because the one attack on it fails: the nested step
    // leads to the rebuttal that brings the attack down.
    h.state_mut().selection.only_node(NodeId(1));
    settle(&mut h);
    h.get_by_label_contains("stands: every attack on it fails");
    h.get_by_label_contains("#4 \u{2018}The Wuzhen").click();
    settle(&mut h);
    assert_eq!(h.state().selection.single_node(), Some(NodeId(5)));
}

#[test]
fn clear_all_assumptions_is_one_undo_step() {
    let mut h = shipped();
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    for id in [4, 15] {
        h.state_mut().selection.only_node(NodeId(id));
        settle(&mut h);
        h.get_by_label("Accept").click();
        settle(&mut h);
    }
    let assumed = |h: &AppHarness| {
        h.state()
            .doc
            .map()
            .nodes
            .values()
            .filter(|n| n.assumption.is_some())
            .count()
    };
    assert_eq!(assumed(&h), 2);
    h.get_by_label("Edit").click();
    settle(&mut h);
    h.get_by_label_contains("Clear all assumptions").click();
    settle(&mut h);
    assert_eq!(assumed(&h), 0);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(assumed(&h), 2, "one step brings both back");
}
