//! Evaluation in the window: which boxes stand, the objections nobody has
//! answered, "what if", and why a box has its label. Worked out again only
//! when what it reads changes (not on a move or a word), within the frame.

use super::canvas::paint::VerdictMark;
use super::document::Document;
use super::intent::{Command, Intent};
use super::theme;
use crate::eval::{Evaluation, Label, evaluate, why};
use crate::model::{Assumption, Map, NodeId};
use crate::ops::Edit;
use egui::{RichText, Ui};

/// Whether evaluation is shown, and the last one worked out.
#[derive(Default)]
pub struct EvaluationView {
    pub shown: bool,
    cached: Option<(u64, Evaluation)>,
}

impl EvaluationView {
    /// The evaluation of `doc` as it is now, when shown.
    pub fn refresh(&mut self, doc: &Document) {
        if !self.shown {
            return;
        }
        let revision = doc.arguments_revision();
        if self.cached.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.cached = Some((revision, evaluate(doc.map())));
        }
    }

    /// Forgets what was worked out (another map was opened).
    pub fn forget(&mut self) {
        self.cached = None;
    }

    /// The evaluation shown, if it is.
    pub fn current(&self) -> Option<&Evaluation> {
        self.cached
            .as_ref()
            .filter(|_| self.shown)
            .map(|(_, evaluation)| evaluation)
    }
}

/// The mark drawn on box `id`.
pub fn mark(evaluation: &Evaluation, id: NodeId) -> Option<VerdictMark> {
    Some(VerdictMark {
        label: evaluation.label(id)?,
        supported: evaluation.supported(id),
        assumption: evaluation.assumption(id),
    })
}

fn verdict_color(label: Label) -> egui::Color32 {
    match label {
        Label::In => theme::STANDS,
        Label::Out => theme::FALLS,
        Label::Undecided => theme::UNDECIDED,
    }
}

/// A box's words, cut for a list.
fn short(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        format!("{}…", one_line.chars().take(max - 1).collect::<String>())
    }
}

/// The main claims with their verdicts, and under each the objections
/// nobody has answered: a click selects one and brings it into view.
pub fn unanswered_ui(ui: &mut Ui, map: &Map, evaluation: &Evaluation) -> Vec<Intent> {
    let mut intents = Vec::new();
    let total = evaluation.all_unanswered().len();
    let heading = format!("Unanswered objections ({total})");
    egui::CollapsingHeader::new(RichText::new(heading).strong())
        .id_salt("unanswered-objections")
        .default_open(true)
        .show(ui, |ui| {
            if evaluation.main_claims().is_empty() {
                ui.label(
                    RichText::new("No main claim yet: a claim that supports or attacks nothing.")
                        .weak(),
                );
            }
            for claim in evaluation.main_claims() {
                let Some(node) = map.nodes.get(claim) else {
                    continue;
                };
                let label = evaluation.label(*claim).unwrap_or(Label::Undecided);
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(label.verdict())
                            .color(verdict_color(label))
                            .strong(),
                    );
                    if ui
                        .link(format!("#{claim} {}", short(&node.text, 60)))
                        .on_hover_text("Main claim: select it")
                        .clicked()
                    {
                        intents.extend(Intent::go_to(*claim));
                    }
                });
                let open = evaluation
                    .unanswered()
                    .get(claim)
                    .map_or(&[][..], Vec::as_slice);
                if open.is_empty() {
                    ui.label(
                        RichText::new("    every objection is answered")
                            .small()
                            .weak(),
                    );
                }
                for objection in open {
                    let Some(o) = map.nodes.get(objection) else {
                        continue;
                    };
                    ui.horizontal_wrapped(|ui| {
                        ui.add_space(12.0);
                        if ui
                            .link(format!("#{objection} {}", short(&o.text, 70)))
                            .on_hover_text("Select this objection and show it")
                            .clicked()
                        {
                            intents.extend(Intent::go_to(*objection));
                        }
                    });
                }
            }
        });
    ui.separator();
    intents
}

/// For the selected box: its verdict, accept / reject / clear, and why.
pub fn verdict_ui(ui: &mut Ui, map: &Map, evaluation: &Evaluation, id: NodeId) -> Vec<Intent> {
    let mut intents = Vec::new();
    let Some(node) = map.nodes.get(&id) else {
        return intents;
    };
    let Some(shown) = mark(evaluation, id) else {
        return intents;
    };
    ui.label(RichText::new("Evaluation").strong());
    ui.label(
        RichText::new(shown.words())
            .color(verdict_color(shown.label))
            .strong(),
    );
    if let Some(side) = evaluation.side(id) {
        ui.label(RichText::new(format!("Side: {}", side.name())).small());
    }
    ui.horizontal(|ui| {
        for (assumption, word, hint) in [
            (
                Assumption::Accepted,
                "Accept",
                "What if it stands, whatever attacks it?",
            ),
            (
                Assumption::Rejected,
                "Reject",
                "What if it falls, whatever defends it?",
            ),
        ] {
            let on = node.assumption == Some(assumption);
            if ui.selectable_label(on, word).on_hover_text(hint).clicked() {
                intents.push(Intent::Edit(Edit::SetAssumption {
                    node: id,
                    assumption: if on { None } else { Some(assumption) },
                }));
            }
        }
        if ui
            .add_enabled(node.assumption.is_some(), egui::Button::new("Clear"))
            .on_hover_text("Take it as the arguments decide")
            .clicked()
        {
            intents.push(Intent::Edit(Edit::SetAssumption {
                node: id,
                assumption: None,
            }));
        }
    });
    ui.label(RichText::new("Why").strong());
    for step in why(map, evaluation, id) {
        ui.horizontal_wrapped(|ui| {
            ui.add_space(12.0 * step.depth as f32);
            match step.node {
                Some(target) if target != id => {
                    if ui
                        .link(&step.text)
                        .on_hover_text("Select this box")
                        .clicked()
                    {
                        intents.extend(Intent::go_to(target));
                    }
                }
                _ => {
                    ui.label(&step.text);
                }
            }
        });
    }
    if map.nodes.values().any(|n| n.assumption.is_some()) {
        ui.add_space(4.0);
        if ui.small_button("Clear every assumption").clicked() {
            intents.push(Intent::Command(Command::ClearAssumptions));
        }
    }
    ui.separator();
    intents
}
