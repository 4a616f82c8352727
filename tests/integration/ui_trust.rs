//! Trust in the window (issue 8): a stranger's map reads nothing outside its
//! folder; the defects a new user met, each guarded by a test named after it.

use super::support::{ARTICLE, root};
use super::ui_support::*;
use argmap::model::{Map, NodeKind, Point, Source, SourceId};
use argmap::ui::dialogs::{Asked, ScriptedDialogs};
use argmap::ui::document::Document;
use egui::{Key, Modifiers, Pos2};
use egui_kittest::kittest::Queryable as _;
use std::fs;

fn one_claim(text: &str) -> Map {
    let mut map = Map::new("test");
    let (edit, _) = argmap::ops::compose::new_node(&map, NodeKind::Claim, text, Point::default());
    edit.apply(&mut map).expect("adds");
    map
}

#[test]
fn a_drag_that_ends_over_a_side_panel_is_one_undoable_move() {
    let mut h = harness(one_claim("Borders matter online"));
    let start = h.state().doc.map().nodes.values().next().expect("box").pos;
    let from = box_rect(&h, "Borders matter online").center();
    // Far over the inspector: the box leaves the canvas whole and is culled.
    let canvas = canvas_rect(&h);
    let to = Pos2::new(canvas.right() + 260.0, from.y);
    drag_and_rest(&mut h, from, to);
    let app = h.state();
    let moved = app.doc.map().nodes.values().next().expect("box").pos;
    assert!(moved.x > start.x + 200.0, "the box followed the pointer");
    assert!(!app.canvas.is_dragging(), "the drag ended");
    assert!(app.doc.is_dirty(), "closing would ask to save");
    assert!(app.doc.can_undo(), "the move is an undo step");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    let back = h.state().doc.map().nodes.values().next().expect("box").pos;
    assert_eq!(back, start, "one undo puts it back");
}

#[test]
fn dialogs_open_in_the_maps_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("debates");
    fs::create_dir_all(&folder).expect("mkdir");
    let path = folder.join("m.ron");
    argmap::io::save(&one_claim("A claim"), &path).expect("saves");
    let dialogs = ScriptedDialogs::default();
    let asked = dialogs.asked.clone();
    let mut h = harness_with(Document::open(&path).expect("opens"), dialogs, None);
    press(&mut h, Modifiers::COMMAND, Key::E);
    h.get_by_label("Export…").click();
    settle(&mut h);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    press(&mut h, Modifiers::COMMAND, Key::O);
    let expected = std::path::absolute(&folder).expect("absolute");
    let asked = asked.lock().expect("lock").clone();
    let dialogs: Vec<&str> = asked.iter().map(|a| a.dialog).collect();
    assert_eq!(dialogs, ["export", "save", "open"]);
    for Asked { dialog, folder, .. } in &asked {
        assert_eq!(folder.as_deref(), Some(expected.as_path()), "{dialog}");
    }
}

#[test]
fn a_box_made_with_tab_near_the_bottom_edge_is_brought_into_view() {
    for key_modifiers in [Modifiers::NONE, Modifiers::SHIFT] {
        let mut h = harness(one_claim("Sovereignty protects citizens"));
        let canvas = canvas_rect(&h);
        // Put the claim just above the canvas' bottom edge.
        let rect = box_rect(&h, "Sovereignty protects citizens");
        h.state_mut().canvas.view.offset.y += canvas.bottom() - 8.0 - rect.bottom();
        settle(&mut h);
        let rect = box_rect(&h, "Sovereignty protects citizens");
        click_at(&mut h, rect.center(), Modifiers::NONE);
        press(&mut h, key_modifiers, Key::Tab);
        let app = h.state();
        let new = app
            .selection
            .single_node()
            .expect("the new box is selected");
        assert_eq!(app.doc.map().nodes.len(), 2);
        let item = app.scene().box_of(new).expect("drawn");
        let on_screen = app.canvas.view.rect_to_screen(canvas, &item.rect);
        assert!(
            canvas.contains_rect(on_screen),
            "{on_screen:?} lies inside {canvas:?}"
        );
    }
}

