//! Save then load gives the same map; saving is deterministic.

use super::support::{argmap, mixed_script_map, path_str, root};
use argmap::anchor::CharIndex;
use argmap::io::{self, Format};
use argmap::model::{
    Edge, EdgeId, EdgeKind, GroupId, Map, Node, NodeId, NodeKind, Point, Source, SourceId, Target,
};
use proptest::prelude::*;
use std::fs;

fn spans_slice_exactly(map: &Map) {
    for node in map.nodes.values() {
        for span in &node.spans {
            let text = &map.sources[&span.source].text;
            let naive: String = text
                .chars()
                .skip(span.start)
                .take(span.end - span.start)
                .collect();
            assert_eq!(naive, span.quote, "node {}", node.id);
            assert_eq!(
                CharIndex::new(text).slice(span.start, span.end),
                Some(span.quote.as_str())
            );
        }
    }
}

#[test]
fn cjk_and_emoji_offsets_survive_ron_and_json() {
    let map = mixed_script_map();
    for format in [Format::Ron, Format::Json] {
        let text = io::to_text(&map, format).expect("encodes");
        let back = io::parse_str(&text, format).expect("decodes");
        assert_eq!(back, map, "{format:?}");
        spans_slice_exactly(&back);
    }
}

#[test]
fn json_spans_match_python_slicing_by_chars() {
    // The contract: quote == text[start:end] counting Unicode scalar values.
    let map = mixed_script_map();
    let json: serde_json::Value =
        serde_json::from_str(&io::to_text(&map, Format::Json).expect("encodes")).expect("json");
    let text = json["sources"][0]["text"].as_str().expect("text");
    let chars: Vec<char> = text.chars().collect();
    for node in json["nodes"].as_array().expect("nodes") {
        for span in node["spans"].as_array().expect("spans") {
            let start = span["start"].as_u64().expect("start") as usize;
            let end = span["end"].as_u64().expect("end") as usize;
            let sliced: String = chars[start..end].iter().collect();
            assert_eq!(sliced, span["quote"].as_str().expect("quote"));
        }
    }
}

