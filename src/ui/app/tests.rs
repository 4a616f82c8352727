//! The window keeps its scene up to date by patching: after every edit,
//! undo and redo it draws what a fresh build of the map draws.

use super::*;
use crate::model::{Target, synthetic_map};
use crate::ops::Edit;
use crate::render::{ArrowItem, Scene};
use crate::ui::dialogs::ScriptedDialogs;

fn app(map: Map) -> ArgmapApp {
    let services = Services {
        dialogs: Box::new(ScriptedDialogs::default()),
        recovery_dir: None,
    };
    ArgmapApp::new(Document::new(map, None), services)
}

fn frame(ctx: &egui::Context, app: &mut ArgmapApp) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..egui::RawInput::default()
    };
    let mut output = ctx.run_ui(input, |ui| app.frame_ui(ui));
    output.textures_delta.clear();
}

/// Frames until every line is routed around the boxes (a big change
/// routes them over several frames).
fn frames_until_routed(ctx: &egui::Context, app: &mut ArgmapApp) {
    for _ in 0..10_000 {
        if !app.scene.routes_pending() {
            return;
        }
        frame(ctx, app);
    }
}

fn sorted(arrows: &[ArrowItem]) -> Vec<ArrowItem> {
    let mut arrows = arrows.to_vec();
    arrows.sort_by_key(|a| a.stroke.key());
    arrows
}

/// The window's scene against a fresh build; whether it was patched (a
/// rebuild leaves the trees up to date, a patch leaves them to be derived
/// when shown).
fn assert_fresh(app: &ArgmapApp) -> bool {
    assert!(!app.scene.routes_pending(), "every line routed");
    let measure = app.measure.as_ref().expect("measured");
    let fresh = Scene::build(app.doc.map(), measure, None);
    assert_eq!(app.scene.list.boxes, fresh.list.boxes);
    assert_eq!(sorted(&app.scene.list.arrows), sorted(&fresh.list.arrows));
    app.scene.landmarks_stale
}

/// A frame refreshes its scene twice (before and after the frame's
/// commands); a frame that drew a change routes no line in either, so a
/// drag or an undo is not slowed by routing.
#[test]
fn a_frame_that_draws_a_change_routes_no_line() {
    let ctx = egui::Context::default();
    let mut app = app(synthetic_map(300));
    frame(&ctx, &mut app);
    let measure = app.measure.as_ref().expect("measured");
    let mut fresh = Scene::default();
    fresh.rebuild(app.doc.map(), measure, None);
    let waiting = app.scene.routes_waiting();
    assert!(waiting > 10, "the map has lines to route: {waiting}");
    assert_eq!(waiting, fresh.routes_waiting(), "the first frame routed");
    // A box with one arrow, whose kind changes: no line's route is touched.
    let leaf = app
        .doc
        .map()
        .nodes
        .keys()
        .copied()
        .find(|n| {
            app.doc
                .map()
                .edges
                .values()
                .filter(|e| e.from == *n || e.to == Target::Node(*n))
                .count()
                == 1
        })
        .expect("a leaf");
    app.doc
        .apply(Edit::SetKind {
            node: leaf,
            kind: crate::model::NodeKind::Objection,
        })
        .expect("applies");
    frame(&ctx, &mut app);
    assert_eq!(
        app.scene.routes_waiting(),
        waiting,
        "the edit's frame routed"
    );
    frame(&ctx, &mut app);
    assert!(app.scene.routes_waiting() < waiting, "a calm frame routes");
}

#[test]
fn edits_undo_and_redo_patch_the_scene_to_what_a_build_draws() {
    let ctx = egui::Context::default();
    let mut app = app(synthetic_map(200));
    frame(&ctx, &mut app);
    frames_until_routed(&ctx, &mut app);
    assert!(!assert_fresh(&app), "the first scene is built");
    let gone: Vec<NodeId> = app.doc.map().nodes.keys().step_by(6).copied().collect();
    let first = *app.doc.map().nodes.keys().nth(1).expect("a node");
    let edits = [
        Edit::Remove {
            nodes: gone,
            edges: Vec::new(),
        },
        Edit::SetText {
            node: first,
            text: "Words enough to need more rows than the box had before, \
                   so its arrows meet a new border."
                .into(),
        },
        Edit::SetKind {
            node: first,
            kind: crate::model::NodeKind::Objection,
        },
    ];
    for edit in edits {
        app.doc.apply(edit).expect("applies");
        frame(&ctx, &mut app);
        frames_until_routed(&ctx, &mut app);
        assert!(assert_fresh(&app), "patched after an edit");
    }
    for _ in 0..3 {
        assert!(app.doc.undo().expect("undoes"));
        frame(&ctx, &mut app);
        frames_until_routed(&ctx, &mut app);
        assert!(assert_fresh(&app), "patched after an undo");
    }
    for _ in 0..2 {
        assert!(app.doc.redo().expect("redoes"));
        frame(&ctx, &mut app);
        frames_until_routed(&ctx, &mut app);
        assert!(assert_fresh(&app), "patched after a redo");
    }
    // Folding is left to a rebuild, which is fresh too.
    app.doc
        .apply(Edit::SetCollapsed {
            node: first,
            collapsed: true,
        })
        .expect("folds");
    frame(&ctx, &mut app);
    frames_until_routed(&ctx, &mut app);
    assert!(!assert_fresh(&app), "rebuilt after a fold");
}
