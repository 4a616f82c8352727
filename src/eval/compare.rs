//! Comparing a student's map with a model answer: which model boxes the
//! student found, which they missed, which they added, and whether the
//! arrows between found boxes are right.
//!
//! Boxes are matched one to one: first by how far their source spans
//! overlap, when both maps quote the same text (sources are matched by
//! their text, not their ids); then, for the rest, by how alike their words
//! are.

use crate::anchor::similarity::similarity;
use crate::model::{EdgeKind, Map, NodeId, SourceId};
use std::collections::{BTreeMap, BTreeSet};

/// Spans must overlap at least this much (shared chars over all their
/// chars) to match two boxes.
pub const SPAN_MATCH: f64 = 0.3;
/// Words must be at least this alike to match two boxes without spans.
pub const TEXT_MATCH: f64 = 0.55;

/// How a pair was matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    Span,
    Text,
}

/// A student box and the model box it stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    pub student: NodeId,
    pub model: NodeId,
    /// How well they match, 0 to 1: the spans' overlap, or the words'
    /// likeness.
    pub similarity: f64,
    pub by: MatchedBy,
}

/// The model's arrows whose two ends the student found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Relations {
    /// (from, to) in model ids: the student has the same arrow.
    pub right: Vec<(NodeId, NodeId)>,
    /// The student has an arrow between them of the other kind.
    pub wrong_kind: Vec<(NodeId, NodeId)>,
    /// The student has no arrow between them.
    pub missing: Vec<(NodeId, NodeId)>,
}

impl Relations {
    pub fn considered(&self) -> usize {
        self.right.len() + self.wrong_kind.len() + self.missing.len()
    }
}

/// The whole comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub found: Vec<Found>,
    /// Model boxes with no match, by id.
    pub missed: Vec<NodeId>,
    /// Student boxes with no match, by id.
    pub added: Vec<NodeId>,
    pub relations: Relations,
    model_boxes: usize,
    model_arrows: usize,
}

impl Comparison {
    /// The share of model boxes found, 0 to 1 (1 for an empty model).
    pub fn box_score(&self) -> f64 {
        if self.model_boxes == 0 {
            1.0
        } else {
            self.found.len() as f64 / self.model_boxes as f64
        }
    }

    /// The share of the relations considered that are right, 0 to 1 (1
    /// when the model has no arrows, 0 when none could be considered).
    pub fn relation_score(&self) -> f64 {
        match (self.model_arrows, self.relations.considered()) {
            (0, _) => 1.0,
            (_, 0) => 0.0,
            (_, n) => self.relations.right.len() as f64 / n as f64,
        }
    }

    /// The model box a student box stands for.
    pub fn model_of(&self, student: NodeId) -> Option<NodeId> {
        self.found
            .iter()
            .find(|f| f.student == student)
            .map(|f| f.model)
    }

    /// The student box standing for a model box.
    pub fn student_of(&self, model: NodeId) -> Option<NodeId> {
        self.found
            .iter()
            .find(|f| f.model == model)
            .map(|f| f.student)
    }
}

/// Each source of `student` whose text is also a source of `model`.
fn matched_sources(student: &Map, model: &Map) -> BTreeMap<SourceId, SourceId> {
    let normal = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let model_texts: BTreeMap<String, SourceId> = model
        .sources
        .values()
        .map(|s| (normal(&s.text), s.id))
        .collect();
    student
        .sources
        .values()
        .filter_map(|s| model_texts.get(&normal(&s.text)).map(|m| (s.id, *m)))
        .collect()
}

/// The chars a box quotes, per (model) source, as merged ranges.
type Quoted = BTreeMap<SourceId, Vec<(usize, usize)>>;

