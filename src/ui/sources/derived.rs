//! What the source panel derives from the map for the shown source: its
//! highlights, its blocks and which sentences are cited. Worked out once per
//! change to spans or sources. Cutting a long text into blocks and
//! sentences happens on a worker thread, so that no frame waits for it (the
//! panel says it is preparing meanwhile), and only when the text changes.

use super::blocks::{self, Block};
use super::highlight::{Highlight, highlights, patched};
use crate::anchor::coverage::{cited_among, sentences};
use crate::model::{Map, SourceId};
use crate::ops::ChangeLog;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

/// Texts longer than this (in bytes) are prepared on a worker thread.
const INLINE_BYTES: usize = 256 * 1024;

pub(super) struct Derived {
    pub revision: u64,
    /// The map's revision it was derived at.
    map_revision: u64,
    pub source: SourceId,
    /// The placed spans, by start.
    pub spans: Vec<Highlight>,
    pub blocks: Arc<[Block]>,
    pub sentences: usize,
    /// Sentences no span cites, by start.
    pub uncited: Vec<(usize, usize)>,
    /// The cuts of the text all this was derived from.
    cuts: Arc<Cuts>,
}

/// What depends on a source's text alone: its blocks and sentences. Cut
/// once per text; a change to spans reuses them.
pub(super) struct Cuts {
    text: Arc<str>,
    blocks: Arc<[Block]>,
    sentences: Vec<(usize, usize)>,
}

impl Cuts {
    fn of(text: Arc<str>) -> Self {
        Self {
            blocks: blocks::split(&text, blocks::BLOCK_CHARS).into(),
            sentences: sentences(&text),
            text,
        }
    }
}

impl Derived {
    fn work_out(
        (revision, map_revision): (u64, u64),
        source: SourceId,
        cuts: Arc<Cuts>,
        spans: Vec<Highlight>,
    ) -> Self {
        let ranges = spans.iter().map(|h| (h.start, h.end)).collect();
        let cited = cited_among(&cuts.sentences, ranges);
        let uncited = cuts
            .sentences
            .iter()
            .zip(&cited)
            .filter(|(_, c)| !**c)
            .map(|(s, _)| *s)
            .collect();
        Self {
            revision,
            map_revision,
            source,
            spans,
            blocks: cuts.blocks.clone(),
            sentences: cuts.sentences.len(),
            uncited,
            cuts,
        }
    }

    pub fn cited(&self) -> usize {
        self.sentences - self.uncited.len()
    }
}

/// The derived data of the shown source, ready or on its way.
#[derive(Default)]
pub(super) struct DerivedCache {
    ready: Option<Arc<Derived>>,
    pending: Option<Pending>,
}

struct Pending {
    revision: u64,
    source: SourceId,
    answer: Receiver<Derived>,
}

impl DerivedCache {
    /// The derived data for `source` at `revision`; while that is being
    /// worked out, the last one of the same source (or `None`). `changes`
    /// (the map's revision and its log) tells which boxes changed since the
    /// last derivation: only their highlights are read again.
    pub fn get(
        &mut self,
        map: &Map,
        revision: u64,
        source: SourceId,
        changes: (u64, &ChangeLog),
    ) -> Option<Arc<Derived>> {
        let current = |d: &Derived| d.revision == revision && d.source == source;
        if let Some(ready) = self.ready.as_ref().filter(|d| current(d)) {
            return Some(ready.clone());
        }
        if let Some(pending) = &self.pending {
            match pending.answer.try_recv() {
                Ok(done) => {
                    self.ready = Some(Arc::new(done));
                    self.pending = None;
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => self.pending = None,
            }
            if let Some(ready) = self.ready.as_ref().filter(|d| current(d)) {
                return Some(ready.clone());
            }
        }
        let asked = self
            .pending
            .as_ref()
            .is_some_and(|p| p.revision == revision && p.source == source);
        if !asked {
            self.start(map, revision, source, changes);
        }
        if let Some(ready) = self.ready.as_ref().filter(|d| current(d)) {
            return Some(ready.clone());
        }
        // Meanwhile: the last state of the same source, if any.
        self.ready.clone().filter(|d| d.source == source)
    }

    /// Whether work is under way (the panel repaints until it is done).
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    fn start(
        &mut self,
        map: &Map,
        revision: u64,
        source: SourceId,
        (map_revision, log): (u64, &ChangeLog),
    ) {
        let revisions = (revision, map_revision);
        let spans = self
            .ready
            .as_ref()
            .filter(|d| d.source == source)
            .and_then(|d| {
                let touched = log.since(d.map_revision, map_revision)?;
                (!touched.whole).then(|| patched(&d.spans, map, source, &touched.nodes))
            })
            .unwrap_or_else(|| highlights(map, source));
        let text: Arc<str> = map
            .sources
            .get(&source)
            .map_or_else(|| Arc::from(""), |s| s.text.clone());
        // The text as cut before: only which sentences are cited is new.
        let cut_before = self
            .ready
            .as_ref()
            .map(|d| d.cuts.clone())
            .filter(|c| Arc::ptr_eq(&c.text, &text));
        if let Some(cuts) = cut_before {
            self.ready = Some(Arc::new(Derived::work_out(revisions, source, cuts, spans)));
            self.pending = None;
            return;
        }
        if text.len() <= INLINE_BYTES {
            let cuts = Arc::new(Cuts::of(text));
            self.ready = Some(Arc::new(Derived::work_out(revisions, source, cuts, spans)));
            self.pending = None;
            return;
        }
        let (tell, answer) = std::sync::mpsc::channel();
        let worker_text = text.clone();
        let worker_spans = spans.clone();
        let spawned = std::thread::Builder::new()
            .name("argmap-source-panel".into())
            .spawn(move || {
                let cuts = Arc::new(Cuts::of(worker_text));
                // The panel may have moved on; then nobody listens.
                let _ = tell.send(Derived::work_out(revisions, source, cuts, worker_spans));
            });
        if spawned.is_ok() {
            self.pending = Some(Pending {
                revision,
                source,
                answer,
            });
        } else {
            // No thread to be had: work it out here.
            let cuts = Arc::new(Cuts::of(text));
            self.ready = Some(Arc::new(Derived::work_out(revisions, source, cuts, spans)));
            self.pending = None;
        }
    }
}
