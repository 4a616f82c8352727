//! Argdown text: every box a statement (`[Box 3]: its words #kind`), every
//! support and attack a `+` or `-` relation under its target, linked
//! premises and undercut inferences as arguments with premise–conclusion
//! structures, undercuts as `_>` relations to those arguments.

use crate::model::{EdgeId, EdgeKind, GroupId, Map, NodeId, Target};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

fn title(id: NodeId) -> String {
    format!("[Box {id}]")
}

/// Argdown has syntax in brackets, angle brackets and line starts; box
/// text goes on one line with those characters swapped for look-alikes.
fn clean(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    one_line
        .chars()
        .map(|c| match c {
            '[' => '(',
            ']' => ')',
            '<' => '‹',
            '>' => '›',
            '#' => '№',
            '@' => '＠',
            '*' | '_' => '·',
            c => c,
        })
        .collect()
}

/// The name of the argument an arrow stands for when it must be one: a
/// linked argument, or an inference that something undercuts.
fn argument_of(map: &Map, edge: EdgeId, undercut: &BTreeSet<EdgeId>) -> Option<String> {
    let e = map.edges.get(&edge)?;
    match e.group {
        Some(GroupId(g)) => Some(format!("<Linked argument {g}>")),
        None if undercut.contains(&edge) => Some(format!("<Inference {edge}>")),
        None => None,
    }
}

/// The Argdown text of `map`.
pub fn to_argdown(map: &Map) -> String {
    let mut out = String::new();
    // A JSON string is a YAML string: a title with ": " or quotes in it
    // stays one title.
    let quoted = serde_json::to_string(&clean(&map.title)).unwrap_or_default();
    let _ = writeln!(out, "===\ntitle: {quoted}\n===\n");
    for node in map.nodes.values() {
        // Tags as `#(tag)`, which may hold spaces.
        let mut tags = String::new();
        for tag in &node.tags {
            let _ = write!(tags, " #({})", clean(tag).replace(['(', ')'], ""));
        }
        let _ = writeln!(
            out,
            "{}: {} #{}{tags}\n",
            title(node.id),
            clean(&node.text),
            node.kind
        );
    }
    let undercut: BTreeSet<EdgeId> = map
        .edges
        .values()
        .filter_map(|e| match e.to {
            Target::Edge(t) => Some(t),
            Target::Node(_) => None,
        })
        .collect();
    // Relations, under the box they point at.
    let mut into: BTreeMap<NodeId, Vec<String>> = BTreeMap::new();
    let mut arguments: BTreeMap<String, (Vec<NodeId>, NodeId)> = BTreeMap::new();
    for edge in map.edges.values() {
        let Target::Node(to) = edge.to else { continue };
        let sign = if edge.kind == EdgeKind::Attacks {
            "-"
        } else {
            "+"
        };
        let line = match argument_of(map, edge.id, &undercut) {
            Some(name) => {
                let entry = arguments
                    .entry(name.clone())
                    .or_insert_with(|| (Vec::new(), to));
                entry.0.push(edge.from);
                format!("{sign} {name}")
            }
            None => format!("{sign} {}", title(edge.from)),
        };
        let lines = into.entry(to).or_default();
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    for (to, lines) in &into {
        let _ = writeln!(out, "{}", title(*to));
        for line in lines {
            let _ = writeln!(out, "  {line}");
        }
        out.push('\n');
    }
    for (name, (premises, conclusion)) in &arguments {
        let _ = writeln!(out, "{name}\n");
        for (i, premise) in premises.iter().enumerate() {
            let _ = writeln!(out, "({}) {}", i + 1, title(*premise));
        }
        let _ = writeln!(
            out,
            "----\n({}) {}\n",
            premises.len() + 1,
            title(*conclusion)
        );
    }
    for edge in map.edges.values() {
        let Target::Edge(cut) = edge.to else { continue };
        if let Some(name) = argument_of(map, cut, &undercut) {
            let _ = writeln!(out, "{}\n  _> {name}\n", title(edge.from));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_box_and_relation_is_written() {
        let map = crate::io::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/maps/internet-sovereignty.ron"
        )))
        .expect("loads");
        let text = to_argdown(&map);
        for node in map.nodes.values() {
            assert_eq!(text.matches(&format!("[Box {}]: ", node.id)).count(), 1);
        }
        assert!(text.contains("_> <Inference"), "the undercut is written");
        assert!(
            text.contains("<Linked argument 1>\n\n(1) [Box 31]\n(2) [Box 32]\n----\n(3) [Box 30]"),
            "{text}"
        );
        assert_eq!(text, to_argdown(&map), "deterministic");
    }

    #[test]
    fn a_title_with_a_colon_is_quoted_for_yaml() {
        let map = Map {
            title: "Student map: \"sovereignty\"".into(),
            ..Map::default()
        };
        let text = to_argdown(&map);
        assert!(
            text.starts_with("===\ntitle: \"Student map: \\\"sovereignty\\\"\"\n===\n"),
            "{text}"
        );
    }
}
