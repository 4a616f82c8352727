//! An AIF file read into a graph of nodes and edges, whatever its envelope
//! (bare `AIFdb` `{nodes, edges, locutions}`, or `OVA3`'s `{"AIF": …, "OVA":
//! …, "text": …}`) and whatever its ids (numbers, numeric strings, or
//! `"12_1649…"`; compared as strings). The bad parts of real files
//! (duplicate nodes, self-loops, edges to missing nodes, locutions of
//! absent nodes) are left out, each with a warning naming it.

use crate::io::locate::position_of;
use crate::io::{Problem, json_file};
use crate::model::Point;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// One AIF node.
#[derive(Debug)]
pub struct AifNode {
    pub id: String,
    /// `I`, `L`, `RA`, `CA`, `MA`, `YA`, `TA`, …
    pub kind: String,
    pub text: String,
    /// The scheme's name, from the node or its scheme fulfilment.
    pub scheme: Option<String>,
    /// When it was said, from the node or its locution.
    pub timestamp: Option<String>,
    /// Who said it, from its locution's participant.
    pub speaker: Option<String>,
}

/// An AIF file as a graph.
#[derive(Debug, Default)]
pub struct AifGraph {
    /// In file order.
    pub nodes: Vec<AifNode>,
    index: BTreeMap<String, usize>,
    into: BTreeMap<String, Vec<String>>,
    out_of: BTreeMap<String, Vec<String>>,
    /// OVA positions by node id.
    pub positions: BTreeMap<String, Point>,
    /// OVA3's analysed text, as HTML.
    pub html: Option<String>,
    /// Argmap's own block, when Argmap wrote the file.
    pub argmap: Option<Value>,
    pub warnings: Vec<Problem>,
}

/// Scheme names of `AIFdb`'s scheme ids, for files that give only the id.
const SCHEMES: &[(&str, &str)] = &[
    ("71", "Default Conflict"),
    ("72", "Default Inference"),
    ("74", "Asserting"),
    ("75", "Agreeing"),
    ("78", "Disagreeing"),
    ("80", "Arguing"),
    ("82", "Default Transition"),
    ("91", "Pure Questioning"),
    ("101", "Restating"),
    ("144", "Default Rephrase"),
    ("168", "Default Illocuting"),
];

/// An id as a string, whether the file wrote it as a number or a string.
fn id_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn text_of(value: Option<&Value>) -> Option<String> {
    value.and_then(Value::as_str).map(str::to_owned)
}

/// A number, or a string holding one (OVA writes both).
fn number_of(value: Option<&Value>) -> Option<f64> {
    match value? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|n: &f64| n.is_finite())
}

