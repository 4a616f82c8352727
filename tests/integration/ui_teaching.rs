//! Teaching in the window (issue 10): presenting step by step, the steps
//! panel, folding subtrees and focusing, driven through `egui_kittest`.

use super::support::root;
use super::ui_support::*;
use argmap::model::NodeId;
use argmap::ui::dialogs::ScriptedDialogs;
use argmap::ui::document::Document;
use argmap::ui::modes::Mode;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use std::collections::BTreeSet;

fn shipped() -> AppHarness {
    let doc = Document::open(&root().join("maps/internet-sovereignty.ron")).expect("opens");
    harness_with(doc, ScriptedDialogs::default(), None)
}

fn presented(h: &AppHarness) -> (usize, BTreeSet<NodeId>, Vec<NodeId>) {
    match &h.state().mode {
        Mode::Present(show) => (show.step, show.revealed(), show.new_boxes().to_vec()),
        _ => panic!("not presenting"),
    }
}

fn label_of(h: &AppHarness, id: u64) -> String {
    argmap::ui::node_label(h.state().doc.map(), NodeId(id))
}

#[test]
fn stepping_forward_and_back_reveals_the_right_boxes() {
    let mut h = shipped();
    let steps = argmap::layout::steps::steps(h.state().doc.map());
    press(&mut h, Modifiers::NONE, Key::F5);
    let (step, revealed, new) = presented(&h);
    assert_eq!(step, 0);
    assert_eq!(revealed, steps[0].iter().copied().collect());
    assert_eq!(new, steps[0]);
    // Only what is revealed is on screen, and the new box says so.
    h.get_by_label(&format!("{} (new)", label_of(&h, steps[0][0].0)));
    assert!(
        h.query_by_label_contains(&label_of(&h, steps[1][0].0))
            .is_none()
    );
    press(&mut h, Modifiers::NONE, Key::Space);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    let (step, revealed, new) = presented(&h);
    assert_eq!(step, 2);
    let expected: BTreeSet<NodeId> = steps[..3].iter().flatten().copied().collect();
    assert_eq!(revealed, expected);
    assert_eq!(new, steps[2]);
    h.get_by_label_contains(&label_of(&h, steps[1][0].0));
    press(&mut h, Modifiers::NONE, Key::ArrowLeft);
    press(&mut h, Modifiers::NONE, Key::PageUp);
    assert_eq!(presented(&h).0, 0);
    press(&mut h, Modifiers::NONE, Key::End);
    let (step, revealed, _) = presented(&h);
    assert_eq!(step, steps.len() - 1);
    assert_eq!(
        revealed.len(),
        h.state().doc.map().nodes.len(),
        "the last step shows every box"
    );
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(matches!(h.state().mode, Mode::Edit));
    assert!(!h.state().doc.is_dirty(), "presenting changes nothing");
}

#[test]
fn a_reordered_step_order_survives_save_and_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lesson.ron");
    std::fs::copy(root().join("maps/internet-sovereignty.ron"), &path).expect("copy");
    let mut h = harness_with(
        Document::open(&path).expect("opens"),
        ScriptedDialogs::default(),
        None,
    );
    let before = argmap::layout::steps::steps(h.state().doc.map());
    h.get_by_label("View").click();
    settle(&mut h);
    h.get_by_label_contains("Presentation steps").click();
    settle(&mut h);
    // Reveal the first reason before its claim, then merge the objection
    // into the step before it.
    let reason = before[1][0];
    h.get_by_label(&format!("Earlier: #{reason}")).click();
    settle(&mut h);
    let objection = before[2][0];
    h.get_by_label(&format!("Into the step before: #{objection}"))
        .click();
    settle(&mut h);
    let after = argmap::layout::steps::steps(h.state().doc.map());
    assert_eq!(after[0], vec![reason]);
    assert!(after[1].contains(&objection), "{:?}", after[1]);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    let undone = argmap::layout::steps::steps(h.state().doc.map());
    assert_eq!(undone[0], vec![reason], "one undo takes back one change");
    assert!(!undone[1].contains(&objection));
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert!(!h.state().doc.is_dirty());
    let reopened = argmap::io::load(&path).expect("loads");
    assert_eq!(argmap::layout::steps::steps(&reopened), after);
}

