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
