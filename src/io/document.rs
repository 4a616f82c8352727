//! The file shape shared by RON and JSON: the contract of ARCHITECTURE.md.
//! Converting between this and [`Map`] is the only place that knows both.

use crate::model::{
    Assumption, Edge, EdgeId, EdgeKind, GroupId, Map, Node, NodeId, NodeKind, Point, Source,
    SourceId, Span, Target,
};
use serde::{Deserialize, Serialize};

/// The name every map file carries in its `format` field.
pub const FORMAT_NAME: &str = "argmap";
/// The newest file version this program reads and the one it writes.
pub const CURRENT_VERSION: u64 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename = "Map")]
pub struct Document {
    pub format: String,
    pub version: u64,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub sources: Vec<SourceDoc>,
    #[serde(default)]
    pub nodes: Vec<NodeDoc>,
    #[serde(default)]
    pub edges: Vec<EdgeDoc>,
    /// Added after version 1, optional: the presentation's steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<Vec<NodeId>>>,
}

/// Only the fields that say what a file is, read first so that a file from
/// a newer program is refused by its version, not by a parse error.
#[derive(Debug, Deserialize)]
pub struct Header {
    pub format: Option<String>,
    pub version: Option<u64>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename = "Source")]
pub struct SourceDoc {
    pub id: SourceId,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub path: Option<String>,
    pub text: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename = "Node")]
pub struct NodeDoc {
    pub id: NodeId,
    pub kind: NodeKind,
    pub text: String,
    #[serde(default)]
    pub x: Option<f64>,
    #[serde(default)]
    pub y: Option<f64>,
    #[serde(default)]
    pub spans: Vec<SpanDoc>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub pinned: bool,
    /// Added after version 1 without a new version: readers that do not
    /// know it skip it, and files without it still load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assume: Option<Assumption>,
    /// Added after version 1, optional: the box's subtree is folded away.
    #[serde(default, skip_serializing_if = "is_false")]
    pub collapsed: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename = "Span")]
pub struct SpanDoc {
    pub source: SourceId,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    /// Set when re-anchoring could not find the quote: kept, flagged.
    #[serde(default, skip_serializing_if = "is_false")]
    pub orphan: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename = "Edge")]
pub struct EdgeDoc {
    pub id: EdgeId,
    pub from: NodeId,
    pub to: Target,
    pub kind: EdgeKind,
    /// Linked premises: edges with the same group form one argument.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupId>,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_false(value: &bool) -> bool {
    !*value
}

impl Document {
    /// The file form of `map`, every list sorted by id.
    pub fn from_map(map: &Map) -> Self {
        Self {
            format: FORMAT_NAME.to_owned(),
            version: CURRENT_VERSION,
            title: map.title.clone(),
            sources: map.sources.values().map(SourceDoc::from_source).collect(),
            nodes: map.nodes.values().map(NodeDoc::from_node).collect(),
            edges: map.edges.values().map(EdgeDoc::from_edge).collect(),
            // Steps name only boxes that are there.
            steps: map.steps.as_ref().map(|steps| {
                steps
                    .iter()
                    .map(|step| {
                        step.iter()
                            .copied()
                            .filter(|id| map.nodes.contains_key(id))
                            .collect::<Vec<_>>()
                    })
                    .filter(|step| !step.is_empty())
                    .collect()
            }),
        }
    }

    /// The map this document describes. Nodes without a position are left
    /// at `None` in the returned list so the caller can place them; ids are
    /// assumed checked (a later duplicate replaces an earlier one).
    pub fn into_map(self) -> (Map, Vec<NodeId>) {
        let mut map = Map::new(self.title);
        map.steps = self.steps;
        let mut unplaced = Vec::new();
        for source in self.sources {
            map.sources.insert(
                source.id,
                Source {
                    id: source.id,
                    title: source.title,
                    path: source.path,
                    text: source.text.into(),
                },
            );
        }
        for doc in self.nodes {
            let pos = if let (Some(x), Some(y)) = (doc.x, doc.y) {
                Point::new(x, y)
            } else {
                unplaced.push(doc.id);
                Point::default()
            };
            let node = Node {
                id: doc.id,
                kind: doc.kind,
                text: doc.text,
                pos,
                spans: doc.spans.into_iter().map(SpanDoc::into_span).collect(),
                notes: doc.notes,
                tags: doc.tags,
                pinned: doc.pinned,
                assumption: doc.assume,
                collapsed: doc.collapsed,
            };
            map.nodes.insert(node.id, node);
        }
        for doc in self.edges {
            let mut edge = Edge::new(doc.id, doc.from, doc.to, doc.kind);
            edge.group = doc.group;
            map.edges.insert(edge.id, edge);
        }
        (map, unplaced)
    }
}

impl SourceDoc {
    fn from_source(source: &Source) -> Self {
        Self {
            id: source.id,
            title: source.title.clone(),
            path: source.path.clone(),
            text: source.text.to_string(),
        }
    }
}

impl NodeDoc {
    fn from_node(node: &Node) -> Self {
        Self {
            id: node.id,
            kind: node.kind,
            text: node.text.clone(),
            x: Some(node.pos.x),
            y: Some(node.pos.y),
            spans: node.spans.iter().map(SpanDoc::from_span).collect(),
            notes: node.notes.clone(),
            tags: node.tags.clone(),
            pinned: node.pinned,
            assume: node.assumption,
            collapsed: node.collapsed,
        }
    }
}

impl SpanDoc {
    fn from_span(span: &Span) -> Self {
        Self {
            source: span.source,
            start: span.start,
            end: span.end,
            quote: span.quote.clone(),
            prefix: span.prefix.clone(),
            suffix: span.suffix.clone(),
            orphan: span.orphan,
        }
    }

    fn into_span(self) -> Span {
        Span {
            source: self.source,
            start: self.start,
            end: self.end,
            quote: self.quote,
            prefix: self.prefix,
            suffix: self.suffix,
            orphan: self.orphan,
        }
    }
}

impl EdgeDoc {
    fn from_edge(edge: &Edge) -> Self {
        Self {
            id: edge.id,
            from: edge.from,
            to: edge.to,
            kind: edge.kind,
            group: edge.group,
        }
    }
}
