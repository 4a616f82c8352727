//! The map that ships: the article's arguments, each tied to its words.

use super::support::{ARTICLE, root};
use argmap::io;
use argmap::model::{EdgeKind, Map, NodeKind, Stats, Target};
use std::fs;

fn shipped() -> Map {
    io::load(&root().join("maps/internet-sovereignty.ron")).expect("the shipped map loads")
}

#[test]
fn shipped_map_is_a_real_map_of_the_article() {
    let map = shipped();
    let stats = Stats::of(&map);
    assert!(stats.nodes >= 30, "{} nodes", stats.nodes);
    assert!(
        stats.anchored_nodes >= 24,
        "{} anchored",
        stats.anchored_nodes
    );
    assert!(stats.edges_by_kind[&EdgeKind::Attacks] >= 5);
    assert!(
        stats.nodes_by_kind[&NodeKind::Rebuttal] + stats.edges_by_kind[&EdgeKind::Undercuts] >= 1
    );
    assert!(
        stats.linked_arguments >= 1,
        "a linked argument shows the representation is used"
    );
    assert!(map.violations().is_empty());
}

#[test]
fn shipped_map_carries_the_article_as_it_is() {
    let map = shipped();
    let article = fs::read_to_string(root().join(ARTICLE)).expect("seed");
    let source = map.sources.values().next().expect("one source");
    assert_eq!(*source.text, *article);
    let relative = source.path.as_deref().expect("source keeps its path");
    let from_map = root().join("maps").join(relative);
    assert_eq!(
        fs::read_to_string(from_map).expect("path resolves from the map's folder"),
        article
    );
}

#[test]
fn every_claim_in_the_shipped_map_is_argued() {
    let map = shipped();
    for node in map.nodes.values().filter(|n| n.kind == NodeKind::Claim) {
        assert!(
            map.edges_into(Target::Node(node.id)).count() >= 2,
            "claim {} stands alone",
            node.id
        );
    }
}
