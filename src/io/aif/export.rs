//! Writing AIF: each box is an I-node; each support is an RA node (one per
//! linked argument, with all its premises); each attack is a CA node; an
//! undercut is a CA node pointing at the RA or CA of the arrow it cuts;
//! each span is an L-node (its quote) tied to its I-node by a YA node. An
//! `OVA` block gives node positions, `text` the first source; an `argmap`
//! block (which other tools skip) keeps the box kinds, every source and
//! every span exactly, so that Argmap reads its own AIF back whole.

use crate::model::{EdgeId, EdgeKind, GroupId, Map, Target};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The AIF JSON text of `map`.
pub fn to_aif(map: &Map) -> String {
    let mut next = map.nodes.keys().next_back().map_or(1, |id| id.0 + 1);
    let mut fresh = || {
        next += 1;
        next - 1
    };
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let mut link = |from: u64, to: u64| edges.push((from, to));
    for node in map.nodes.values() {
        nodes.push(json!({"nodeID": node.id.0.to_string(), "text": node.text, "type": "I", "timestamp": ""}));
    }
    // One scheme node per arrow, one per linked argument.
    let mut scheme_of: BTreeMap<EdgeId, u64> = BTreeMap::new();
    let mut group_scheme: BTreeMap<GroupId, u64> = BTreeMap::new();
    for edge in map.edges.values() {
        let shared = edge.group.and_then(|g| group_scheme.get(&g).copied());
        let scheme = shared.unwrap_or_else(|| {
            let id = fresh();
            let (kind, text) = match edge.kind {
                EdgeKind::Supports => ("RA", "Default Inference"),
                EdgeKind::Attacks | EdgeKind::Undercuts => ("CA", "Default Conflict"),
            };
            nodes.push(json!({"nodeID": id.to_string(), "text": text, "type": kind, "scheme": text, "timestamp": ""}));
            if let Some(g) = edge.group {
                group_scheme.insert(g, id);
            }
            id
        });
        scheme_of.insert(edge.id, scheme);
        link(edge.from.0, scheme);
    }
    let mut linked_out: BTreeMap<u64, bool> = BTreeMap::new();
    for edge in map.edges.values() {
        let Some(&scheme) = scheme_of.get(&edge.id) else {
            continue;
        };
        let target = match edge.to {
            Target::Node(n) => Some(n.0),
            Target::Edge(e) => scheme_of.get(&e).copied(),
        };
        if let Some(target) = target
            && !linked_out.insert(scheme, true).unwrap_or(false)
        {
            link(scheme, target);
        }
    }
    let mut locutions = Vec::new();
    for node in map.nodes.values() {
        for span in node.spans.iter().filter(|s| !s.orphan) {
            let (l, ya) = (fresh(), fresh());
            nodes.push(
                json!({"nodeID": l.to_string(), "text": span.quote, "type": "L", "timestamp": ""}),
            );
            nodes.push(json!({"nodeID": ya.to_string(), "text": "Asserting", "type": "YA", "timestamp": ""}));
            link(l, ya);
            link(ya, node.id.0);
            locutions.push(json!({"nodeID": l.to_string(), "personID": "1", "timestamp": "", "start": null, "end": null, "source": null}));
        }
    }
    let edges: Vec<Value> = edges
        .iter()
        .enumerate()
        .map(|(i, (from, to))| json!({"edgeID": (i + 1).to_string(), "fromID": from.to_string(), "toID": to.to_string(), "formEdgeID": null}))
        .collect();
    let ova_nodes: Vec<Value> = map
        .nodes
        .values()
        .map(|n| json!({"nodeID": n.id.0.to_string(), "visible": true, "x": n.pos.x, "y": n.pos.y, "timestamp": ""}))
        .collect();
    let text = map.sources.values().next().map_or("", |s| &*s.text);
    let doc = json!({
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": [{"participantID": "1", "firstname": "Source", "surname": "text"}],
        "schemefulfillments": [],
        "descriptorfulfillments": [],
        "text": text,
        "OVA": {"firstname": "Argmap", "surname": "", "url": "", "nodes": ova_nodes, "edges": []},
        "argmap": argmap_block(map),
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// What other tools skip and Argmap reads back: the title, the box kinds,
/// every source and every span exactly.
fn argmap_block(map: &Map) -> Value {
    let kinds: serde_json::Map<String, Value> = map
        .nodes
        .values()
        .map(|n| (n.id.0.to_string(), Value::from(n.kind.name())))
        .collect();
    let sources: Vec<Value> = map
        .sources
        .values()
        .map(|s| json!({"id": s.id.0, "title": s.title, "path": s.path, "text": &*s.text}))
        .collect();
    let spans: serde_json::Map<String, Value> = map
        .nodes
        .values()
        .filter(|n| !n.spans.is_empty())
        .map(|n| {
            let list: Vec<Value> = n
                .spans
                .iter()
                .map(|s| json!({"source": s.source.0, "start": s.start, "end": s.end, "orphan": s.orphan, "quote": s.quote, "prefix": s.prefix, "suffix": s.suffix}))
                .collect();
            (n.id.0.to_string(), Value::from(list))
        })
        .collect();
    json!({"title": map.title, "kinds": kinds, "sources": sources, "spans": spans})
}
