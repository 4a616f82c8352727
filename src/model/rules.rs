//! The rules every map keeps: nothing dangles, arrows have the right shape,
//! linked arguments agree. Edits, file checks and tests all ask these.

use super::{Edge, EdgeId, EdgeKind, GroupId, NodeId, SourceId, Span, Target};
use std::collections::BTreeMap;
use thiserror::Error;

/// A broken rule.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Violation {
    #[error("there is no node {0}")]
    MissingNode(NodeId),
    #[error("there is no edge {0}")]
    MissingEdge(EdgeId),
    #[error("there is no source {0}")]
    MissingSource(SourceId),
    #[error("an undercut must point at an arrow, not at a box")]
    UndercutOfNode,
    #[error("only an undercut can point at an arrow; this one {0}")]
    NonUndercutOfEdge(EdgeKind),
    #[error("node {0} points at itself")]
    SelfLoop(NodeId),
    #[error("edge {0} undercuts itself")]
    SelfUndercut(EdgeId),
    #[error("linked argument {group} mixes targets or kinds (edge {other} differs)")]
    MixedGroup { group: GroupId, other: EdgeId },
    #[error("span {start}..{end} is empty or reversed")]
    EmptySpan { start: usize, end: usize },
    #[error("span {start}..{end} runs past the end of source {source_id} ({len} chars)")]
    SpanPastEnd {
        source_id: SourceId,
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("a position is not a number")]
    NotANumber,
}

/// An edge starts at an existing node, ends at something that exists, and
/// points at an edge exactly when it undercuts.
pub fn check_edge(
    edge: &Edge,
    node_exists: impl Fn(NodeId) -> bool,
    edge_exists: impl Fn(EdgeId) -> bool,
) -> Result<(), Violation> {
    if !node_exists(edge.from) {
        return Err(Violation::MissingNode(edge.from));
    }
    match (edge.kind, edge.to) {
        (_, Target::Node(to)) if !node_exists(to) => Err(Violation::MissingNode(to)),
        (_, Target::Edge(to)) if !edge_exists(to) => Err(Violation::MissingEdge(to)),
        (EdgeKind::Undercuts, Target::Node(_)) => Err(Violation::UndercutOfNode),
        (kind @ (EdgeKind::Supports | EdgeKind::Attacks), Target::Edge(_)) => {
            Err(Violation::NonUndercutOfEdge(kind))
        }
        (_, Target::Node(to)) if to == edge.from => Err(Violation::SelfLoop(to)),
        (_, Target::Edge(to)) if to == edge.id => Err(Violation::SelfUndercut(to)),
        _ => Ok(()),
    }
}

/// Edges of one linked argument share their target and their kind.
/// `others` are the map's other edges.
pub fn check_group<'a>(
    others: impl IntoIterator<Item = &'a Edge>,
    edge: &Edge,
) -> Result<(), Violation> {
    let Some(group) = edge.group else {
        return Ok(());
    };
    let clash = others.into_iter().find(|e| {
        e.id != edge.id && e.group == Some(group) && (e.to != edge.to || e.kind != edge.kind)
    });
    match clash {
        Some(other) => Err(Violation::MixedGroup {
            group,
            other: other.id,
        }),
        None => Ok(()),
    }
}

/// The edges that break the linked-argument rule, each with its violation:
/// an edge is compared with the first edge of its group. Linear in `edges`.
pub fn group_violations<'a>(edges: impl IntoIterator<Item = &'a Edge>) -> Vec<(EdgeId, Violation)> {
    let mut first_of_group: BTreeMap<GroupId, &Edge> = BTreeMap::new();
    let mut found = Vec::new();
    for edge in edges {
        let Some(group) = edge.group else { continue };
        let first = *first_of_group.entry(group).or_insert(edge);
        if first.to != edge.to || first.kind != edge.kind {
            found.push((
                edge.id,
                Violation::MixedGroup {
                    group,
                    other: first.id,
                },
            ));
        }
    }
    found
}

/// A span is non-empty and lies inside its source (orphans excepted: their
/// offsets say where they were). `source_len` is the
/// length in chars of the span's source, or `None` if there is no such source.
pub fn check_span_bounds(span: &Span, source_len: Option<usize>) -> Result<(), Violation> {
    let Some(len) = source_len else {
        return Err(Violation::MissingSource(span.source));
    };
    if span.orphan {
        // Where an orphan was is history, not a claim about the text now.
        return Ok(());
    }
    if span.start >= span.end {
        return Err(Violation::EmptySpan {
            start: span.start,
            end: span.end,
        });
    }
    if span.end > len {
        return Err(Violation::SpanPastEnd {
            source_id: span.source,
            start: span.start,
            end: span.end,
            len,
        });
    }
    Ok(())
}
