//! Compare mode (File > Compare with model answer…): the student's map
//! with each box found in the model marked ✓ and each added box marked +,
//! the model boxes the student missed drawn as ghost boxes where the model
//! has them; a side list gives the report, and a click on an item goes to
//! its box. Esc or "Back to editing" leaves.

use crate::eval::compare::{Comparison, MatchedBy, compare};
use crate::model::{Map, NodeId, Point};
use crate::render::{BoxItem, DisplayList};
use crate::ui::app::ArgmapApp;
use crate::ui::canvas::paint;
use crate::ui::intent::{Command, Intent};
use crate::ui::theme;
use crate::ui::view::View;
use egui::{Align2, Color32, FontId, Id, Key, Panel, RichText, Sense, Stroke, StrokeKind, Ui};
use std::path::PathBuf;

/// The smallest zoom compare mode opens at: boxes stay readable.
const READABLE_ZOOM: f32 = 0.7;

/// A comparison on show.
pub struct CompareView {
    pub model: Map,
    pub model_path: PathBuf,
    pub comparison: Comparison,
    /// The model boxes the student missed, drawn in the student's map.
    pub ghosts: Vec<BoxItem>,
    /// The item last clicked in the list: a student box or a model box.
    pub picked: Option<Picked>,
    view: Option<View>,
    center_on: Option<Point>,
}

impl std::fmt::Debug for CompareView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompareView")
            .field("model_path", &self.model_path)
            .finish_non_exhaustive()
    }
}

/// What was picked in the side list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picked {
    Student(NodeId),
    Model(NodeId),
}

impl CompareView {
    /// `student` compared with `model`; the missed model boxes are placed
    /// where the model has them, moved as far as the found boxes moved.
    pub fn new(
        student: &Map,
        model: Map,
        model_path: PathBuf,
        measure: &dyn crate::render::TextMeasure,
    ) -> Self {
        let comparison = compare(student, &model);
        let list = crate::render::build(&model, measure);
        let ghosts = super::ghosts::place_ghosts(student, &model, &comparison, list.boxes, measure);
        Self {
            model,
            model_path,
            comparison,
            ghosts,
            picked: None,
            view: None,
            center_on: None,
        }
    }
}

/// One frame of compare mode.
pub fn compare_ui(app: &mut ArgmapApp, ui: &mut Ui) -> Vec<Intent> {
    let mut intents = Vec::new();
    let student = app.doc.map();
    let scene = &app.scene.list;
    let crate::ui::modes::Mode::Compare(view) = &mut app.mode else {
        return intents;
    };
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape)) {
        intents.push(Intent::Command(Command::LeaveComparison));
    }
    Panel::right("comparison")
        .resizable(true)
        .default_size(360.0)
        .show(ui, |ui| intents.extend(report_ui(ui, student, view)));
    egui::CentralPanel::no_frame().show(ui, |ui| drawing_ui(ui, student, scene, view));
    intents
}

/// The report: score, found, missed, added, relations; items are links.
fn report_ui(ui: &mut Ui, student: &Map, view: &mut CompareView) -> Vec<Intent> {
    let mut intents = Vec::new();
    let c = &view.comparison;
    ui.heading("Compared with the model answer");
    ui.label(
        RichText::new(view.model_path.display().to_string())
            .small()
            .weak(),
    );
    ui.label(format!(
        "{:.0} % of the model's boxes found · {:.0} % of their relations right",
        c.box_score() * 100.0,
        c.relation_score() * 100.0
    ));
    if ui.button("Back to editing").on_hover_text("Esc").clicked() {
        intents.push(Intent::Command(Command::LeaveComparison));
    }
    ui.separator();
    let mut picked = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        picked = items_ui(ui, student, &view.model, c);
        if let Some(Picked::Model(id)) = view.picked {
            model_box_ui(ui, &view.model, id);
        }
    });
    if let Some(p) = picked {
        view.picked = Some(p);
        view.center_on = match p {
            Picked::Model(id) => view
                .ghosts
                .iter()
                .find(|g| g.node == id)
                .map(|g| g.rect.center()),
            Picked::Student(id) => student.nodes.get(&id).map(|n| n.pos),
        };
        if let Picked::Student(id) = p {
            intents.push(Intent::Select(vec![id]));
        }
    }
    intents
}

