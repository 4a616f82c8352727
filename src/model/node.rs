//! A box on the map.

use super::{Assumption, NodeId, NodeKind, Point, Span};

/// One box: a claim, reason, objection, ... with its words and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: NodeId,
    pub kind: NodeKind,
    pub text: String,
    pub pos: Point,
    /// Passages of the map's sources this box was taken from.
    pub spans: Vec<Span>,
    /// Free notes the user keeps beside the box (not shown on the canvas).
    pub notes: String,
    /// User tags, in the order the user gave them.
    pub tags: Vec<String>,
    /// A pinned box keeps its place when the map is laid out again.
    pub pinned: bool,
    /// "What if": the user takes this box as standing or falling.
    pub assumption: Option<Assumption>,
    /// Its subtree is folded away (shown as "+N" on the box).
    pub collapsed: bool,
}

impl Node {
    pub fn new(id: NodeId, kind: NodeKind, text: impl Into<String>, pos: Point) -> Self {
        Self {
            id,
            kind,
            text: text.into(),
            pos,
            spans: Vec::new(),
            notes: String::new(),
            tags: Vec::new(),
            pinned: false,
            assumption: None,
            collapsed: false,
        }
    }
}
