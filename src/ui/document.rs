//! The open map: its file, its undo history, whether it has unsaved changes.
//! No egui here; the window reads and changes the map through this.

use crate::io::{self, LoadError, SaveError};
use crate::model::{Map, NodeId, Point};
use crate::ops::{ChangeLog, Edit, EditError, Footprint, History};
use std::path::{Path, PathBuf};

pub struct Document {
    map: Map,
    path: Option<PathBuf>,
    history: History,
    saved_state: u64,
    /// Bumped on every change, so views can cache what they derive.
    revision: u64,
    /// Bumped only on changes to spans, sources, the set of boxes or their
    /// kinds: what the source panel derives from (a drag leaves it alone).
    sources_revision: u64,
    /// Bumped only on changes evaluation depends on (not moves or words).
    arguments_revision: u64,
    /// Where the nodes of a drag in progress started.
    move_origins: Vec<(NodeId, Point)>,
    /// The revision the last preview move made, and the nodes it moved:
    /// a picture one revision older needs only those boxes slid.
    last_moved: (u64, Vec<NodeId>),
    /// What each of the last changes touched.
    changes: ChangeLog,
}

impl Document {
    pub fn new(map: Map, path: Option<PathBuf>) -> Self {
        let history = History::new();
        Self {
            map,
            path,
            saved_state: history.state(),
            history,
            revision: 0,
            sources_revision: 0,
            arguments_revision: 0,
            move_origins: Vec::new(),
            last_moved: (u64::MAX, Vec::new()),
            changes: ChangeLog::default(),
        }
    }

    /// Opens the map at `path`, in any format Argmap reads, laid out where
    /// the file gave no positions; with what was skipped or is orphaned.
    pub fn open_reporting(path: &Path) -> Result<(Self, crate::files::Opened), LoadError> {
        let mut opened = crate::files::open(path, None)?;
        let map = std::mem::take(&mut opened.map);
        Ok((Self::new(map, Some(path.to_owned())), opened))
    }

    /// Opens the map at `path` (see [`Document::open_reporting`]).
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        Self::open_reporting(path).map(|(doc, _)| doc)
    }

    /// Whether Save may write back to the document's own file: only the
    /// formats that carry everything. A map opened from AIF, Argdown or
    /// Kialo is saved as `.ron` beside it.
    pub fn saves_in_place(&self) -> bool {
        self.path
            .as_deref()
            .and_then(io::Format::from_path)
            .is_some_and(io::Format::is_lossless)
    }

    pub fn map(&self) -> &Map {
        &self.map
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The folder the map's file is in: where its dialogs open.
    pub fn folder(&self) -> Option<PathBuf> {
        self.path
            .as_deref()
            .map(crate::io::confined::folder_of)
            .map(|f| std::path::absolute(&f).unwrap_or(f))
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Names the state of the map's spans, sources and box kinds.
    pub fn sources_revision(&self) -> u64 {
        self.sources_revision
    }

    /// Names the state of what evaluation reads: boxes, arrows, kinds,
    /// assumptions.
    pub fn arguments_revision(&self) -> u64 {
        self.arguments_revision
    }

    /// Counts a change in the revisions it touches: (sources, arguments).
    fn count(&mut self, ((sources, arguments), footprint): ((bool, bool), Footprint)) {
        self.sources_revision += u64::from(sources);
        self.arguments_revision += u64::from(arguments);
        self.step(footprint);
    }

    /// A new revision, made by a change that touched `footprint`.
    fn step(&mut self, footprint: Footprint) {
        self.revision += 1;
        self.changes.record(self.revision, footprint);
    }

    /// The log of the last changes (see [`Document::changes_since`]).
    pub fn changes(&self) -> &ChangeLog {
        &self.changes
    }

    /// What the changes since revision `seen` touched, when the document
    /// still knows (it remembers its last few changes).
    pub fn changes_since(&self, seen: u64) -> Option<std::borrow::Cow<'_, Footprint>> {
        self.changes.since(seen, self.revision)
    }

    pub fn is_dirty(&self) -> bool {
        self.history.state() != self.saved_state
    }

    /// The file name, or "Untitled".
    pub fn display_name(&self) -> String {
        self.path.as_deref().and_then(Path::file_name).map_or_else(
            || "Untitled".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Marks the map as having unsaved changes (a restored recovery copy).
    pub fn mark_unsaved(&mut self) {
        self.saved_state = u64::MAX;
    }

    /// Applies `edit` as one undo step.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.finish_move()?;
        let touches = touches(&edit);
        self.history.apply(&mut self.map, edit)?;
        let inverse = self.history.next_undo();
        self.count(with_inverse(touches, inverse));
        Ok(())
    }

    pub fn undo(&mut self) -> Result<bool, EditError> {
        self.cancel_move();
        let touches = self.history.next_undo().map(touches);
        let done = self.history.undo(&mut self.map)?;
        if let Some(touches) = touches.filter(|_| done) {
            let inverse = self.history.next_redo();
            self.count(with_inverse(touches, inverse));
        }
        Ok(done)
    }

    pub fn redo(&mut self) -> Result<bool, EditError> {
        self.cancel_move();
        let touches = self.history.next_redo().map(touches);
        let done = self.history.redo(&mut self.map)?;
        if let Some(touches) = touches.filter(|_| done) {
            let inverse = self.history.next_undo();
            self.count(with_inverse(touches, inverse));
        }
        Ok(done)
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Shows nodes at new places during a drag, without an undo step.
    pub fn preview_move(&mut self, to: &[(NodeId, Point)]) {
        for (id, pos) in to {
            let Some(node) = self.map.nodes.get_mut(id) else {
                continue;
            };
            if !self.move_origins.iter().any(|(n, _)| n == id) {
                self.move_origins.push((*id, node.pos));
            }
            if pos.is_finite() {
                node.pos = *pos;
            }
        }
        let moved: Vec<NodeId> = to.iter().map(|(id, _)| *id).collect();
        self.step(Footprint {
            nodes: moved.iter().copied().collect(),
            ..Footprint::default()
        });
        self.last_moved = (self.revision, moved);
    }

    /// The nodes that the change to `revision` moved, when it was only a
    /// preview move and `revision` is the current one.
    pub fn moved_at(&self, revision: u64) -> Option<&[NodeId]> {
        (self.last_moved.0 == revision && self.revision == revision)
            .then_some(self.last_moved.1.as_slice())
    }

    /// Ends a drag: the whole move becomes one undo step.
    pub fn finish_move(&mut self) -> Result<(), EditError> {
        if self.move_origins.is_empty() {
            return Ok(());
        }
        let to: Vec<(NodeId, Point)> = self
            .move_origins
            .iter()
            .filter_map(|(id, _)| self.map.nodes.get(id).map(|n| (*id, n.pos)))
            .collect();
        self.cancel_move();
        let moved = to
            .iter()
            .any(|(id, pos)| self.map.nodes.get(id).is_some_and(|n| n.pos != *pos));
        let footprint = Footprint {
            nodes: to.iter().map(|(id, _)| *id).collect(),
            ..Footprint::default()
        };
        if moved {
            self.history.apply(&mut self.map, Edit::MoveNodes { to })?;
        }
        self.step(footprint);
        Ok(())
    }

    /// Puts dragged nodes back where the drag began.
    pub fn cancel_move(&mut self) {
        if self.move_origins.is_empty() {
            return;
        }
        let mut footprint = Footprint::default();
        for (id, pos) in std::mem::take(&mut self.move_origins) {
            if let Some(node) = self.map.nodes.get_mut(&id) {
                node.pos = pos;
                footprint.nodes.insert(id);
            }
        }
        self.step(footprint);
    }

    /// Writes the map to `path` (atomically) and makes it the document's file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        self.finish_move().map_err(|e| SaveError::Encode {
            path: path.to_owned(),
            source: io::EncodeError::Unfinished(e.to_string()),
        })?;
        io::save(&self.map, path)?;
        self.path = Some(path.to_owned());
        self.saved_state = self.history.state();
        Ok(())
    }
}

