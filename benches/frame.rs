//! One frame of the real window, headless: `ArgmapApp::frame_ui` in a bare
//! `egui::Context` as eframe drives it, then tessellation, on generated
//! maps laid out as `argmap layout` lays them out (figures in
//! BENCHMARKS.md). Every scenario runs with AccessKit off, as it is until
//! a screen reader asks, and on ("a11y"), as with a screen reader and in
//! every `egui_kittest` test.

use argmap::model::{NodeId, Point, synthetic_map};
use argmap::ui::dialogs::ScriptedDialogs;
use argmap::ui::document::Document;
use argmap::ui::{ArgmapApp, Services};
use egui::{Event, Modifiers, PointerButton, Pos2, RawInput, Rect, Vec2};
use std::fmt;
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
    /// The window on the case's map, every line routed.
    fn new(case: Case) -> Self {
        let mut window = Self::opened(case);
        while window.app.routes_pending() {
            window.frame();
        }
        window
    }

    /// The window on the case's map, five frames after opening it.
    fn opened(case: Case) -> Self {
        let Case { nodes, a11y } = case;
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
        let ctx = egui::Context::default();
        if a11y {
            ctx.enable_accesskit();
        }
        let mut window = Self {
            ctx,
            app: ArgmapApp::new(Document::new(map, None), services),
            time: 0.0,
        };
        // Fonts and first layouts settle over the first frames; lines
        // find their way around boxes over the frames after opening
        // (`routing_after_opening` times those).
        for _ in 0..5 {
            window.frame();
        }
        window
    }

    /// One frame, tessellated; the number of triangles' indices.
    fn frame(&mut self) -> usize {
        self.frame_with(Vec::new())
    }

    /// One frame with these input events.
    fn frame_with(&mut self, events: Vec<Event>) -> usize {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SIZE)),
            time: Some(self.time),
            events,
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

/// A map size, and whether AccessKit is on.
#[derive(Clone, Copy)]
struct Case {
    nodes: usize,
    a11y: bool,
}

impl fmt::Display for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:>5}{}",
            self.nodes,
            if self.a11y { " a11y" } else { "" }
        )
    }
}

const CASES: [Case; 4] = [
    Case {
        nodes: 1_000,
        a11y: false,
    },
    Case {
        nodes: 10_000,
        a11y: false,
    },
    Case {
        nodes: 1_000,
        a11y: true,
    },
    Case {
        nodes: 10_000,
        a11y: true,
    },
];

#[divan::bench(args = CASES, sample_count = 30)]
fn idle(bencher: divan::Bencher, case: Case) {
    let mut window = Window::new(case);
    bencher.bench_local(|| black_box(window.frame()));
}

/// All the frames after opening a map until every line is routed around
/// the boxes in its way (a slice of each frame routes some).
#[divan::bench(args = CASES, sample_count = 3)]
fn routing_after_opening(bencher: divan::Bencher, case: Case) {
    bencher
        .with_inputs(|| Window::opened(case))
        .bench_local_values(|mut window| {
            let mut frames = 0;
            while window.app.routes_pending() {
                window.frame();
                frames += 1;
            }
            black_box(frames)
        });
}

#[divan::bench(args = CASES, sample_count = 30)]
fn pan(bencher: divan::Bencher, case: Case) {
    let mut window = Window::new(case);
    let mut step = 0u32;
    bencher.bench_local(|| {
        step += 1;
        let dx = if step % 200 < 100 { -7.0 } else { 7.0 };
        window.app.canvas.view.offset += Vec2::new(dx, 3.0 * dx.signum());
        black_box(window.frame())
    });
}

#[divan::bench(args = CASES, sample_count = 30)]
fn zoomed_to_fit(bencher: divan::Bencher, case: Case) {
    let mut window = Window::new(case);
    window.app.canvas.fit_requested = true;
    window.frame();
    bencher.bench_local(|| black_box(window.frame()));
}

