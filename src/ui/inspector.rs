//! The inspector: the selected box or arrow, field by field. Each field
//! edit becomes one undo step when the field loses focus.

use super::context::ViewContext;
use super::intent::{Command, Intent};
use super::sources::QuotePayload;
use crate::model::{EdgeId, EdgeKind, Map, NodeId, NodeKind, Target};
use crate::ops::Edit;
use egui::{Id, RichText, TextEdit, Ui};

#[derive(Debug, Default)]
pub struct InspectorState {
    draft: Option<Draft>,
}

/// A field being typed into, not yet committed.
#[derive(Debug)]
struct Draft {
    owner: Owner,
    field: &'static str,
    buffer: String,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Owner {
    Map,
    Node(NodeId),
}

pub fn inspector_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    state: &mut InspectorState,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    let (map, selection, quote) = (view.map, view.selection, view.quote);
    egui::ScrollArea::vertical().show(ui, |ui| {
        if let Some(evaluation) = view.evaluation {
            intents.extend(super::evaluation::unanswered_ui(ui, map, evaluation));
        }
        if let Some(node) = selection.single_node() {
            if let Some(evaluation) = view.evaluation {
                intents.extend(super::evaluation::verdict_ui(ui, map, evaluation, node));
            }
            node_ui(ui, map, node, state, quote, &mut intents);
        } else if let Some(edge) = selection.single_edge() {
            edge_ui(ui, map, edge, &mut intents);
        } else if selection.is_empty() {
            map_ui(ui, map, state, &mut intents);
        } else {
            ui.heading("Selection");
            ui.label(format!(
                "{} boxes and {} arrows selected.",
                selection.nodes.len(),
                selection.edges.len()
            ));
            if ui.button("Delete selection").clicked() {
                intents.push(Intent::Command(Command::DeleteSelection));
            }
        }
    });
    intents
}

/// A text field that commits one edit when it loses focus.
fn field_ui(
    ui: &mut Ui,
    state: &mut InspectorState,
    owner: Owner,
    field: &'static str,
    current: &str,
    multiline: bool,
) -> Option<String> {
    let label = ui.label(RichText::new(field).strong());
    let mut buffer = match &state.draft {
        Some(d) if d.owner == owner && d.field == field => d.buffer.clone(),
        _ => current.to_owned(),
    };
    let edit = if multiline {
        TextEdit::multiline(&mut buffer).desired_rows(3)
    } else {
        TextEdit::singleline(&mut buffer)
    };
    let response = ui
        .add(
            edit.id(Id::unique(("inspector", field)))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        state.draft = Some(Draft {
            owner,
            field,
            buffer: buffer.clone(),
        });
    }
    if response.lost_focus() {
        state.draft = None;
        if buffer != current {
            return Some(buffer);
        }
    }
    None
}

fn map_ui(ui: &mut Ui, map: &Map, state: &mut InspectorState, intents: &mut Vec<Intent>) {
    ui.heading("Map");
    if let Some(title) = field_ui(ui, state, Owner::Map, "Title", &map.title, false) {
        intents.push(Intent::Edit(Edit::SetTitle { title }));
    }
    ui.add_space(8.0);
    ui.label(format!(
        "{} boxes, {} arrows, {} sources.",
        map.nodes.len(),
        map.edges.len(),
        map.sources.len()
    ));
    ui.add_space(8.0);
    ui.label(RichText::new("Double-click the canvas to add a claim; select a box and press Tab for a reason, Shift+Tab for an objection.").weak());
}

