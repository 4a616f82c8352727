//! Layout and image export of generated maps (figures in BENCHMARKS.md).

use argmap::layout::{Scope, layout};
use argmap::model::synthetic_map;
use argmap::render::export::{ImageFormat, ImageOptions, export_image};
use argmap::render::{build, estimated_sizes, svg};
use std::hint::black_box;

fn main() {
    divan::main();
}

#[divan::bench(args = [1_000, 10_000])]
fn layout_whole_map(bencher: divan::Bencher, nodes: usize) {
    let map = synthetic_map(nodes);
    let sizes = estimated_sizes(&map);
    bencher.bench(|| layout(black_box(&map), &sizes, Scope::All).len());
}

/// Layout, display list and SVG text: what `argmap export --format svg`
/// does for a map without positions, minus reading the file.
#[divan::bench(args = [1_000, 10_000])]
fn layout_and_svg(bencher: divan::Bencher, nodes: usize) {
    let map = synthetic_map(nodes);
    let fonts = argmap::render::fonts::FontSet::load();
    bencher.bench(|| {
        let mut placed = map.clone();
        let sizes = estimated_sizes(&placed);
        for (id, pos) in layout(&placed, &sizes, Scope::All) {
            if let Some(n) = placed.nodes.get_mut(&id) {
                n.pos = pos;
            }
        }
        let measure = argmap::render::fonts::FontMeasure::new(&fonts);
        let list = build(&placed, &measure);
        svg::to_svg(&list, "bench", &svg::SvgOptions::default()).len()
    });
}

#[divan::bench(args = [1_000], sample_count = 10)]
fn png(bencher: divan::Bencher, nodes: usize) {
    png_of(bencher, &synthetic_map(nodes));
}

/// The case: a generated map after `argmap layout`.
#[divan::bench(args = [1_000], sample_count = 10)]
fn png_laid_out(bencher: divan::Bencher, nodes: usize) {
    let mut map = synthetic_map(nodes);
    let sizes = estimated_sizes(&map);
    for (id, pos) in layout(&map, &sizes, Scope::All) {
        if let Some(n) = map.nodes.get_mut(&id) {
            n.pos = pos;
        }
    }
    png_of(bencher, &map);
}

fn png_of(bencher: divan::Bencher, map: &argmap::model::Map) {
    bencher.bench(|| {
        export_image(
            black_box(map),
            ImageFormat::Png,
            &ImageOptions::default(),
            &mut |_, _| {},
            &|| false,
        )
        .map(|f| f.len())
    });
}
