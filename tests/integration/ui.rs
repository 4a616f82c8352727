//! The window, driven through `egui_kittest`: every gesture changes the real
//! app state, and each is checked on the map it leaves.

use super::support::root;
use super::ui_support::*;
use argmap::model::{EdgeKind, Map, NodeId, NodeKind, Point, Target};
use argmap::ops::Edit;
use argmap::ui::Pending;
use argmap::ui::dialogs::ScriptedDialogs;
use argmap::ui::document::Document;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

fn one_claim() -> Map {
    let mut map = Map::new("test");
    let (edit, _) = argmap::ops::compose::new_node(
        &map,
        NodeKind::Claim,
        "States may govern the Internet",
        Point::new(0.0, 0.0),
    );
    edit.apply(&mut map).expect("adds");
    map
}

fn select(h: &mut AppHarness, text: &str) {
    let at = box_rect(h, text).center();
    click_at(h, at, Modifiers::NONE);
}

#[test]
fn every_shipped_map_opens_and_draws() {
    for entry in std::fs::read_dir(root().join("maps"))
        .expect("maps")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
    {
        let doc = Document::open(&entry.path()).expect("opens");
        let boxes = doc.map().nodes.len();
        let mut h = harness_with(doc, ScriptedDialogs::default(), None);
        settle(&mut h);
        assert_eq!(h.state().scene().boxes.len(), boxes);
        // Zoom to fit shows every box: each one gets an accessible label.
        press(&mut h, Modifiers::NONE, Key::F);
        let labelled = h.query_all_by_label_contains(": ").count();
        assert!(
            labelled >= boxes,
            "{labelled} of {boxes} boxes reachable by label"
        );
    }
}

#[test]
fn double_click_makes_a_claim_and_enter_commits_its_text() {
    let mut h = harness(Map::new("empty"));
    let spot = empty_spot(&h);
    double_click_at(&mut h, spot);
    assert_eq!(h.state().doc.map().nodes.len(), 1);
    assert!(
        h.state().canvas.editing.is_some(),
        "editing starts on the new box"
    );
    type_text(&mut h, "Sovereignty is a cover for control");
    press(&mut h, Modifiers::NONE, Key::Enter);
    let node = node_with_text(&h, "Sovereignty is a cover for control");
    assert_eq!(h.state().doc.map().nodes[&node].kind, NodeKind::Claim);
    assert!(h.state().canvas.editing.is_none());
}

#[test]
fn escape_on_a_new_empty_box_takes_it_away() {
    let mut h = harness(one_claim());
    let handle = handle_of(&mut h, "States may govern");
    let spot = empty_spot(&h);
    drag(&mut h, handle, spot, Modifiers::NONE);
    assert_eq!(h.state().doc.map().nodes.len(), 2);
    let new = h.state().canvas.editing.as_ref().expect("editing").node;
    assert_eq!(
        h.state().selection.single_node(),
        Some(new),
        "the new box is selected"
    );
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert_eq!(h.state().doc.map(), &one_claim());
}

#[test]
fn shift_enter_makes_a_new_line_and_escape_cancels() {
    let mut h = harness(one_claim());
    select(&mut h, "States may govern");
    press(&mut h, Modifiers::NONE, Key::F2);
    assert!(h.state().canvas.editing.is_some());
    press(&mut h, Modifiers::SHIFT, Key::Enter);
    type_text(&mut h, "second line");
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert_eq!(
        h.state().doc.map().nodes[&NodeId(1)].text,
        "States may govern the Internet",
        "Esc keeps the old text"
    );
    press(&mut h, Modifiers::NONE, Key::F2);
    press(&mut h, Modifiers::SHIFT, Key::Enter);
    type_text(&mut h, "second line");
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(
        h.state().doc.map().nodes[&NodeId(1)].text,
        "States may govern the Internet\nsecond line"
    );
}

