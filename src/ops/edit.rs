//! Every change to a map is an [`Edit`]; applying one returns its inverse.

use super::EditError;
use crate::model::rules::{check_edge, check_group, check_span_bounds};
use crate::model::{
    Assumption, Edge, EdgeId, EdgeKind, GroupId, Map, Node, NodeId, NodeKind, Point, Source,
    SourceId, Span, Violation,
};
use std::collections::{BTreeMap, BTreeSet};
use std::mem;

/// One undoable change to a [`Map`].
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds boxes and arrows. Ids must be free; arrows may point at boxes and
    /// arrows of the same edit.
    Insert {
        nodes: Vec<Node>,
        edges: Vec<Edge>,
    },
    /// Removes boxes and arrows, with every arrow that touches a removed box
    /// and every undercut of a removed arrow.
    Remove {
        nodes: Vec<NodeId>,
        edges: Vec<EdgeId>,
    },
    MoveNodes {
        to: Vec<(NodeId, Point)>,
    },
    SetText {
        node: NodeId,
        text: String,
    },
    SetKind {
        node: NodeId,
        kind: NodeKind,
    },
    SetNotes {
        node: NodeId,
        notes: String,
    },
    SetTags {
        node: NodeId,
        tags: Vec<String>,
    },
    SetPinned {
        node: NodeId,
        pinned: bool,
    },
    SetSpans {
        node: NodeId,
        spans: Vec<Span>,
    },
    /// "What if": take a box as standing or falling, or drop the assumption.
    SetAssumption {
        node: NodeId,
        assumption: Option<Assumption>,
    },
    /// Fold a box's subtree away, or unfold it.
    SetCollapsed {
        node: NodeId,
        collapsed: bool,
    },
    /// The presentation's steps (`None`: the order the layout gives).
    SetSteps {
        steps: Option<Vec<Vec<NodeId>>>,
    },
    SetEdgeKind {
        edge: EdgeId,
        kind: EdgeKind,
    },
    SetEdgeGroup {
        edge: EdgeId,
        group: Option<GroupId>,
    },
    SetTitle {
        title: String,
    },
    AddSource {
        source: Source,
    },
    /// Removes a source and every span that quotes it.
    RemoveSource {
        source: SourceId,
    },
    /// Replaces a source's title, path and text (spans are not moved).
    ReplaceSource {
        source: Source,
    },
    /// Several edits as one step; all apply or none does.
    Batch(Vec<Edit>),
}

impl Edit {
    /// Applies `self` to `map` and returns the edit that undoes it. On error
    /// the map is left as it was.
    pub fn apply(self, map: &mut Map) -> Result<Edit, EditError> {
        match self {
            Edit::Insert { nodes, edges } => insert(map, nodes, edges),
            Edit::Remove { nodes, edges } => Ok(remove(map, &nodes, &edges)),
            Edit::MoveNodes { to } => move_nodes(map, to),
            Edit::SetText { node, text } => {
                let old = mem::replace(&mut node_mut(map, node)?.text, text);
                Ok(Edit::SetText { node, text: old })
            }
            Edit::SetKind { node, kind } => {
                let old = mem::replace(&mut node_mut(map, node)?.kind, kind);
                Ok(Edit::SetKind { node, kind: old })
            }
            Edit::SetNotes { node, notes } => {
                let old = mem::replace(&mut node_mut(map, node)?.notes, notes);
                Ok(Edit::SetNotes { node, notes: old })
            }
            Edit::SetTags { node, tags } => {
                let old = mem::replace(&mut node_mut(map, node)?.tags, tags);
                Ok(Edit::SetTags { node, tags: old })
            }
            Edit::SetPinned { node, pinned } => {
                let old = mem::replace(&mut node_mut(map, node)?.pinned, pinned);
                Ok(Edit::SetPinned { node, pinned: old })
            }
            Edit::SetAssumption { node, assumption } => {
                let old = mem::replace(&mut node_mut(map, node)?.assumption, assumption);
                Ok(Edit::SetAssumption {
                    node,
                    assumption: old,
                })
            }
            Edit::SetCollapsed { node, collapsed } => {
                let old = mem::replace(&mut node_mut(map, node)?.collapsed, collapsed);
                Ok(Edit::SetCollapsed {
                    node,
                    collapsed: old,
                })
            }
            Edit::SetSteps { steps } => Ok(Edit::SetSteps {
                steps: mem::replace(&mut map.steps, steps),
            }),
            Edit::SetSpans { node, spans } => {
                check_spans(map, &spans)?;
                let old = mem::replace(&mut node_mut(map, node)?.spans, spans);
                Ok(Edit::SetSpans { node, spans: old })
            }
            Edit::SetEdgeKind { edge, kind } => set_edge_kind(map, edge, kind),
            Edit::SetEdgeGroup { edge, group } => set_edge_group(map, edge, group),
            Edit::SetTitle { title } => Ok(Edit::SetTitle {
                title: mem::replace(&mut map.title, title),
            }),
            Edit::AddSource { source } => add_source(map, source),
            Edit::RemoveSource { source } => remove_source(map, source),
            Edit::ReplaceSource { source } => replace_source(map, source),
            Edit::Batch(edits) => batch(map, edits),
        }
    }

