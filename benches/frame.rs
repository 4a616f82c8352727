//! One frame of the real window, headless: `ArgmapApp::frame_ui` in a bare
//! `egui::Context` as eframe drives it, then tessellation, on generated
//! maps laid out as `argmap layout` lays them out (figures in
//! BENCHMARKS.md). AccessKit is off, as it is until a screen reader asks.

use argmap::model::{NodeId, Point, synthetic_map};
use argmap::ui::dialogs::ScriptedDialogs;
use argmap::ui::document::Document;
use argmap::ui::{ArgmapApp, Services};
use egui::{Pos2, RawInput, Rect, Vec2};
use std::hint::black_box;

fn main() {
    divan::main();
}

/// The window's size in points.
const SIZE: Vec2 = Vec2::new(1600.0, 900.0);

struct Window {
    ctx: egui::Context,
    app: ArgmapApp,
    time: f64,
}

impl Window {
    fn new(nodes: usize) -> Self {
        let mut map = synthetic_map(nodes);
        let sizes = argmap::render::estimated_sizes(&map);
        for (id, pos) in argmap::layout::layout(&map, &sizes, argmap::layout::Scope::All) {
            if let Some(node) = map.nodes.get_mut(&id) {
                node.pos = pos;
            }
        }
        let services = Services {
            dialogs: Box::new(ScriptedDialogs::default()),
            recovery_dir: None,
        };
        let mut window = Self {
            ctx: egui::Context::default(),
            app: ArgmapApp::new(Document::new(map, None), services),
            time: 0.0,
        };
        // Fonts and first layouts settle over the first frames.
        for _ in 0..5 {
            window.frame();
        }
        window
    }

    /// One frame, tessellated; the number of triangles' indices.
    fn frame(&mut self) -> usize {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SIZE)),
            time: Some(self.time),
            ..RawInput::default()
        };
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.frame_ui(ui));
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        primitives
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.indices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum()
    }
}

const SIZES: [usize; 2] = [1_000, 10_000];

#[divan::bench(args = SIZES, sample_count = 30)]
fn idle(bencher: divan::Bencher, nodes: usize) {
    let mut window = Window::new(nodes);
    bencher.bench_local(|| black_box(window.frame()));
}

#[divan::bench(args = SIZES, sample_count = 30)]
fn pan(bencher: divan::Bencher, nodes: usize) {
    let mut window = Window::new(nodes);
    let mut step = 0u32;
    bencher.bench_local(|| {
        step += 1;
        let dx = if step % 200 < 100 { -7.0 } else { 7.0 };
        window.app.canvas.view.offset += Vec2::new(dx, 3.0 * dx.signum());
        black_box(window.frame())
    });
}

#[divan::bench(args = SIZES, sample_count = 30)]
fn zoomed_to_fit(bencher: divan::Bencher, nodes: usize) {
    let mut window = Window::new(nodes);
    window.app.canvas.fit_requested = true;
    window.frame();
    bencher.bench_local(|| black_box(window.frame()));
}

#[divan::bench(args = SIZES, sample_count = 30)]
fn dragging_one_box(bencher: divan::Bencher, nodes: usize) {
    let mut window = Window::new(nodes);
    let id = NodeId(1);
    let start = window
        .app
        .doc
        .map()
        .nodes
        .get(&id)
        .map_or(Point::default(), |n| n.pos);
    let mut step = 0.0;
    bencher.bench_local(|| {
        step += 1.0;
        let at = Point::new(start.x + step % 300.0, start.y + step % 120.0);
        window.app.doc.preview_move(&[(id, at)]);
        black_box(window.frame())
    });
}