fn node_ui(
    ui: &mut Ui,
    map: &Map,
    id: NodeId,
    state: &mut InspectorState,
    quote: Option<QuotePayload>,
    intents: &mut Vec<Intent>,
) {
    let Some(node) = map.nodes.get(&id) else {
        return;
    };
    ui.heading(format!("Box {id}"));
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Kind").strong());
        egui::ComboBox::from_id_salt("inspector-kind")
            .selected_text(node.kind.name())
            .show_ui(ui, |ui| {
                for kind in NodeKind::ALL {
                    if ui
                        .selectable_label(node.kind == kind, kind.name())
                        .clicked()
                        && node.kind != kind
                    {
                        intents.push(Intent::Edit(Edit::SetKind { node: id, kind }));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    if let Some(text) = field_ui(ui, state, Owner::Node(id), "Text", &node.text, true) {
        intents.push(Intent::Edit(Edit::SetText { node: id, text }));
    }
    if let Some(notes) = field_ui(ui, state, Owner::Node(id), "Notes", &node.notes, true) {
        intents.push(Intent::Edit(Edit::SetNotes { node: id, notes }));
    }
    let tags = node.tags.join(", ");
    if let Some(line) = field_ui(
        ui,
        state,
        Owner::Node(id),
        "Tags (comma separated)",
        &tags,
        false,
    ) {
        let tags = line
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        intents.push(Intent::Edit(Edit::SetTags { node: id, tags }));
    }
    let mut pinned = node.pinned;
    if ui
        .checkbox(&mut pinned, "Pinned (layout keeps it in place)")
        .changed()
    {
        intents.push(Intent::Edit(Edit::SetPinned { node: id, pinned }));
    }

    ui.separator();
    spans_ui(ui, map, node, quote, intents);

    links_ui(ui, map, id, intents);
    ui.add_space(8.0);
    if ui.button("Delete box").clicked() {
        intents.push(Intent::Command(Command::DeleteSelection));
    }
}

/// A box's spans: click one to see its words in the source panel; orphans
/// (words not found after the source changed) are flagged, to re-attach or remove.
fn spans_ui(
    ui: &mut Ui,
    map: &Map,
    node: &crate::model::Node,
    quote: Option<QuotePayload>,
    intents: &mut Vec<Intent>,
) {
    ui.label(RichText::new(format!("Source spans ({})", node.spans.len())).strong());
    if node.spans.is_empty() {
        ui.label(RichText::new("Not tied to a source yet: select words in the source panel and press Ctrl+L, or drag them onto this box.").weak());
    }
    for (index, span) in node.spans.iter().enumerate() {
        let source = map
            .sources
            .get(&span.source)
            .map_or("missing source", |s| s.title.as_str());
        let without: Vec<crate::model::Span> = node
            .spans
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .map(|(_, s)| s.clone())
            .collect();
        if span.orphan {
            ui.label(
                RichText::new(format!(
                    "Orphaned in {source}: its words were not found after the source changed."
                ))
                .color(super::theme::ORPHAN)
                .small(),
            );
            ui.label(
                RichText::new(format!("\u{201c}{}\u{201d}", excerpt(&span.quote, 160)))
                    .italics()
                    .color(super::theme::ORPHAN),
            );
            ui.horizontal(|ui| {
                let fits = quote.filter(|q| q.source == span.source);
                let reattach = ui
                    .add_enabled(
                        fits.is_some(),
                        egui::Button::new("Re-attach to the selected words"),
                    )
                    .on_disabled_hover_text("Select the words in the source panel first");
                if reattach.clicked()
                    && let Some(q) = fits.and_then(|q| {
                        map.sources
                            .get(&q.source)
                            .and_then(|s| crate::anchor::span_from_range(s, q.start, q.end).ok())
                    })
                {
                    let mut spans = node.spans.clone();
                    spans[index] = q;
                    intents.push(Intent::Edit(Edit::SetSpans {
                        node: node.id,
                        spans,
                    }));
                }
                if ui.button("Remove span").clicked() {
                    intents.push(Intent::Edit(Edit::SetSpans {
                        node: node.id,
                        spans: without.clone(),
                    }));
                }
            });
        } else {
            ui.label(RichText::new(format!("{source}, chars {}–{}", span.start, span.end)).small());
            ui.horizontal_wrapped(|ui| {
                let shown = format!("\u{201c}{}\u{201d}", excerpt(&span.quote, 160));
                if ui
                    .link(RichText::new(shown).italics())
                    .on_hover_text("Show these words in the source")
                    .clicked()
                {
                    intents.push(Intent::Command(Command::RevealSpan {
                        node: node.id,
                        index,
                    }));
                }
                if ui
                    .small_button("Remove")
                    .on_hover_text("Untie this box from these words")
                    .clicked()
                {
                    intents.push(Intent::Edit(Edit::SetSpans {
                        node: node.id,
                        spans: without.clone(),
                    }));
                }
            });
        }
    }
    ui.separator();
}

/// The arrows into and out of a box; clicking one goes to the other end.
fn links_ui(ui: &mut Ui, map: &Map, id: NodeId, intents: &mut Vec<Intent>) {
    ui.separator();
    ui.label(RichText::new("Links").strong());
    for edge in map.edges_from(id) {
        let target = match edge.to {
            Target::Node(n) => map.nodes.get(&n).map(|t| (n, t.text.clone())),
            Target::Edge(e) => map.edges.get(&e).and_then(|x| {
                map.nodes.get(&x.from).map(|t| {
                    (
                        x.from,
                        format!("the inference from \u{201c}{}\u{201d}", t.text),
                    )
                })
            }),
        };
        if let Some((n, text)) = target
            && ui
                .link(format!("{} → {}", edge.kind, excerpt(&text, 60)))
                .clicked()
        {
            intents.extend(Intent::go_to(n));
        }
    }
    for edge in map.edges_into(Target::Node(id)) {
        if let Some(from) = map.nodes.get(&edge.from)
            && ui
                .link(format!("← {} by {}", edge.kind, excerpt(&from.text, 60)))
                .clicked()
        {
            intents.extend(Intent::go_to(edge.from));
        }
    }
}

fn edge_ui(ui: &mut Ui, map: &Map, id: EdgeId, intents: &mut Vec<Intent>) {
    let Some(edge) = map.edges.get(&id) else {
        return;
    };
    ui.heading(format!("Arrow {id}"));
    if edge.kind == EdgeKind::Undercuts {
        ui.label("Undercuts: denies that the inference it points at holds.");
    } else {
        ui.horizontal(|ui| {
            for kind in [EdgeKind::Supports, EdgeKind::Attacks] {
                if ui.radio(edge.kind == kind, kind.name()).clicked() && edge.kind != kind {
                    intents.push(Intent::Edit(Edit::SetEdgeKind { edge: id, kind }));
                }
            }
        });
        if let Some(edit) = super::canvas::link_premises_edit(map, id) {
            let mut linked = edge.group.is_some();
            if ui
                .checkbox(
                    &mut linked,
                    "Linked premises (hold up the target only together)",
                )
                .changed()
            {
                intents.push(Intent::Edit(edit));
            }
        }
    }
    if let Some(from) = map.nodes.get(&edge.from)
        && ui
            .link(format!("From: {}", excerpt(&from.text, 80)))
            .clicked()
    {
        intents.extend(Intent::go_to(edge.from));
    }
    if let Target::Node(to) = edge.to
        && let Some(node) = map.nodes.get(&to)
        && ui
            .link(format!("To: {}", excerpt(&node.text, 80)))
            .clicked()
    {
        intents.extend(Intent::go_to(to));
    }
    ui.add_space(8.0);
    if ui.button("Delete arrow").clicked() {
        intents.push(Intent::Command(Command::DeleteSelection));
    }
}

/// The first `max` chars of `text`, with an ellipsis if cut.
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}
