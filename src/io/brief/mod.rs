//! The debater's brief: for each main claim, the boxes for it and against
//! it as nested points, each with its status and the words it quotes; the
//! objections nobody has answered first. Written as Markdown
//! ([`markdown`]) or as one self-contained HTML page ([`html`]).

pub mod html;
pub mod markdown;

use crate::eval::{Evaluation, Label, Side};
use crate::model::{EdgeKind, Map, NodeId, Target};
use std::collections::{BTreeMap, VecDeque};

/// One point of the brief.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub node: NodeId,
    /// The kind word: Claim, Reason, Objection, …
    pub kind: String,
    pub text: String,
    /// "✓ stands", "✗ falls", "? undecided".
    pub status: String,
    pub unsupported: bool,
    /// "you accepted it" / "you rejected it".
    pub assumed: Option<&'static str>,
    /// What the point answers or attacks when that is in the other section.
    pub relation: Option<String>,
    /// (quote, source title) for each of its spans.
    pub quotes: Vec<(String, String)>,
    pub children: Vec<Point>,
}

/// One main claim's part of the brief.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimPart {
    pub claim: Point,
    pub for_it: Vec<Point>,
    pub against_it: Vec<Point>,
}

/// The whole brief, ready to be written in any form.
#[derive(Clone, Debug, PartialEq)]
pub struct Brief {
    pub title: String,
    pub unanswered: Vec<Point>,
    pub claims: Vec<ClaimPart>,
}

/// The status words of a label.
pub fn status(label: Option<Label>) -> &'static str {
    label.unwrap_or(Label::Undecided).verdict()
}

/// A kind word with a capital, as the brief names boxes.
fn kind_word(map: &Map, id: NodeId) -> String {
    let name = map.nodes.get(&id).map_or("box", |n| n.kind.name());
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn short(text: &str) -> String {
    const MAX: usize = 70;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(MAX - 1).collect::<String>())
    }
}

struct Builder<'a> {
    map: &'a Map,
    evaluation: &'a Evaluation,
    /// For each box, the boxes that argue about it and whether against.
    arguers: BTreeMap<NodeId, Vec<(NodeId, bool)>>,
}

/// For each box, the boxes that argue about it and whether against, by id.
fn arguers(evaluation: &Evaluation) -> BTreeMap<NodeId, Vec<(NodeId, bool)>> {
    let built = evaluation.built();
    crate::eval::arguers_of(built)
        .into_iter()
        .enumerate()
        .filter(|(_, list)| !list.is_empty())
        .filter_map(|(i, list)| {
            let id = *built.nodes.get(i)?;
            let list = list
                .into_iter()
                .filter_map(|(from, against)| built.nodes.get(from).map(|f| (*f, against)))
                .collect();
            Some((id, list))
        })
        .collect()
}

