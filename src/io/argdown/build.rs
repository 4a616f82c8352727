//! An Argdown document as a map.
//!
//! - Every statement is a box: its text (its title when it has none), its
//!   tags, the heading it stands under as a tag, its title in the notes.
//!   A tag that names a kind (`#objection`) sets the box's kind; the
//!   `[Box 3]` titles Argmap writes give back box 3.
//! - An argument with a premise–conclusion structure becomes its
//!   inferences: the premises before each inference line support the
//!   conclusion after it, linked when there are several. Its title and
//!   description go in the main conclusion's notes. An argument without
//!   one is a box of its own.
//! - A relation from an argument starts at its main conclusion. A support
//!   of such an argument supports its conclusion; an attack or undercut of
//!   it undercuts its last inference. `><` is two attacks.

use super::doc::{Doc, Element, PcsLine, RelationKind};
use crate::io::Problem;
use crate::io::kinds::infer_kinds;
use crate::model::{Edge, EdgeId, EdgeKind, Map, Node, NodeId, NodeKind, Point, Target};
use std::collections::{BTreeMap, BTreeSet};

/// What each element became.
#[derive(Default)]
struct Made {
    statement: BTreeMap<String, NodeId>,
    /// An argument with a structure: its main conclusion and the arrows of
    /// its last inference.
    inference: BTreeMap<String, (NodeId, Vec<EdgeId>)>,
    /// An argument without one: its box.
    argument_box: BTreeMap<String, NodeId>,
    arrows: BTreeSet<(NodeId, Target, EdgeKind)>,
    /// Boxes whose kind a tag gave.
    kind_given: BTreeSet<NodeId>,
}

/// The map of `doc`, and warnings for relations that make no arrow.
pub fn build(doc: &Doc, title: Option<String>) -> (Map, Vec<Problem>) {
    let mut map = Map::new(title.or_else(|| doc.title.clone()).unwrap_or_default());
    let mut made = Made::default();
    let mut warnings = Vec::new();
    add_statements(&mut map, doc, &mut made);
    for argument in &doc.arguments {
        if argument.pcs.iter().any(|l| matches!(l, PcsLine::Item(_))) {
            add_inferences(&mut map, &mut made, doc, &argument.title);
        } else {
            let id = next_free(&map);
            let text = if argument.description.is_empty() {
                argument.title.clone()
            } else {
                argument.description.clone()
            };
            let mut node = Node::new(id, NodeKind::Reason, text, Point::default());
            node.notes = format!("<{}>", argument.title);
            node.tags.clone_from(&argument.tags);
            add_section(&mut node, argument.section.as_ref());
            map.nodes.insert(id, node);
            made.argument_box.insert(argument.title.clone(), id);
        }
    }
    for relation in &doc.relations {
        let from = source_box(&made, &relation.from);
        let kinds: &[EdgeKind] = match relation.kind {
            RelationKind::Support => &[EdgeKind::Supports],
            RelationKind::Attack | RelationKind::Undercut => &[EdgeKind::Attacks],
            RelationKind::Contradiction => &[EdgeKind::Attacks, EdgeKind::Attacks],
        };
        for (i, &kind) in kinds.iter().enumerate() {
            // A contradiction's second attack runs the other way.
            let (from, to) = if i == 1 {
                (source_box(&made, &relation.to), Some(relation.from.clone()))
            } else {
                (from, Some(relation.to.clone()))
            };
            let target = to.and_then(|to| target_of(&made, &to, kind, relation.kind));
            match (from, target) {
                (Some(from), Some((to, kind))) => {
                    add_arrow(&mut map, &mut made, from, to, kind, None);
                }
                _ => warnings.push(Problem::new(
                    None,
                    format!("a relation from {:?} to {:?} names something the file does not define; skipped", relation.from, relation.to),
                )),
            }
        }
    }
    infer_kinds(&mut map, &made.kind_given);
    (map, warnings)
}

fn next_free(map: &Map) -> NodeId {
    map.next_node_id()
}

fn add_section(node: &mut crate::model::Node, section: Option<&String>) {
    if let Some(section) = section
        && !node.tags.contains(section)
    {
        node.tags.push(section.clone());
    }
}

