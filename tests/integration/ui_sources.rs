//! The source panel, driven through `egui_kittest`: from highlighted words to
//! boxes and back, sources added and removed, and a changed article file.

use super::support::{ARTICLE, root};
use super::ui_support::*;
use argmap::anchor::{CharIndex, check_span};
use argmap::model::{NodeId, NodeKind};
use argmap::ui::dialogs::ScriptedDialogs;
use argmap::ui::document::Document;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use std::fs;

fn shipped() -> AppHarness {
    let doc = Document::open(&root().join("maps/internet-sovereignty.ron")).expect("opens");
    harness_with(doc, ScriptedDialogs::default(), None)
}

fn text_rect(h: &AppHarness) -> egui::Rect {
    h.get_by_label_contains("Source text:").rect()
}

/// Clicks into the source text near its top left, then extends the
/// selection down `lines` lines with Shift+Down.
fn select_lines(h: &mut AppHarness, from_line: usize, lines: usize) {
    let r = text_rect(h);
    let at = egui::pos2(r.left() + 12.0, r.top() + 9.0 + 16.5 * from_line as f32);
    click_at(h, at, Modifiers::NONE);
    for _ in 0..lines {
        press(h, Modifiers::SHIFT, Key::ArrowDown);
    }
}

fn assert_spans_valid(h: &AppHarness) {
    let map = h.state().doc.map();
    for node in map.nodes.values() {
        for span in node.spans.iter().filter(|s| !s.orphan) {
            let source = &map.sources[&span.source];
            assert_eq!(
                check_span(&CharIndex::new(&source.text), span),
                Ok(()),
                "node {}",
                node.id
            );
        }
    }
}

#[test]
fn selected_words_across_lines_become_a_claim() {
    let mut h = shipped();
    let before = h.state().doc.map().nodes.len();
    select_lines(&mut h, 0, 4);
    let quote = h.state().sources.selection.expect("words are selected");
    assert!(quote.end > quote.start + 40);
    h.get_by_label("New claim").click();
    settle(&mut h);
    let map = h.state().doc.map();
    assert_eq!(map.nodes.len(), before + 1);
    let id = h
        .state()
        .selection
        .single_node()
        .expect("the new box is selected");
    let node = &map.nodes[&id];
    assert_eq!(node.kind, NodeKind::Claim);
    assert_eq!(
        (node.spans[0].start, node.spans[0].end),
        (quote.start, quote.end)
    );
    assert!(
        node.spans[0].quote.contains('\n'),
        "the selection crossed a line break: {:?}",
        node.spans[0].quote
    );
    assert_eq!(
        node.text,
        node.spans[0]
            .quote
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    );
    assert_spans_valid(&h);
    // One undo step takes it away.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.map().nodes.len(), before);
}

#[test]
fn ctrl_enter_makes_a_claim_and_ctrl_l_attaches_to_the_selected_box() {
    let mut h = shipped();
    // A box on the canvas stays selected while words are selected in the
    // (unhighlighted) title line; Ctrl+L attaches them.
    let thesis = box_rect(&h, "China is undermining the vision").center();
    click_at(&mut h, thesis, Modifiers::NONE);
    select_lines(&mut h, 0, 0);
    press(&mut h, Modifiers::SHIFT, Key::End);
    assert_eq!(
        h.state().selection.single_node(),
        Some(NodeId(1)),
        "clicking plain text keeps the box selected"
    );
    press(&mut h, Modifiers::COMMAND, Key::L);
    let spans = &h.state().doc.map().nodes[&NodeId(1)].spans;
    assert_eq!(spans.len(), 2);
    assert!(
        spans[1].quote.contains("Chinese Characteristics"),
        "{:?}",
        spans[1].quote
    );
    // Ctrl+Shift+Enter: the same words as new evidence.
    select_lines(&mut h, 0, 1);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Enter);
    let id = h.state().selection.single_node().expect("new box selected");
    assert_eq!(h.state().doc.map().nodes[&id].kind, NodeKind::Evidence);
    assert_spans_valid(&h);
}

#[test]
fn clicking_a_span_in_the_inspector_scrolls_the_source_to_it() {
    let mut h = shipped();
    // Box 40 quotes the article's last paragraph.
    h.state_mut().selection.only_node(NodeId(40));
    settle(&mut h);
    assert!(h.state().sources.scroll_offset < 1.0);
    h.get_by_label_contains("\u{201c}China will continue to pursue")
        .click();
    settle(&mut h);
    settle(&mut h);
    assert!(
        h.state().sources.scroll_offset > 300.0,
        "scrolled to {}",
        h.state().sources.scroll_offset
    );
    let span = h.state().doc.map().nodes[&NodeId(40)].spans[0].clone();
    let shown = h.state().sources.selection.expect("the words are selected");
    assert_eq!((shown.start, shown.end), (span.start, span.end));
}