#[test]
fn folding_a_subtree_hides_it_behind_a_badge_and_a_click_unfolds_it() {
    let mut h = shipped();
    let map = h.state().doc.map().clone();
    let under = argmap::model::tree::subtree(&map, NodeId(30));
    assert!(under.len() > 3);
    h.state_mut().selection.only_node(NodeId(30));
    h.state_mut().canvas.reveal = Some(NodeId(30));
    settle(&mut h);
    press(&mut h, Modifiers::NONE, Key::C);
    assert!(h.state().doc.map().nodes[&NodeId(30)].collapsed);
    let drawn: BTreeSet<NodeId> = h.state().scene().boxes.iter().map(|b| b.node).collect();
    assert!(
        under.iter().all(|id| !drawn.contains(id)),
        "the subtree is hidden"
    );
    let item = h.state().scene().box_of(NodeId(30)).expect("drawn");
    assert_eq!(item.folded, Some(under.len()));
    // The "+N" badge unfolds it.
    let (badge, _) = item.fold_badge().expect("badge");
    let canvas = canvas_rect(&h);
    let at = h.state().canvas.view.to_screen(canvas, badge.center());
    click_at(&mut h, at, Modifiers::NONE);
    assert!(!h.state().doc.map().nodes[&NodeId(30)].collapsed);
    assert_eq!(h.state().scene().boxes.len(), map.nodes.len());
    // Folding is an edit: undo folds it again.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(h.state().doc.map().nodes[&NodeId(30)].collapsed);
}

#[test]
fn focus_shows_a_subtree_and_its_way_up_with_a_breadcrumb_back() {
    let mut h = shipped();
    h.state_mut().selection.only_node(NodeId(3));
    settle(&mut h);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    assert_eq!(h.state().canvas.focus, Some(NodeId(3)));
    let drawn: BTreeSet<NodeId> = h.state().scene().boxes.iter().map(|b| b.node).collect();
    let expected = argmap::model::tree::focus_of(h.state().doc.map(), NodeId(3));
    assert_eq!(drawn, expected);
    assert!(drawn.contains(&NodeId(1)), "the way up to the main claim");
    assert!(!drawn.contains(&NodeId(30)), "another tree is out of sight");
    // The breadcrumb goes up a level, then back to the whole map.
    h.get_by_label_contains("#2 China is trying").click();
    settle(&mut h);
    assert_eq!(h.state().canvas.focus, Some(NodeId(2)));
    h.get_by_label_contains("Whole map").click();
    settle(&mut h);
    assert_eq!(h.state().canvas.focus, None);
    assert_eq!(
        h.state().scene().boxes.len(),
        h.state().doc.map().nodes.len()
    );
}

#[test]
fn the_comparison_view_marks_found_and_added_boxes_and_shows_missed_ones() {
    let model = root().join("maps/internet-sovereignty.ron");
    let dialogs = ScriptedDialogs {
        open: vec![model],
        ..ScriptedDialogs::default()
    };
    let doc = Document::open(&root().join("maps/internet-sovereignty-student.ron")).expect("opens");
    let mut h = harness_with(doc, dialogs, None);
    h.get_by_label("File").click();
    settle(&mut h);
    h.get_by_label_contains("Compare with model answer").click();
    settle(&mut h);
    let Mode::Compare(view) = &h.state().mode else {
        panic!("not comparing");
    };
    let (found, added, missed) = (
        view.comparison.found.len(),
        view.comparison.added.clone(),
        view.comparison.missed.clone(),
    );
    assert_eq!(
        view.ghosts.len(),
        missed.len(),
        "every missed box is a ghost"
    );
    let marked_found = h
        .query_all_by_label_contains("(\u{2713} in the model)")
        .count();
    let marked_added = h
        .query_all_by_label_contains("(+ not in the model)")
        .count();
    assert_eq!(marked_found, found);
    assert_eq!(marked_added, added.len());
    // The student's own points are the ones marked +.
    for id in &added {
        h.get_by_label_contains(&argmap::ui::node_label(h.state().doc.map(), *id));
    }
    // A missed model box in the list goes to its ghost and shows its words.
    let first = missed[0];
    h.get_by_label_contains(&format!("model #{first} ")).click();
    settle(&mut h);
    let Mode::Compare(view) = &h.state().mode else {
        panic!("not comparing");
    };
    assert_eq!(
        view.picked,
        Some(argmap::ui::modes::compare::Picked::Model(first))
    );
    h.get_by_label(&format!("Model box #{first}"));
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(matches!(h.state().mode, Mode::Edit));
}