/// A box's words cut for a list line.
fn short(map: &Map, id: NodeId) -> String {
    let t = map.nodes.get(&id).map_or("", |n| n.text.as_str());
    let cut: String = t.chars().take(60).collect();
    if cut.len() < t.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// The lists of the report; returns the item clicked.
fn items_ui(ui: &mut Ui, student: &Map, model: &Map, c: &Comparison) -> Option<Picked> {
    let mut picked = None;
    let heading = |ui: &mut Ui, text: String, color: Color32| {
        ui.add_space(6.0);
        ui.label(RichText::new(text).strong().color(color));
    };
    heading(
        ui,
        format!("\u{2713} Found ({})", c.found.len()),
        theme::STANDS,
    );
    for f in &c.found {
        let how = match f.by {
            MatchedBy::Span => "same words",
            MatchedBy::Text => "alike",
        };
        let line = format!(
            "#{} {} ({how}, model #{})",
            f.student,
            short(student, f.student),
            f.model
        );
        if ui.link(line).clicked() {
            picked = Some(Picked::Student(f.student));
        }
    }
    heading(ui, format!("Missed ({})", c.missed.len()), theme::FALLS);
    for id in &c.missed {
        if ui
            .link(format!("model #{id} {}", short(model, *id)))
            .clicked()
        {
            picked = Some(Picked::Model(*id));
        }
    }
    heading(ui, format!("+ Added ({})", c.added.len()), theme::UNDECIDED);
    for id in &c.added {
        if ui.link(format!("#{id} {}", short(student, *id))).clicked() {
            picked = Some(Picked::Student(*id));
        }
    }
    let r = &c.relations;
    heading(
        ui,
        format!(
            "Relations: {} right, {} of the wrong kind, {} missing",
            r.right.len(),
            r.wrong_kind.len(),
            r.missing.len()
        ),
        theme::text(),
    );
    for (list, what) in [(&r.wrong_kind, "wrong kind"), (&r.missing, "missing")] {
        for (from, to) in list {
            if ui
                .link(format!("{what}: model #{from} \u{2192} #{to}"))
                .clicked()
            {
                picked = Some(
                    c.student_of(*from)
                        .map_or(Picked::Model(*from), Picked::Student),
                );
            }
        }
    }
    picked
}

/// A model box picked in the list: its kind, words and quotes.
fn model_box_ui(ui: &mut Ui, model: &Map, id: NodeId) {
    ui.separator();
    ui.label(RichText::new(format!("Model box #{id}")).strong());
    if let Some(node) = model.nodes.get(&id) {
        ui.label(format!("{}: {}", node.kind, node.text));
        for span in &node.spans {
            ui.label(
                RichText::new(format!("\u{201c}{}\u{201d}", span.quote))
                    .italics()
                    .small(),
            );
        }
    }
}

/// The student's map, marked, with the ghosts; drag pans, scroll zooms.
fn drawing_ui(ui: &mut Ui, student: &Map, scene: &DisplayList, view: &mut CompareView) {
    let (background, painter) = ui.allocate_painter(ui.available_size(), Sense::drag());
    let canvas = background.rect;
    let v = moved_view(ui, &background, scene, view);
    paint::paint_background(&painter, canvas, &v);
    let mut arrow_batch = paint::Batch::new(&painter);
    for arrow in &scene.arrows {
        paint::paint_arrow(&painter, &mut arrow_batch, canvas, &v, arrow, false);
    }
    arrow_batch.paint(&painter);
    let mut box_batch = paint::Batch::new(&painter);
    let c = &view.comparison;
    for item in &scene.boxes {
        let look = paint::BoxLook {
            selected: view.picked == Some(Picked::Student(item.node)),
            ..paint::BoxLook::default()
        };
        paint::paint_box(&painter, &mut box_batch, canvas, &v, item, look);
        let found = c.model_of(item.node);
        let (mark, color) = match found {
            Some(model) => (format!("\u{2713} model #{model}"), theme::STANDS),
            None => ("+ not in the model".to_owned(), theme::UNDECIDED),
        };
        let rect = v.rect_to_screen(canvas, &item.rect);
        pill(&painter, rect, &mark, color, v.zoom);
        let label = format!(
            "{} ({})",
            crate::ui::canvas::node_label(student, item.node),
            if found.is_some() {
                "\u{2713} in the model"
            } else {
                "+ not in the model"
            }
        );
        announce(ui, rect.intersect(canvas), ("compared", item.node), &label);
    }
    box_batch.paint(&painter);
    for ghost in &view.ghosts {
        let rect = v.rect_to_screen(canvas, &ghost.rect);
        let picked = view.picked == Some(Picked::Model(ghost.node));
        paint_ghost(&painter, rect, ghost, picked, v.zoom);
        let words = view
            .model
            .nodes
            .get(&ghost.node)
            .map_or("", |n| n.text.as_str());
        let label = format!("Missed model box {}: {words}", ghost.node);
        announce(ui, rect.intersect(canvas), ("ghost", ghost.node), &label);
    }
}

/// The view this frame: fitted at first, centred on what was picked,
/// dragged to pan, scrolled to pan or zoom.
fn moved_view(
    ui: &Ui,
    background: &egui::Response,
    scene: &DisplayList,
    view: &mut CompareView,
) -> View {
    let canvas = background.rect;
    let mut v = view.view.unwrap_or_else(|| {
        // The student's map, readable; the ghosts are a pan (or a click in
        // the list) away.
        let mut fitted = View::default();
        if let Some(bounds) = scene.bounds() {
            fitted.fit(canvas, &bounds);
            if fitted.zoom < READABLE_ZOOM {
                fitted.zoom = READABLE_ZOOM;
                let top = Point::new(
                    bounds.center().x,
                    bounds.min.y + f64::from(canvas.height()) * 0.4 / f64::from(READABLE_ZOOM),
                );
                fitted.center_on(canvas, top);
            }
        }
        fitted
    });
    if let Some(p) = view.center_on.take() {
        v.center_on(canvas, p);
    }
    if background.dragged() {
        v.offset += background.drag_delta();
    }
    let (zoom, scroll, hover) =
        ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta, i.pointer.hover_pos()));
    if let Some(at) = hover.filter(|p| canvas.contains(*p)) {
        if (zoom - 1.0).abs() > f32::EPSILON {
            v.zoom_at(canvas, at, zoom);
        } else {
            v.offset += scroll;
        }
    }
    view.view = Some(v);
    v
}

