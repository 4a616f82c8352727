//! Undo and redo: stacks of inverse edits.

use super::{Edit, EditError};
use crate::model::Map;

/// The undo and redo stacks of one open map.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_serial: u64,
}

/// An inverse edit and the serial of the state it undoes.
#[derive(Debug)]
struct Step {
    serial: u64,
    inverse: Edit,
}

impl History {
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies `edit` as one undo step. Empty edits change nothing and leave
    /// no step.
    pub fn apply(&mut self, map: &mut Map, edit: Edit) -> Result<(), EditError> {
        if edit.is_empty() {
            return Ok(());
        }
        let inverse = edit.apply(map)?;
        self.next_serial += 1;
        self.undo.push(Step {
            serial: self.next_serial,
            inverse,
        });
        self.redo.clear();
        Ok(())
    }

    /// Undoes the newest step. Returns false when there was nothing to undo.
    pub fn undo(&mut self, map: &mut Map) -> Result<bool, EditError> {
        Self::shift(map, &mut self.undo, &mut self.redo)
    }

    /// Redoes the newest undone step. Returns false when there was none.
    pub fn redo(&mut self, map: &mut Map) -> Result<bool, EditError> {
        Self::shift(map, &mut self.redo, &mut self.undo)
    }

    fn shift(map: &mut Map, from: &mut Vec<Step>, to: &mut Vec<Step>) -> Result<bool, EditError> {
        let Some(step) = from.pop() else {
            return Ok(false);
        };
        // Applied as it is, not a copy: a big step (a thousand boxes back)
        // costs no clone. An edit that fails leaves the map as it was, and
        // its step is dropped: it would fail again.
        let inverse = step.inverse.apply(map)?;
        to.push(Step {
            serial: step.serial,
            inverse,
        });
        Ok(true)
    }

    /// The edit that the next undo would apply, if any.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last().map(|step| &step.inverse)
    }

    /// The edit that the next redo would apply, if any.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|step| &step.inverse)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// A number naming the current state of the map: equal numbers mean the
    /// same content, so a saved state can be compared for a dirty marker.
    pub fn state(&self) -> u64 {
        // Redo steps hold the serials of undone states; the current state is
        // the newest step still applied.
        self.undo.last().map_or(0, |step| step.serial)
    }
}
