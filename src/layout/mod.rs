//! Where boxes go: automatic layout, and placement of unplaced nodes.

mod place;
pub mod steps;
mod tree;

pub use place::{LEVEL_HEIGHT, SLOT_WIDTH, place_unplaced};
pub use tree::{H_GAP, Scope, Sizes, V_GAP, layout};

/// The root of the tree each box hangs in, as layout reads the map into
/// trees: a box hangs under the box it argues about first (an undercutter
/// beside the premise it cuts); a box that argues about nothing is a root.
pub fn tree_roots(
    map: &crate::model::Map,
) -> std::collections::BTreeMap<crate::model::NodeId, crate::model::NodeId> {
    let forest = tree::Forest::of(map);
    let mut root_of = std::collections::BTreeMap::new();
    for root in &forest.roots {
        for id in forest.subtree(*root) {
            root_of.insert(id, *root);
        }
    }
    root_of
}
