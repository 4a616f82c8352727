//! Commands about sources: show a span's words, add a text file, compare
//! sources with their files and take the new texts.

use super::app::ArgmapApp;
use super::sources::QuotePayload;
use crate::io::ChangedSource;
use crate::model::NodeId;
use crate::ops::Edit;
use crate::ops::reanchor::{Summary, reanchor_source};
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
        let Some(path) = path.or_else(|| self.dialogs.pick_text_file()) else {
            return;
        };
        let id = self.doc.map().next_source_id();
        match crate::io::source_from_file(id, &path, self.doc.path()) {
            Ok(source) => {
                let title = source.title.clone();
                match self.doc.apply(Edit::AddSource { source }) {
                    Ok(()) => {
                        self.sources.active = Some(id);
                        self.say(format!("Added the source \u{201c}{title}\u{201d}. Select words in it to make claims."));
                    }
                    Err(e) => self.fail(format!("Could not add the source: {e}.")),
                }
            }
            Err(e) => self.fail(e),
        }
    }

    /// Takes the new texts of changed source files, moving every span, as
    /// one undo step; reports what moved and what is orphaned.
    pub(super) fn update_sources(&mut self, changes: &[ChangedSource]) {
        let mut scratch = self.doc.map().clone();
        let mut edits = Vec::new();
        let mut reports = Vec::new();
        for change in changes {
            let Some((edit, found)) = reanchor_source(&scratch, change.source, &change.text) else {
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