fn add_statements(map: &mut Map, doc: &Doc, made: &mut Made) {
    // `[Box 3]` keeps id 3 when it is free.
    let own = |title: &str| {
        title
            .strip_prefix("Box ")
            .and_then(|n| n.parse::<u64>().ok())
            .filter(|n| *n > 0)
            .map(NodeId)
    };
    let mut taken: BTreeSet<NodeId> = BTreeSet::new();
    let wanted: BTreeMap<&str, NodeId> = doc
        .statements
        .iter()
        .filter_map(|s| {
            own(&s.title)
                .filter(|id| taken.insert(*id))
                .map(|id| (s.title.as_str(), id))
        })
        .collect();
    let mut next = 1u64;
    for statement in &doc.statements {
        let id = wanted
            .get(statement.title.as_str())
            .copied()
            .unwrap_or_else(|| {
                while taken.contains(&NodeId(next)) {
                    next += 1;
                }
                taken.insert(NodeId(next));
                NodeId(next)
            });
        let text = if statement.text.is_empty() {
            statement.title.clone()
        } else {
            statement.text.clone()
        };
        let mut node = Node::new(id, NodeKind::Claim, text, Point::default());
        for tag in &statement.tags {
            match NodeKind::ALL.into_iter().find(|k| k.name() == tag) {
                Some(kind) => {
                    node.kind = kind;
                    made.kind_given.insert(id);
                }
                None => node.tags.push(tag.clone()),
            }
        }
        add_section(&mut node, statement.section.as_ref());
        if statement.titled && own(&statement.title).is_none() {
            node.notes = format!("[{}]", statement.title);
        }
        map.nodes.insert(id, node);
        made.statement.insert(statement.title.clone(), id);
    }
}

/// Each inference of the argument's structure as arrows.
fn add_inferences(map: &mut Map, made: &mut Made, doc: &Doc, title: &str) {
    let Some(argument) = doc.argument(title) else {
        return;
    };
    let mut premises: Vec<NodeId> = Vec::new();
    let mut after_inference = false;
    let mut last: Option<(NodeId, Vec<EdgeId>)> = None;
    for line in &argument.pcs {
        match line {
            PcsLine::Inference => after_inference = true,
            PcsLine::Item(statement) => {
                let Some(&id) = made.statement.get(statement) else {
                    continue;
                };
                if after_inference {
                    let group = (premises.len() > 1).then(|| map.next_group_id());
                    let mut arrows = Vec::new();
                    for &p in &premises {
                        if let Some(e) =
                            add_arrow(map, made, p, Target::Node(id), EdgeKind::Supports, group)
                        {
                            arrows.push(e);
                        }
                    }
                    last = Some((id, arrows));
                    premises.clear();
                    after_inference = false;
                }
                premises.push(id);
            }
        }
    }
    let Some((conclusion, arrows)) = last.or_else(|| premises.last().map(|&p| (p, Vec::new())))
    else {
        return;
    };
    let generated = title.starts_with("Linked argument ") || title.starts_with("Inference ");
    if let Some(node) = map.nodes.get_mut(&conclusion)
        && !generated
    {
        let line = if argument.description.is_empty() {
            format!("<{title}>")
        } else {
            format!("<{title}>: {}", argument.description)
        };
        if !node.notes.is_empty() {
            node.notes.push('\n');
        }
        node.notes.push_str(&line);
    }
    made.inference
        .insert(title.to_owned(), (conclusion, arrows));
}

fn add_arrow(
    map: &mut Map,
    made: &mut Made,
    from: NodeId,
    to: Target,
    kind: EdgeKind,
    group: Option<crate::model::GroupId>,
) -> Option<EdgeId> {
    if to == Target::Node(from) || !made.arrows.insert((from, to, kind)) {
        return None;
    }
    let id = map.next_edge_id();
    let mut edge = Edge::new(id, from, to, kind);
    edge.group = group;
    map.edges.insert(id, edge);
    Some(id)
}

/// The box a relation from `element` starts at.
fn source_box(made: &Made, element: &Element) -> Option<NodeId> {
    match element {
        Element::Statement(t) => made.statement.get(t).copied(),
        Element::Argument(t) => made
            .argument_box
            .get(t)
            .copied()
            .or_else(|| made.inference.get(t).map(|(c, _)| *c)),
    }
}

/// What a relation to `element` points at, and as what kind of arrow.
fn target_of(
    made: &Made,
    element: &Element,
    kind: EdgeKind,
    relation: RelationKind,
) -> Option<(Target, EdgeKind)> {
    match element {
        Element::Statement(t) => made.statement.get(t).map(|&id| (Target::Node(id), kind)),
        Element::Argument(t) => {
            if let Some(&id) = made.argument_box.get(t) {
                return Some((Target::Node(id), kind));
            }
            let (conclusion, arrows) = made.inference.get(t)?;
            match (kind, arrows.first(), relation) {
                (EdgeKind::Supports, _, _) | (_, None, _) => {
                    Some((Target::Node(*conclusion), kind))
                }
                (_, Some(&arrow), _) => Some((Target::Edge(arrow), EdgeKind::Undercuts)),
            }
        }
    }
}