#[test]
fn tab_adds_a_reason_shift_tab_an_objection_enter_a_sibling() {
    let mut h = harness(one_claim());
    select(&mut h, "States may govern");
    press(&mut h, Modifiers::NONE, Key::Tab);
    type_text(&mut h, "It is their territory");
    press(&mut h, Modifiers::NONE, Key::Enter);
    let reason = node_with_text(&h, "It is their territory");
    // The new box stays selected: Enter adds a sibling reason for the same claim.
    press(&mut h, Modifiers::NONE, Key::Enter);
    type_text(&mut h, "Law has not settled it");
    press(&mut h, Modifiers::NONE, Key::Enter);
    let sibling = node_with_text(&h, "Law has not settled it");
    select(&mut h, "States may govern");
    press(&mut h, Modifiers::SHIFT, Key::Tab);
    type_text(&mut h, "Stakeholders govern it");
    press(&mut h, Modifiers::NONE, Key::Enter);
    let objection = node_with_text(&h, "Stakeholders govern it");

    let map = h.state().doc.map();
    assert_eq!(map.nodes[&reason].kind, NodeKind::Reason);
    assert_eq!(map.nodes[&sibling].kind, NodeKind::Reason);
    assert_eq!(map.nodes[&objection].kind, NodeKind::Objection);
    let into_claim: Vec<_> = map
        .edges_into(Target::Node(NodeId(1)))
        .map(|e| (e.from, e.kind))
        .collect();
    assert!(into_claim.contains(&(reason, EdgeKind::Supports)));
    assert!(into_claim.contains(&(sibling, EdgeKind::Supports)));
    assert!(into_claim.contains(&(objection, EdgeKind::Attacks)));
    assert!(
        map.nodes[&reason].pos.y > map.nodes[&NodeId(1)].pos.y,
        "children go below"
    );
}

#[test]
fn dragging_a_box_moves_it_in_one_undo_step() {
    let mut h = harness(one_claim());
    let from = box_rect(&h, "States may govern").center();
    let before = h.state().doc.map().nodes[&NodeId(1)].pos;
    drag(
        &mut h,
        from,
        from + egui::vec2(120.0, 80.0),
        Modifiers::NONE,
    );
    let after = h.state().doc.map().nodes[&NodeId(1)].pos;
    assert!(
        after.x > before.x + 50.0 && after.y > before.y + 30.0,
        "{before:?} -> {after:?}"
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.map().nodes[&NodeId(1)].pos, before);
    assert!(!h.state().doc.can_undo(), "the whole drag was one step");
}

fn two_boxes() -> Map {
    let mut map = one_claim();
    let (edit, _) = argmap::ops::compose::new_node(
        &map,
        NodeKind::Reason,
        "Borders matter",
        Point::new(-300.0, 300.0),
    );
    edit.apply(&mut map).expect("adds");
    let (edit, _) = argmap::ops::compose::new_node(
        &map,
        NodeKind::Objection,
        "Data ignores borders",
        Point::new(300.0, 300.0),
    );
    edit.apply(&mut map).expect("adds");
    map
}

fn handle_of(h: &mut AppHarness, text: &str) -> egui::Pos2 {
    select(h, text);
    h.get_by_label_contains(&format!("Link from: {text}"))
        .rect()
        .center()
}

#[test]
fn dragging_a_handle_links_supports_attacks_and_undercuts() {
    let mut h = harness(two_boxes());
    // Reason -> claim: supports.
    let handle = handle_of(&mut h, "Borders matter");
    let claim = box_rect(&h, "States may govern").center();
    drag(&mut h, handle, claim, Modifiers::NONE);
    let support = h
        .state()
        .doc
        .map()
        .edges
        .values()
        .find(|e| e.from == NodeId(2))
        .expect("linked")
        .clone();
    assert_eq!(
        (support.to, support.kind),
        (Target::Node(NodeId(1)), EdgeKind::Supports)
    );

    // Objection -> claim with Shift: attacks.
    let handle = handle_of(&mut h, "Data ignores borders");
    let claim = box_rect(&h, "States may govern").center();
    drag(&mut h, handle, claim, Modifiers::SHIFT);
    let attack = h
        .state()
        .doc
        .map()
        .edges
        .values()
        .find(|e| e.from == NodeId(3))
        .expect("linked")
        .clone();
    assert_eq!(attack.kind, EdgeKind::Attacks);

    // Objection -> the support arrow: an undercut.
    let handle = handle_of(&mut h, "Data ignores borders");
    let middle = arrow_middle(&h, support.id);
    drag(&mut h, handle, middle, Modifiers::NONE);
    let undercut = h
        .state()
        .doc
        .map()
        .edges
        .values()
        .find(|e| e.kind == EdgeKind::Undercuts)
        .expect("undercut");
    assert_eq!(undercut.to, Target::Edge(support.id));
    assert_eq!(undercut.from, NodeId(3));
}

#[test]
fn dropping_a_link_on_empty_space_makes_a_new_box() {
    let mut h = harness(one_claim());
    let handle = handle_of(&mut h, "States may govern");
    let spot = empty_spot(&h);
    drag(&mut h, handle, spot, Modifiers::NONE);
    let map = h.state().doc.map();
    assert_eq!(map.nodes.len(), 2);
    let edge = map.edges.values().next().expect("linked");
    assert_eq!(edge.to, Target::Node(NodeId(1)));
    assert_eq!(map.nodes[&edge.from].kind, NodeKind::Reason);
    assert!(
        h.state().canvas.editing.is_some(),
        "its text is being edited"
    );
}

