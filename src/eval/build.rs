//! A map as an argumentation framework. The arguments are the boxes and
//! the inferences (a support arrow, or the arrows of one linked argument
//! together). An attack arrow attacks the box it points at; an undercut
//! attacks the inference it points at. An arrow that is itself undercut
//! becomes two helper arguments, so that "this attack holds" can fall
//! without its box falling: `attacker -> not-in -> holds -> target`, with
//! the undercuts attacking `holds`.

use super::framework::Framework;
use crate::model::{EdgeId, EdgeKind, GroupId, Map, NodeId, NodeKind, Target};
use std::collections::BTreeMap;

/// What an argument of the framework stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// A box.
    Node(NodeId),
    /// An inference: its premises support its conclusion (the index into
    /// [`Built::inferences`]).
    Inference(usize),
    /// An undercut arrow's helper: the arrow's attack holds.
    Holds(EdgeId),
    /// An undercut arrow's helper: the arrow's box is not in.
    NotIn(EdgeId),
}

/// One inference: premises that support a conclusion together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inference {
    pub conclusion: NodeId,
    pub premises: Vec<NodeId>,
    pub edges: Vec<EdgeId>,
}

/// One arrow, with its ends as indices: boxes into [`Built::nodes`],
/// arrows into [`Built::rows`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: EdgeId,
    pub from: usize,
    pub kind: EdgeKind,
    pub to: RowTarget,
    pub group: Option<GroupId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowTarget {
    Node(usize),
    Edge(usize),
}

/// The framework of a map, and what each of its arguments stands for.
#[derive(Clone, Debug, Default)]
pub struct Built {
    pub framework: Framework,
    pub args: Vec<Arg>,
    /// The map's boxes in id order: box `i` is argument `i`.
    pub nodes: Vec<NodeId>,
    /// Whether each box is a claim.
    pub claims: Vec<bool>,
    /// The map's arrows in id order, their ends as indices.
    pub rows: Vec<Row>,
    pub inferences: Vec<Inference>,
    /// For an undercut arrow: the box it starts from (to name it).
    pub edge_from: BTreeMap<EdgeId, NodeId>,
}

impl Built {
    /// The argument of box `id`.
    pub fn node_arg(&self, id: NodeId) -> Option<usize> {
        index_of(&self.nodes, id)
    }

    /// The inferences concluding in `id`.
    pub fn inferences_into(&self, id: NodeId) -> impl Iterator<Item = (usize, &Inference)> {
        self.inferences
            .iter()
            .enumerate()
            .filter(move |(_, i)| i.conclusion == id)
    }
}

/// Where `id` stands in `sorted`: ids are mostly 1, 2, 3, …, so look there
/// first, then halve.
pub fn index_of<Id: Ord + Copy + Into<u64>>(sorted: &[Id], id: Id) -> Option<usize> {
    let guess = usize::try_from(id.into()).ok()?.checked_sub(1);
    if let Some(g) = guess
        && sorted.get(g) == Some(&id)
    {
        return Some(g);
    }
    sorted.binary_search(&id).ok()
}

/// The framework of `map`: one pass over the boxes, one over the arrows,
/// then over the table of arrows.
pub fn build(map: &Map) -> Built {
    let (nodes, claims) = boxes(map);
    let rows = rows(map, &nodes);
    let mut args: Vec<Arg> = nodes.iter().map(|n| Arg::Node(*n)).collect();
    let (inferences, inference_of) = inferences(&rows, &nodes);
    let first_inference = args.len();
    args.extend((0..inferences.len()).map(Arg::Inference));

    // Attacking arrows that are undercut get their helper pair.
    let mut helpers: Vec<Option<(usize, usize)>> = vec![None; rows.len()];
    let mut edge_from = BTreeMap::new();
    for row in &rows {
        let (EdgeKind::Undercuts, RowTarget::Edge(t)) = (row.kind, row.to) else {
            continue;
        };
        let (Some(cut), Some(slot)) = (rows.get(t), helpers.get_mut(t)) else {
            continue;
        };
        if cut.kind == EdgeKind::Supports || slot.is_some() {
            continue; // an undercut of a support attacks its inference
        }
        let Some(&from) = nodes.get(cut.from) else {
            continue;
        };
        *slot = Some((args.len(), args.len() + 1));
        args.push(Arg::Holds(cut.id));
        args.push(Arg::NotIn(cut.id));
        edge_from.insert(cut.id, from);
    }

    // Where each attacking arrow strikes.
    let strikes = |target: RowTarget| -> Option<usize> {
        match target {
            RowTarget::Node(n) => Some(n),
            RowTarget::Edge(e) => match rows.get(e)?.kind {
                EdgeKind::Supports => inference_of
                    .get(e)
                    .copied()
                    .flatten()
                    .map(|i| first_inference + i),
                EdgeKind::Attacks | EdgeKind::Undercuts => {
                    helpers.get(e).copied().flatten().map(|(holds, _)| holds)
                }
            },
        }
    };
    let mut attacks: Vec<(usize, usize)> = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        if row.kind == EdgeKind::Supports {
            continue;
        }
        let Some(target) = strikes(row.to) else {
            continue;
        };
        match helpers.get(r).copied().flatten() {
            Some((holds, not_in)) => {
                attacks.extend([(row.from, not_in), (not_in, holds), (holds, target)]);
            }
            None => attacks.push((row.from, target)),
        }
    }
    Built {
        framework: Framework::new(args.len(), &attacks),
        args,
        nodes,
        claims,
        rows,
        inferences,
        edge_from,
    }
}

