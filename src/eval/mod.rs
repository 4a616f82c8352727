//! Argument evaluation: which boxes stand, which fall, which are undecided
//! (grounded semantics), whether each is supported, the sides of each main
//! claim, the objections nobody has answered, "what if" assumptions, and
//! why a box has its label. No window here.
//!
//! The rules, as README says them to a class:
//! - A box **stands** when every box attacking it falls (a box nobody
//!   attacks stands). It **falls** when a box attacking it stands. When
//!   neither can be settled (attacks that go round in a circle), it is
//!   **undecided**.
//! - An undercut attacks an inference (the step from reasons to what they
//!   support), not a box: the reasons may stand, but no longer hold the
//!   conclusion up.
//! - A box that has reasons is **unsupported** when none of its inferences
//!   counts: an inference counts when it is not undercut by a standing box
//!   and all its reasons stand. This is a mark beside the label; it does
//!   not change it. Boxes without reasons are taken as given.
//! - "What if": a box the user accepts stands, one the user rejects falls,
//!   whatever attacks or defends it; the rest follows.

mod build;
pub mod compare;
pub mod framework;
mod sides;
mod why;

pub use build::{Arg, Built, Inference, Row, RowTarget};
pub use framework::{Forced, Label, Labelling};
pub use sides::{Side, Sides, arguers_of, main_claims};
pub use why::{WhyStep, why};

use crate::model::{Assumption, EdgeKind, Map, NodeId};
use std::collections::BTreeMap;

/// Everything evaluation says about a map.
#[derive(Clone, Debug)]
pub struct Evaluation {
    built: Built,
    labelling: Labelling,
    forced: BTreeMap<NodeId, Assumption>,
    /// Per box (in id order, as `built.nodes`): whether it is supported.
    supported: Vec<bool>,
    /// Per box: its side as to each main claim it argues about, by claim.
    sides: Sides,
    main_claims: Vec<NodeId>,
    /// For each main claim, the standing boxes that attack its side.
    unanswered: BTreeMap<NodeId, Vec<NodeId>>,
}

/// Evaluates `map` with the assumptions its boxes carry.
pub fn evaluate(map: &Map) -> Evaluation {
    evaluate_with(map, &BTreeMap::new())
}

/// Evaluates `map` with `extra` assumptions over those its boxes carry
/// (the command line's `--accept` and `--reject`).
pub fn evaluate_with(map: &Map, extra: &BTreeMap<NodeId, Assumption>) -> Evaluation {
    let built = build::build(map);
    let mut forced: BTreeMap<NodeId, Assumption> = map
        .nodes
        .values()
        .filter_map(|n| n.assumption.map(|a| (n.id, a)))
        .collect();
    forced.extend(extra.iter().filter(|(id, _)| map.nodes.contains_key(id)));
    let force_list: Vec<(usize, Forced)> = forced
        .iter()
        .filter_map(|(id, a)| {
            let force = match a {
                Assumption::Accepted => Forced::In,
                Assumption::Rejected => Forced::Out,
            };
            built.node_arg(*id).map(|arg| (arg, force))
        })
        .collect();
    let labelling = framework::grounded(&built.framework, &force_list);
    let supported = support_marks(&built, &labelling);

    let main_claims = sides::main_claims_of(&built);
    let sides = sides::all_sides(&built, &main_claims);
    let mut evaluation = Evaluation {
        built,
        labelling,
        forced,
        supported,
        sides,
        main_claims,
        unanswered: BTreeMap::new(),
    };
    evaluation.unanswered = unanswered(&evaluation);
    evaluation
}

/// Whether each box is supported: it has no inference into it, or one of
/// them counts (not out, every premise in).
fn support_marks(built: &Built, labelling: &Labelling) -> Vec<bool> {
    let first_inference = built.nodes.len();
    let mut has_reasons = vec![false; built.nodes.len()];
    let mut counted = vec![false; built.nodes.len()];
    for (k, inference) in built.inferences.iter().enumerate() {
        let Some(conclusion) = built.node_arg(inference.conclusion) else {
            continue;
        };
        if let Some(h) = has_reasons.get_mut(conclusion) {
            *h = true;
        }
        let not_out = labelling.labels.get(first_inference + k) != Some(&Label::Out);
        let premises_in = inference.premises.iter().all(|p| {
            built
                .node_arg(*p)
                .and_then(|a| labelling.labels.get(a))
                .is_some_and(|l| *l == Label::In)
        });
        if not_out
            && premises_in
            && let Some(c) = counted.get_mut(conclusion)
        {
            *c = true;
        }
    }
    has_reasons
        .into_iter()
        .zip(counted)
        .map(|(reasons, counts)| !reasons || counts)
        .collect()
}

