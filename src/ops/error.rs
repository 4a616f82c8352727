//! Why an edit could not be applied. A refused edit leaves the map unchanged.

use crate::model::{EdgeId, NodeId, SourceId, Violation};
use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    #[error(transparent)]
    Broken(#[from] Violation),
    #[error("node id {0} is already taken")]
    NodeIdTaken(NodeId),
    #[error("edge id {0} is already taken")]
    EdgeIdTaken(EdgeId),
    #[error("source id {0} is already taken")]
    SourceIdTaken(SourceId),
}

impl EditError {
    pub(crate) fn missing_node(id: NodeId) -> Self {
        Self::Broken(Violation::MissingNode(id))
    }
}
