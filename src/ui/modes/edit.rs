//! Edit mode: the source panel on the left, the inspector on the right,
//! the canvas (with find) between them. Panels read one context and answer
//! with intents; only the canvas keeps state of its own beside them.

use crate::ui::app::ArgmapApp;
use crate::ui::context::ViewContext;
use crate::ui::intent::Intent;
use crate::ui::{canvas, find, inspector, sources};
use egui::{Panel, Ui};

/// The panels and the canvas for one frame of edit mode.
pub fn edit_ui(app: &mut ArgmapApp, ui: &mut Ui) -> Vec<Intent> {
    let mut intents = Vec::new();
    let view_center = app.view_context().view_center;
    let view = ViewContext {
        map: app.doc.map(),
        scene: &app.scene.list,
        selection: &app.selection,
        evaluation: app.evaluation.current(),
        sources_revision: app.doc.sources_revision(),
        revision: app.doc.revision(),
        changes: app.doc.changes(),
        quote: app.sources.selection,
        view_center,
    };
    intents.extend(
        Panel::right("inspector")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                inspector::inspector_ui(ui, &view, &mut app.inspector)
            })
            .inner,
    );
    intents.extend(
        Panel::left("sources")
            .resizable(true)
            .default_size(380.0)
            .show(ui, |ui| {
                sources::source_panel_ui(ui, &view, &mut app.sources)
            })
            .inner,
    );
    app.canvas
        .source_hover
        .clone_from(&app.sources.hovered_nodes);
    let drawn = egui::CentralPanel::no_frame()
        .show(ui, |ui| {
            let mut found = Vec::new();
            if let Some(focus) = app.canvas.focus {
                found.extend(breadcrumb_ui(ui, app.doc.map(), focus));
            }
            if app.find.open {
                egui::Frame::NONE.inner_margin(6.0).show(ui, |ui| {
                    found = find::find_bar_ui(ui, app.doc.map(), app.doc.revision(), &mut app.find);
                });
            } else {
                app.find.clear_matches();
            }
            if app.canvas.find_matches != app.find.found {
                app.canvas.find_matches.clone_from(&app.find.found);
            }
            // The canvas is where selecting is done: it changes the
            // selection itself, gesture by gesture.
            found.extend(canvas::canvas_ui(
                ui,
                app.doc.map(),
                &app.scene,
                app.evaluation.current(),
                &mut app.canvas,
                &mut app.selection,
            ));
            found
        })
        .inner;
    intents.extend(drawn);
    intents
}

/// Above a focused canvas: the way back up, each step a link; "Whole map"
/// leaves the focus.
fn breadcrumb_ui(ui: &mut Ui, map: &crate::model::Map, focus: crate::model::NodeId) -> Vec<Intent> {
    let mut intents = Vec::new();
    let short = |id: crate::model::NodeId| {
        let text = map.nodes.get(&id).map_or("", |n| n.text.as_str());
        let cut: String = text.chars().take(28).collect();
        if cut.len() < text.len() {
            format!("#{id} {cut}…")
        } else {
            format!("#{id} {cut}")
        }
    };
    egui::Frame::NONE.inner_margin(6.0).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui
                .link("\u{25c0} Whole map")
                .on_hover_text("Esc: show every box again")
                .clicked()
            {
                intents.push(Intent::Command(crate::ui::intent::Command::Focus(None)));
            }
            let mut way = crate::model::tree::way_up(map, focus);
            way.reverse();
            for step in way {
                ui.label("\u{203a}");
                if ui.link(short(step)).on_hover_text("Focus here").clicked() {
                    intents.push(Intent::Command(crate::ui::intent::Command::Focus(Some(
                        step,
                    ))));
                }
            }
            ui.label("\u{203a}");
            ui.label(egui::RichText::new(short(focus)).strong());
        });
    });
    intents
}
