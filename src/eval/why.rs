//! Why a box has its label: the attackers and defenders that decide it,
//! step by step, each step naming a box. For example: "#1 'China is…'
//! falls: attacked by #5 'Data flows ignore borders', which stands because
//! nothing attacks it".

use super::build::{Arg, Built};
use super::{Evaluation, Label};
use crate::model::{Assumption, EdgeId, Map, NodeId};
use std::collections::BTreeSet;

/// One step of an explanation: a line, indented by `depth`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhyStep {
    pub depth: usize,
    /// The box the line leads to, to select when it is clicked: the box
    /// that decides ("falls: attacked by #5" leads to #5), or the box the
    /// line is about when nothing else decides.
    pub node: Option<NodeId>,
    pub text: String,
}

/// Explanations stop after this many steps: a person reads a few dozen.
const MAX_STEPS: usize = 60;

/// Why box `id` has its label, and whether it is supported.
pub fn why(map: &Map, evaluation: &Evaluation, id: NodeId) -> Vec<WhyStep> {
    let Some(arg) = evaluation.built.node_arg(id) else {
        return Vec::new();
    };
    let mut explainer = Explainer {
        map,
        evaluation,
        steps: Vec::new(),
        seen: BTreeSet::new(),
    };
    explainer.explain(arg, 0);
    explainer.support(id);
    explainer.steps
}

struct Explainer<'a> {
    map: &'a Map,
    evaluation: &'a Evaluation,
    steps: Vec<WhyStep>,
    seen: BTreeSet<usize>,
}

