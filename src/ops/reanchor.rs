//! Updating a source's text and moving its spans, as one undoable edit.

use super::Edit;
use crate::anchor::reanchor::{NewText, Placement, place, replace_span};
use crate::model::{Map, NodeId, Source, SourceId, Span};

/// What happened to one span.
#[derive(Clone, Debug, PartialEq)]
pub struct SpanReport {
    pub node: NodeId,
    pub old: Span,
    pub new: Span,
    pub placement: Placement,
}

/// The edit that replaces `source`'s text with `new_text` and re-anchors
/// every span that quotes it, and what happened to each span. `None` if
/// the map has no such source.
pub fn reanchor_source(
    map: &Map,
    source: SourceId,
    new_text: &str,
) -> Option<(Edit, Vec<SpanReport>)> {
    let path = map.sources.get(&source)?.path.clone();
    reanchor_source_from(map, source, new_text, path)
}

/// As [`reanchor_source`], and the source's file becomes `path`.
pub fn reanchor_source_from(
    map: &Map,
    source: SourceId,
    new_text: &str,
    path: Option<String>,
) -> Option<(Edit, Vec<SpanReport>)> {
    let old = map.sources.get(&source)?;
    let updated = Source {
        text: new_text.into(),
        path,
        ..old.clone()
    };
    let new = NewText::new(&updated.text);
    let mut edits = vec![Edit::ReplaceSource {
        source: updated.clone(),
    }];
    let mut reports = Vec::new();
    for node in map.nodes.values() {
        if !node.spans.iter().any(|s| s.source == source) {
            continue;
        }
        let spans = node
            .spans
            .iter()
            .map(|span| {
                if span.source != source {
                    return span.clone();
                }
                let placement = place(span, &new);
                let moved = replace_span(span, &updated, &new, &placement);
                reports.push(SpanReport {
                    node: node.id,
                    old: span.clone(),
                    new: moved.clone(),
                    placement,
                });
                moved
            })
            .collect();
        edits.push(Edit::SetSpans {
            node: node.id,
            spans,
        });
    }
    Some((Edit::Batch(edits), reports))
}

/// Counts of what re-anchoring did, for a summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub unchanged: usize,
    pub moved: usize,
    pub edited: usize,
    pub orphaned: usize,
}

impl Summary {
    pub fn of(reports: &[SpanReport]) -> Self {
        let mut summary = Self::default();
        for report in reports {
            match report.placement {
                Placement::Unchanged => summary.unchanged += 1,
                Placement::Moved { .. } => summary.moved += 1,
                Placement::Edited { .. } => summary.edited += 1,
                Placement::Orphaned { .. } => summary.orphaned += 1,
            }
        }
        summary
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} unchanged, {} moved, {} found with small edits, {} orphaned",
            self.unchanged, self.moved, self.edited, self.orphaned
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::span_from_range;
    use crate::model::{Node, NodeKind, Point};

    #[test]
    fn reanchoring_is_one_undoable_edit() {
        let text = "Google left China in 2010. Others stayed.";
        let source = Source {
            id: SourceId(1),
            title: "t".into(),
            path: None,
            text: text.into(),
        };
        let mut map = Map::new("t");
        let mut node = Node::new(NodeId(1), NodeKind::Evidence, "e", Point::default());
        node.spans
            .push(span_from_range(&source, 0, 17).expect("fits"));
        node.spans
            .push(span_from_range(&source, 27, 41).expect("fits"));
        map.nodes.insert(NodeId(1), node);
        map.sources.insert(SourceId(1), source);
        let original = map.clone();

        let new_text = format!(
            "A new first line.\n{}",
            text.replace("Others stayed.", "Nobody else.")
        );
        let (edit, reports) = reanchor_source(&map, SourceId(1), &new_text).expect("source exists");
        assert_eq!(
            Summary::of(&reports),
            Summary {
                unchanged: 0,
                moved: 1,
                edited: 0,
                orphaned: 1
            }
        );
        let undo = edit.apply(&mut map).expect("applies");
        assert_eq!(*map.sources[&SourceId(1)].text, *new_text);
        let spans = &map.nodes[&NodeId(1)].spans;
        assert_eq!(spans[0].quote, "Google left China");
        assert!(!spans[0].orphan && spans[1].orphan);
        assert!(map.violations().is_empty());
        undo.apply(&mut map).expect("undoes");
        assert_eq!(map, original);
    }
}
