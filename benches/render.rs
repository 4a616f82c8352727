//! The display list of generated maps: what the canvas rebuilds after each
//! change (figures in BENCHMARKS.md).

use argmap::model::{NodeId, synthetic_map};
use argmap::ops::Edit;
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

/// Box 2's text, changed every time: `SetText` to short and longer words
/// in turn.
fn next_text_edit(flip: &mut bool) -> Edit {
    *flip = !*flip;
    Edit::SetText {
        node: NodeId(2),
        text: if *flip { "short" } else { "a longer text" }.into(),
    }
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
        next_text_edit(&mut flip).apply(&mut map).expect("applies");
        scene.rebuild(&map, &measure, None);
        scene.list.boxes.len()
    });
}

/// A scene patched after one box's text changed, as the window does: only
/// that box and its arrows are drawn anew.
#[divan::bench(args = [1_000, 10_000])]
fn scene_patch_after_one_text_edit(bencher: divan::Bencher, nodes: usize) {
    let mut map = synthetic_map(nodes);
    let measure = FixedAdvance::default();
    let mut scene = argmap::render::Scene::build(&map, &measure, None);
    let mut flip = false;
    bencher.bench_local(|| {
        let edit = next_text_edit(&mut flip);
        let footprint = edit.footprint();
        edit.apply(&mut map).expect("applies");
        assert!(scene.patch(&map, &measure, &footprint));
        scene.list.boxes.len()
    });
}

/// A scene patched after undoing, then redoing, the delete of 1,000 boxes
/// (with their arrows), as the window does on Ctrl+Z and Ctrl+Y.
#[divan::bench(args = [1_000, 10_000])]
fn scene_patch_after_undo_of_1000_box_delete(bencher: divan::Bencher, nodes: usize) {
    let mut map = synthetic_map(nodes);
    let measure = FixedAdvance::default();
    let gone: Vec<NodeId> = map.nodes.keys().take(1_000).copied().collect();
    let mut edit = Edit::Remove {
        nodes: gone,
        edges: Vec::new(),
    };
    let mut scene = argmap::render::Scene::build(&map, &measure, None);
    bencher.bench_local(|| {
        // The footprint of an edit and its inverse, as the document keeps.
        let mut footprint = edit.footprint();
        let inverse = edit.clone().apply(&mut map).expect("applies");
        footprint.add(inverse.footprint());
        edit = inverse;
        assert!(scene.patch(&map, &measure, &footprint));
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