impl Explainer<'_> {
    fn built(&self) -> &Built {
        &self.evaluation.built
    }

    fn label(&self, arg: usize) -> Label {
        self.evaluation
            .labelling
            .labels
            .get(arg)
            .copied()
            .unwrap_or(Label::Undecided)
    }

    /// `#5 'Data flows ignore borders'`.
    fn name_box(&self, id: NodeId) -> String {
        let text = self.map.nodes.get(&id).map_or("", |n| n.text.as_str());
        format!("#{id} \u{2018}{}\u{2019}", short(text))
    }

    /// The box an argument is about, and how to name it.
    fn name(&self, arg: usize) -> (Option<NodeId>, String) {
        match self.built().args.get(arg) {
            Some(Arg::Node(id)) => (Some(*id), self.name_box(*id)),
            Some(Arg::Holds(edge) | Arg::NotIn(edge)) => {
                let from = self.built().edge_from.get(edge).copied();
                let who = from.map_or_else(|| "a box".to_owned(), |f| self.name_box(f));
                (from, format!("the attack of {who}"))
            }
            Some(Arg::Inference(k)) => {
                let premises = self
                    .built()
                    .inferences
                    .get(*k)
                    .map(|i| i.premises.clone())
                    .unwrap_or_default();
                let names: Vec<String> = premises.iter().map(|p| self.name_box(*p)).collect();
                (
                    premises.first().copied(),
                    format!("the step from {}", names.join(" and ")),
                )
            }
            None => (None, "?".to_owned()),
        }
    }

    fn push(&mut self, depth: usize, node: Option<NodeId>, text: String) {
        if self.steps.len() < MAX_STEPS {
            self.steps.push(WhyStep { depth, node, text });
        }
    }

    /// What attacks `arg` directly.
    fn attackers(&self, arg: usize) -> Vec<usize> {
        self.built().framework.attackers_of(arg).to_vec()
    }

    fn settled(&self, arg: usize) -> usize {
        self.evaluation
            .labelling
            .settled_at
            .get(arg)
            .copied()
            .flatten()
            .unwrap_or(usize::MAX)
    }

    /// The standing attacker that settled first: the one that decides a fall.
    fn decisive(&self, arg: usize) -> Option<usize> {
        self.attackers(arg)
            .into_iter()
            .filter(|a| self.label(*a) == Label::In)
            .min_by_key(|a| self.settled(*a))
    }

    /// How an attacker is named in "attacked by …": a box, or the box
    /// whose attack (itself contested) stands.
    fn attacker_name(&self, arg: usize) -> String {
        match self.built().args.get(arg) {
            Some(Arg::Holds(edge)) => {
                let from = self.built().edge_from.get(edge).copied();
                from.map_or_else(|| "an attack".to_owned(), |f| self.name_box(f))
            }
            _ => self.name(arg).1,
        }
    }

    fn explain(&mut self, arg: usize, depth: usize) {
        if self.steps.len() >= MAX_STEPS {
            return;
        }
        let (node, name) = self.name(arg);
        let label = self.label(arg);
        let verb = match label {
            Label::In => "stands",
            Label::Out => "falls",
            Label::Undecided => "is undecided",
        };
        if !self.seen.insert(arg) {
            self.push(depth, node, format!("{name} {verb} (see above)"));
            return;
        }
        if let Some(assumed) = self.evaluation.assumption_of_arg(arg) {
            let how = match assumed {
                Assumption::Accepted => "you accepted it",
                Assumption::Rejected => "you rejected it",
            };
            self.push(depth, node, format!("{name} {verb}: {how}"));
            return;
        }
        if let Some(Arg::Holds(edge)) = self.built().args.get(arg).cloned() {
            self.explain_attack(arg, edge, depth);
            return;
        }
        let attackers = self.attackers(arg);
        match label {
            Label::In if attackers.is_empty() => {
                self.push(
                    depth,
                    node,
                    format!("{name} stands because nothing attacks it"),
                );
            }
            Label::In => {
                self.push(
                    depth,
                    node,
                    format!("{name} stands: every attack on it fails"),
                );
                for attacker in attackers {
                    self.explain(attacker, depth + 1);
                }
            }
            Label::Out => {
                let Some(decisive) = self.decisive(arg) else {
                    self.push(depth, node, format!("{name} falls"));
                    return;
                };
                let by = self.attacker_name(decisive);
                let leads_to = self.name(decisive).0.or(node);
                let plain = self.attackers(decisive).is_empty()
                    && self.evaluation.assumption_of_arg(decisive).is_none();
                if plain {
                    self.seen.insert(decisive);
                    self.push(
                        depth,
                        leads_to,
                        format!(
                            "{name} falls: attacked by {by}, which stands because nothing attacks it"
                        ),
                    );
                } else {
                    self.push(
                        depth,
                        leads_to,
                        format!("{name} falls: attacked by {by}, which stands"),
                    );
                    self.explain(decisive, depth + 1);
                }
            }
            Label::Undecided => {
                let open: Vec<usize> = attackers
                    .into_iter()
                    .filter(|a| self.label(*a) == Label::Undecided)
                    .collect();
                let names: Vec<String> = open.iter().map(|a| self.attacker_name(*a)).collect();
                let text = if names.is_empty() {
                    format!("{name} is undecided")
                } else {
                    format!(
                        "{name} is undecided: attacked by {}, undecided too (the attacks go round in a circle)",
                        names.join(", ")
                    )
                };
                self.push(depth, node, text);
                for attacker in open {
                    self.explain(attacker, depth + 1);
                }
            }
        }
    }

    /// An attack that is itself undercut: it holds when its box stands and
    /// every undercut of it fails.
    fn explain_attack(&mut self, arg: usize, edge: EdgeId, depth: usize) {
        let from = self.built().edge_from.get(&edge).copied();
        let from_arg = from.and_then(|f| self.built().node_arg(f));
        let (node, name) = self.name(arg);
        let undercuts: Vec<usize> = self
            .attackers(arg)
            .into_iter()
            .filter(|a| !matches!(self.built().args.get(*a), Some(Arg::NotIn(_))))
            .collect();
        let box_label = from_arg.map_or(Label::Undecided, |a| self.label(a));
        match self.label(arg) {
            Label::In => {
                self.push(
                    depth,
                    node,
                    format!("{name} stands: its box stands and every undercut of it fails"),
                );
                if let Some(a) = from_arg {
                    self.explain(a, depth + 1);
                }
                for u in undercuts {
                    self.explain(u, depth + 1);
                }
            }
            Label::Out if box_label == Label::Out => {
                self.push(depth, node, format!("{name} fails because its box falls"));
                if let Some(a) = from_arg {
                    self.explain(a, depth + 1);
                }
            }
            Label::Out => {
                let cut = undercuts
                    .into_iter()
                    .filter(|a| self.label(*a) == Label::In)
                    .min_by_key(|a| self.settled(*a));
                match cut {
                    Some(u) => {
                        let by = self.attacker_name(u);
                        let leads_to = self.name(u).0.or(node);
                        self.push(
                            depth,
                            leads_to,
                            format!("{name} is cut by {by}, which stands"),
                        );
                        self.explain(u, depth + 1);
                    }
                    None => self.push(depth, node, format!("{name} fails")),
                }
            }
            Label::Undecided => {
                self.push(depth, node, format!("{name} is undecided"));
                if let Some(a) = from_arg.filter(|a| self.label(*a) == Label::Undecided) {
                    self.explain(a, depth + 1);
                }
                for u in undercuts {
                    if self.label(u) == Label::Undecided {
                        self.explain(u, depth + 1);
                    }
                }
            }
        }
    }

    /// A last line on support: which inference holds the box up, or why
    /// none does.
    fn support(&mut self, id: NodeId) {
        let first = self.built().nodes.len();
        let into: Vec<(usize, Vec<NodeId>)> = self
            .built()
            .inferences_into(id)
            .map(|(k, i)| (first + k, i.premises.clone()))
            .collect();
        if into.is_empty() {
            return;
        }
        let counts = |this: &Self, arg: usize, premises: &[NodeId]| {
            this.label(arg) != Label::Out
                && premises.iter().all(|p| {
                    this.built()
                        .node_arg(*p)
                        .is_some_and(|a| this.label(a) == Label::In)
                })
        };
        if let Some((arg, _)) = into.iter().find(|(arg, p)| counts(self, *arg, p)) {
            let (node, name) = self.name(*arg);
            self.push(0, node, format!("Supported: {name} holds it up"));
            return;
        }
        self.push(
            0,
            Some(id),
            "Unsupported: none of its reasons holds it up".to_owned(),
        );
        for (arg, premises) in into {
            let fallen: Vec<NodeId> = premises
                .iter()
                .copied()
                .filter(|p| {
                    self.built()
                        .node_arg(*p)
                        .is_some_and(|a| self.label(a) != Label::In)
                })
                .collect();
            let (node, name) = self.name(arg);
            let text = if self.label(arg) == Label::Out {
                let cut_by = self
                    .attackers(arg)
                    .into_iter()
                    .find(|a| self.label(*a) == Label::In)
                    .map(|a| self.name(a).1)
                    .unwrap_or_default();
                format!("{name} is undercut by {cut_by}, which stands")
            } else {
                let names: Vec<String> = fallen.iter().map(|p| self.name_box(*p)).collect();
                format!(
                    "{name} does not count: {} does not stand",
                    names.join(" and ")
                )
            };
            self.push(1, node, text);
        }
    }
}

impl Evaluation {
    /// The user's assumption on the box an argument stands for, if any.
    fn assumption_of_arg(&self, arg: usize) -> Option<Assumption> {
        match self.built.args.get(arg) {
            Some(Arg::Node(id)) => self.assumption(*id),
            _ => None,
        }
    }
}

/// A box's text cut to a readable length for a line of explanation.
fn short(text: &str) -> String {
    const MAX: usize = 60;
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX {
        one_line
    } else {
        format!("{}…", one_line.chars().take(MAX - 1).collect::<String>())
    }
}