#[test]
fn hovering_and_clicking_highlighted_words_finds_their_boxes() {
    let mut h = shipped();
    let r = text_rect(&h);
    // The second paragraph opens with the thesis, which box 1 quotes.
    let on_thesis = egui::pos2(r.left() + 40.0, r.top() + 9.0 + 16.5 * 3.0);
    h.hover_at(on_thesis);
    settle(&mut h);
    assert!(
        h.state().canvas.source_hover.contains(&NodeId(1)),
        "{:?}",
        h.state().canvas.source_hover
    );
    click_at(&mut h, on_thesis, Modifiers::NONE);
    assert!(h.state().selection.nodes.contains(&NodeId(1)));
}

#[test]
fn removing_a_source_asks_first_and_undo_brings_it_back() {
    let mut h = shipped();
    let original = h.state().doc.map().clone();
    h.get_by_label("Remove…").click();
    settle(&mut h);
    h.get_by_label("Remove source and spans").click();
    settle(&mut h);
    let map = h.state().doc.map();
    assert!(map.sources.is_empty());
    assert!(map.nodes.values().all(|n| n.spans.is_empty()));
    assert_eq!(map.nodes.len(), original.nodes.len(), "the boxes stay");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.map(), &original);
}

#[test]
fn a_source_can_be_pasted_or_added_from_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("speech.md");
    fs::write(
        &file,
        "# A speech\n\n网络主权 is the theme. 🌐 Openness matters.",
    )
    .expect("write");
    let dialogs = ScriptedDialogs {
        text: vec![file],
        ..ScriptedDialogs::default()
    };
    let mut h = harness_with(
        Document::new(argmap::model::Map::new("m"), None),
        dialogs,
        None,
    );
    h.get_by_label("Add a text file…").click();
    settle(&mut h);
    let map = h.state().doc.map();
    assert_eq!(map.sources.len(), 1);
    assert_eq!(
        map.sources.values().next().expect("source").title,
        "A speech"
    );

    h.get_by_label("+ Source").click();
    settle(&mut h);
    h.get_by_label("Paste text as a new source…").click();
    settle(&mut h);
    h.get_by_label("Text").focus();
    settle(&mut h);
    type_text(&mut h, "Pasted words about sovereignty.");
    h.get_by_label("Add source").click();
    settle(&mut h);
    let map = h.state().doc.map();
    assert_eq!(map.sources.len(), 2);
    assert!(
        map.sources
            .values()
            .any(|s| &*s.text == "Pasted words about sovereignty."
                && s.title == "Pasted words about sovereignty.")
    );
}

/// The story: highlight a sentence into a claim, a passage across
/// lines into evidence, save; someone inserts a paragraph at the top of the
/// article file; reopen: every highlight is still on its words.
#[test]
fn highlights_survive_a_paragraph_inserted_in_the_article_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir_all(dir.path().join("maps/sources")).expect("mkdir");
    let map_file = dir.path().join("maps/debate.ron");
    let seed = dir.path().join("maps/sources/internet-sovereignty.txt");
    fs::copy(root().join(ARTICLE), &seed).expect("copy");
    fs::copy(root().join("maps/internet-sovereignty.ron"), &map_file).expect("copy");

    let mut h = harness_with(
        Document::open(&map_file).expect("opens"),
        ScriptedDialogs::default(),
        None,
    );
    select_lines(&mut h, 0, 1);
    press(&mut h, Modifiers::COMMAND, Key::Enter);
    select_lines(&mut h, 2, 3);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Enter);
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert!(!h.state().doc.is_dirty());
    let saved = h.state().doc.map().clone();
    drop(h);

    let article = fs::read_to_string(&seed).expect("seed");
    fs::write(
        &seed,
        format!(
            "Editor's note: a paragraph added at the top, long after the map was made.\n\n{article}"
        ),
    )
    .expect("edit");

    let mut h = harness_with(
        Document::open(&map_file).expect("opens"),
        ScriptedDialogs::default(),
        None,
    );
    h.get_by_label("Update and move spans").click();
    settle(&mut h);
    let map = h.state().doc.map();
    assert!(
        map.sources
            .values()
            .next()
            .expect("source")
            .text
            .starts_with("Editor's note")
    );
    for (before, after) in saved.nodes.values().zip(map.nodes.values()) {
        for (a, b) in before.spans.iter().zip(&after.spans) {
            assert_eq!(a.quote, b.quote);
            assert!(!b.orphan);
        }
    }
    assert_spans_valid(&h);
    let status = h.state().status.clone().expect("a report");
    assert!(status.text.contains("36 moved"), "{}", status.text);
    // One undo step puts the old text and offsets back.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.map(), &saved);
}
