//! Commands about sources: show a span's words, add a text file, compare
//! sources with their files and take the new texts.

use super::app::ArgmapApp;
use super::sources::{QuotePayload, SourceDialog};
use crate::io::ChangedSource;
use crate::model::{NodeId, SourceId};
use crate::ops::Edit;
use crate::ops::reanchor::{Summary, reanchor_source_from};
use std::path::PathBuf;

impl ArgmapApp {
    /// Shows the `index`th span of `node` in the source panel.
    pub(super) fn reveal_span(&mut self, node: NodeId, index: usize) {
        let Some(span) = self
            .doc
            .map()
            .nodes
            .get(&node)
            .and_then(|n| n.spans.get(index))
            .cloned()
        else {
            return;
        };
        if span.orphan {
            self.fail("That span is orphaned: its words were not found after the source changed. Re-attach it in the inspector.");
            return;
        }
        self.sources.show_passage(QuotePayload {
            source: span.source,
            start: span.start,
            end: span.end,
        });
    }

    /// Adds the text file at `path` (or one the user picks) as a source.
    pub(super) fn add_source_file(&mut self, path: Option<PathBuf>) {
        let folder = self.doc.folder();
        let Some(path) = path.or_else(|| self.dialogs.pick_text_file(folder.as_deref())) else {
            return;
        };
        let id = self.doc.map().next_source_id();
        match crate::io::source_from_file(id, &path, self.doc.path()) {
            Ok(source) => {
                let title = source.title.clone();
                let outside = source.path.is_none() && self.doc.path().is_some();
                match self.doc.apply(Edit::AddSource { source }) {
                    Ok(()) => {
                        self.sources.active = Some(id);
                        let note = if outside {
                            " The file is outside the map's folder, so the map keeps its text but not its place."
                        } else {
                            ""
                        };
                        self.say(format!("Added the source \u{201c}{title}\u{201d}. Select words in it to make claims.{note}"));
                    }
                    Err(e) => self.fail(format!("Could not add the source: {e}.")),
                }
            }
            Err(e) => self.fail(format!("Could not add the source: {e}")),
        }
    }

    /// Offers to update sources whose files changed on disk. Only files
    /// inside the map's folder are read; the others are listed in the
    /// source panel, where the user can pick the file themselves.
    pub fn check_sources(&mut self, quiet: bool) {
        self.sources.unread.clear();
        let Some(path) = self.doc.path().map(std::path::Path::to_path_buf) else {
            if !quiet {
                self.say(
                    "This map has not been saved, so its sources have no files to compare with.",
                );
            }
            return;
        };
        let check = crate::io::changed_sources(&path, self.doc.map());
        if let Some(first) = check.unread.first() {
            let line = first.line(self.doc.map());
            let more = match check.unread.len() {
                1 => String::new(),
                n => format!(" ({} more in the source panel)", n - 1),
            };
            self.fail(format!(
                "Not read: {line}{more}. The map's copy is kept; pick the file in the source panel to re-read it."
            ));
        }
        for unread in check.unread {
            self.sources
                .unread
                .insert(unread.source, unread.reason.to_string());
        }
        if !check.changed.is_empty() {
            self.sources.dialog = Some(SourceDialog::Changed {
                changes: check.changed,
            });
        } else if !quiet && self.sources.unread.is_empty() {
            self.say("Every source file matches the map's copy.");
        }
    }

    /// Re-reads `source` from a file the user picks (anywhere: they chose
    /// it), moving its spans as one undo step.
    pub(super) fn pick_source_file(&mut self, source: SourceId) {
        let folder = self.doc.folder();
        let Some(file) = self.dialogs.pick_text_file(folder.as_deref()) else {
            return;
        };
        match crate::io::picked_source_file(self.doc.path(), source, &file) {
            Ok(change) => {
                self.sources.unread.remove(&source);
                self.update_sources(&[change]);
            }
            Err(e) => self.fail(format!("Could not read the source: {e}")),
        }
    }

    /// Takes the new texts of changed source files, moving every span, as
    /// one undo step; reports what moved and what is orphaned.
    pub(super) fn update_sources(&mut self, changes: &[ChangedSource]) {
        let mut scratch = self.doc.map().clone();
        let mut edits = Vec::new();
        let mut reports = Vec::new();
        for change in changes {
            let Some((edit, found)) =
                reanchor_source_from(&scratch, change.source, &change.text, change.path.clone())
            else {
                continue;
            };
            // Later sources are re-anchored against the map as earlier ones leave it.
            if let Err(e) = edit.clone().apply(&mut scratch) {
                self.fail(format!("Could not update the source: {e}."));
                return;
            }
            edits.push(edit);
            reports.extend(found);
        }
        match self.doc.apply(Edit::Batch(edits)) {
            Ok(()) => {
                let summary = Summary::of(&reports);
                let text = format!("Updated {} source(s): {summary}.", changes.len());
                if summary.orphaned > 0 {
                    self.fail(format!(
                        "{text} Orphaned spans are marked in the inspector."
                    ));
                } else {
                    self.say(text);
                }
            }
            Err(e) => self.fail(format!("Could not update the sources: {e}.")),
        }
    }
}
