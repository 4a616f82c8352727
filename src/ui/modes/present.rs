//! Present mode (View > Present, F5; Esc leaves): full screen, panels
//! hidden, the map revealed step by step. Space, → and Page Down go on;
//! ← and Page Up go back; Home and End go to the first and last step. Each
//! step glides to fit what has been revealed so far; the boxes new in the
//! step are marked.

use crate::model::{Map, NodeId, Target};
use crate::render::{DisplayList, Rect as MapRect};
use crate::ui::app::ArgmapApp;
use crate::ui::canvas::paint;
use crate::ui::intent::{Command, Intent};
use crate::ui::theme;
use crate::ui::view::View;
use egui::{Align2, FontId, Id, Key, Rect, Sense, Stroke, StrokeKind, Ui};
use std::collections::BTreeSet;

/// How long a glide to the next step takes, in seconds.
const GLIDE_SECONDS: f64 = 0.45;
/// Presentations zoom in this far at most: big text for a room.
const MAX_ZOOM: f32 = 2.0;

/// A presentation under way.
#[derive(Debug)]
pub struct Presentation {
    pub steps: Vec<Vec<NodeId>>,
    /// The step shown, from 0.
    pub step: usize,
    view: Option<View>,
    glide: Option<Glide>,
}

#[derive(Clone, Copy, Debug)]
struct Glide {
    from: View,
    to: View,
    since: f64,
}

impl Presentation {
    /// A presentation of what `scene` shows of `map`, in its steps (boxes
    /// folded away or out of focus are skipped), from the first step.
    pub fn new(map: &Map, scene: &DisplayList) -> Self {
        let shown: BTreeSet<NodeId> = scene.boxes.iter().map(|b| b.node).collect();
        let steps = crate::layout::steps::steps(map)
            .into_iter()
            .map(|step| {
                step.into_iter()
                    .filter(|id| shown.contains(id))
                    .collect::<Vec<_>>()
            })
            .filter(|step| !step.is_empty())
            .collect();
        Self {
            steps,
            step: 0,
            view: None,
            glide: None,
        }
    }

    /// Every box revealed so far.
    pub fn revealed(&self) -> BTreeSet<NodeId> {
        self.steps
            .iter()
            .take(self.step + 1)
            .flatten()
            .copied()
            .collect()
    }

    /// The boxes this step reveals.
    pub fn new_boxes(&self) -> &[NodeId] {
        self.steps.get(self.step).map_or(&[], Vec::as_slice)
    }

    fn go(&mut self, step: usize) {
        self.step = step.min(self.steps.len().saturating_sub(1));
    }
}

/// One frame of a presentation.
pub fn present_ui(app: &mut ArgmapApp, ui: &mut Ui) -> Vec<Intent> {
    let mut intents = Vec::new();
    let crate::ui::modes::Mode::Present(show) = &mut app.mode else {
        return intents;
    };
    if step_keys(ui, show) {
        intents.push(Intent::Command(Command::LeavePresentation));
    }
    let map = app.doc.map();
    let evaluation = app.evaluation.current();
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let (background, painter) = ui.allocate_painter(ui.available_size(), Sense::click());
        let canvas = background.rect;
        if background.clicked() {
            show.go(show.step + 1);
        }
        let revealed = show.revealed();
        let fresh: BTreeSet<NodeId> = show.new_boxes().iter().copied().collect();
        let now = ui.input(|i| i.time);
        let view = glide_to(show, &app.scene.list, &revealed, canvas, now);
        if show.glide.is_some() {
            ui.ctx().request_repaint();
        }
        paint::paint_background(&painter, canvas, &view);
        let mut arrow_batch = paint::Batch::new(&painter);
        for arrow in &app.scene.list.arrows {
            let shown = arrow
                .edges()
                .iter()
                .all(|e| edge_revealed(map, *e, &revealed));
            if shown {
                paint::paint_arrow(&painter, &mut arrow_batch, canvas, &view, arrow, false);
            }
        }
        arrow_batch.paint(&painter);
        let mut box_batch = paint::Batch::new(&painter);
        for item in app
            .scene
            .list
            .boxes
            .iter()
            .filter(|b| revealed.contains(&b.node))
        {
            paint::paint_box(
                &painter,
                &mut box_batch,
                canvas,
                &view,
                item,
                paint::BoxLook::default(),
            );
            if let Some(mark) = evaluation.and_then(|e| crate::ui::evaluation::mark(e, item.node)) {
                paint::paint_verdict(&painter, canvas, &view, item, &mark);
            }
            let rect = view.rect_to_screen(canvas, &item.rect);
            let is_new = fresh.contains(&item.node);
            if is_new {
                paint_new(&painter, rect, view.zoom);
            }
            // Screen readers (and tests) hear each box shown.
            let label = format!(
                "{}{}",
                crate::ui::canvas::node_label(map, item.node),
                if is_new { " (new)" } else { "" }
            );
            ui.interact(
                rect.intersect(canvas),
                Id::unique(("shown", item.node)),
                Sense::hover(),
            )
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &label));
        }
        box_batch.paint(&painter);
        let footer = format!(
            "Step {} of {}  ·  Space or \u{2192}: next  ·  \u{2190}: back  ·  Esc: leave",
            show.step + 1,
            show.steps.len().max(1)
        );
        painter.text(
            canvas.center_bottom() + egui::vec2(0.0, -14.0),
            Align2::CENTER_BOTTOM,
            footer,
            FontId::proportional(15.0),
            theme::text().gamma_multiply(0.7),
        );
    });
    intents
}

