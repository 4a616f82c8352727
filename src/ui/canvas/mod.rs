//! The canvas: paints the display list, turns mouse gestures into intents.
//! Pan, zoom, selection and the drag in progress are view state here.

mod gestures;
pub use menus::link_premises_edit;
mod keyboard;
mod menus;
pub(super) mod paint;
pub use paint::VerdictMark;
mod text_editor;

pub use gestures::node_label;
pub use keyboard::keyboard_intents;

use super::intent::Intent;
use super::selection::{Selection, TextEditing};
use super::view::View;
use crate::model::{EdgeId, Map, NodeId, Point};
use crate::render::DisplayList;
use egui::{Rect, Sense, Ui};
use std::collections::BTreeSet;

/// The zoom at which box text is comfortable to read.
const READABLE_ZOOM: f32 = 0.8;
/// How far inside the canvas edge a new box is brought, in screen points.
const KEEP_IN_VIEW_MARGIN: f32 = 16.0;

/// The smallest shift that brings `rect` inside `frame` (its top left
/// first, when it cannot fit whole).
fn nudge_into(rect: Rect, frame: Rect) -> egui::Vec2 {
    let axis = |lo: f32, hi: f32, min: f32, max: f32| {
        if hi - lo > max - min || lo < min {
            min - lo
        } else if hi > max {
            max - hi
        } else {
            0.0
        }
    };
    egui::vec2(
        axis(rect.left(), rect.right(), frame.left(), frame.right()),
        axis(rect.top(), rect.bottom(), frame.top(), frame.bottom()),
    )
}

/// What the canvas remembers between frames.
#[derive(Debug, Default)]
pub struct CanvasState {
    pub view: View,
    pub editing: Option<TextEditing>,
    /// Set to zoom to fit on the next frame (after open, on F).
    pub fit_requested: bool,
    /// With `fit_requested`: never open a map too small to read.
    pub readable_on_open: bool,
    /// Set to bring a node into the middle of the view on the next frame.
    pub reveal: Option<NodeId>,
    /// Boxes to mark as matching a search.
    pub find_matches: BTreeSet<NodeId>,
    /// Boxes whose words the pointer is over in the source panel.
    pub source_hover: BTreeSet<NodeId>,
    /// A new box to scroll wholly into view once it is drawn.
    pub keep_in_view: Option<NodeId>,
    /// Focus on a box: only its subtree and its way up to the main claims
    /// are shown. View state, never saved.
    pub focus: Option<NodeId>,
    drag: Option<Drag>,
    context: Option<ContextTarget>,
    /// The canvas' screen rectangle in the last frame.
    pub last_rect: Option<Rect>,
}

#[derive(Clone, Debug)]
enum Drag {
    /// Moving the selected boxes; `origins` are where they started.
    Move {
        grabbed_at: Point,
        origins: Vec<(NodeId, Point)>,
    },
    /// Drawing a new arrow out of a box's handle.
    Link {
        from: NodeId,
    },
    /// A rubber-band selection from `start` (map space).
    Select {
        start: Point,
    },
    Pan,
}

/// What a right-click hit, for the context menu shown after it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ContextTarget {
    Node(NodeId),
    Edge(EdgeId),
    Canvas(Point),
}

impl CanvasState {
    /// A canvas that zooms to fit the map on its first frame.
    pub fn fitted() -> Self {
        Self {
            fit_requested: true,
            readable_on_open: true,
            ..Self::default()
        }
    }

    /// Starts editing `node`'s text in place.
    pub fn edit_text(&mut self, map: &Map, node: NodeId) {
        if let Some(n) = map.nodes.get(&node) {
            self.editing = Some(TextEditing {
                node,
                buffer: n.text.clone(),
                focus_requested: true,
                is_new: false,
            });
        }
    }

    /// Whether a gesture is under way (so the app should not rebuild the view).
    pub fn is_dragging(&self) -> bool {
        self.drag.is_some()
    }
}

