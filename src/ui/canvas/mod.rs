//! The canvas: paints the display list, turns mouse gestures into intents.
//! Pan, zoom, selection and the drag in progress are view state here.

mod gestures;
pub use menus::link_premises_edit;
mod keyboard;
mod linking;
mod menus;
mod minimap;
mod overview;
pub(super) mod paint;
pub use paint::VerdictMark;
mod text_editor;

pub use gestures::node_label;
pub use keyboard::keyboard_intents;

use super::intent::Intent;
use super::selection::{Selection, TextEditing};
use super::view::View;
use crate::model::{EdgeId, Map, NodeId, Point};
use crate::render::Scene;
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
    /// Whether the minimap shows in the canvas' corner.
    pub minimap: bool,
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
    /// Whether this frame may draw the map's trees: zoomed out, in the
    /// minimap, or about to zoom to fit.
    pub fn shows_trees(&self) -> bool {
        self.minimap || self.fit_requested || self.view.zoom < overview::OVERVIEW_ZOOM
    }

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
    scene: &Scene,
    evaluation: Option<&crate::eval::Evaluation>,
    state: &mut CanvasState,
    selection: &mut Selection,
) -> Vec<Intent> {
    let list = &scene.list;
    let (background, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    let canvas = background.rect;
    state.last_rect = Some(canvas);
    background.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Canvas, true, "Map canvas")
    });

    view_requests(map, list, state, canvas);

    let mut intents = Vec::new();
    gestures::pan_and_zoom(ui, &background, state, canvas);
    paint::paint_background(&painter, canvas, &state.view);
    overview::paint_areas(&painter, canvas, state, &scene.landmarks);

    let visible = state.view.visible(canvas).expand(20.0);
    let arrows = scene.index.arrows_near(list, &visible);
    let mut arrow_batch = paint::Batch::new(&painter);
    for arrow in arrows.iter().filter_map(|i| list.arrows.get(*i)) {
        if arrow.bounds().is_some_and(|b| b.intersects(&visible)) {
            let selected = arrow.edges().iter().any(|e| selection.edges.contains(e));
            paint::paint_arrow(
                &painter,
                &mut arrow_batch,
                canvas,
                &state.view,
                arrow,
                selected,
            );
        }
    }

    arrow_batch.paint(&painter);
    let mut box_batch = paint::Batch::new(&painter);

    let hovered_target = linking::link_drop_target(ui, scene, state, canvas);
    let hover = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|p| canvas.contains(*p))
        .map(|p| state.view.to_map(canvas, p));
    // Where the button went down, while it is held: a box too small for a
    // widget of its own keeps one while it is pressed, or the drag starting
    // on it would be lost once the pointer leaves its few pixels.
    let pressed = ui
        .input(|i| i.pointer.press_origin().filter(|_| i.pointer.any_down()))
        .filter(|p| canvas.contains(*p))
        .map(|p| state.view.to_map(canvas, p));
    let boxes = scene.index.boxes_near(list, &visible);
    for item in boxes.iter().filter_map(|i| list.boxes.get(*i)) {
        if !item.rect.intersects(&visible) {
            continue;
        }
        let look = paint::BoxLook {
            selected: selection.nodes.contains(&item.node),
            find_match: state.find_matches.contains(&item.node)
                || state.source_hover.contains(&item.node),
            drop_target: hovered_target == Some(crate::model::Target::Node(item.node)),
            editing: state.editing.as_ref().is_some_and(|e| e.node == item.node),
        };
        paint::paint_box(&painter, &mut box_batch, canvas, &state.view, item, look);
        let verdict = evaluation.and_then(|e| crate::ui::evaluation::mark(e, item.node));
        if let Some(verdict) = &verdict {
            paint::paint_verdict(&painter, canvas, &state.view, item, verdict);
        }
        if needs_widget(item, look, [hover, pressed], state) {
            intents.extend(gestures::box_gestures(
                ui,
                map,
                scene,
                item,
                verdict.as_ref(),
                state,
                selection,
                canvas,
            ));
        }
    }
    box_batch.paint(&painter);
    overview::labels_ui(ui, &painter, canvas, state, &scene.landmarks);
    // Drags that must end even when their box was culled this frame.
    intents.extend(gestures::move_drag(ui, state, canvas));
    intents.extend(linking::finish_stray_link(ui, map, scene, state, canvas));
    intents.extend(gestures::background_gestures(
        ui,
        &background,
        map,
        scene,
        state,
        selection,
        canvas,
    ));
    gestures::paint_drag_feedback(ui, &painter, scene, state, canvas, hovered_target);
    intents.extend(text_editor::text_editor_ui(ui, map, list, state, canvas));
    if state.minimap {
        minimap::minimap_ui(ui, scene, state, canvas);
    }
    intents
}

/// Whether a box gets a widget of its own this frame (clicks, drags, its
/// menu, its name for screen readers). A box too small to read gets one
/// only while the pointer is on it, it is pressed or being moved, or it is
/// selected, edited or has its menu open: ten thousand widgets a frame cost
/// more than drawing the map.
fn needs_widget(
    item: &crate::render::BoxItem,
    look: paint::BoxLook,
    pointers: [Option<Point>; 2],
    state: &CanvasState,
) -> bool {
    let tall = f64::from(paint::TINY_BOX_PX / state.view.zoom);
    let moving = matches!(&state.drag, Some(Drag::Move { origins, .. })
        if origins.iter().any(|(id, _)| *id == item.node));
    item.rect.max.y - item.rect.min.y >= tall
        || look.selected
        || look.editing
        || moving
        || state.context == Some(ContextTarget::Node(item.node))
        || pointers.iter().flatten().any(|p| item.rect.contains(*p))
}

/// Carries out what was asked of the view since the last frame: fit the
/// map, reveal a box, keep a new box in view.
fn view_requests(
    map: &Map,
    list: &crate::render::DisplayList,
    state: &mut CanvasState,
    canvas: Rect,
) {
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
}
