//! What a box is and what an arrow does.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The role of a box in an argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Claim,
    Reason,
    Objection,
    Rebuttal,
    Evidence,
    Question,
    Note,
}

impl NodeKind {
    pub const ALL: [NodeKind; 7] = [
        NodeKind::Claim,
        NodeKind::Reason,
        NodeKind::Objection,
        NodeKind::Rebuttal,
        NodeKind::Evidence,
        NodeKind::Question,
        NodeKind::Note,
    ];

    /// The lowercase name used in files and on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            NodeKind::Claim => "claim",
            NodeKind::Reason => "reason",
            NodeKind::Objection => "objection",
            NodeKind::Rebuttal => "rebuttal",
            NodeKind::Evidence => "evidence",
            NodeKind::Question => "question",
            NodeKind::Note => "note",
        }
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What an arrow says about its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKind {
    /// The source node gives a reason to accept the target node.
    Supports,
    /// The source node gives a reason to reject the target node.
    Attacks,
    /// The source node denies that an inference (an edge) holds.
    Undercuts,
}

impl EdgeKind {
    pub const ALL: [EdgeKind; 3] = [EdgeKind::Supports, EdgeKind::Attacks, EdgeKind::Undercuts];

    pub const fn name(self) -> &'static str {
        match self {
            EdgeKind::Supports => "supports",
            EdgeKind::Attacks => "attacks",
            EdgeKind::Undercuts => "undercuts",
        }
    }
}

impl fmt::Display for EdgeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What the user assumes of a box for "what if": it stands whatever
/// attacks it, or it falls whatever defends it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Assumption {
    Accepted,
    Rejected,
}

impl Assumption {
    pub const fn name(self) -> &'static str {
        match self {
            Assumption::Accepted => "accepted",
            Assumption::Rejected => "rejected",
        }
    }
}