/// egui rebuilds its font atlas when fonts arrive or the scale changes; a
/// galley kept across that points into the old atlas and shows garbage. The
/// text the source panel paints must always be laid out with the fonts in
/// use: after the scale changes, every text shape is at the new scale.
#[test]
fn source_text_is_laid_out_with_the_fonts_in_use() {
    let doc = Document::open(&root().join("maps/internet-sovereignty.ron")).expect("opens");
    let mut h = harness_with(doc, ScriptedDialogs::default(), None);
    settle(&mut h);
    h.set_pixels_per_point(2.0);
    settle(&mut h);
    let article_start = "China";
    let mut found = 0;
    for clipped in &h.output().shapes {
        if let egui::Shape::Text(text) = &clipped.shape
            && text.galley.job.text.contains(article_start)
            && text.galley.job.text.len() > 1000
        {
            found += 1;
            assert!(
                (text.galley.pixels_per_point - 2.0).abs() < f32::EPSILON,
                "the source text was painted from a galley laid out at {} px per point",
                text.galley.pixels_per_point
            );
        }
    }
    assert!(found > 0, "the source text was painted");
}

/// A map whose source points outside its folder, beside a private file.
fn hostile_map(dir: &std::path::Path) -> std::path::PathBuf {
    fs::create_dir_all(dir.join("homework")).expect("mkdir");
    fs::write(dir.join("teacher-key.txt"), "the teacher's private answers").expect("write");
    let mut map = one_claim("Sovereignty protects citizens");
    map.sources.insert(
        SourceId(1),
        Source {
            id: SourceId(1),
            title: "The article".into(),
            path: Some("../teacher-key.txt".into()),
            text: "What the student pasted.".into(),
        },
    );
    let path = dir.join("homework/m.ron");
    argmap::io::save(&map, &path).expect("saves");
    path
}

#[test]
fn a_source_path_outside_the_maps_folder_is_not_read_on_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = hostile_map(dir.path());
    let h = harness_with(
        Document::open(&path).expect("opens"),
        ScriptedDialogs::default(),
        None,
    );
    let app = h.state();
    assert!(app.sources.dialog.is_none(), "no offer to read the file");
    assert_eq!(
        &*app.doc.map().sources[&SourceId(1)].text,
        "What the student pasted."
    );
    assert!(!app.doc.is_dirty());
    let status = app.status.clone().expect("a notice");
    assert!(status.text.contains("teacher-key.txt"), "{}", status.text);
    assert!(app.sources.unread.contains_key(&SourceId(1)));
    h.get_by_label_contains("The source file was not read");
}

#[test]
fn an_outside_source_is_read_only_from_a_file_the_user_picks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = hostile_map(dir.path());
    let picked = dir.path().join("teacher-key.txt");
    let dialogs = ScriptedDialogs {
        text: vec![picked],
        ..ScriptedDialogs::default()
    };
    let mut h = harness_with(Document::open(&path).expect("opens"), dialogs, None);
    h.get_by_label("Pick the file to re-read…").click();
    settle(&mut h);
    let source = &h.state().doc.map().sources[&SourceId(1)];
    assert_eq!(&*source.text, "the teacher's private answers");
    assert_eq!(
        source.path, None,
        "a file outside the folder is not kept as the source's path"
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    let source = &h.state().doc.map().sources[&SourceId(1)];
    assert_eq!(&*source.text, "What the student pasted.", "one undo step");
}

#[test]
fn the_article_beside_the_shipped_map_is_read() {
    // The shipped map keeps its article inside its folder, so opening it
    // compares the copy with the file (equal: nothing to offer).
    let doc = Document::open(&root().join("maps/internet-sovereignty.ron")).expect("opens");
    let h = harness_with(doc, ScriptedDialogs::default(), None);
    assert!(h.state().sources.unread.is_empty());
    assert!(root().join(ARTICLE).is_file());
}