#[test]
fn ron_to_ron_to_ron_is_byte_identical() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    let c = dir.path().join("c.ron");
    let original = root().join("maps/internet-sovereignty.ron");
    for (from, to) in [(&original, &a), (&a, &b), (&b, &c)] {
        let out = argmap(&["convert", path_str(from), path_str(to)]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let bytes = fs::read(&a).expect("a");
    assert_eq!(bytes, fs::read(&b).expect("b"));
    assert_eq!(bytes, fs::read(&c).expect("c"));
    assert_eq!(
        bytes,
        fs::read(&original).expect("original"),
        "the shipped map is saved as the program saves it"
    );
}

#[test]
fn json_to_ron_to_json_keeps_everything() {
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("m.json");
    let ron = dir.path().join("m.ron");
    let again = dir.path().join("again.json");
    let original = root().join("maps/internet-sovereignty.ron");
    for (from, to) in [(&original, &json), (&json, &ron), (&ron, &again)] {
        let out = argmap(&["convert", path_str(from), path_str(to)]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let first: serde_json::Value =
        serde_json::from_slice(&fs::read(&json).expect("json")).expect("parse");
    let second: serde_json::Value =
        serde_json::from_slice(&fs::read(&again).expect("json")).expect("parse");
    assert_eq!(first, second);
    assert!(first["nodes"].as_array().expect("nodes").len() >= 30);
    assert_eq!(
        io::load(&json).expect("loads"),
        io::load(&original).expect("loads")
    );
}

#[test]
fn json_nodes_without_positions_are_placed() {
    let map = argmap::files::open(&root().join("tests/good/small.json"), None)
        .expect("loads")
        .map;
    let placed = map.nodes[&NodeId(3)].pos;
    assert!(placed.is_finite());
    let others: Vec<Point> = [1, 2].iter().map(|i| map.nodes[&NodeId(*i)].pos).collect();
    assert!(
        others.iter().all(|p| *p != placed),
        "the new node does not sit on another"
    );
    assert_eq!(
        map.nodes[&NodeId(1)].pos,
        Point::new(0.0, 0.0),
        "given positions stay"
    );
}

#[test]
fn saving_twice_gives_identical_bytes() {
    let map = mixed_script_map();
    let dir = tempfile::tempdir().expect("temp dir");
    let one = dir.path().join("one.ron");
    let two = dir.path().join("two.ron");
    io::save(&map, &one).expect("saves");
    io::save(&map, &two).expect("saves");
    assert_eq!(fs::read(&one).expect("one"), fs::read(&two).expect("two"));
}

// ---- property: any map survives save + load, in both formats ----

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        "[a-z \"#\\\\\n\r\t]*",
        Just("r#\"raw\"# and \"#\" and \\\"".to_owned()),
        "[\u{4e00}-\u{4e20}\u{1f600}-\u{1f610} ]{0,12}",
    ]
}

prop_compose! {
    fn any_map()(
        title in any_text(),
        source_text in "[a-z\u{4e00}-\u{4e05}\u{1f600}\n ]{1,60}",
        nodes in prop::collection::vec((any_text(), -1e9f64..1e9, -1e9f64..1e9, 0usize..7, any::<bool>(), prop::collection::vec(any_text(), 0..3)), 1..8),
        links in prop::collection::vec((0usize..8, 0usize..8, any::<bool>(), prop::option::of(1u64..3)), 0..10),
        cuts in prop::collection::vec((0usize..8, 0usize..10), 0..3),
        span_ranges in prop::collection::vec((0usize..8, 0usize..60, 1usize..20), 0..6),
    ) -> Map {
        let mut map = Map::new(title);
        let source = Source { id: SourceId(7), title: "s".into(), path: None, text: source_text.into() };
        let len = source.text.chars().count();
        for (i, (text, x, y, kind, pinned, tags)) in nodes.into_iter().enumerate() {
            let id = NodeId(i as u64 * 3 + 1);
            let mut node = Node::new(id, NodeKind::ALL[kind], text, Point::new(x, y));
            node.pinned = pinned;
            node.tags = tags;
            node.notes = "n\"ote".into();
            map.nodes.insert(id, node);
        }
        let ids: Vec<NodeId> = map.nodes.keys().copied().collect();
        for (n, start, width) in span_ranges {
            let start = start % len;
            let end = (start + width).min(len);
            if start < end {
                let span = argmap::anchor::span_from_range(&source, start, end).expect("fits");
                let id = ids[n % ids.len()];
                map.nodes.get_mut(&id).expect("node").spans.push(span);
            }
        }
        map.sources.insert(source.id, source);
        for (from, to, attack, group) in links {
            let (from, to) = (ids[from % ids.len()], ids[to % ids.len()]);
            if from == to { continue; }
            let id = map.next_edge_id();
            let mut edge = Edge::new(id, from, Target::Node(to), if attack { EdgeKind::Attacks } else { EdgeKind::Supports });
            // Groups only where they keep the rule: one group per target and kind.
            edge.group = group.map(|g| GroupId(g * 1000 + to.0 * 2 + u64::from(attack)));
            map.edges.insert(id, edge);
        }
        let edge_ids: Vec<EdgeId> = map.edges.keys().copied().collect();
        for (from, cut) in cuts {
            if edge_ids.is_empty() { break; }
            let id = map.next_edge_id();
            map.edges.insert(id, Edge::new(id, ids[from % ids.len()], Target::Edge(edge_ids[cut % edge_ids.len()]), EdgeKind::Undercuts));
        }
        map
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn save_then_load_gives_the_same_map(map in any_map()) {
        prop_assume!(map.violations().is_empty());
        for format in [Format::Ron, Format::Json] {
            let text = io::to_text(&map, format).expect("encodes");
            let back = io::parse_str(&text, format);
            prop_assert_eq!(back.as_ref().ok(), Some(&map), "{:?}: {:?}", format, back.as_ref().err());
            let again = io::to_text(back.as_ref().expect("decoded"), format).expect("encodes");
            prop_assert_eq!(&text, &again);
        }
    }
}

#[test]
fn spans_quote_the_right_words_in_the_shipped_map() {
    let map = io::load(&root().join("maps/internet-sovereignty.ron")).expect("loads");
    spans_slice_exactly(&map);
}

#[test]
fn assumptions_are_saved_and_a_file_without_them_still_loads() {
    let mut map = mixed_script_map();
    let first = *map.nodes.keys().next().expect("a box");
    map.nodes.get_mut(&first).expect("box").assumption = Some(argmap::model::Assumption::Rejected);
    for format in [Format::Ron, Format::Json] {
        let text = io::to_text(&map, format).expect("encodes");
        assert!(text.contains("rejected"), "{format:?}");
        assert_eq!(io::parse_str(&text, format).expect("decodes"), map);
    }
    // Without the field (an older file): no assumption.
    let plain = io::to_text(&mixed_script_map(), Format::Ron).expect("encodes");
    assert!(!plain.contains("assume"));
    let back = io::parse_str(&plain, Format::Ron).expect("decodes");
    assert!(back.nodes.values().all(|n| n.assumption.is_none()));
}

#[test]
fn fields_a_reader_does_not_know_are_skipped() {
    // How a file written by a newer Argmap with optional fields reads here
    // (and how this version's files read in older ones): unknown fields on
    // the map, a box, a span and an arrow are skipped, the rest is read.
    let text = fs::read_to_string(root().join("tests/good/small.ron")).expect("read");
    let extended = text
        .replacen("title:", "future_map_field: [1, 2],\n    title:", 1)
        .replacen(
            "kind: claim,",
            "kind: claim,\n            future_box_field: (a: \"b\"),",
            1,
        )
        .replacen(
            "kind: attacks,",
            "kind: attacks,\n            future_arrow_field: true,",
            1,
        );
    assert_ne!(extended, text);
    let plain = io::parse_str(&text, Format::Ron).expect("decodes");
    assert_eq!(
        io::parse_str(&extended, Format::Ron).expect("decodes"),
        plain
    );
    let json = io::to_text(&plain, Format::Json).expect("encodes");
    let json_extended = json.replacen("\"title\":", "\"future\": {\"x\": [1]},\n  \"title\":", 1);
    assert_eq!(
        io::parse_str(&json_extended, Format::Json).expect("decodes"),
        plain
    );
}

/// What a format keeps of a map, compared: boxes with their kinds and
/// texts, arrows with their kinds, which arrows are linked together.
type Shape = (
    Vec<(u64, String, String)>,
    Vec<(u64, String, String)>,
    usize,
);

fn shape(map: &argmap::model::Map) -> Shape {
    let boxes = map
        .nodes
        .values()
        .map(|n| (n.id.0, n.kind.name().to_owned(), n.text.clone()))
        .collect();
    let mut arrows: Vec<(u64, String, String)> = map
        .edges
        .values()
        .map(|e| (e.from.0, format!("{:?}", e.kind), target_name(map, e.to)))
        .collect();
    arrows.sort();
    let groups = map
        .edges
        .values()
        .filter_map(|e| e.group)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    (boxes, arrows, groups)
}

fn target_name(map: &argmap::model::Map, to: argmap::model::Target) -> String {
    match to {
        argmap::model::Target::Node(n) => format!("box {n}"),
        argmap::model::Target::Edge(e) => map.edges.get(&e).map_or_else(String::new, |cut| {
            format!("arrow {} → {}", cut.from, target_name(map, cut.to))
        }),
    }
}

#[test]
fn aif_export_reads_back_with_every_source_and_span() {
    let map = io::load(&root().join("maps/internet-sovereignty.ron")).expect("loads");
    let text = io::to_text(&map, Format::Aif).expect("encodes");
    let back = io::read_str(&text, Format::Aif).expect("reads back");
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert!(back.unplaced.is_empty(), "the OVA block keeps positions");
    let back = back.map;
    assert_eq!(shape(&back), shape(&map));
    assert_eq!(back.sources, map.sources);
    let spans = |m: &argmap::model::Map| {
        m.nodes
            .values()
            .map(|n| (n.id, n.spans.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(spans(&back), spans(&map));
    assert_eq!(
        back.nodes.values().map(|n| n.spans.len()).sum::<usize>(),
        34
    );
    // What AIF cannot carry, and the export says so.
    let lost = io::losses(&map, Format::Aif);
    assert!(lost.iter().any(|l| l.starts_with("notes")), "{lost:?}");
}

#[test]
fn argdown_export_reads_back_with_its_boxes_kinds_and_arrows() {
    for path in [
        root().join("maps/internet-sovereignty.ron"),
        root().join("maps/internet-sovereignty-student.ron"),
    ] {
        let map = io::load(&path).expect("loads");
        let text = io::to_text(&map, Format::Argdown).expect("encodes");
        let back = io::read_str(&text, Format::Argdown).expect("reads back");
        assert!(back.warnings.is_empty(), "{:?}", back.warnings);
        assert_eq!(back.map.title, map.title);
        assert_eq!(shape(&back.map), shape(&map), "{}", path.display());
        let tags = |m: &Map| m.nodes.values().map(|n| n.tags.clone()).collect::<Vec<_>>();
        assert_eq!(tags(&back.map), tags(&map), "tags come back");
        // Argdown carries no sources, spans or positions.
        assert!(back.map.sources.is_empty() && back.unplaced.len() == map.nodes.len());
        assert!(
            io::losses(&map, Format::Argdown)
                .iter()
                .any(|l| l.starts_with("spans"))
        );
    }
}