    /// Whether this edit may change what the source panel shows: spans,
    /// sources, which boxes exist, or their kinds (the highlight colours).
    /// Moves, texts, notes, tags, pins, arrows and the title do not.
    pub fn touches_sources(&self) -> bool {
        match self {
            Edit::Insert { .. }
            | Edit::Remove { .. }
            | Edit::SetSpans { .. }
            | Edit::SetKind { .. }
            | Edit::AddSource { .. }
            | Edit::RemoveSource { .. }
            | Edit::ReplaceSource { .. } => true,
            Edit::MoveNodes { .. }
            | Edit::SetText { .. }
            | Edit::SetNotes { .. }
            | Edit::SetTags { .. }
            | Edit::SetPinned { .. }
            | Edit::SetAssumption { .. }
            | Edit::SetCollapsed { .. }
            | Edit::SetSteps { .. }
            | Edit::SetEdgeKind { .. }
            | Edit::SetEdgeGroup { .. }
            | Edit::SetTitle { .. } => false,
            Edit::Batch(edits) => edits.iter().any(Edit::touches_sources),
        }
    }

    /// Whether this edit may change what evaluation says: which boxes and
    /// arrows exist, box kinds (main claims), arrow kinds and groups, and
    /// assumptions. Moves and words do not.
    pub fn touches_arguments(&self) -> bool {
        match self {
            Edit::Insert { .. }
            | Edit::Remove { .. }
            | Edit::SetKind { .. }
            | Edit::SetAssumption { .. }
            | Edit::SetEdgeKind { .. }
            | Edit::SetEdgeGroup { .. } => true,
            Edit::MoveNodes { .. }
            | Edit::SetText { .. }
            | Edit::SetNotes { .. }
            | Edit::SetTags { .. }
            | Edit::SetPinned { .. }
            | Edit::SetCollapsed { .. }
            | Edit::SetSteps { .. }
            | Edit::SetSpans { .. }
            | Edit::SetTitle { .. }
            | Edit::AddSource { .. }
            | Edit::RemoveSource { .. }
            | Edit::ReplaceSource { .. } => false,
            Edit::Batch(edits) => edits.iter().any(Edit::touches_arguments),
        }
    }

    /// Whether applying this edit would change nothing worth an undo step.
    pub fn is_empty(&self) -> bool {
        match self {
            Edit::Insert { nodes, edges } => nodes.is_empty() && edges.is_empty(),
            Edit::Remove { nodes, edges } => nodes.is_empty() && edges.is_empty(),
            Edit::MoveNodes { to } => to.is_empty(),
            Edit::Batch(edits) => edits.iter().all(Edit::is_empty),
            _ => false,
        }
    }
}

fn node_mut(map: &mut Map, id: NodeId) -> Result<&mut Node, EditError> {
    map.nodes.get_mut(&id).ok_or(EditError::missing_node(id))
}

/// Every span must quote an existing source and lie inside it.
fn check_spans(map: &Map, spans: &[Span]) -> Result<(), EditError> {
    check_spans_counted(map, spans, &mut BTreeMap::new())
}

/// As [`check_spans`], with each source's length in chars counted once
/// into `lengths` (inserting a thousand boxes that quote one long source
/// must not count its chars a thousand times).
fn check_spans_counted(
    map: &Map,
    spans: &[Span],
    lengths: &mut BTreeMap<crate::model::SourceId, Option<usize>>,
) -> Result<(), EditError> {
    for span in spans {
        let len = *lengths.entry(span.source).or_insert_with(|| {
            map.sources
                .get(&span.source)
                .map(|s| s.text.chars().count())
        });
        check_span_bounds(span, len)?;
    }
    Ok(())
}

fn insert(map: &mut Map, nodes: Vec<Node>, edges: Vec<Edge>) -> Result<Edit, EditError> {
    let mut new_nodes = BTreeSet::new();
    let mut lengths = BTreeMap::new();
    for node in &nodes {
        if map.nodes.contains_key(&node.id) || !new_nodes.insert(node.id) {
            return Err(EditError::NodeIdTaken(node.id));
        }
        if !node.pos.is_finite() {
            return Err(Violation::NotANumber.into());
        }
        check_spans_counted(map, &node.spans, &mut lengths)?;
    }
    let mut new_edges = BTreeSet::new();
    for edge in &edges {
        if map.edges.contains_key(&edge.id) || !new_edges.insert(edge.id) {
            return Err(EditError::EdgeIdTaken(edge.id));
        }
    }
    for edge in &edges {
        let node_exists = |id: NodeId| map.nodes.contains_key(&id) || new_nodes.contains(&id);
        let edge_exists = |id: EdgeId| map.edges.contains_key(&id) || new_edges.contains(&id);
        check_edge(edge, node_exists, edge_exists)?;
    }
    let inverse = Edit::Remove {
        nodes: new_nodes.into_iter().collect(),
        edges: new_edges.into_iter().collect(),
    };
    check_group_all(map, &edges)?;
    for node in nodes {
        map.nodes.insert(node.id, node);
    }
    for edge in edges {
        map.edges.insert(edge.id, edge);
    }
    Ok(inverse)
}

