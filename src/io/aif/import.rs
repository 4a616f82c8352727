//! Reading AIF: I-nodes become boxes; an RA node becomes supports from its
//! premises to its conclusion (a linked argument when it has several); a
//! CA node an attack, or an undercut when it points at an RA, CA or MA
//! node; an MA node (a rephrase) a support tagged `rephrase`. Scheme
//! names other than the defaults become tags on the premises. Positions
//! come from the OVA block; quotes from [`super::quotes`].

use super::graph::AifGraph;
use super::quotes;
use crate::io::kinds::infer_kinds;
use crate::io::{Loaded, Problem};
use crate::model::{Edge, EdgeId, EdgeKind, Map, Node, NodeId, NodeKind, Point, Target};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The tag an MA (rephrase) node leaves on the box that rephrases.
pub const REPHRASE_TAG: &str = "rephrase";

/// Schemes every tool writes for a plain support, attack or rephrase:
/// they say nothing, so they leave no tag.
const DEFAULT_SCHEMES: &[&str] = &[
    "Default Inference",
    "Default Conflict",
    "Default Rephrase",
    "Inference",
    "Conflict",
    "Rephrase",
];

/// A map from AIF JSON text.
pub fn import(text: &str) -> Result<Loaded, Vec<Problem>> {
    let graph = AifGraph::parse(text).map_err(|p| vec![p])?;
    let argmap = graph.argmap.as_ref();
    let title = argmap
        .and_then(|a| a.get("title"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let mut map = Map::new(title);
    let mut warnings = graph.warnings.clone();
    let box_of = add_boxes(&mut map, &graph, argmap);
    let mut arrows = Arrows::default();
    for node in &graph.nodes {
        if matches!(node.kind.as_str(), "RA" | "CA" | "MA") {
            arrows.add_scheme(&mut map, &graph, &box_of, &node.id, &mut warnings);
        }
    }
    arrows.add_undercuts(&mut map, &graph, &mut warnings);
    if argmap.and_then(|a| a.get("kinds")).is_none() {
        infer_kinds(&mut map, &BTreeSet::new());
    }
    quotes::add_quotes(&mut map, &graph, &box_of, &mut warnings);
    let unplaced = place(&mut map, &graph, &box_of);
    Ok(Loaded {
        map,
        unplaced,
        warnings,
        format: crate::io::Format::Aif,
    })
}

/// One box per I-node, in file order. Argmap's own files keep their box
/// ids; others are numbered from 1.
fn add_boxes(map: &mut Map, graph: &AifGraph, argmap: Option<&Value>) -> BTreeMap<String, NodeId> {
    let kinds = argmap.and_then(|a| a.get("kinds"));
    let mut box_of = BTreeMap::new();
    let mut taken = BTreeSet::new();
    for node in graph.nodes.iter().filter(|n| n.kind == "I") {
        let own = argmap
            .and_then(|_| node.id.parse::<u64>().ok())
            .map(NodeId)
            .filter(|id| id.0 > 0 && !taken.contains(id));
        let id = own.unwrap_or_else(|| NodeId(taken.last().map_or(1, |last: &NodeId| last.0 + 1)));
        taken.insert(id);
        let kind = kinds
            .and_then(|k| k.get(&node.id))
            .and_then(Value::as_str)
            .and_then(|k| NodeKind::ALL.into_iter().find(|n| n.name() == k))
            .unwrap_or(NodeKind::Claim);
        map.nodes
            .insert(id, Node::new(id, kind, node.text.trim(), Point::default()));
        box_of.insert(node.id.clone(), id);
    }
    box_of
}

/// The arrows made so far, by the scheme node that made them.
#[derive(Default)]
struct Arrows {
    of_scheme: BTreeMap<String, Vec<EdgeId>>,
    /// CA nodes aimed at another scheme node: (CA id, premises, target).
    undercuts: Vec<(String, Vec<NodeId>, String)>,
    made: BTreeSet<(NodeId, Target, EdgeKind)>,
}

impl Arrows {
    fn add_scheme(
        &mut self,
        map: &mut Map,
        graph: &AifGraph,
        box_of: &BTreeMap<String, NodeId>,
        scheme: &str,
        warnings: &mut Vec<Problem>,
    ) {
        let kind_name = graph.kind(scheme);
        let premises: Vec<NodeId> = graph
            .inputs(scheme)
            .iter()
            .filter_map(|p| box_of.get(p).copied())
            .collect();
        let targets = graph.outputs(scheme);
        if premises.is_empty() {
            warnings.push(Problem::new(
                None,
                format!("{kind_name} node {scheme} has no premise among the I-nodes; skipped"),
            ));
            return;
        }
        let kind = match kind_name {
            "CA" => EdgeKind::Attacks,
            _ => EdgeKind::Supports,
        };
        let mut aimed = false;
        for target in targets {
            if let Some(&to) = box_of.get(target) {
                aimed = true;
                self.add_arrows(map, scheme, &premises, to, kind);
            } else if kind_name == "CA" && matches!(graph.kind(target), "RA" | "CA" | "MA") {
                aimed = true;
                self.undercuts
                    .push((scheme.to_owned(), premises.clone(), target.clone()));
            }
        }
        if !aimed {
            warnings.push(Problem::new(
                None,
                format!("{kind_name} node {scheme} points at no I-node; skipped"),
            ));
            return;
        }
        let tag = match (
            kind_name,
            graph.node(scheme).and_then(|n| n.scheme.as_deref()),
        ) {
            ("MA", _) => Some(REPHRASE_TAG.to_owned()),
            (_, Some(name)) if !DEFAULT_SCHEMES.contains(&name) => Some(name.to_owned()),
            _ => None,
        };
        if let Some(tag) = tag {
            for premise in &premises {
                if let Some(node) = map.nodes.get_mut(premise)
                    && !node.tags.contains(&tag)
                {
                    node.tags.push(tag.clone());
                }
            }
        }
    }

    fn add_arrows(
        &mut self,
        map: &mut Map,
        scheme: &str,
        premises: &[NodeId],
        to: NodeId,
        kind: EdgeKind,
    ) {
        let fresh: Vec<NodeId> = premises
            .iter()
            .copied()
            .filter(|&from| from != to && !self.made.contains(&(from, Target::Node(to), kind)))
            .collect();
        let group = (kind == EdgeKind::Supports && fresh.len() > 1).then(|| map.next_group_id());
        for from in fresh {
            let id = map.next_edge_id();
            let mut edge = Edge::new(id, from, Target::Node(to), kind);
            edge.group = group;
            map.edges.insert(id, edge);
            self.made.insert((from, Target::Node(to), kind));
            self.of_scheme
                .entry(scheme.to_owned())
                .or_default()
                .push(id);
        }
    }

    /// A CA aimed at a scheme node undercuts that scheme's first arrow.
    /// Undercuts of undercuts wait until their target exists.
    fn add_undercuts(&mut self, map: &mut Map, graph: &AifGraph, warnings: &mut Vec<Problem>) {
        let mut waiting = std::mem::take(&mut self.undercuts);
        loop {
            let before = waiting.len();
            waiting.retain(|(scheme, premises, target)| {
                let Some(&cut) = self.of_scheme.get(target).and_then(|ids| ids.first()) else {
                    return true;
                };
                for &from in premises {
                    let key = (from, Target::Edge(cut), EdgeKind::Undercuts);
                    if self.made.insert(key) {
                        let id = map.next_edge_id();
                        map.edges.insert(
                            id,
                            Edge::new(id, from, Target::Edge(cut), EdgeKind::Undercuts),
                        );
                        self.of_scheme.entry(scheme.clone()).or_default().push(id);
                    }
                }
                false
            });
            if waiting.len() == before {
                break;
            }
        }
        for (scheme, _, target) in waiting {
            warnings.push(Problem::new(
                None,
                format!(
                    "CA node {scheme} attacks {} node {target}, which made no arrow; skipped",
                    graph.kind(&target)
                ),
            ));
        }
    }
}

/// OVA positions for the boxes that have one; the rest are unplaced.
fn place(map: &mut Map, graph: &AifGraph, box_of: &BTreeMap<String, NodeId>) -> Vec<NodeId> {
    let mut unplaced = Vec::new();
    for (aif_id, id) in box_of {
        let at = graph.positions.get(aif_id).copied();
        match (at, map.nodes.get_mut(id)) {
            (Some(at), Some(node)) => node.pos = at,
            _ => unplaced.push(*id),
        }
    }
    unplaced.sort_unstable();
    unplaced
}
