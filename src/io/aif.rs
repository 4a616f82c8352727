//! AIF (the Argument Interchange Format of `OVA` and `AIFdb`) as JSON.
//!
//! Export: each box is an I-node; each support is an RA node (one per
//! linked argument, with all its premises); each attack is a CA node; an
//! undercut is a CA node pointing at the RA or CA of the arrow it cuts;
//! each span is an L-node (its quote) tied to its I-node by a YA node. An
//! `OVA` block gives node positions, `text` the first source, and an
//! `argmap` block the box kinds so that import gets them back.
//!
//! Import reads the same: I, RA and CA nodes (other dialogue nodes are
//! skipped), positions from an `OVA` block when there is one.

use crate::model::{Edge, EdgeId, EdgeKind, GroupId, Map, Node, NodeId, NodeKind, Point, Target};
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
    let kinds: serde_json::Map<String, Value> = map
        .nodes
        .values()
        .map(|n| (n.id.0.to_string(), Value::from(n.kind.name())))
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
        "argmap": {"title": map.title, "kinds": kinds},
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// A map read from AIF JSON. Errors are one sentence each.
pub fn from_aif(text: &str) -> Result<Map, String> {
    let doc: Value =
        serde_json::from_str(text).map_err(|e| format!("{}:{}: {e}", e.line(), e.column()))?;
    let aif = doc.get("AIF").unwrap_or(&doc);
    let nodes = aif
        .get("nodes")
        .and_then(Value::as_array)
        .ok_or("no `nodes` list: is this an AIF file?")?;
    let edges = aif
        .get("edges")
        .and_then(Value::as_array)
        .ok_or("no `edges` list: is this an AIF file?")?;
    let id_of = |v: &Value, key: &str| {
        v.get(key)
            .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_owned))
    };
    let mut kind_of: BTreeMap<String, String> = BTreeMap::new();
    let mut text_of: BTreeMap<String, String> = BTreeMap::new();
    for node in nodes {
        let (Some(id), Some(kind)) = (
            id_of(node, "nodeID"),
            node.get("type").and_then(Value::as_str),
        ) else {
            continue;
        };
        kind_of.insert(id.clone(), kind.to_owned());
        text_of.insert(
            id,
            node.get("text")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
        );
    }
    let mut into: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut out_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for edge in edges {
        let (Some(from), Some(to)) = (id_of(edge, "fromID"), id_of(edge, "toID")) else {
            continue;
        };
        into.entry(to.clone()).or_default().push(from.clone());
        out_of.entry(from).or_default().push(to);
    }
    let mut map = Map::new(
        doc.pointer("/argmap/title")
            .and_then(Value::as_str)
            .unwrap_or("Imported AIF map"),
    );
    // I-nodes become boxes, numbered in file order.
    let mut box_of: BTreeMap<String, NodeId> = BTreeMap::new();
    for node in nodes {
        let Some(id) = id_of(node, "nodeID") else {
            continue;
        };
        if kind_of.get(&id).map(String::as_str) != Some("I") {
            continue;
        }
        let nid = NodeId(box_of.len() as u64 + 1);
        box_of.insert(id.clone(), nid);
        let kind = doc
            .pointer(&format!("/argmap/kinds/{id}"))
            .and_then(Value::as_str)
            .and_then(|k| NodeKind::ALL.into_iter().find(|n| n.name() == k));
        let mut n = Node::new(
            nid,
            kind.unwrap_or(NodeKind::Claim),
            text_of.get(&id).cloned().unwrap_or_default(),
            Point::default(),
        );
        n.pos = ova_position(&doc, &id).unwrap_or_default();
        map.nodes.insert(nid, n);
    }
    add_arrows(&mut map, &kind_of, &into, &out_of, &box_of);
    infer_kinds(&mut map, &doc);
    let broken = map.violations();
    if let Some((what, why)) = broken.first() {
        return Err(format!(
            "the AIF graph does not make a valid map ({what:?}: {why})"
        ));
    }
    Ok(map)
}