fn quoted(map: &Map, id: NodeId, sources: &dyn Fn(SourceId) -> Option<SourceId>) -> Quoted {
    let mut found: Quoted = BTreeMap::new();
    for span in map.nodes.get(&id).into_iter().flat_map(|n| &n.spans) {
        if span.orphan {
            continue;
        }
        if let Some(source) = sources(span.source) {
            found
                .entry(source)
                .or_default()
                .push((span.start, span.end));
        }
    }
    for ranges in found.values_mut() {
        ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for &(s, e) in ranges.iter() {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        *ranges = merged;
    }
    found
}

/// Shared chars over all chars the two boxes quote (0 when either quotes
/// nothing comparable).
fn overlap(a: &Quoted, b: &Quoted) -> f64 {
    let length = |q: &Quoted| -> usize { q.values().flatten().map(|(s, e)| e - s).sum() };
    let mut shared = 0;
    for (source, ranges) in a {
        let Some(others) = b.get(source) else {
            continue;
        };
        for &(s, e) in ranges {
            for &(os, oe) in others {
                shared += e.min(oe).saturating_sub(s.max(os));
            }
        }
    }
    let all = length(a) + length(b) - shared;
    if all == 0 {
        0.0
    } else {
        shared as f64 / all as f64
    }
}

/// How alike two box texts are, 0 to 1: the better of their words in
/// common and their letters' edit distance, ignoring case and spacing.
pub fn text_likeness(a: &str, b: &str) -> f64 {
    let words = |t: &str| -> BTreeSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let dice = if wa.is_empty() && wb.is_empty() {
        0.0
    } else {
        2.0 * wa.intersection(&wb).count() as f64 / (wa.len() + wb.len()) as f64
    };
    // Letters are compared (quadratic in length) only for texts that share
    // some words: unrelated ones are not alike either way.
    if dice < 0.2 {
        return dice;
    }
    let letters = |t: &str| -> Vec<char> {
        t.to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .collect()
    };
    dice.max(similarity(&letters(a), &letters(b)))
}

/// Compares `student` with `model`.
pub fn compare(student: &Map, model: &Map) -> Comparison {
    let sources = matched_sources(student, model);
    let student_quotes: BTreeMap<NodeId, Quoted> = student
        .nodes
        .keys()
        .map(|id| (*id, quoted(student, *id, &|s| sources.get(&s).copied())))
        .collect();
    let model_quotes: BTreeMap<NodeId, Quoted> = model
        .nodes
        .keys()
        .map(|id| (*id, quoted(model, *id, &|s| Some(s))))
        .collect();
    // Every pair scored, best first; each box is matched once.
    let mut by_span = Vec::new();
    let mut by_text = Vec::new();
    for (s, sq) in &student_quotes {
        for (m, mq) in &model_quotes {
            let o = overlap(sq, mq);
            let words = text_likeness(
                student.nodes.get(s).map_or("", |n| n.text.as_str()),
                model.nodes.get(m).map_or("", |n| n.text.as_str()),
            );
            if o >= SPAN_MATCH {
                by_span.push((o, words, *s, *m));
            } else if words >= TEXT_MATCH {
                by_text.push((words, o, *s, *m));
            }
        }
    }
    let best_first = |a: &(f64, f64, NodeId, NodeId), b: &(f64, f64, NodeId, NodeId)| {
        b.0.total_cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    };
    by_span.sort_by(best_first);
    by_text.sort_by(best_first);
    let mut found = Vec::new();
    let mut used_student = BTreeSet::new();
    let mut used_model = BTreeSet::new();
    for (pairs, by) in [(by_span, MatchedBy::Span), (by_text, MatchedBy::Text)] {
        for (score, _, s, m) in pairs {
            if used_student.contains(&s) || used_model.contains(&m) {
                continue;
            }
            used_student.insert(s);
            used_model.insert(m);
            found.push(Found {
                student: s,
                model: m,
                similarity: score,
                by,
            });
        }
    }
    found.sort_by_key(|f| (f.model, f.student));
    let missed = model
        .nodes
        .keys()
        .copied()
        .filter(|m| !used_model.contains(m))
        .collect();
    let added = student
        .nodes
        .keys()
        .copied()
        .filter(|s| !used_student.contains(s))
        .collect();
    let mut comparison = Comparison {
        found,
        missed,
        added,
        relations: Relations::default(),
        model_boxes: model.nodes.len(),
        model_arrows: model.edges.len(),
    };
    comparison.relations = relations(student, model, &comparison);
    comparison
}

/// The ends of an arrow as boxes: its box and the box it points at (for an
/// undercut, the box the cut arrow points at).
fn ends(map: &Map, edge: &crate::model::Edge) -> Option<(NodeId, NodeId)> {
    crate::model::tree::argued_about(map, edge).map(|to| (edge.from, to))
}

/// For each model arrow whose two ends were found: right, wrong kind, or
/// missing in the student's map.
fn relations(student: &Map, model: &Map, comparison: &Comparison) -> Relations {
    // The student's arrows by their ends (undercuts counted apart).
    let mut drawn: BTreeMap<(NodeId, NodeId), BTreeSet<EdgeKind>> = BTreeMap::new();
    for edge in student.edges.values() {
        if let Some(key) = ends(student, edge) {
            drawn.entry(key).or_default().insert(edge.kind);
        }
    }
    let mut relations = Relations::default();
    for edge in model.edges.values() {
        let Some((from, to)) = ends(model, edge) else {
            continue;
        };
        let (Some(s_from), Some(s_to)) = (comparison.student_of(from), comparison.student_of(to))
        else {
            continue;
        };
        let key = (from, to);
        match drawn.get(&(s_from, s_to)) {
            Some(kinds) if kinds.contains(&edge.kind) => relations.right.push(key),
            Some(_) => relations.wrong_kind.push(key),
            None => relations.missing.push(key),
        }
    }
    relations
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reworded_texts_are_alike_and_unrelated_ones_are_not() {
        assert!(
            text_likeness(
                "States may govern the Internet",
                "the internet: states may govern it"
            ) > TEXT_MATCH
        );
        assert!(
            text_likeness(
                "States may govern the Internet",
                "Google left China in 2010"
            ) < TEXT_MATCH
        );
    }
}
