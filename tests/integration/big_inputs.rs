//! Big and strange inputs (issue 8): a source of a million chars on one
//! line with thousands of spans, right-to-left text and combining marks.
//! How long they take is measured in `benches/big_sources.rs`, not here.

use super::ui_support::{AppHarness, harness, settle};
use argmap::anchor::{CharIndex, check_span, span_from_range};
use argmap::io::{self, Format};
use argmap::model::{Map, Node, NodeId, NodeKind, Point, Source, SourceId, big_source_map};
use argmap::ops::reanchor::{Summary, reanchor_source};

#[test]
fn a_million_chars_on_one_line_with_thousands_of_spans_load_and_check() {
    let map = big_source_map(1_000_000, 5_000, true);
    let text = io::to_text(&map, Format::Ron).expect("encodes");
    let back = io::parse_str(&text, Format::Ron).expect("checks clean");
    assert_eq!(back, map);
    let source = &back.sources[&SourceId(1)];
    assert!(!source.text.contains('\n'));
    let index = CharIndex::new(&source.text);
    for node in back.nodes.values() {
        assert_eq!(check_span(&index, &node.spans[0]), Ok(()));
    }
}

/// Runs frames until the source panel has prepared its text.
fn until_prepared(h: &mut AppHarness) {
    for _ in 0..500 {
        settle(h);
        if !h.state().sources.is_preparing() {
            settle(h);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the source was never prepared");
}

/// Chars of source text in this frame's text shapes.
fn painted_source_chars(h: &AppHarness) -> usize {
    h.output()
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Text(t) if t.galley.job.text.contains("Sentence") => {
                Some(t.galley.job.text.chars().count())
            }
            _ => None,
        })
        .sum()
}

#[test]
fn the_source_panel_lays_out_only_what_is_on_screen() {
    for one_line in [false, true] {
        let mut h = harness(big_source_map(1_000_000, 500, one_line));
        until_prepared(&mut h);
        let painted = painted_source_chars(&h);
        assert!(painted > 1_000, "the text is shown ({painted} chars)");
        assert!(
            painted < 100_000,
            "only the blocks on screen are laid out, not a million chars ({painted})"
        );
        // A span at the far end is shown when asked for.
        let last = h
            .state()
            .doc
            .map()
            .nodes
            .keys()
            .next_back()
            .copied()
            .expect("boxes");
        h.state_mut().selection.only_node(last);
        let span = h.state().doc.map().nodes[&last].spans[0].clone();
        h.state_mut()
            .sources
            .show_passage(argmap::ui::sources::QuotePayload {
                source: span.source,
                start: span.start,
                end: span.end,
            });
        settle(&mut h);
        settle(&mut h);
        let shown = h
            .state()
            .sources
            .selection
            .expect("the passage is selected");
        assert_eq!((shown.start, shown.end), (span.start, span.end));
        assert!(
            h.state().sources.scroll_offset > 10_000.0,
            "scrolled far down"
        );
    }
}

/// Arabic, Hebrew and a Latin word with combining accents, each quoted.
fn right_to_left_map() -> Map {
    let text = "السيادة على الإنترنت حق لكل دولة. \
                ריבונות ברשת היא עיקרון. \
                Cafe\u{301} re\u{301}sume\u{301} with combining marks, and 🇨🇳 flags.";
    let source = Source {
        id: SourceId(1),
        title: "Right to left".into(),
        path: None,
        text: text.into(),
    };
    let mut map = Map::new("RTL");
    for (i, needle) in ["الإنترنت حق", "ריבונות ברשת", "re\u{301}sume\u{301}", "🇨🇳"]
        .into_iter()
        .enumerate()
    {
        let byte = text.find(needle).expect("in text");
        let start = text[..byte].chars().count();
        let end = start + needle.chars().count();
        let id = NodeId(i as u64 + 1);
        let mut node = Node::new(
            id,
            NodeKind::Claim,
            needle,
            Point::new(0.0, i as f64 * 100.0),
        );
        node.spans
            .push(span_from_range(&source, start, end).expect("fits"));
        map.nodes.insert(id, node);
    }
    map.sources.insert(source.id, source);
    map
}

#[test]
fn right_to_left_text_and_combining_marks_keep_exact_offsets() {
    let map = right_to_left_map();
    for format in [Format::Ron, Format::Json] {
        let back =
            io::parse_str(&io::to_text(&map, format).expect("encodes"), format).expect("decodes");
        assert_eq!(back, map, "{format:?}");
        let text = &back.sources[&SourceId(1)].text;
        for node in back.nodes.values() {
            let span = &node.spans[0];
            let sliced: String = text
                .chars()
                .skip(span.start)
                .take(span.end - span.start)
                .collect();
            assert_eq!(sliced, span.quote);
            assert_eq!(span.quote, node.text, "the quote is whole: no mark cut off");
        }
    }
    // Text put in front (more RTL words) moves every span by whole chars.
    let old = &map.sources[&SourceId(1)].text;
    let new_text = format!("مقدمة جديدة. {old}");
    let (edit, reports) = reanchor_source(&map, SourceId(1), &new_text).expect("source");
    assert_eq!(Summary::of(&reports).moved, 4, "{reports:?}");
    let mut moved = map.clone();
    edit.apply(&mut moved).expect("applies");
    let index = CharIndex::new(&moved.sources[&SourceId(1)].text);
    for node in moved.nodes.values() {
        assert_eq!(check_span(&index, &node.spans[0]), Ok(()));
        assert_eq!(node.spans[0].quote, node.text);
    }
}
