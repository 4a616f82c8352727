//! What an edit touches: the boxes and arrows whose picture may change, so
//! a view can redraw those and leave a big map's other boxes alone.

use super::Edit;
use crate::model::{EdgeId, NodeId};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// The boxes and arrows an edit adds, removes or changes. `whole` means
/// the edit reaches further than its own ids (folding a subtree, a source
/// and its spans, an arrow leaving a linked argument): derive everything
/// again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Footprint {
    pub nodes: BTreeSet<NodeId>,
    pub edges: BTreeSet<EdgeId>,
    pub whole: bool,
}

impl Footprint {
    /// Everything: a view derives all of the map again.
    pub fn whole() -> Self {
        Self {
            whole: true,
            ..Self::default()
        }
    }

    /// Adds what `other` touched.
    pub fn add(&mut self, other: Self) {
        self.nodes.extend(other.nodes);
        self.edges.extend(other.edges);
        self.whole |= other.whole;
    }
}

/// The footprints of a map's last changes, one per revision, so a view a
/// few revisions behind can catch up by redrawing only what they touched.
#[derive(Clone, Debug, Default)]
pub struct ChangeLog {
    /// (revision made, what it touched), oldest first.
    entries: std::collections::VecDeque<(u64, Footprint)>,
}

/// How many changes the log remembers; a view further behind derives all.
const REMEMBERED: usize = 16;

impl ChangeLog {
    /// The change that made `revision` touched `footprint`.
    pub fn record(&mut self, revision: u64, footprint: Footprint) {
        if self.entries.len() == REMEMBERED {
            self.entries.pop_front();
        }
        self.entries.push_back((revision, footprint));
    }

    /// What the changes after `seen` up to `now` touched together, or
    /// `None` when the log does not hold every one of them.
    pub fn since(&self, seen: u64, now: u64) -> Option<Cow<'_, Footprint>> {
        let first = seen.checked_add(1)?;
        let count = usize::try_from(now.checked_sub(seen)?).ok()?;
        let at = self.entries.iter().position(|(r, _)| *r == first);
        let Some(at) = at else {
            return (count == 0).then(|| Cow::Owned(Footprint::default()));
        };
        let held: Vec<&(u64, Footprint)> = self.entries.range(at..).collect();
        let whole_run = held.len() == count
            && held
                .iter()
                .zip(first..)
                .all(|((revision, _), expected)| *revision == expected);
        if !whole_run {
            return None;
        }
        if let [(_, only)] = held.as_slice() {
            return Some(Cow::Borrowed(only));
        }
        let mut all = Footprint::default();
        for (_, footprint) in held {
            all.add(footprint.clone());
        }
        Some(Cow::Owned(all))
    }
}

impl Edit {
    /// The boxes and arrows applying `self` may change. Arrows at a touched
    /// box are not listed: a view follows them from the box. (The inverse
    /// that applying returns lists them: with it, every id the edit added,
    /// removed or changed.)
    pub fn footprint(&self) -> Footprint {
        let nodes = |ids: &mut dyn Iterator<Item = NodeId>| Footprint {
            nodes: ids.collect(),
            ..Footprint::default()
        };
        match self {
            Edit::Insert { nodes: n, edges } => Footprint {
                nodes: n.iter().map(|n| n.id).collect(),
                edges: edges.iter().map(|e| e.id).collect(),
                whole: false,
            },
            Edit::Remove { nodes: n, edges } => Footprint {
                nodes: n.iter().copied().collect(),
                edges: edges.iter().copied().collect(),
                whole: false,
            },
            Edit::MoveNodes { to } => nodes(&mut to.iter().map(|(id, _)| *id)),
            Edit::SetText { node, .. }
            | Edit::SetKind { node, .. }
            | Edit::SetNotes { node, .. }
            | Edit::SetTags { node, .. }
            | Edit::SetPinned { node, .. }
            | Edit::SetSpans { node, .. }
            | Edit::SetAssumption { node, .. } => nodes(&mut std::iter::once(*node)),
            Edit::SetEdgeKind { edge, .. } => Footprint {
                edges: BTreeSet::from([*edge]),
                ..Footprint::default()
            },
            Edit::SetSteps { .. } | Edit::SetTitle { .. } => Footprint::default(),
            Edit::SetCollapsed { .. }
            | Edit::SetEdgeGroup { .. }
            | Edit::AddSource { .. }
            | Edit::RemoveSource { .. }
            | Edit::ReplaceSource { .. } => Footprint::whole(),
            Edit::Batch(edits) => {
                let mut all = Footprint::default();
                for edit in edits {
                    all.add(edit.footprint());
                }
                all
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind, Point};

    fn touching(node: u64) -> Footprint {
        Footprint {
            nodes: BTreeSet::from([NodeId(node)]),
            ..Footprint::default()
        }
    }

    #[test]
    fn the_log_answers_only_for_revisions_it_holds_in_full() {
        let mut log = ChangeLog::default();
        for revision in 1..=20 {
            log.record(revision, touching(revision));
        }
        let caught_up = log.since(17, 20).expect("17..20 are held");
        assert_eq!(
            caught_up.nodes,
            BTreeSet::from([NodeId(18), NodeId(19), NodeId(20)])
        );
        assert_eq!(log.since(20, 20).as_deref(), Some(&Footprint::default()));
        assert_eq!(log.since(19, 20).as_deref(), Some(&touching(20)));
        assert_eq!(log.since(2, 20), None, "revision 3 was forgotten");
        assert_eq!(log.since(17, 21), None, "revision 21 is unknown");
        log.record(23, touching(23));
        assert_eq!(log.since(20, 23), None, "21 and 22 are missing");
    }

    #[test]
    fn a_batch_touches_what_its_edits_touch() {
        let edit = Edit::Batch(vec![
            Edit::Insert {
                nodes: vec![Node::new(
                    NodeId(4),
                    NodeKind::Reason,
                    "r",
                    Point::new(0.0, 0.0),
                )],
                edges: Vec::new(),
            },
            Edit::Remove {
                nodes: vec![NodeId(2)],
                edges: vec![EdgeId(9)],
            },
            Edit::SetTitle { title: "t".into() },
        ]);
        let footprint = edit.footprint();
        assert_eq!(footprint.nodes, BTreeSet::from([NodeId(2), NodeId(4)]));
        assert_eq!(footprint.edges, BTreeSet::from([EdgeId(9)]));
        assert!(!footprint.whole);
        let folded = Edit::Batch(vec![
            edit,
            Edit::SetCollapsed {
                node: NodeId(1),
                collapsed: true,
            },
        ]);
        assert!(folded.footprint().whole, "folding reaches a whole subtree");
    }
}