impl Builder<'_> {
    fn point(&self, id: NodeId) -> Point {
        let node = self.map.nodes.get(&id);
        let quotes = node
            .map(|n| {
                n.spans
                    .iter()
                    .filter(|s| !s.orphan)
                    .map(|s| {
                        let title = self
                            .map
                            .sources
                            .get(&s.source)
                            .map_or_else(String::new, |src| src.title.clone());
                        let quote = s.quote.split_whitespace().collect::<Vec<_>>().join(" ");
                        (quote, title)
                    })
                    .collect()
            })
            .unwrap_or_default();
        Point {
            node: id,
            kind: kind_word(self.map, id),
            text: node.map_or_else(String::new, |n| n.text.clone()),
            status: status(self.evaluation.label(id)).to_owned(),
            unsupported: !self.evaluation.supported(id),
            assumed: self.evaluation.assumption(id).map(|a| match a {
                crate::model::Assumption::Accepted => "you accepted it",
                crate::model::Assumption::Rejected => "you rejected it",
            }),
            relation: None,
            quotes,
            children: Vec::new(),
        }
    }

    /// "against #3 ‘…’" or "for #3 ‘…’": how `id` relates to `parent`.
    fn relation(&self, id: NodeId, parent: NodeId) -> String {
        let against = self.map.edges.values().any(|e| {
            e.from == id
                && e.kind != EdgeKind::Supports
                && match e.to {
                    Target::Node(n) => n == parent,
                    Target::Edge(cut) => self
                        .map
                        .edges
                        .get(&cut)
                        .is_some_and(|c| c.target_node() == Some(parent)),
                }
        });
        let text = self.map.nodes.get(&parent).map_or("", |n| n.text.as_str());
        let word = if against { "against" } else { "for" };
        format!("{word} #{parent} \u{2018}{}\u{2019}", short(text))
    }

    /// For and against `claim`: every box that argues about it, nested
    /// under the box it argues about when both are on the same side.
    fn claim_part(&self, claim: NodeId) -> ClaimPart {
        let arguers = &self.arguers;
        // A tree over what argues about the claim: each box under the box
        // through which it was first reached, with its side along that path.
        let mut parent: BTreeMap<NodeId, NodeId> = BTreeMap::new();
        let mut against: BTreeMap<NodeId, bool> = BTreeMap::from([(claim, false)]);
        let mut order: Vec<NodeId> = Vec::new();
        let mut queue = VecDeque::from([claim]);
        while let Some(at) = queue.pop_front() {
            let side = against.get(&at).copied().unwrap_or(false);
            let mut children: Vec<(NodeId, bool)> = arguers.get(&at).cloned().unwrap_or_default();
            children.sort_by(|a, b| {
                self.order_key(a.0)
                    .total_cmp(&self.order_key(b.0))
                    .then(a.0.cmp(&b.0))
            });
            for (child, flips) in children {
                if against.contains_key(&child) {
                    continue;
                }
                against.insert(child, side ^ flips);
                parent.insert(child, at);
                order.push(child);
                queue.push_back(child);
            }
        }
        let mut points: BTreeMap<NodeId, Point> =
            order.iter().map(|id| (*id, self.point(*id))).collect();
        for id in &order {
            if self.evaluation.side_of(claim, *id) == Some(Side::Mixed)
                && let Some(p) = points.get_mut(id)
            {
                p.status.push_str(" · argues both ways");
            }
        }
        // Attach children bottom-up: deepest first.
        let mut top: Vec<(NodeId, bool)> = Vec::new();
        for id in order.iter().rev() {
            let Some(mut point) = points.remove(id) else {
                continue;
            };
            point.children.reverse();
            let side = against.get(id).copied().unwrap_or(false);
            let up = parent.get(id).copied();
            let same_side = up.is_some_and(|p| against.get(&p).copied() == Some(side));
            match up {
                Some(p) if p != claim && same_side && points.contains_key(&p) => {
                    if let Some(parent_point) = points.get_mut(&p) {
                        parent_point.children.push(point);
                    }
                }
                Some(p) => {
                    if p != claim {
                        point.relation = Some(self.relation(*id, p));
                    }
                    top.push((*id, side));
                    points.insert(*id, point);
                }
                None => {}
            }
        }
        top.reverse();
        let mut for_it = Vec::new();
        let mut against_it = Vec::new();
        for (id, side) in top {
            if let Some(point) = points.remove(&id) {
                if side {
                    against_it.push(point);
                } else {
                    for_it.push(point);
                }
            }
        }
        ClaimPart {
            claim: self.point(claim),
            for_it,
            against_it,
        }
    }

    /// Left to right as on the canvas.
    fn order_key(&self, id: NodeId) -> f64 {
        self.map.nodes.get(&id).map_or(0.0, |n| n.pos.x)
    }
}

/// The brief of `map` (with the assumptions its boxes carry) as Markdown.
pub fn outline(map: &Map) -> String {
    markdown::to_markdown(&brief(map, &crate::eval::evaluate(map)))
}

/// The brief of `map` as one HTML page.
pub fn html_page(map: &Map) -> String {
    html::to_html(&brief(map, &crate::eval::evaluate(map)))
}

/// The brief of `map` as evaluated.
pub fn brief(map: &Map, evaluation: &Evaluation) -> Brief {
    let builder = Builder {
        map,
        evaluation,
        arguers: arguers(evaluation),
    };
    let mut unanswered = Vec::new();
    for (claim, objections) in evaluation.unanswered() {
        for objection in objections {
            let mut point = builder.point(*objection);
            let attacked: Vec<NodeId> = map
                .edges
                .values()
                .filter(|e| e.from == *objection && e.kind != EdgeKind::Supports)
                .filter_map(|e| match e.to {
                    Target::Node(n) => Some(n),
                    Target::Edge(cut) => map
                        .edges
                        .get(&cut)
                        .and_then(crate::model::Edge::target_node),
                })
                .filter(|n| evaluation.side_of(*claim, *n).is_some())
                .collect();
            let claim_text = map.nodes.get(claim).map_or("", |n| n.text.as_str());
            point.relation = Some(match attacked.first() {
                Some(first) if first != claim => {
                    let text = map.nodes.get(first).map_or("", |n| n.text.as_str());
                    format!(
                        "against #{first} \u{2018}{}\u{2019}, under main claim #{claim} \u{2018}{}\u{2019}",
                        short(text),
                        short(claim_text)
                    )
                }
                _ => format!(
                    "against main claim #{claim} \u{2018}{}\u{2019}",
                    short(claim_text)
                ),
            });
            unanswered.push(point);
        }
    }
    Brief {
        title: map.title.clone(),
        unanswered,
        claims: evaluation
            .main_claims()
            .iter()
            .map(|claim| builder.claim_part(*claim))
            .collect(),
    }
}
