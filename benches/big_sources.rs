//! Big and strange sources (issue 8): `check` of a map whose source is
//! 10 or 100 million chars with 5,000 or 50,000 spans, and frames of the
//! source panel on such a source and on one line of a million chars.
//! Figures in BENCHMARKS.md.

use argmap::io::{self, Format};
use argmap::model::{Map, big_source_map};
use argmap::ui::Selection;
use argmap::ui::context::ViewContext;
use argmap::ui::sources::{QuotePayload, SourcePanel, source_panel_ui};
use egui::{Event, Pos2, Vec2};
use egui_kittest::Harness;
use std::hint::black_box;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// Chars of source and spans on it.
const SIZES: [(usize, usize); 3] = [
    (10_000_000, 5_000),
    (100_000_000, 5_000),
    (100_000_000, 50_000),
];

fn ron_of(chars: usize, spans: usize) -> String {
    io::to_text(&big_source_map(chars, spans, false), Format::Ron).expect("encodes")
}

/// Reading and checking the file: every span's quote against the source.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn check(bencher: divan::Bencher, (chars, spans): (usize, usize)) {
    let text = ron_of(chars, spans);
    bencher.bench(|| io::parse_str(black_box(&text), Format::Ron).map(|m| m.nodes.len()));
}

/// The source panel alone, on `map`, in a window of 400×900 points.
struct PanelState {
    map: Map,
    panel: SourcePanel,
    selection: Selection,
    scene: argmap::render::DisplayList,
    changes: argmap::ops::ChangeLog,
}

fn harness(map: Map) -> Harness<'static, PanelState> {
    let state = PanelState {
        map,
        panel: SourcePanel::default(),
        selection: Selection::default(),
        scene: argmap::render::DisplayList::default(),
        changes: argmap::ops::ChangeLog::default(),
    };
    let h = Harness::builder()
        .with_size(Vec2::new(400.0, 900.0))
        .build_ui_state(
            |ui, s: &mut PanelState| {
                let view = ViewContext {
                    map: &s.map,
                    scene: &s.scene,
                    selection: &s.selection,
                    evaluation: None,
                    sources_revision: 0,
                    revision: 0,
                    changes: &s.changes,
                    quote: s.panel.selection,
                    view_center: argmap::model::Point::default(),
                };
                source_panel_ui(ui, &view, &mut s.panel);
            },
            state,
        );
    argmap::ui::install_fonts(&h.ctx);
    h
}

/// Runs frames until the panel has prepared its text.
fn ready(h: &mut Harness<'static, PanelState>) {
    h.run_steps(2);
    while h.state().panel.is_preparing() {
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run_steps(2);
}

fn big() -> &'static Map {
    static MAP: OnceLock<Map> = OnceLock::new();
    MAP.get_or_init(|| big_source_map(100_000_000, 50_000, false))
}

fn one_line() -> &'static Map {
    static MAP: OnceLock<Map> = OnceLock::new();
    MAP.get_or_init(|| big_source_map(1_000_000, 2_000, true))
}

fn maps() -> [(&'static str, &'static Map); 2] {
    [
        ("100M chars, 50k spans", big()),
        ("1M chars on one line", one_line()),
    ]
}

/// The first frame on a source: highlights, blocks and coverage worked out,
/// the first blocks laid out.
#[divan::bench(args = [0, 1], sample_count = 5, sample_size = 1)]
fn first_frame(bencher: divan::Bencher, which: usize) {
    let map = maps()[which].1;
    bencher
        .with_inputs(|| {
            // The harness runs a frame as it is built: build it empty, then
            // hand it the map, so the timed frame is the first to see it.
            let mut h = harness(Map::default());
            h.state_mut().map = map.clone();
            h
        })
        .bench_local_values(|mut h| {
            h.step();
            h
        });
}

/// A frame with nothing new: what every frame costs while the user works.
#[divan::bench(args = [0, 1], sample_count = 20)]
fn idle_frame(bencher: divan::Bencher, which: usize) {
    let mut h = harness(maps()[which].1.clone());
    ready(&mut h);
    bencher.bench_local(|| h.step());
}

/// A frame scrolled by a screenful: new blocks come into view.
#[divan::bench(args = [0, 1], sample_count = 20)]
fn scroll_frame(bencher: divan::Bencher, which: usize) {
    let mut h = harness(maps()[which].1.clone());
    ready(&mut h);
    h.hover_at(Pos2::new(200.0, 500.0));
    bencher.bench_local(|| {
        h.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: Vec2::new(0.0, -900.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.step();
    });
}

/// A frame that shows a span far down the text (a click in the inspector).
#[divan::bench(args = [0, 1], sample_count = 10)]
fn jump_frame(bencher: divan::Bencher, which: usize) {
    let map = maps()[which].1;
    let spans: Vec<QuotePayload> = map
        .nodes
        .values()
        .flat_map(|n| &n.spans)
        .map(|s| QuotePayload {
            source: s.source,
            start: s.start,
            end: s.end,
        })
        .collect();
    let mut h = harness(map.clone());
    ready(&mut h);
    let mut next = spans.len() / 2;
    bencher.bench_local(|| {
        next = (next + spans.len() / 7 + 1) % spans.len();
        if let Some(quote) = spans.get(next) {
            h.state_mut().panel.show_passage(*quote);
        }
        h.step();
    });
}
