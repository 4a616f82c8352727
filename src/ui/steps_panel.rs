//! View > Presentation steps: the order a presentation reveals the boxes
//! in, step by step. Move a box earlier or later, merge it into the step
//! before, or start a new step at it; each change is one undo step and is
//! saved with the map.

use super::intent::{Command, Intent};
use crate::layout::steps;
use crate::model::{Map, NodeId};
use crate::ops::Edit;
use egui::{Button, RichText, Ui};

fn set(new: Vec<Vec<NodeId>>) -> Intent {
    Intent::Edit(Edit::SetSteps { steps: Some(new) })
}

/// A small button whose accessible name says what it does to which box.
fn tool(ui: &mut Ui, enabled: bool, text: &str, name: &str, hint: &str) -> bool {
    let response = ui
        .add_enabled(enabled, Button::new(text).small())
        .on_hover_text(hint);
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, enabled, name));
    response.clicked()
}

/// The steps window, while `open`.
pub fn steps_panel_ui(ctx: &egui::Context, map: &Map, open: &mut bool) -> Vec<Intent> {
    let mut intents = Vec::new();
    let current = steps::steps(map);
    egui::Window::new("Presentation steps")
        .open(open)
        .default_width(380.0)
        .default_height(480.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                if ui.button("Present (F5)").clicked() {
                    intents.push(Intent::Command(Command::Present));
                }
                if ui
                    .add_enabled(
                        map.steps.is_some(),
                        Button::new("Back to the layout's order"),
                    )
                    .clicked()
                {
                    intents.push(Intent::Edit(Edit::SetSteps { steps: None }));
                }
            });
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (s, step) in current.iter().enumerate() {
                    ui.label(RichText::new(format!("Step {}", s + 1)).strong());
                    for (i, id) in step.iter().enumerate() {
                        ui.horizontal(|ui| {
                            let first = s == 0 && i == 0;
                            let last = s + 1 == current.len() && i + 1 == step.len();
                            if tool(
                                ui,
                                !first,
                                "\u{25b2}",
                                &format!("Earlier: #{id}"),
                                "Reveal it earlier",
                            ) {
                                intents.push(set(steps::move_box(&current, *id, true)));
                            }
                            if tool(
                                ui,
                                !last,
                                "\u{25bc}",
                                &format!("Later: #{id}"),
                                "Reveal it later",
                            ) {
                                intents.push(set(steps::move_box(&current, *id, false)));
                            }
                            if tool(
                                ui,
                                s > 0,
                                "\u{2934}",
                                &format!("Into the step before: #{id}"),
                                "Reveal it with the step before",
                            ) {
                                intents.push(set(steps::merge_into_previous(&current, *id)));
                            }
                            if tool(
                                ui,
                                i > 0,
                                "\u{2702}",
                                &format!("New step at: #{id}"),
                                "Start a new step with this box",
                            ) {
                                intents.push(set(steps::split_at(&current, *id)));
                            }
                            let text = map.nodes.get(id).map_or("", |n| n.text.as_str());
                            let short: String = text.chars().take(48).collect();
                            ui.label(format!("#{id} {short}"));
                        });
                    }
                }
            });
        });
    intents
}
