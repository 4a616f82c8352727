//! Evaluation of generated maps: what runs on every edit while the
//! evaluation is shown (figures in BENCHMARKS.md; target ≤ 5 ms at 10k).

use argmap::eval::{evaluate, why};
use argmap::model::{NodeId, synthetic_map};
use std::hint::black_box;

fn main() {
    divan::main();
}

#[divan::bench(args = [1_000, 10_000])]
fn evaluate_map(bencher: divan::Bencher, nodes: usize) {
    let map = synthetic_map(nodes);
    bencher.bench(|| evaluate(black_box(&map)).counts());
}

#[divan::bench(args = [1_000, 10_000])]
fn why_of_a_box(bencher: divan::Bencher, nodes: usize) {
    let map = synthetic_map(nodes);
    let evaluation = evaluate(&map);
    bencher.bench(|| why(&map, &evaluation, black_box(NodeId(1))).len());
}