/// A missed model box: a dashed red outline, faint, with its words.
fn paint_ghost(
    painter: &egui::Painter,
    rect: egui::Rect,
    ghost: &BoxItem,
    picked: bool,
    zoom: f32,
) {
    painter.rect_filled(rect, 6.0, theme::GHOST_FILL);
    let outline = Stroke::new(if picked { 3.0 } else { 1.5 }, theme::FALLS);
    let corners = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
        rect.left_top(),
    ];
    painter.extend(egui::Shape::dashed_line(&corners, outline, 6.0, 4.0));
    if 14.0 * zoom < 5.0 {
        return;
    }
    painter.text(
        rect.left_top() + egui::vec2(8.0, 6.0) * zoom,
        Align2::LEFT_TOP,
        format!("missed: model #{}", ghost.node),
        FontId::proportional(11.0 * zoom),
        theme::FALLS,
    );
    let text = ghost
        .lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let galley = painter.layout(
        text,
        FontId::proportional(14.0 * zoom),
        theme::text().gamma_multiply(0.6),
        rect.width() - 16.0 * zoom,
    );
    painter.galley(
        rect.left_top() + egui::vec2(8.0, 24.0) * zoom,
        galley,
        Color32::TRANSPARENT,
    );
}

/// Screen readers (and tests) hear what a drawn box is.
fn announce(ui: &Ui, rect: egui::Rect, id: (&str, NodeId), label: &str) {
    ui.interact(rect, Id::unique(id), Sense::hover())
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, label));
}

/// A small label below a box's bottom edge, like the verdict pill.
fn pill(painter: &egui::Painter, rect: egui::Rect, text: &str, color: Color32, zoom: f32) {
    let size = 11.0 * zoom;
    if size < 4.5 {
        // Too small to read: a coloured bar along the bottom edge.
        let bar = egui::Rect::from_min_max(
            egui::pos2(rect.left(), rect.bottom() - 3.0),
            rect.right_bottom(),
        );
        painter.rect_filled(bar, 0.0, color);
        return;
    }
    let galley =
        painter.layout_no_wrap(text.to_owned(), FontId::proportional(size), Color32::WHITE);
    let pad = egui::vec2(5.0, 2.0) * zoom;
    let full = galley.size() + 2.0 * pad;
    let at = egui::pos2(rect.left() + 10.0 * zoom, rect.bottom() - full.y * 0.3);
    let pill = egui::Rect::from_min_size(at, full);
    painter.rect(
        pill,
        full.y * 0.5,
        color,
        Stroke::new(1.0, Color32::WHITE),
        StrokeKind::Outside,
    );
    painter.galley(pill.min + pad, galley, Color32::WHITE);
}
