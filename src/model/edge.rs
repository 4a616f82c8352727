//! An arrow on the map.

use super::{EdgeId, EdgeKind, GroupId, NodeId};
use serde::{Deserialize, Serialize};

/// What an arrow points at: a box, or (for an undercut) another arrow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    Node(NodeId),
    Edge(EdgeId),
}

/// One arrow from a box to a box or to an arrow.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub id: EdgeId,
    pub from: NodeId,
    pub to: Target,
    pub kind: EdgeKind,
    /// Linked premises: support edges with the same group and target form one
    /// argument whose premises hold the conclusion up only together.
    pub group: Option<GroupId>,
}

impl Edge {
    pub fn new(id: EdgeId, from: NodeId, to: Target, kind: EdgeKind) -> Self {
        Self {
            id,
            from,
            to,
            kind,
            group: None,
        }
    }

    /// The node this edge points at, if it points at a node.
    pub fn target_node(&self) -> Option<NodeId> {
        match self.to {
            Target::Node(id) => Some(id),
            Target::Edge(_) => None,
        }
    }
}