/// RA and CA nodes become arrows from their premises to their target; a
/// CA aimed at another scheme is an undercut of that scheme's first arrow.
fn add_arrows(
    map: &mut Map,
    kind_of: &BTreeMap<String, String>,
    into: &BTreeMap<String, Vec<String>>,
    out_of: &BTreeMap<String, Vec<String>>,
    box_of: &BTreeMap<String, NodeId>,
) {
    let schemes: Vec<&String> = kind_of
        .iter()
        .filter(|(_, k)| *k == "RA" || *k == "CA")
        .map(|(id, _)| id)
        .collect();
    let mut arrows_of: BTreeMap<String, Vec<EdgeId>> = BTreeMap::new();
    let mut pending_undercuts = Vec::new();
    for scheme in schemes {
        let support = kind_of.get(scheme).map(String::as_str) == Some("RA");
        let premises: Vec<NodeId> = into
            .get(scheme)
            .into_iter()
            .flatten()
            .filter_map(|p| box_of.get(p).copied())
            .collect();
        let group = (support && premises.len() > 1).then(|| map.next_group_id());
        for target in out_of.get(scheme).into_iter().flatten() {
            if let Some(&to) = box_of.get(target) {
                for &from in &premises {
                    let id = map.next_edge_id();
                    let mut edge = Edge::new(
                        id,
                        from,
                        Target::Node(to),
                        if support {
                            EdgeKind::Supports
                        } else {
                            EdgeKind::Attacks
                        },
                    );
                    edge.group = group;
                    map.edges.insert(id, edge);
                    arrows_of.entry(scheme.clone()).or_default().push(id);
                }
            } else if !support {
                pending_undercuts.push((premises.clone(), target.clone()));
            }
        }
    }
    for (premises, target) in pending_undercuts {
        let Some(&cut) = arrows_of.get(&target).and_then(|ids| ids.first()) else {
            continue;
        };
        for from in premises {
            let id = map.next_edge_id();
            map.edges.insert(
                id,
                Edge::new(id, from, Target::Edge(cut), EdgeKind::Undercuts),
            );
        }
    }
}

fn ova_position(doc: &Value, id: &str) -> Option<Point> {
    let nodes = doc.pointer("/OVA/nodes")?.as_array()?;
    let node = nodes.iter().find(|n| {
        n.get("nodeID").is_some_and(|v| {
            v.as_str() == Some(id) || v.as_u64().is_some_and(|n| n.to_string() == id)
        })
    })?;
    Some(Point::new(
        node.get("x")?.as_f64()?,
        node.get("y")?.as_f64()?,
    ))
}

/// Without an `argmap` block, kinds follow the arrows: a box that supports
/// is a reason, one that attacks an objection (a rebuttal when it attacks
/// an objection), one that does neither a claim.
fn infer_kinds(map: &mut Map, doc: &Value) {
    if doc.pointer("/argmap/kinds").is_some() {
        return;
    }
    let mut kinds: BTreeMap<NodeId, NodeKind> = BTreeMap::new();
    for edge in map.edges.values() {
        let kind = match edge.kind {
            EdgeKind::Supports => NodeKind::Reason,
            EdgeKind::Attacks | EdgeKind::Undercuts => NodeKind::Objection,
        };
        kinds.entry(edge.from).or_insert(kind);
    }
    for (id, kind) in &kinds {
        if let Some(node) = map.nodes.get_mut(id) {
            node.kind = *kind;
        }
    }
    let rebuttals: Vec<NodeId> = map
        .edges
        .values()
        .filter(|e| {
            e.kind == EdgeKind::Attacks
                && e.target_node()
                    .is_some_and(|t| kinds.get(&t) == Some(&NodeKind::Objection))
        })
        .map(|e| e.from)
        .collect();
    for id in rebuttals {
        if let Some(node) = map.nodes.get_mut(&id) {
            node.kind = NodeKind::Rebuttal;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aif_round_trip_keeps_boxes_arrows_kinds_and_texts() {
        let map = crate::io::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/maps/internet-sovereignty.ron"
        )))
        .expect("loads");
        let back = from_aif(&to_aif(&map)).expect("reads back");
        assert_eq!(back.nodes.len(), map.nodes.len());
        assert_eq!(back.edges.len(), map.edges.len());
        let texts = |m: &Map| {
            m.nodes
                .values()
                .map(|n| (n.text.clone(), n.kind))
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&back), texts(&map));
        let kinds = |m: &Map| {
            let mut k: Vec<EdgeKind> = m.edges.values().map(|e| e.kind).collect();
            k.sort();
            k
        };
        assert_eq!(kinds(&back), kinds(&map));
        assert_eq!(
            back.edges.values().filter(|e| e.group.is_some()).count(),
            2,
            "the linked argument stays one"
        );
    }
}
