//! Helpers shared by the integration tests.

use argmap::anchor::span_from_range;
use argmap::model::{
    Edge, EdgeId, EdgeKind, Map, Node, NodeId, NodeKind, Point, Source, SourceId, Target,
};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The crate's root folder.
/// The article the shipped map quotes, beside it in maps/sources/.
pub const ARTICLE: &str = "maps/sources/internet-sovereignty.txt";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the `argmap` binary with `args` in the crate root.
pub fn argmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("argmap runs")
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// A map whose source mixes Chinese, emoji and English, with spans on each.
pub fn mixed_script_map() -> Map {
    let text = "网络主权 (Internet sovereignty) 🌐 means each state governs its own network.\n\
                第二段：开放的互联网 🔓 belongs to everyone — 多利益相关方.";
    let source = Source {
        id: SourceId(1),
        title: "混合 mixed 🌏".into(),
        path: Some("seeds/mixed.txt".into()),
        text: text.into(),
    };
    let find = |needle: &str| {
        let byte = text.find(needle).expect("needle in text");
        let start = text[..byte].chars().count();
        (start, start + needle.chars().count())
    };
    let mut map = Map::new("主权 vs openness 🌐");
    let spans = [
        find("网络主权"),
        find("🌐 means each state"),
        find("开放的互联网 🔓"),
        find("— 多利益相关方."),
    ];
    let kinds = [
        NodeKind::Claim,
        NodeKind::Reason,
        NodeKind::Objection,
        NodeKind::Rebuttal,
    ];
    for (i, ((start, end), kind)) in spans.into_iter().zip(kinds).enumerate() {
        let id = NodeId(i as u64 + 1);
        let mut node = Node::new(
            id,
            kind,
            format!("节点 {i} 🙂"),
            Point::new(i as f64 * 10.5, 3.25),
        );
        node.spans
            .push(span_from_range(&source, start, end).expect("span fits"));
        map.nodes.insert(id, node);
    }
    map.sources.insert(source.id, source);
    let links = [
        (2, Target::Node(NodeId(1)), EdgeKind::Supports),
        (3, Target::Node(NodeId(1)), EdgeKind::Attacks),
        (4, Target::Edge(EdgeId(1)), EdgeKind::Undercuts),
    ];
    for (i, (from, to, kind)) in links.into_iter().enumerate() {
        let id = EdgeId(i as u64 + 1);
        map.edges.insert(id, Edge::new(id, NodeId(from), to, kind));
    }
    assert!(map.violations().is_empty());
    map
}

/// The files in `dir` whose names end in `ending`, sorted; none when the
/// folder is absent.
pub fn files_ending(dir: &Path, ending: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(ending))
        .collect();
    found.sort();
    found
}