#[test]
fn click_shift_click_and_rectangle_select() {
    let mut h = harness(two_boxes());
    select(&mut h, "Borders matter");
    let other = box_rect(&h, "Data ignores").center();
    click_at(&mut h, other, Modifiers::SHIFT);
    assert_eq!(h.state().selection.nodes.len(), 2);
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.state().selection.is_empty());
    // A rubber band around both lower boxes, from empty space.
    let a = box_rect(&h, "Borders matter");
    let b = box_rect(&h, "Data ignores");
    let start = a.left_bottom() + egui::vec2(-20.0, 30.0);
    let end = b.right_top() + egui::vec2(20.0, -10.0);
    drag(&mut h, start, end, Modifiers::SHIFT);
    let selected: Vec<NodeId> = h.state().selection.nodes.iter().copied().collect();
    assert_eq!(selected, vec![NodeId(2), NodeId(3)]);
    press(&mut h, Modifiers::COMMAND, Key::A);
    assert_eq!(h.state().selection.nodes.len(), 3);
}

#[test]
fn delete_then_undo_and_redo() {
    let mut map = two_boxes();
    Edit::Insert {
        nodes: vec![],
        edges: vec![argmap::model::Edge::new(
            argmap::model::EdgeId(1),
            NodeId(2),
            Target::Node(NodeId(1)),
            EdgeKind::Supports,
        )],
    }
    .apply(&mut map)
    .expect("links");
    let original = map.clone();
    let mut h = harness(map);
    select(&mut h, "Borders matter");
    press(&mut h, Modifiers::NONE, Key::Delete);
    assert_eq!(h.state().doc.map().nodes.len(), 2);
    assert!(
        h.state().doc.map().edges.is_empty(),
        "its arrow went with it"
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.map(), &original);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(h.state().doc.map().nodes.len(), 2);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    press(&mut h, Modifiers::COMMAND, Key::Y);
    assert_eq!(h.state().doc.map().nodes.len(), 2);
}

