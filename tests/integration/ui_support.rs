//! Driving the real app in `egui_kittest`: build a harness, click, drag, type.

use argmap::model::{Map, NodeId};
use argmap::ui::dialogs::ScriptedDialogs;
use argmap::ui::document::Document;
use argmap::ui::{ArgmapApp, Services};
use egui::{Event, Modifiers, PointerButton, Pos2, Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::{Path, PathBuf};

/// Simulated time per frame: short enough for double clicks to count.
pub const STEP_SECONDS: f32 = 0.05;
/// Frames per simulated second.
pub const STEPS_PER_SECOND: usize = 20;

pub type AppHarness = Harness<'static, ArgmapApp>;

/// The app on `doc`, with scripted dialogs and a recovery folder of its own.
pub fn harness_with(
    doc: Document,
    dialogs: ScriptedDialogs,
    recovery_dir: Option<PathBuf>,
) -> AppHarness {
    let services = Services {
        dialogs: Box::new(dialogs),
        recovery_dir,
    };
    let app = ArgmapApp::new(doc, services);
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1600.0, 900.0))
        .with_max_steps(12)
        .with_step_dt(STEP_SECONDS)
        .build_ui_state(|ui, app: &mut ArgmapApp| app.frame_ui(ui), app);
    harness.run_steps(3);
    harness
}

pub fn harness(map: Map) -> AppHarness {
    harness_with(Document::new(map, None), ScriptedDialogs::default(), None)
}

/// Runs frames until the app settles (a few steps; the app never animates forever).
pub fn settle(h: &mut AppHarness) {
    h.run_steps(4);
}

fn button(h: &AppHarness, pos: Pos2, button: PointerButton, pressed: bool, modifiers: Modifiers) {
    h.event(Event::PointerButton {
        pos,
        button,
        pressed,
        modifiers,
    });
}

pub fn click_at(h: &mut AppHarness, pos: Pos2, modifiers: Modifiers) {
    h.event(Event::ModifiersChanged(modifiers));
    h.hover_at(pos);
    button(h, pos, PointerButton::Primary, true, modifiers);
    button(h, pos, PointerButton::Primary, false, modifiers);
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    settle(h);
}

pub fn secondary_click_at(h: &mut AppHarness, pos: Pos2) {
    h.hover_at(pos);
    button(h, pos, PointerButton::Secondary, true, Modifiers::NONE);
    button(h, pos, PointerButton::Secondary, false, Modifiers::NONE);
    settle(h);
}

pub fn double_click_at(h: &mut AppHarness, pos: Pos2) {
    h.hover_at(pos);
    h.step();
    for _ in 0..2 {
        button(h, pos, PointerButton::Primary, true, Modifiers::NONE);
        button(h, pos, PointerButton::Primary, false, Modifiers::NONE);
        h.step();
    }
    settle(h);
}

/// Press at `from`, move to `to` in steps, release: one drag gesture.
pub fn drag(h: &mut AppHarness, from: Pos2, to: Pos2, modifiers: Modifiers) {
    h.event(Event::ModifiersChanged(modifiers));
    h.hover_at(from);
    h.step();
    button(h, from, PointerButton::Primary, true, modifiers);
    h.step();
    for t in [0.25, 0.5, 0.75, 1.0] {
        h.hover_at(from + (to - from) * t);
        h.step();
    }
    button(h, to, PointerButton::Primary, false, modifiers);
    h.step();
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    settle(h);
}

/// As [`drag`], but the pointer rests at `to` for a few frames before the
/// button comes up, as a hand does: what was dragged has followed it there.
pub fn drag_and_rest(h: &mut AppHarness, from: Pos2, to: Pos2) {
    h.hover_at(from);
    h.step();
    button(h, from, PointerButton::Primary, true, Modifiers::NONE);
    h.step();
    for t in [0.01, 0.25, 0.5, 0.75, 1.0, 1.0, 1.0] {
        h.hover_at(from + (to - from) * t);
        h.step();
    }
    button(h, to, PointerButton::Primary, false, Modifiers::NONE);
    h.step();
    settle(h);
}

pub fn type_text(h: &mut AppHarness, text: &str) {
    h.event(Event::Text(text.to_owned()));
    settle(h);
}

pub fn press(h: &mut AppHarness, modifiers: Modifiers, key: egui::Key) {
    h.key_press_modifiers(modifiers, key);
    settle(h);
}

/// The screen rectangle of the box whose label contains `text` (the
/// largest labelled thing with that text: not its handle, not a link to it).
pub fn box_rect(h: &AppHarness, text: &str) -> Rect {
    h.get_all_by_label_contains(text)
        .map(|n| n.rect())
        .max_by(|a, b| a.area().total_cmp(&b.area()))
        .expect("found")
}

/// The screen rectangle of the canvas.
pub fn canvas_rect(h: &AppHarness) -> Rect {
    h.state().canvas.last_rect.expect("the canvas was drawn")
}

/// A point on the canvas far from every box and arrow.
pub fn empty_spot(h: &AppHarness) -> Pos2 {
    let canvas = canvas_rect(h).shrink(30.0);
    let app = h.state();
    let view = app.canvas.view;
    let list = app.scene();
    let mut best = (f64::MIN, canvas.center());
    for i in 0..20 {
        for j in 0..20 {
            let p = Pos2::new(
                canvas.min.x + canvas.width() * i as f32 / 19.0,
                canvas.min.y + canvas.height() * j as f32 / 19.0,
            );
            let at = view.to_map(canvas_rect(h), p);
            let near_box = list
                .boxes
                .iter()
                .map(|b| b.rect.expand(40.0))
                .any(|r| r.contains(at));
            let arrow_gap = list
                .arrows
                .iter()
                .map(|a| a.distance_to(at))
                .fold(f64::INFINITY, f64::min);
            if !near_box && arrow_gap > best.0 {
                best = (arrow_gap, p);
            }
        }
    }
    best.1
}

/// The middle of the arrow drawing `edge`, on screen.
pub fn arrow_middle(h: &AppHarness, edge: argmap::model::EdgeId) -> Pos2 {
    let app = h.state();
    let arrow = app
        .scene()
        .arrows
        .iter()
        .find(|a| a.edges().contains(&edge))
        .expect("arrow drawn");
    let mid = argmap::render::halfway(&arrow.points).expect("points");
    app.canvas.view.to_screen(canvas_rect(h), mid)
}

/// The node whose text is `text`.
pub fn node_with_text(h: &AppHarness, text: &str) -> NodeId {
    h.state()
        .doc
        .map()
        .nodes
        .values()
        .find(|n| n.text == text)
        .unwrap_or_else(|| panic!("no box says {text:?}"))
        .id
}

pub fn save_dialog(path: &Path) -> ScriptedDialogs {
    ScriptedDialogs {
        save: vec![path.to_owned()],
        ..ScriptedDialogs::default()
    }
}
