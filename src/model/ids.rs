//! Stable integer ids. An id never changes once given; saved files keep them.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl From<$name> for u64 {
            fn from(id: $name) -> u64 {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// Names a [`crate::model::Node`] within its map.
    NodeId
);
id_type!(
    /// Names an [`crate::model::Edge`] within its map.
    EdgeId
);
id_type!(
    /// Names a [`crate::model::Source`] within its map.
    SourceId
);
id_type!(
    /// Names a linked argument: edges sharing it support their target only together.
    GroupId
);
