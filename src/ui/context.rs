//! What every panel reads in a frame, and nothing it may write: the map,
//! its picture, the selection, the evaluation. Panels answer with intents
//! (`super::intent`), which the shell applies once per frame, as rerun's
//! panels read a `ViewerContext` and queue `SystemCommand`s.

use super::selection::Selection;
use super::sources::QuotePayload;
use crate::eval::Evaluation;
use crate::model::{Map, Point};
use crate::ops::ChangeLog;
use crate::render::DisplayList;

/// The read-only state of one frame.
#[derive(Clone, Copy)]
pub struct ViewContext<'a> {
    pub map: &'a Map,
    /// The map drawn: boxes and arrows in map space.
    pub scene: &'a DisplayList,
    pub selection: &'a Selection,
    /// Shown or not: `None` when evaluation is hidden.
    pub evaluation: Option<&'a Evaluation>,
    /// Names the state of spans and sources, for caches.
    pub sources_revision: u64,
    /// Names the state of the whole map; with `changes`, what changed
    /// since a cache's revision.
    pub revision: u64,
    pub changes: &'a ChangeLog,
    /// Words selected in the source panel, if any.
    pub quote: Option<QuotePayload>,
    /// The middle of what the canvas shows, in map space: where a box made
    /// from a panel goes.
    pub view_center: Point,
}