#[divan::bench(args = CASES, sample_count = 30)]
fn dragging_one_box(bencher: divan::Bencher, case: Case) {
    let mut window = Window::new(case);
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

/// Typing into the first claim's text, in place: a letter a frame, and a
/// backspace every tenth.
#[divan::bench(args = CASES, sample_count = 30)]
fn typing_in_a_box(bencher: divan::Bencher, case: Case) {
    let mut window = Window::new(case);
    let map = window.app.doc.map().clone();
    window.app.canvas.edit_text(&map, NodeId(1));
    window.app.canvas.reveal = Some(NodeId(1));
    window.frame();
    window.frame();
    let mut step = 0u32;
    bencher.bench_local(|| {
        step += 1;
        let event = if step.is_multiple_of(10) {
            Event::Key {
                key: egui::Key::Backspace,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: Modifiers::NONE,
            }
        } else {
            Event::Text("e".into())
        };
        black_box(window.frame_with(vec![event]))
    });
    assert!(
        window
            .app
            .canvas
            .editing
            .as_ref()
            .is_some_and(|e| e.buffer.len() > map.nodes[&NodeId(1)].text.len()),
        "the letters reached the box"
    );
}

/// Shift-dragging a rubber band from empty canvas over the map's corner;
/// every tenth frame lets go (selecting what it covers) and starts again.
#[divan::bench(args = CASES, sample_count = 30)]
fn rubber_band(bencher: divan::Bencher, case: Case) {
    let mut window = Window::new(case);
    let bounds = window.app.scene().bounds().expect("boxes");
    let canvas = window.app.canvas.last_rect.expect("drawn");
    let view = &mut window.app.canvas.view;
    view.zoom = 0.5;
    // The canvas' top edge 500 map units above the map's: the band starts
    // on empty canvas and reaches down into the first trees.
    view.center_on(
        canvas,
        argmap::model::Point::new(bounds.min.x + 1_500.0, bounds.min.y + 400.0),
    );
    let start = canvas.min + Vec2::new(20.0, 20.0);
    let shift = Modifiers::SHIFT;
    let mut step = 0u32;
    let mut selected = 0;
    bencher.bench_local(|| {
        let phase = step % 10;
        step += 1;
        let at = start + Vec2::splat(f32::from(u16::try_from(phase).unwrap_or(0)) * 60.0);
        let events = match phase {
            0 => vec![
                Event::ModifiersChanged(shift),
                Event::PointerMoved(start),
                Event::PointerButton {
                    pos: start,
                    button: PointerButton::Primary,
                    pressed: true,
                    modifiers: shift,
                },
            ],
            9 => vec![
                Event::PointerMoved(at),
                Event::PointerButton {
                    pos: at,
                    button: PointerButton::Primary,
                    pressed: false,
                    modifiers: shift,
                },
            ],
            _ => vec![Event::PointerMoved(at)],
        };
        let indices = window.frame_with(events);
        selected = selected.max(window.app.selection.nodes.len());
        black_box(indices)
    });
    assert!(selected > 0, "the band selected boxes");
}

/// Undoing the delete of 1,000 boxes, then redoing it, a frame after each.
#[divan::bench(args = CASES, sample_count = 30)]
fn undo_of_a_1000_box_delete(bencher: divan::Bencher, case: Case) {
    let mut window = Window::new(case);
    let nodes: Vec<NodeId> = window
        .app
        .doc
        .map()
        .nodes
        .keys()
        .take(1_000)
        .copied()
        .collect();
    let edit = argmap::ops::Edit::Remove {
        nodes,
        edges: Vec::new(),
    };
    window.app.doc.apply(edit).expect("deleted");
    window.frame();
    let mut undo = true;
    bencher.bench_local(|| {
        if undo {
            window.app.doc.undo().expect("undone");
        } else {
            window.app.doc.redo().expect("redone");
        }
        undo = !undo;
        black_box(window.frame())
    });
}

/// The find bar open on a word every box holds ("says"), typed at once:
/// each frame marks every box as a match; every tenth frame the query
/// changes and the search runs again.
#[divan::bench(args = CASES, sample_count = 30)]
fn finding(bencher: divan::Bencher, case: Case) {
    let mut window = Window::new(case);
    window.app.find.open();
    window.app.find.query = "says".into();
    window.frame();
    let mut step = 0u32;
    bencher.bench_local(|| {
        step += 1;
        if step.is_multiple_of(10) {
            window.app.find.query = if step.is_multiple_of(20) {
                "says"
            } else {
                "say"
            }
            .into();
        }
        black_box(window.frame())
    });
    assert!(
        window.app.find.found.len() >= case.nodes,
        "every box matches"
    );
}
