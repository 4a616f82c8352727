//! Graphviz DOT text of a map: for comparing with Graphviz, and for people
//! who lay out graphs with it. Undercuts point at the arrow's source box
//! (DOT has no arrows to arrows).

use crate::model::{EdgeKind, Map, Target};
use std::fmt::Write as _;

fn quote(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n");
    format!("\"{escaped}\"")
}

pub fn to_dot(map: &Map) -> String {
    let mut out = String::from(
        "digraph argmap {\n  rankdir=BT;\n  node [shape=box, style=rounded, width=3];\n",
    );
    for node in map.nodes.values() {
        let _ = writeln!(out, "  n{} [label={}];", node.id, quote(&node.text));
    }
    for edge in map.edges.values() {
        let to = match edge.to {
            Target::Node(n) => n,
            Target::Edge(e) => match map.edges.get(&e) {
                Some(cut) => cut.from,
                None => continue,
            },
        };
        let style = match edge.kind {
            EdgeKind::Supports => "solid",
            EdgeKind::Attacks => "dashed",
            EdgeKind::Undercuts => "dotted",
        };
        let _ = writeln!(out, "  n{} -> n{to} [style={style}];", edge.from);
    }
    out.push_str("}\n");
    out
}
