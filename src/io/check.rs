//! Everything wrong with a parsed map file, each problem placed in the file.

use super::Problem;
use super::document::{Document, EdgeDoc, SpanDoc};
use super::locate::{Step, locate};
use crate::anchor::{CharIndex, check_span};
use crate::model::rules::{check_edge, check_span_bounds, group_violations};
use crate::model::{Edge, EdgeId, SourceId, Span, Violation};
use std::collections::{BTreeMap, BTreeSet};

/// What a check found: errors make a file unreadable; warnings (orphaned
/// spans) are reported but the map opens.
#[derive(Debug, Default)]
pub struct Findings {
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

/// Duplicate ids, dangling references, misshapen arrows, spans outside their
/// source or whose quote no longer matches; orphaned spans as warnings.
/// `text` is the file the document was read from, used only to place them.
pub fn document_problems(doc: &Document, text: &str) -> Findings {
    let mut orphans: Vec<(Vec<Step<'static>>, String)> = Vec::new();
    let mut found: Vec<(Vec<Step<'static>>, String)> = Vec::new();
    let mut add = |path: Vec<Step<'static>>, message: String| found.push((path, message));

    unique_ids(
        doc.sources.iter().map(|s| s.id),
        "sources",
        "source",
        &mut add,
    );
    let node_ids = unique_ids(doc.nodes.iter().map(|n| n.id), "nodes", "node", &mut add);
    let edge_ids = unique_ids(doc.edges.iter().map(|e| e.id), "edges", "edge", &mut add);

    let indexes: BTreeMap<SourceId, CharIndex<'_>> = doc
        .sources
        .iter()
        .map(|s| (s.id, CharIndex::new(&s.text)))
        .collect();

    for (i, node) in doc.nodes.iter().enumerate() {
        let at = |key| vec![Step::Key("nodes"), Step::Index(i), Step::Key(key)];
        match (node.x, node.y) {
            (Some(_), None) => add(at("x"), format!("node {} has x but no y", node.id)),
            (None, Some(_)) => add(at("y"), format!("node {} has y but no x", node.id)),
            (Some(x), Some(y)) if !x.is_finite() || !y.is_finite() => {
                add(
                    at("x"),
                    format!("node {} has a position that is not a number", node.id),
                );
            }
            _ => {}
        }
        for (j, doc_span) in node.spans.iter().enumerate() {
            let span = as_span(doc_span);
            if span.orphan {
                let path = vec![
                    Step::Key("nodes"),
                    Step::Index(i),
                    Step::Key("spans"),
                    Step::Index(j),
                ];
                orphans.push((path, format!(
                    "node {}: orphaned span: \u{201c}{}\u{201d} was not found again in source {} after it changed; attach the box to the words again or remove the span",
                    node.id,
                    crate::anchor::shorten(&span.quote),
                    span.source
                )));
            }
            let index = indexes.get(&span.source);
            let checked = check_span_bounds(&span, index.map(CharIndex::len_chars))
                .map_err(|v| v.to_string())
                .and_then(|()| match index {
                    Some(index) if !span.orphan => {
                        check_span(index, &span).map_err(|e| e.to_string())
                    }
                    _ => Ok(()),
                });
            if let Err(message) = checked {
                let path = vec![
                    Step::Key("nodes"),
                    Step::Index(i),
                    Step::Key("spans"),
                    Step::Index(j),
                ];
                add(path, format!("node {}: {message}", node.id));
            }
        }
    }

    let edges: Vec<Edge> = doc.edges.iter().map(as_edge).collect();
    let mut mixed_groups: BTreeMap<EdgeId, Violation> =
        group_violations(&edges).into_iter().collect();
    for (i, edge) in edges.iter().enumerate() {
        let checked = check_edge(
            edge,
            |id| node_ids.contains(&id),
            |id| edge_ids.contains(&id),
        )
        .and_then(|()| mixed_groups.remove(&edge.id).map_or(Ok(()), Err));
        if let Err(violation) = checked {
            let path = vec![Step::Key("edges"), Step::Index(i)];
            add(path, format!("edge {}: {violation}", edge.id));
        }
    }
    let place =
        |(path, message): (Vec<Step<'_>>, String)| Problem::new(locate(text, &path), message);
    Findings {
        errors: found.into_iter().map(place).collect(),
        warnings: orphans.into_iter().map(place).collect(),
    }
}

/// The set of ids, reporting each id seen before at the later place.
fn unique_ids<Id: Ord + Copy + std::fmt::Display>(
    ids: impl Iterator<Item = Id>,
    list: &'static str,
    what: &str,
    add: &mut impl FnMut(Vec<Step<'static>>, String),
) -> BTreeSet<Id> {
    let mut seen = BTreeSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            let path = vec![Step::Key(list), Step::Index(i), Step::Key("id")];
            add(path, format!("{what} id {id} is used twice"));
        }
    }
    seen
}

fn as_span(doc: &SpanDoc) -> Span {
    Span {
        source: doc.source,
        start: doc.start,
        end: doc.end,
        quote: doc.quote.clone(),
        prefix: String::new(),
        suffix: String::new(),
        orphan: doc.orphan,
    }
}

fn as_edge(doc: &EdgeDoc) -> Edge {
    let mut edge = Edge::new(doc.id, doc.from, doc.to, doc.kind);
    edge.group = doc.group;
    edge
}
