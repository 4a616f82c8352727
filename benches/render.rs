//! The display list of generated maps: what the canvas rebuilds after each
//! change (figures in BENCHMARKS.md).

use argmap::model::synthetic_map;
use argmap::render::{FixedAdvance, build};
use std::hint::black_box;

fn main() {
    divan::main();
}

#[divan::bench(args = [1_000, 10_000])]
fn display_list(bencher: divan::Bencher, nodes: usize) {
    let map = synthetic_map(nodes);
    let measure = FixedAdvance::default();
    bencher.bench(|| build(black_box(&map), &measure).boxes.len());
}

/// A scene rebuilt after one box's text changed: the other boxes keep
/// their wrapped rows.
#[divan::bench(args = [1_000, 10_000])]
fn scene_after_one_text_edit(bencher: divan::Bencher, nodes: usize) {
    let mut map = synthetic_map(nodes);
    let measure = FixedAdvance::default();
    let mut scene = argmap::render::Scene::build(&map, &measure, None);
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        if let Some(node) = map.nodes.get_mut(&argmap::model::NodeId(2)) {
            node.text = if flip {
                "short".into()
            } else {
                "a longer text".into()
            };
        }
        scene.rebuild(&map, &measure, None);
        scene.list.boxes.len()
    });
}

/// The spatial index of a whole display list.
#[divan::bench(args = [1_000, 10_000])]
fn spatial_index(bencher: divan::Bencher, nodes: usize) {
    let map = synthetic_map(nodes);
    let list = build(&map, &FixedAdvance::default());
    bencher.bench(|| argmap::render::SpatialIndex::new(black_box(&list)));
}
