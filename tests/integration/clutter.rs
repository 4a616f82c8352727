//! Arrows through boxes and arrows crossing arrows, on the article's map as
//! it ships and on a generated 1,000-box map as `argmap layout` arranges it.
//! The counts are in BENCHMARKS.md; a layout or routing change that makes
//! either grow fails here (lower the bounds when a change makes them
//! shrink).

use super::support::root;
use argmap::layout::{Scope, layout};
use argmap::model::{Map, synthetic_map};
use argmap::render::{Clutter, FixedAdvance, build, clutter, estimated_sizes};

fn laid_out(mut map: Map) -> Map {
    let sizes = estimated_sizes(&map);
    for (id, pos) in layout(&map, &sizes, Scope::All) {
        if let Some(node) = map.nodes.get_mut(&id) {
            node.pos = pos;
        }
    }
    map
}

fn counted(name: &str, map: &Map, most: Clutter) {
    let found = clutter(&build(map, &FixedAdvance::default()));
    println!(
        "{name}: {} arrow-box overlaps, {} crossings ({} boxes, {} arrows)",
        found.overlaps,
        found.crossings,
        map.nodes.len(),
        map.edges.len()
    );
    assert!(
        found.overlaps <= most.overlaps && found.crossings <= most.crossings,
        "{name}: {found:?}, more than {most:?}"
    );
}

#[test]
fn the_articles_map_as_it_ships() {
    let map = argmap::io::load(&root().join("maps/internet-sovereignty.ron")).expect("loads");
    counted(
        "article (saved positions)",
        &map,
        Clutter {
            overlaps: 0,
            crossings: 9,
        },
    );
    counted(
        "article (argmap layout)",
        &laid_out(map),
        Clutter {
            overlaps: 0,
            crossings: 9,
        },
    );
}

#[test]
fn a_generated_map_of_1000_boxes_laid_out() {
    counted(
        "generated 1,000 (argmap layout)",
        &laid_out(synthetic_map(1_000)),
        Clutter {
            overlaps: 15,
            crossings: 1921,
        },
    );
}