/// Checks the linked-argument rule for edges about to be inserted: each
/// against the map's edges of its group and the inserted ones before it.
/// One pass over the map's edges, however many are inserted.
fn check_group_all(map: &Map, edges: &[Edge]) -> Result<(), EditError> {
    let wanted: BTreeSet<GroupId> = edges.iter().filter_map(|e| e.group).collect();
    if wanted.is_empty() {
        return Ok(());
    }
    let mut members: BTreeMap<GroupId, Vec<&Edge>> = BTreeMap::new();
    for edge in map.edges.values() {
        if let Some(group) = edge.group.filter(|g| wanted.contains(g)) {
            members.entry(group).or_default().push(edge);
        }
    }
    for edge in edges {
        let Some(group) = edge.group else {
            continue;
        };
        let others = members.entry(group).or_default();
        check_group(others.iter().copied(), edge)?;
        others.push(edge);
    }
    Ok(())
}

fn remove(map: &mut Map, nodes: &[NodeId], edges: &[EdgeId]) -> Edit {
    let nodes: BTreeSet<NodeId> = nodes
        .iter()
        .copied()
        .filter(|id| map.nodes.contains_key(id))
        .collect();
    let edges: BTreeSet<EdgeId> = edges
        .iter()
        .copied()
        .filter(|id| map.edges.contains_key(id))
        .collect();
    let doomed = map.edges_depending_on(&nodes, &edges);
    let removed_edges = doomed
        .iter()
        .filter_map(|id| map.edges.remove(id))
        .collect();
    let removed_nodes = nodes.iter().filter_map(|id| map.nodes.remove(id)).collect();
    Edit::Insert {
        nodes: removed_nodes,
        edges: removed_edges,
    }
}

fn move_nodes(map: &mut Map, to: Vec<(NodeId, Point)>) -> Result<Edit, EditError> {
    for (id, pos) in &to {
        if !map.nodes.contains_key(id) {
            return Err(EditError::missing_node(*id));
        }
        if !pos.is_finite() {
            return Err(Violation::NotANumber.into());
        }
    }
    let mut back = Vec::with_capacity(to.len());
    for (id, pos) in to {
        if let Some(node) = map.nodes.get_mut(&id) {
            back.push((id, mem::replace(&mut node.pos, pos)));
        }
    }
    back.reverse();
    Ok(Edit::MoveNodes { to: back })
}

fn set_edge_kind(map: &mut Map, id: EdgeId, kind: EdgeKind) -> Result<Edit, EditError> {
    let edge = map.edges.get(&id).ok_or(Violation::MissingEdge(id))?;
    let mut changed = edge.clone();
    changed.kind = kind;
    check_edge(&changed, |_| true, |_| true)?;
    check_group(map.edges.values(), &changed)?;
    let old = edge.kind;
    if let Some(edge) = map.edges.get_mut(&id) {
        edge.kind = kind;
    }
    Ok(Edit::SetEdgeKind {
        edge: id,
        kind: old,
    })
}

fn set_edge_group(map: &mut Map, id: EdgeId, group: Option<GroupId>) -> Result<Edit, EditError> {
    let edge = map.edges.get(&id).ok_or(Violation::MissingEdge(id))?;
    let mut changed = edge.clone();
    changed.group = group;
    check_group(map.edges.values(), &changed)?;
    let old = edge.group;
    if let Some(edge) = map.edges.get_mut(&id) {
        edge.group = group;
    }
    Ok(Edit::SetEdgeGroup {
        edge: id,
        group: old,
    })
}

fn add_source(map: &mut Map, source: Source) -> Result<Edit, EditError> {
    if map.sources.contains_key(&source.id) {
        return Err(EditError::SourceIdTaken(source.id));
    }
    let id = source.id;
    map.sources.insert(id, source);
    Ok(Edit::RemoveSource { source: id })
}

fn remove_source(map: &mut Map, id: SourceId) -> Result<Edit, EditError> {
    let source = map
        .sources
        .remove(&id)
        .ok_or(Violation::MissingSource(id))?;
    let mut restore = vec![Edit::AddSource { source }];
    for node in map.nodes.values_mut() {
        if node.spans.iter().any(|s| s.source == id) {
            let old = node.spans.clone();
            node.spans.retain(|s| s.source != id);
            restore.push(Edit::SetSpans {
                node: node.id,
                spans: old,
            });
        }
    }
    Ok(Edit::Batch(restore))
}

fn replace_source(map: &mut Map, source: Source) -> Result<Edit, EditError> {
    let slot = map
        .sources
        .get_mut(&source.id)
        .ok_or(Violation::MissingSource(source.id))?;
    let old = mem::replace(slot, source);
    Ok(Edit::ReplaceSource { source: old })
}

fn batch(map: &mut Map, edits: Vec<Edit>) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(map) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                // Roll back what was applied, newest first; each inverse was
                // produced from the state it now restores, so it applies.
                for inverse in inverses.into_iter().rev() {
                    let _ = inverse.apply(map);
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}