/// The canvas for this frame. Reads `map` and its display list; changes
/// only view state; returns what should change in the map.
pub fn canvas_ui(
    ui: &mut Ui,
    map: &Map,
    list: &DisplayList,
    evaluation: Option<&crate::eval::Evaluation>,
    state: &mut CanvasState,
    selection: &mut Selection,
) -> Vec<Intent> {
    let (background, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    let canvas = background.rect;
    state.last_rect = Some(canvas);
    background.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Canvas, true, "Map canvas")
    });

    if state.fit_requested {
        if let Some(bounds) = list.bounds() {
            state.view.fit(canvas, &bounds);
            if state.readable_on_open && state.view.zoom < READABLE_ZOOM {
                // Too big to read whole: open readable, at the first claim.
                state.view.zoom = READABLE_ZOOM;
                let first_claim = map
                    .nodes
                    .values()
                    .find(|n| n.kind == crate::model::NodeKind::Claim);
                let focus = first_claim
                    .and_then(|n| list.box_of(n.id))
                    .map_or(bounds.min, |b| b.rect.center());
                state.view.center_on(canvas, focus);
                state.view.offset.y += canvas.center().y
                    - state.view.to_screen(canvas, focus).y
                    - canvas.height() * 0.3;
            }
        }
        state.fit_requested = false;
        state.readable_on_open = false;
    }
    if let Some(node) = state.reveal.take()
        && let Some(b) = list.box_of(node)
    {
        state.view.center_on(canvas, b.rect.center());
    }
    if let Some(node) = state.keep_in_view
        && let Some(b) = list.box_of(node)
    {
        state.keep_in_view = None;
        let on_screen = state.view.rect_to_screen(canvas, &b.rect);
        state.view.offset += nudge_into(on_screen, canvas.shrink(KEEP_IN_VIEW_MARGIN));
    }

    let mut intents = Vec::new();
    gestures::pan_and_zoom(ui, &background, state, canvas);
    paint::paint_background(&painter, canvas, &state.view);

    let visible = state.view.visible(canvas).expand(20.0);
    for arrow in &list.arrows {
        if arrow.bounds().is_some_and(|b| b.intersects(&visible)) {
            let selected = arrow.edges().iter().any(|e| selection.edges.contains(e));
            paint::paint_arrow(&painter, canvas, &state.view, arrow, selected);
        }
    }

    let hovered_target = gestures::link_drop_target(ui, list, state, canvas);
    for item in list.boxes.iter().filter(|b| b.rect.intersects(&visible)) {
        let look = paint::BoxLook {
            selected: selection.nodes.contains(&item.node),
            find_match: state.find_matches.contains(&item.node)
                || state.source_hover.contains(&item.node),
            drop_target: hovered_target == Some(crate::model::Target::Node(item.node)),
            editing: state.editing.as_ref().is_some_and(|e| e.node == item.node),
        };
        paint::paint_box(&painter, canvas, &state.view, item, look);
        let verdict = evaluation.and_then(|e| crate::ui::evaluation::mark(e, item.node));
        if let Some(verdict) = &verdict {
            paint::paint_verdict(&painter, canvas, &state.view, item, verdict);
        }
        intents.extend(gestures::box_gestures(
            ui,
            map,
            list,
            item,
            verdict.as_ref(),
            state,
            selection,
            canvas,
        ));
    }
    // Drags that must end even when their box was culled this frame.
    intents.extend(gestures::move_drag(ui, state, canvas));
    intents.extend(gestures::finish_stray_link(ui, map, list, state, canvas));
    intents.extend(gestures::background_gestures(
        ui,
        &background,
        map,
        list,
        state,
        selection,
        canvas,
    ));
    gestures::paint_drag_feedback(ui, &painter, list, state, canvas, hovered_target);
    intents.extend(text_editor::text_editor_ui(ui, map, list, state, canvas));
    intents
}