/// `touches` with what the applied edit's `inverse` touches: an inverse
/// names everything the edit did (a removal's inverse lists every arrow it
/// took away with the boxes), so the footprint holds every id it changed.
fn with_inverse(
    (kinds, mut footprint): ((bool, bool), Footprint),
    inverse: Option<&Edit>,
) -> ((bool, bool), Footprint) {
    if let Some(inverse) = inverse {
        footprint.add(inverse.footprint());
    }
    (kinds, footprint)
}

/// What an edit changes: the (sources, arguments) revisions it counts in,
/// and the boxes and arrows it touches.
fn touches(edit: &Edit) -> ((bool, bool), Footprint) {
    (
        (edit.touches_sources(), edit.touches_arguments()),
        edit.footprint(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind};

    fn doc() -> Document {
        let mut map = Map::new("t");
        map.nodes.insert(
            NodeId(1),
            Node::new(NodeId(1), NodeKind::Claim, "c", Point::new(0.0, 0.0)),
        );
        Document::new(map, None)
    }

    #[test]
    fn a_drag_is_one_undo_step() {
        let mut doc = doc();
        for x in [10.0, 20.0, 30.0] {
            doc.preview_move(&[(NodeId(1), Point::new(x, 0.0))]);
        }
        doc.finish_move().expect("moves");
        assert_eq!(doc.map().nodes[&NodeId(1)].pos, Point::new(30.0, 0.0));
        assert!(doc.is_dirty());
        assert!(doc.undo().expect("undoes"));
        assert_eq!(doc.map().nodes[&NodeId(1)].pos, Point::new(0.0, 0.0));
        assert!(!doc.can_undo(), "only one step");
        assert!(!doc.is_dirty());
    }

    #[test]
    fn saving_clears_dirty_and_keeps_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("m.ron");
        let mut doc = doc();
        doc.apply(Edit::SetTitle {
            title: "new".into(),
        })
        .expect("applies");
        assert!(doc.is_dirty());
        doc.save_as(&path).expect("saves");
        assert!(!doc.is_dirty());
        assert_eq!(doc.display_name(), "m.ron");
        assert_eq!(Document::open(&path).expect("opens").map(), doc.map());
    }
}