/// Standing boxes that attack a box (or undercut an inference into a box)
/// on the for side of a main claim: the objections still to answer. One
/// pass over the arrows.
fn unanswered(evaluation: &Evaluation) -> BTreeMap<NodeId, Vec<NodeId>> {
    let mut found: BTreeMap<NodeId, Vec<NodeId>> = evaluation
        .main_claims
        .iter()
        .map(|c| (*c, Vec::new()))
        .collect();
    let built = &evaluation.built;
    let labels = &evaluation.labelling.labels;
    for row in &built.rows {
        if row.kind == EdgeKind::Supports || labels.get(row.from) != Some(&Label::In) {
            continue;
        }
        let attacked = match row.to {
            RowTarget::Node(n) => Some(n),
            RowTarget::Edge(cut) => built.rows.get(cut).and_then(|c| match c.to {
                RowTarget::Node(n) => Some(n),
                RowTarget::Edge(_) => None,
            }),
        };
        let Some(from) = built.nodes.get(row.from) else {
            continue;
        };
        for (claim, side) in attacked.map_or(&[][..], |n| evaluation.sides.of(n)) {
            if matches!(side, Side::For | Side::Mixed)
                && let Some(list) = found.get_mut(claim)
            {
                list.push(*from);
            }
        }
    }
    for list in found.values_mut() {
        list.sort_unstable();
        list.dedup();
    }
    found
}

impl Evaluation {
    /// The label of box `id`.
    pub fn label(&self, id: NodeId) -> Option<Label> {
        self.built
            .node_arg(id)
            .and_then(|a| self.labelling.labels.get(a))
            .copied()
    }

    /// Whether box `id` is supported (see the module's rules).
    pub fn supported(&self, id: NodeId) -> bool {
        self.built
            .node_arg(id)
            .and_then(|a| self.supported.get(a))
            .copied()
            .unwrap_or(true)
    }

    /// The side of box `id` over all main claims together.
    pub fn side(&self, id: NodeId) -> Option<Side> {
        self.sides_by_box(id)
            .iter()
            .map(|(_, side)| *side)
            .reduce(Side::and)
    }

    /// The side of box `id` as to main claim `claim`.
    pub fn side_of(&self, claim: NodeId, id: NodeId) -> Option<Side> {
        self.sides_by_box(id)
            .iter()
            .find(|(c, _)| *c == claim)
            .map(|(_, side)| *side)
    }

    /// Box `id`'s side as to each main claim it argues about, by claim.
    pub fn sides_by_box(&self, id: NodeId) -> &[(NodeId, Side)] {
        self.built
            .node_arg(id)
            .map_or(&[][..], |a| self.sides.of(a))
    }

    /// Claims that support or attack nothing, by id.
    pub fn main_claims(&self) -> &[NodeId] {
        &self.main_claims
    }

    /// For each main claim, the standing boxes attacking its side.
    pub fn unanswered(&self) -> &BTreeMap<NodeId, Vec<NodeId>> {
        &self.unanswered
    }

    /// Every unanswered objection once, by id.
    pub fn all_unanswered(&self) -> Vec<NodeId> {
        let mut all: Vec<NodeId> = self.unanswered.values().flatten().copied().collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The assumption in force for box `id`, if any.
    pub fn assumption(&self, id: NodeId) -> Option<Assumption> {
        self.forced.get(&id).copied()
    }

    /// Boxes by label: (in, out, undecided).
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for id in &self.built.nodes {
            match self.label(*id) {
                Some(Label::In) => counts.0 += 1,
                Some(Label::Out) => counts.1 += 1,
                Some(Label::Undecided) | None => counts.2 += 1,
            }
        }
        counts
    }

    /// The framework and its labelling, for explanations.
    pub fn built(&self) -> &Built {
        &self.built
    }

    pub fn labelling(&self) -> &Labelling {
        &self.labelling
    }
}

#[cfg(test)]
mod tests;
