//! Load, check and save of a generated 10,000-node map (figures in BENCHMARKS.md).

use argmap::io::{self, Format};
use argmap::model::synthetic_map;
use std::hint::black_box;
use std::sync::LazyLock;

fn main() {
    divan::main();
}

const NODES: usize = 10_000;

static RON: LazyLock<String> =
    LazyLock::new(|| io::to_text(&synthetic_map(NODES), Format::Ron).expect("encodes"));
static JSON: LazyLock<String> =
    LazyLock::new(|| io::to_text(&synthetic_map(NODES), Format::Json).expect("encodes"));

/// The baseline: `serde_json` reading the same text into a generic value.
#[divan::bench]
fn bare_serde_json_read() -> serde_json::Value {
    serde_json::from_str(black_box(&JSON)).expect("parses")
}

/// Read, check every id, edge and span quote, build the map (what `argmap check` does).
#[divan::bench]
fn check_json() -> usize {
    io::parse_str(black_box(&JSON), Format::Json)
        .expect("valid")
        .nodes
        .len()
}

#[divan::bench]
fn check_ron() -> usize {
    io::parse_str(black_box(&RON), Format::Ron)
        .expect("valid")
        .nodes
        .len()
}

#[divan::bench]
fn save_ron(bencher: divan::Bencher) {
    let map = synthetic_map(NODES);
    bencher.bench(|| io::to_text(black_box(&map), Format::Ron).expect("encodes"));
}

#[divan::bench]
fn save_json(bencher: divan::Bencher) {
    let map = synthetic_map(NODES);
    bencher.bench(|| io::to_text(black_box(&map), Format::Json).expect("encodes"));
}

/// Saving to disk: encode, write a temporary file, sync, rename.
#[divan::bench(sample_count = 20)]
fn save_ron_atomically(bencher: divan::Bencher) {
    let map = synthetic_map(NODES);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("map.ron");
    bencher.bench(|| io::save(black_box(&map), &path).expect("saves"));
}