/// A list, or nothing for `null`, `[]` or a missing key.
fn list(value: Option<&Value>) -> &[Value] {
    value.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

impl AifGraph {
    /// Reads AIF JSON text. Errors only when it is not JSON or has no
    /// `nodes` list; everything else that is wrong is skipped and warned.
    pub fn parse(text: &str) -> Result<Self, Problem> {
        let doc: Value = json_file::parse(text)?;
        let aif = doc.get("AIF").filter(|a| a.is_object()).unwrap_or(&doc);
        let Some(nodes) = aif.get("nodes").and_then(Value::as_array) else {
            let at = position_of(text, 0);
            return Err(Problem::new(
                Some(at),
                "no `nodes` list: an AIF file has `nodes` and `edges` (or an `AIF` object holding them)",
            ));
        };
        let mut graph = AifGraph {
            html: text_of(doc.get("text")).filter(|t| !t.trim().is_empty()),
            argmap: doc.get("argmap").filter(|a| a.is_object()).cloned(),
            ..AifGraph::default()
        };
        let schemes = scheme_fulfilments(aif);
        for node in nodes {
            graph.add_node(node, &schemes);
        }
        graph.add_edges(list(aif.get("edges")));
        graph.add_locutions(aif);
        graph.add_positions(doc.get("OVA"));
        Ok(graph)
    }

    fn add_node(&mut self, node: &Value, schemes: &BTreeMap<String, String>) {
        let Some(id) = id_of(node.get("nodeID")) else {
            self.warn("a node without a `nodeID` was skipped".to_owned());
            return;
        };
        let Some(kind) = text_of(node.get("type")) else {
            self.warn(format!("node {id} has no `type` and was skipped"));
            return;
        };
        let text = text_of(node.get("text")).unwrap_or_default();
        if let Some(first) = self.node(&id) {
            // Maps merged from several node sets repeat nodes whole.
            if first.kind != kind || first.text != text {
                self.warn(format!(
                    "node {id} appears twice, differently; the second was skipped"
                ));
            }
            return;
        }
        let scheme = text_of(node.get("scheme"))
            .or_else(|| schemes.get(&id).cloned())
            .or_else(|| {
                let named = !matches!(text.trim(), "" | "RA" | "CA" | "MA" | "YA" | "TA");
                (kind != "I" && kind != "L" && named).then(|| text.trim().to_owned())
            });
        self.index.insert(id.clone(), self.nodes.len());
        self.nodes.push(AifNode {
            id,
            kind,
            text,
            scheme,
            timestamp: text_of(node.get("timestamp")).filter(|t| !t.trim().is_empty()),
            speaker: None,
        });
    }

    fn add_edges(&mut self, edges: &[Value]) {
        let mut seen = BTreeSet::new();
        for (i, edge) in edges.iter().enumerate() {
            let name = id_of(edge.get("edgeID")).unwrap_or_else(|| format!("#{}", i + 1));
            let (Some(from), Some(to)) = (id_of(edge.get("fromID")), id_of(edge.get("toID")))
            else {
                self.warn(format!(
                    "edge {name} lacks `fromID` or `toID` and was skipped"
                ));
                continue;
            };
            if from == to {
                self.warn(format!(
                    "edge {name} goes from node {from} to itself and was skipped"
                ));
                continue;
            }
            let missing = [&from, &to]
                .into_iter()
                .find(|id| !self.index.contains_key(*id))
                .cloned();
            if let Some(missing) = missing {
                self.warn(format!(
                    "edge {name} ({from} → {to}) names node {missing}, which the file does not have; skipped"
                ));
                continue;
            }
            if !seen.insert((from.clone(), to.clone())) {
                continue;
            }
            self.out_of
                .entry(from.clone())
                .or_default()
                .push(to.clone());
            self.into.entry(to).or_default().push(from);
        }
    }

    /// Speakers and times from `locutions`, names from `participants`.
    fn add_locutions(&mut self, aif: &Value) {
        let people: BTreeMap<String, String> = list(aif.get("participants"))
            .iter()
            .filter_map(|p| {
                let id = id_of(p.get("participantID"))?;
                let first = text_of(p.get("firstname")).unwrap_or_default();
                let last = text_of(p.get("surname")).unwrap_or_default();
                let name = format!("{first} {last}").trim().to_owned();
                (!name.is_empty()).then_some((id, name))
            })
            .collect();
        let mut absent = BTreeSet::new();
        for locution in list(aif.get("locutions")) {
            let Some(id) = id_of(locution.get("nodeID")) else {
                continue;
            };
            let Some(&at) = self.index.get(&id) else {
                if absent.insert(id.clone()) {
                    self.warn(format!(
                        "a locution names node {id}, which the file does not have; skipped"
                    ));
                }
                continue;
            };
            let Some(node) = self.nodes.get_mut(at) else {
                continue;
            };
            // A node said several times keeps its first locution.
            if node.speaker.is_none() {
                node.speaker =
                    id_of(locution.get("personID")).and_then(|p| people.get(&p).cloned());
            }
            if node.timestamp.is_none() {
                node.timestamp =
                    text_of(locution.get("timestamp")).filter(|t| !t.trim().is_empty());
            }
        }
    }

    fn add_positions(&mut self, ova: Option<&Value>) {
        let nodes = ova
            .and_then(|o| o.get("nodes"))
            .map_or(&[][..], |n| list(Some(n)));
        for node in nodes {
            let (Some(id), Some(x), Some(y)) = (
                id_of(node.get("nodeID")),
                number_of(node.get("x")),
                number_of(node.get("y")),
            ) else {
                continue;
            };
            self.positions.insert(id, Point::new(x, y));
        }
    }

    fn warn(&mut self, message: String) {
        self.warnings.push(Problem::new(None, message));
    }

    pub fn node(&self, id: &str) -> Option<&AifNode> {
        self.index.get(id).and_then(|&i| self.nodes.get(i))
    }

    /// The kind of node `id` (`""` when there is none).
    pub fn kind(&self, id: &str) -> &str {
        self.node(id).map_or("", |n| n.kind.as_str())
    }

    /// The nodes with an edge into `id`, in file order of the edges.
    pub fn inputs(&self, id: &str) -> &[String] {
        self.into.get(id).map_or(&[], Vec::as_slice)
    }

    /// The nodes `id` has an edge to.
    pub fn outputs(&self, id: &str) -> &[String] {
        self.out_of.get(id).map_or(&[], Vec::as_slice)
    }

    /// Whether node `id` has any edge at all.
    pub fn is_linked(&self, id: &str) -> bool {
        !self.inputs(id).is_empty() || !self.outputs(id).is_empty()
    }
}

/// Scheme names by node id from `schemefulfillments` (OVA3 puts them
/// there instead of on the nodes).
fn scheme_fulfilments(aif: &Value) -> BTreeMap<String, String> {
    list(aif.get("schemefulfillments"))
        .iter()
        .filter_map(|f| {
            let node = id_of(f.get("nodeID"))?;
            let scheme = id_of(f.get("schemeID"))?;
            let name = SCHEMES.iter().find(|(id, _)| *id == scheme).map_or_else(
                || format!("scheme {scheme}"),
                |(_, name)| (*name).to_owned(),
            );
            Some((node, name))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_of_every_style_meet_as_strings() {
        let text = r#"{"AIF": {"nodes": [
            {"nodeID": 7, "type": "I", "text": "A"},
            {"nodeID": "8", "type": "RA", "text": "Default Inference"},
            {"nodeID": "9_1649", "type": "I", "text": "B"}],
          "edges": [{"edgeID": 1, "fromID": "7", "toID": 8},
                    {"edgeID": 2, "fromID": 8, "toID": "9_1649"}],
          "schemefulfillments": null, "locutions": null},
          "OVA": [], "text": ""}"#;
        let g = AifGraph::parse(text).expect("reads");
        assert_eq!(g.outputs("7"), ["8"]);
        assert_eq!(g.inputs("9_1649"), ["8"]);
        assert!(g.warnings.is_empty(), "{:?}", g.warnings);
        assert_eq!(
            g.node("8").and_then(|n| n.scheme.as_deref()),
            Some("Default Inference")
        );
    }

    #[test]
    fn bad_parts_are_skipped_with_one_warning_each() {
        let text = r#"{"nodes": [{"nodeID": "1", "type": "I", "text": "A"},
                                 {"nodeID": "1", "type": "I", "text": "again"}],
          "edges": [{"edgeID": "5", "fromID": "1", "toID": "1"},
                    {"edgeID": "6", "fromID": "1", "toID": "2"}],
          "locutions": [{"nodeID": "3", "personID": 1}]}"#;
        let g = AifGraph::parse(text).expect("reads");
        let lines: Vec<String> = g.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert!(lines[1].contains("edge 5") && lines[1].contains("itself"));
        assert!(lines[2].contains("edge 6") && lines[2].contains("node 2"));
        assert!(lines[3].contains("node 3"));
    }

    #[test]
    fn not_aif_is_one_placed_error() {
        let e = AifGraph::parse("{\"nodes\": 3}").expect_err("refused");
        assert!(e.message.contains("`nodes`"));
        let e = AifGraph::parse("{\n  \"nodes\": [,]}").expect_err("refused");
        assert_eq!(e.position.map(|p| p.line), Some(2));
    }
}