#[test]
fn arrow_keys_move_the_selection() {
    let mut h = harness(two_boxes());
    select(&mut h, "States may govern");
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    let below = h.state().selection.single_node().expect("one selected");
    assert!(below == NodeId(2) || below == NodeId(3));
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(h.state().selection.single_node(), Some(NodeId(3)));
    press(&mut h, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(h.state().selection.single_node(), Some(NodeId(1)));
}

#[test]
fn find_goes_to_the_box() {
    let doc = Document::open(&root().join("maps/internet-sovereignty.ron")).expect("opens");
    let mut h = harness_with(doc, ScriptedDialogs::default(), None);
    press(&mut h, Modifiers::COMMAND, Key::F);
    assert!(h.state().find.open);
    type_text(&mut h, "Google");
    press(&mut h, Modifiers::NONE, Key::Enter);
    let found = h
        .state()
        .selection
        .single_node()
        .expect("a box is selected");
    assert!(h.state().doc.map().nodes[&found].text.contains("Google"));
    settle(&mut h);
    // The view went to it: its box is on screen.
    let on_screen = box_rect(&h, "Google left China");
    assert!(canvas_rect(&h).contains(on_screen.center()));
}

#[test]
fn copy_and_paste_boxes_with_their_links() {
    let mut map = two_boxes();
    Edit::Insert {
        nodes: vec![],
        edges: vec![argmap::model::Edge::new(
            argmap::model::EdgeId(1),
            NodeId(2),
            Target::Node(NodeId(1)),
            EdgeKind::Supports,
        )],
    }
    .apply(&mut map)
    .expect("links");
    let mut h = harness(map);
    press(&mut h, Modifiers::COMMAND, Key::A);
    press(&mut h, Modifiers::COMMAND, Key::C);
    press(&mut h, Modifiers::COMMAND, Key::V);
    let map = h.state().doc.map();
    assert_eq!(map.nodes.len(), 6);
    assert_eq!(map.edges.len(), 2);
    assert_eq!(
        h.state().selection.nodes.len(),
        3,
        "the pasted boxes are selected"
    );
}

#[test]
fn context_menu_changes_kind() {
    let mut h = harness(one_claim());
    let at = box_rect(&h, "States may govern").center();
    secondary_click_at(&mut h, at);
    h.get_by_label("Change kind").click();
    settle(&mut h);
    h.get_by_label("evidence").click();
    settle(&mut h);
    assert_eq!(
        h.state().doc.map().nodes[&NodeId(1)].kind,
        NodeKind::Evidence
    );
}

#[test]
fn inspector_text_edit_is_one_undo_step() {
    let mut h = harness(one_claim());
    select(&mut h, "States may govern");
    h.get_by_label("Notes").focus();
    settle(&mut h);
    type_text(&mut h, "Check the 2015 Wuzhen text.");
    // Clicking the canvas takes the focus away: the field commits.
    let spot = empty_spot(&h);
    click_at(&mut h, spot, Modifiers::NONE);
    assert_eq!(
        h.state().doc.map().nodes[&NodeId(1)].notes,
        "Check the 2015 Wuzhen text."
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.map().nodes[&NodeId(1)].notes, "");
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let mut h = harness(one_claim());
    select(&mut h, "States may govern");
    press(&mut h, Modifiers::NONE, Key::Delete);
    press(&mut h, Modifiers::COMMAND, Key::N);
    assert_eq!(h.state().pending, Some(Pending::New));
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert!(h.state().pending.is_none());
    assert!(h.state().doc.is_dirty(), "nothing was lost");
    press(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("Don't save").click();
    settle(&mut h);
    assert!(!h.state().doc.is_dirty());
    assert_eq!(h.state().doc.map().title, "Untitled map");
}

#[test]
fn a_bad_file_is_one_error_line_and_the_map_stays() {
    let mut h = harness(one_claim());
    h.state_mut()
        .open_path(&root().join("tests/bad/dangling-edge.ron"));
    settle(&mut h);
    let status = h.state().status.clone().expect("status");
    assert!(status.error);
    assert!(
        status.text.contains("dangling-edge.ron:42:9"),
        "{}",
        status.text
    );
    assert_eq!(h.state().doc.map().nodes.len(), 1, "the open map is kept");
}

/// The whole story of the issue: build a map by hand, undo and redo it all,
/// save, quit, start again and find it as it was.
#[test]
fn build_undo_redo_save_and_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("debate.ron");
    let doc = Document::new(Map::new("Untitled map"), None);
    let mut h = harness_with(doc, save_dialog(&file), Some(dir.path().join("recovery")));

    let spot = empty_spot(&h);
    double_click_at(&mut h, spot);
    type_text(&mut h, "China's model will not last");
    press(&mut h, Modifiers::NONE, Key::Enter);
    press(&mut h, Modifiers::NONE, Key::Tab);
    type_text(&mut h, "Users strain the censors");
    press(&mut h, Modifiers::NONE, Key::Enter);
    press(&mut h, Modifiers::NONE, Key::Enter);
    type_text(&mut h, "Firms leave");
    press(&mut h, Modifiers::NONE, Key::Enter);
    select(&mut h, "China's model");
    press(&mut h, Modifiers::SHIFT, Key::Tab);
    type_text(&mut h, "China keeps pushing");
    press(&mut h, Modifiers::NONE, Key::Enter);
    press(&mut h, Modifiers::SHIFT, Key::Tab);
    type_text(&mut h, "Pushing is not lasting");
    press(&mut h, Modifiers::NONE, Key::Enter);
    let rebuttal = node_with_text(&h, "Pushing is not lasting");
    assert_eq!(
        h.state().doc.map().nodes[&rebuttal].kind,
        NodeKind::Rebuttal
    );

    // Undercut the inference from "Firms leave" to the claim.
    let firms = node_with_text(&h, "Firms leave");
    let inference = h
        .state()
        .doc
        .map()
        .edges_from(firms)
        .next()
        .expect("linked")
        .id;
    let handle = handle_of(&mut h, "China keeps pushing");
    let middle = arrow_middle(&h, inference);
    drag(&mut h, handle, middle, Modifiers::NONE);
    assert!(
        h.state()
            .doc
            .map()
            .edges
            .values()
            .any(|e| e.to == Target::Edge(inference))
    );
    let built = h.state().doc.map().clone();
    assert_eq!(built.nodes.len(), 5);

    let mut undone = 0;
    while h.state().doc.can_undo() {
        press(&mut h, Modifiers::COMMAND, Key::Z);
        undone += 1;
    }
    assert!(h.state().doc.map().nodes.is_empty());
    for _ in 0..undone {
        press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    }
    assert_eq!(h.state().doc.map(), &built);

    press(&mut h, Modifiers::COMMAND, Key::S);
    assert!(file.exists());
    assert!(!h.state().doc.is_dirty());
    assert_eq!(h.state().window_title(), "debate.ron — Argmap");

    // Start again: the last map opens as it was left.
    let (doc, error) = argmap::ui::startup_document(None, Some(&file));
    assert!(error.is_none());
    let h2 = harness_with(
        doc,
        ScriptedDialogs::default(),
        Some(dir.path().join("recovery")),
    );
    assert_eq!(h2.state().doc.map(), &built);
    assert!(
        h2.state().offer.is_none(),
        "a clean save leaves nothing to recover"
    );
}

#[test]
fn after_a_crash_the_app_offers_to_restore() {
    let dir = tempfile::tempdir().expect("temp dir");
    let recovery = dir.path().join("recovery");
    let mut h = harness_with(
        Document::new(one_claim(), None),
        ScriptedDialogs::default(),
        Some(recovery.clone()),
    );
    select(&mut h, "States may govern");
    press(&mut h, Modifiers::NONE, Key::Tab);
    type_text(&mut h, "unsaved thought");
    press(&mut h, Modifiers::NONE, Key::Enter);
    // Half a minute passes: the recovery copy is written again with the text.
    h.run_steps(31 * STEPS_PER_SECOND);
    let edited = h.state().doc.map().clone();
    drop(h); // a crash: no save, no clean exit

    let mut h2 = harness_with(
        Document::new(one_claim(), None),
        ScriptedDialogs::default(),
        Some(recovery),
    );
    assert!(h2.state().offer.is_some());
    h2.get_by_label("Restore").click();
    settle(&mut h2);
    assert_eq!(h2.state().doc.map(), &edited);
    assert!(
        h2.state().doc.is_dirty(),
        "restored work still needs saving"
    );
}

#[test]
fn chinese_text_renders_in_boxes() {
    assert!(
        argmap::ui::cjk_font_path().is_some(),
        "no CJK font found: install fonts-noto-cjk (README, .ci/run)"
    );
    let mut h = harness(super::support::mixed_script_map());
    settle(&mut h);
    select(&mut h, "节点 0");
    press(&mut h, Modifiers::NONE, Key::Tab);
    type_text(
        &mut h,
        "网络主权意味着每个国家都可以管理其境内的互联网，这是一个很长的句子",
    );
    press(&mut h, Modifiers::NONE, Key::Enter);
    let id = node_with_text(
        &h,
        "网络主权意味着每个国家都可以管理其境内的互联网，这是一个很长的句子",
    );
    let item = h.state().scene().box_of(id).expect("drawn").clone();
    assert!(
        item.lines.len() >= 2,
        "long Chinese text wraps: {:?}",
        item.lines
    );
    // Each line fits the box, measured with the font that draws it.
    let widest = item
        .lines
        .iter()
        .map(|l| l.text.chars().count())
        .max()
        .unwrap_or(0);
    assert!(
        widest <= 16,
        "a line of {widest} Chinese chars cannot fit a 220-unit line at 14 units"
    );
    assert!(
        widest >= 10,
        "Chinese glyphs are measured as full-width, not as missing glyphs"
    );
}

#[test]
fn opened_maps_are_remembered_as_recent_files() {
    let mut h = harness(one_claim());
    let first = root().join("maps/internet-sovereignty.ron");
    let second = root().join("tests/good/small.ron");
    h.state_mut().open_path(&first);
    h.state_mut().open_path(&second);
    h.state_mut().open_path(&first);
    settle(&mut h);
    assert_eq!(h.state().recent, vec![first.clone(), second]);
    assert_eq!(
        h.state().window_title(),
        "internet-sovereignty.ron — Argmap"
    );
    h.get_by_label("File").click();
    settle(&mut h);
    h.get_by_label("Open recent").click();
    settle(&mut h);
    assert!(
        h.query_by_label_contains("tests/good/small.ron").is_some(),
        "listed under File > Open recent"
    );
}

#[test]
fn undoing_back_to_the_saved_map_leaves_nothing_to_recover() {
    let dir = tempfile::tempdir().expect("temp dir");
    let recovery = dir.path().join("recovery");
    let mut h = harness_with(
        Document::new(one_claim(), None),
        ScriptedDialogs::default(),
        Some(recovery.clone()),
    );
    select(&mut h, "States may govern");
    press(&mut h, Modifiers::NONE, Key::Delete);
    assert!(
        recovery.join("recovery.ron").exists(),
        "unsaved work is kept"
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(!h.state().doc.is_dirty());
    assert!(
        !recovery.join("recovery.ron").exists(),
        "back to the saved map: the copy is gone"
    );
}