/// The boxes in id order, and whether each is a claim.
fn boxes(map: &Map) -> (Vec<NodeId>, Vec<bool>) {
    let mut nodes = Vec::with_capacity(map.nodes.len());
    let mut claims = Vec::with_capacity(map.nodes.len());
    for node in map.nodes.values() {
        nodes.push(node.id);
        claims.push(node.kind == NodeKind::Claim);
    }
    (nodes, claims)
}

/// The arrows as rows, their ends as indices.
fn rows(map: &Map, nodes: &[NodeId]) -> Vec<Row> {
    let ids: Vec<EdgeId> = map.edges.keys().copied().collect();
    let mut rows = Vec::with_capacity(map.edges.len());
    for edge in map.edges.values() {
        let Some(from) = index_of(nodes, edge.from) else {
            continue;
        };
        let to = match edge.to {
            Target::Node(n) => index_of(nodes, n).map(RowTarget::Node),
            Target::Edge(e) => index_of(&ids, e).map(RowTarget::Edge),
        };
        let Some(to) = to else { continue };
        rows.push(Row {
            id: edge.id,
            from,
            kind: edge.kind,
            to,
            group: edge.group,
        });
    }
    // Undercuts name arrows by row. Rows are skipped only for dangling
    // arrows (never in a checked map); then renumber, dropping undercuts of
    // dropped arrows, until nothing more drops.
    let mut numbered: Vec<EdgeId> = ids;
    while rows.len() != numbered.len() {
        let kept: Vec<EdgeId> = rows.iter().map(|r| r.id).collect();
        rows.retain_mut(|row| match row.to {
            RowTarget::Edge(i) => {
                match numbered.get(i).and_then(|id| kept.binary_search(id).ok()) {
                    Some(j) => {
                        row.to = RowTarget::Edge(j);
                        true
                    }
                    None => false,
                }
            }
            RowTarget::Node(_) => true,
        });
        numbered = kept;
    }
    rows
}

/// Support arrows into boxes as inferences, one per arrow or per linked
/// argument; and the inference of each row.
fn inferences(rows: &[Row], nodes: &[NodeId]) -> (Vec<Inference>, Vec<Option<usize>>) {
    let mut inferences: Vec<Inference> = Vec::new();
    let mut inference_of: Vec<Option<usize>> = vec![None; rows.len()];
    let mut group_inference = BTreeMap::new();
    for (r, row) in rows.iter().enumerate() {
        let (EdgeKind::Supports, RowTarget::Node(to)) = (row.kind, row.to) else {
            continue;
        };
        let (Some(&conclusion), Some(&premise)) = (nodes.get(to), nodes.get(row.from)) else {
            continue;
        };
        let shared = row.group.and_then(|g| group_inference.get(&g).copied());
        let index = shared.unwrap_or_else(|| {
            inferences.push(Inference {
                conclusion,
                premises: Vec::new(),
                edges: Vec::new(),
            });
            let index = inferences.len() - 1;
            if let Some(g) = row.group {
                group_inference.insert(g, index);
            }
            index
        });
        if let Some(inference) = inferences.get_mut(index) {
            inference.premises.push(premise);
            inference.edges.push(row.id);
        }
        if let Some(slot) = inference_of.get_mut(r) {
            *slot = Some(index);
        }
    }
    (inferences, inference_of)
}