/// Space, →, Page Down: on; ←, Page Up: back; Home, End: first, last.
/// Returns whether Esc asked to leave.
fn step_keys(ui: &Ui, show: &mut Presentation) -> bool {
    let (forward, back, home, end, leave) = ui.input_mut(|i| {
        let mut pressed = |key| i.consume_key(egui::Modifiers::NONE, key);
        (
            pressed(Key::Space) || pressed(Key::ArrowRight) || pressed(Key::PageDown),
            pressed(Key::ArrowLeft) || pressed(Key::PageUp),
            pressed(Key::Home),
            pressed(Key::End),
            pressed(Key::Escape),
        )
    });
    if forward {
        show.go(show.step + 1);
    }
    if back {
        show.go(show.step.saturating_sub(1));
    }
    if home {
        show.go(0);
    }
    if end {
        show.go(usize::MAX);
    }
    leave
}

/// A box new in this step: a strong outline and the word "new".
fn paint_new(painter: &egui::Painter, rect: Rect, zoom: f32) {
    let z = zoom.max(1.0);
    painter.rect_stroke(
        rect.expand(5.0 * z),
        8.0 * z,
        Stroke::new(3.0 * z, theme::SELECTION),
        StrokeKind::Outside,
    );
    painter.text(
        rect.right_top() + egui::vec2(0.0, -7.0 * z),
        Align2::RIGHT_BOTTOM,
        "new",
        FontId::proportional(13.0 * z),
        theme::SELECTION,
    );
}

/// The view this frame: gliding toward one that fits `revealed`.
fn glide_to(
    show: &mut Presentation,
    scene: &DisplayList,
    revealed: &BTreeSet<NodeId>,
    canvas: Rect,
    now: f64,
) -> View {
    let bounds = scene
        .boxes
        .iter()
        .filter(|b| revealed.contains(&b.node))
        .map(|b| b.rect)
        .reduce(|a, b| a.union(&b))
        .unwrap_or_else(|| MapRect::from_center(crate::model::Point::default(), 400.0, 300.0));
    let mut target = View::default();
    target.fit_within(canvas, &bounds.expand(30.0), MAX_ZOOM);
    let current = show.view.unwrap_or(target);
    let moving_to = show.glide.map(|g| g.to);
    if moving_to.is_none_or(|to| to != target) && current != target {
        show.glide = Some(Glide {
            from: current,
            to: target,
            since: now,
        });
    }
    let view = match show.glide {
        Some(glide) => {
            let t = ((now - glide.since) / GLIDE_SECONDS) as f32;
            if t >= 1.0 {
                show.glide = None;
                glide.to
            } else {
                // Ease out: fast at first, settling softly.
                glide.from.toward(glide.to, 1.0 - (1.0 - t).powi(3))
            }
        }
        None => target,
    };
    show.view = Some(view);
    view
}

/// Whether both ends of `edge` are on show (for an undercut: its box and
/// the arrow it cuts).
fn edge_revealed(map: &Map, edge: crate::model::EdgeId, revealed: &BTreeSet<NodeId>) -> bool {
    let mut at = edge;
    // An undercut chain is as long as the arrows it passes; never longer.
    for _ in 0..=map.edges.len() {
        let Some(e) = map.edges.get(&at) else {
            return false;
        };
        if !revealed.contains(&e.from) {
            return false;
        }
        match e.to {
            Target::Node(n) => return revealed.contains(&n),
            Target::Edge(cut) => at = cut,
        }
    }
    false
}
