//! What widgets ask for. Widgets read the map and return intents; the app
//! applies them in one place, once per frame.

use crate::io::ChangedSource;
use crate::model::{NodeId, Point, SourceId};
use crate::ops::Edit;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub enum Intent {
    /// One undoable change to the map.
    Edit(Edit),
    /// Nodes shown at new places during a drag (no undo step yet).
    PreviewMove(Vec<(NodeId, Point)>),
    /// The drag ended: the move becomes one undo step.
    FinishMove,
    Command(Command),
    /// Select exactly these boxes (and no arrow).
    Select(Vec<NodeId>),
    /// Bring a box into the middle of the view.
    Reveal(NodeId),
}

impl Intent {
    /// Select `node` alone and bring it into view: what a click on a box's
    /// name in any list does.
    pub fn go_to(node: NodeId) -> [Intent; 2] {
        [Intent::Select(vec![node]), Intent::Reveal(node)]
    }
}

/// App commands: files, history, clipboard, view.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    New,
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    Undo,
    Redo,
    Copy,
    Cut,
    Paste,
    DeleteSelection,
    SelectAll,
    ZoomToFit,
    /// Select and show a main claim: the first, then the next at each
    /// press.
    GoToMainClaim,
    /// Show or hide the minimap in the canvas' corner.
    ToggleMinimap,
    ZoomIn,
    ZoomOut,
    Find,
    ShowShortcuts,
    Quit,
    /// Show a box's span in the source panel (the span's index in the box).
    RevealSpan {
        node: NodeId,
        index: usize,
    },
    /// Add a text file as a source; `None` asks with a dialog.
    AddSourceFile(Option<PathBuf>),
    /// Choose a format and export the map.
    Export,
    /// Arrange the whole map automatically (one undo step).
    LayoutAll,
    /// Arrange the selected boxes' subtrees (one undo step).
    LayoutSelection,
    /// Ask for a title and text to add as a source.
    PasteSource,
    /// Compare source files on disk with the map's copies.
    CheckSources,
    /// Take the new texts of changed source files and move their spans.
    UpdateSources(Vec<ChangedSource>),
    /// Re-read a source from a file the user picks in a dialog.
    PickSourceFile(SourceId),
    /// Show or hide which boxes stand, fall or are undecided.
    ToggleEvaluation,
    /// Drop every "what if" assumption (one undo step).
    ClearAssumptions,
    /// Fold the selected boxes' subtrees away, or unfold them.
    ToggleCollapse,
    /// Show only the selected box's subtree and its way up.
    FocusSelection,
    /// Show only this box's subtree and its way up, or (`None`) everything.
    Focus(Option<NodeId>),
    /// Present the map full screen, step by step.
    Present,
    /// Back from presenting to editing.
    LeavePresentation,
    /// Show or hide the panel where the presentation's steps are set.
    ToggleStepsPanel,
    /// Pick a model answer and compare the map with it.
    CompareWithModel,
    /// Back from comparing to editing.
    LeaveComparison,
}
