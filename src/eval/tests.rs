//! The semantics on the classic cases, and its invariants on random maps.

use super::*;
use crate::model::{Edge, EdgeId, GroupId, Node, NodeKind, Point, Target};
use proptest::prelude::*;

/// A map from boxes (id, kind, text) and arrows (id, from, to, kind).
fn map(nodes: &[(u64, NodeKind)], edges: &[(u64, u64, Target, EdgeKind)]) -> Map {
    let mut map = Map::new("t");
    for &(id, kind) in nodes {
        let text = format!("box {id}");
        map.nodes.insert(
            NodeId(id),
            Node::new(NodeId(id), kind, text, Point::default()),
        );
    }
    for &(id, from, to, kind) in edges {
        map.edges
            .insert(EdgeId(id), Edge::new(EdgeId(id), NodeId(from), to, kind));
    }
    map
}

fn n(id: u64) -> Target {
    Target::Node(NodeId(id))
}

fn e(id: u64) -> Target {
    Target::Edge(EdgeId(id))
}

fn labels(map: &Map) -> Vec<Label> {
    let evaluation = evaluate(map);
    map.nodes
        .keys()
        .map(|id| evaluation.label(*id).expect("labelled"))
        .collect()
}

use EdgeKind::{Attacks, Supports, Undercuts};
use Label::{In, Out, Undecided as Undec};
use NodeKind::{Claim, Evidence, Objection, Reason, Rebuttal};

#[test]
fn a_chain_of_attacks() {
    let m = map(
        &[(1, Claim), (2, Objection), (3, Rebuttal), (4, Objection)],
        &[
            (1, 2, n(1), Attacks),
            (2, 3, n(2), Attacks),
            (3, 4, n(3), Attacks),
        ],
    );
    assert_eq!(labels(&m), vec![Out, In, Out, In]);
}

#[test]
fn an_objection_defeated_by_a_rebuttal_reinstates_the_claim() {
    let m = map(
        &[(1, Claim), (2, Objection), (3, Rebuttal)],
        &[(1, 2, n(1), Attacks), (2, 3, n(2), Attacks)],
    );
    assert_eq!(labels(&m), vec![In, Out, In]);
    let evaluation = evaluate(&m);
    assert!(
        evaluation.all_unanswered().is_empty(),
        "the objection is answered"
    );
}

#[test]
fn odd_and_even_cycles_are_undecided() {
    let odd = map(
        &[(1, Claim), (2, Objection), (3, Objection)],
        &[
            (1, 1, n(2), Attacks),
            (2, 2, n(3), Attacks),
            (3, 3, n(1), Attacks),
        ],
    );
    assert_eq!(labels(&odd), vec![Undec; 3]);
    let even = map(
        &[(1, Claim), (2, Objection)],
        &[(1, 1, n(2), Attacks), (2, 2, n(1), Attacks)],
    );
    assert_eq!(labels(&even), vec![Undec; 2], "grounded stays undecided");
}

#[test]
fn an_undercut_against_a_rebut() {
    // The objection attacks the claim (a rebut); an undercut cuts that
    // attack: the claim stands although the objection does too.
    let m = map(
        &[(1, Claim), (2, Objection), (3, Rebuttal)],
        &[(1, 2, n(1), Attacks), (2, 3, e(1), Undercuts)],
    );
    assert_eq!(labels(&m), vec![In, In, In]);
    let why = why(&m, &evaluate(&m), NodeId(1));
    assert!(why[0].text.contains("every attack on it fails"), "{why:?}");
    assert!(
        why.iter().any(|s| s.text.contains("is cut by #3")),
        "{why:?}"
    );
}

#[test]
fn an_undercut_of_an_inference_leaves_the_claim_standing_but_unsupported() {
    let m = map(
        &[(1, Claim), (2, Reason), (3, Objection)],
        &[(1, 2, n(1), Supports), (2, 3, e(1), Undercuts)],
    );
    assert_eq!(labels(&m), vec![In, In, In]);
    let evaluation = evaluate(&m);
    assert!(
        !evaluation.supported(NodeId(1)),
        "its only inference is cut"
    );
    assert!(
        evaluation.supported(NodeId(2)),
        "no reasons: taken as given"
    );
    assert_eq!(evaluation.all_unanswered(), vec![NodeId(3)]);
}

#[test]
fn a_linked_argument_whose_one_premise_falls_holds_nothing_up() {
    let mut m = map(
        &[(1, Claim), (2, Reason), (3, Reason), (4, Objection)],
        &[
            (1, 2, n(1), Supports),
            (2, 3, n(1), Supports),
            (3, 4, n(3), Attacks),
        ],
    );
    for id in [1, 2] {
        m.edges.get_mut(&EdgeId(id)).expect("edge").group = Some(GroupId(1));
    }
    let evaluation = evaluate(&m);
    assert_eq!(evaluation.label(NodeId(3)), Some(Out));
    assert_eq!(
        evaluation.label(NodeId(1)),
        Some(In),
        "a label never changes by support"
    );
    assert!(!evaluation.supported(NodeId(1)));
    // Unlinked, the standing premise alone would hold it up.
    for id in [1, 2] {
        m.edges.get_mut(&EdgeId(id)).expect("edge").group = None;
    }
    assert!(evaluate(&m).supported(NodeId(1)));
}

#[test]
fn what_if_forcing_changes_what_follows() {
    // 2 objects to the claim; 3 rebuts 2.
    let mut m = map(
        &[(1, Claim), (2, Objection), (3, Rebuttal)],
        &[(1, 2, n(1), Attacks), (2, 3, n(2), Attacks)],
    );
    assert_eq!(labels(&m), vec![In, Out, In]);
    // Reject the rebuttal: the objection stands again, the claim falls.
    m.nodes.get_mut(&NodeId(3)).expect("box").assumption = Some(Assumption::Rejected);
    assert_eq!(labels(&m), vec![Out, In, Out]);
    // Accept the claim as well: it stands whatever attacks it.
    let extra = BTreeMap::from([(NodeId(1), Assumption::Accepted)]);
    let evaluation = evaluate_with(&m, &extra);
    assert_eq!(evaluation.label(NodeId(1)), Some(In));
    assert_eq!(evaluation.assumption(NodeId(1)), Some(Assumption::Accepted));
    let why = why(&m, &evaluation, NodeId(1));
    assert_eq!(
        why[0].text,
        "#1 \u{2018}box 1\u{2019} stands: you accepted it"
    );
}

#[test]
fn why_names_the_attacker_that_decides() {
    let m = map(&[(1, Claim), (2, Objection)], &[(1, 2, n(1), Attacks)]);
    let why = why(&m, &evaluate(&m), NodeId(1));
    assert_eq!(
        why[0].text,
        "#1 \u{2018}box 1\u{2019} falls: attacked by #2 \u{2018}box 2\u{2019}, which stands because nothing attacks it"
    );
    assert_eq!(
        why[0].node,
        Some(NodeId(2)),
        "the line leads to the attacker"
    );
}

#[test]
fn main_claims_and_sides() {
    let m = map(
        &[
            (1, Claim),
            (2, Reason),
            (3, Objection),
            (4, Evidence),
            (5, Claim),
        ],
        &[
            (1, 2, n(1), Supports),
            (2, 3, n(2), Attacks),
            (3, 4, n(3), Supports),
        ],
    );
    let evaluation = evaluate(&m);
    assert_eq!(evaluation.main_claims(), &[NodeId(1), NodeId(5)]);
    assert_eq!(evaluation.side(NodeId(2)), Some(Side::For));
    assert_eq!(evaluation.side(NodeId(4)), Some(Side::Against));
    assert_eq!(evaluation.side(NodeId(5)), Some(Side::For));
    assert_eq!(evaluation.unanswered()[&NodeId(1)], vec![NodeId(3)]);
}

/// A random map: boxes, supports, attacks and undercuts among them.
fn any_map() -> impl Strategy<Value = Map> {
    (
        2usize..24,
        prop::collection::vec((0usize..24, 0usize..24, 0u8..3), 0..48),
    )
        .prop_map(|(count, arrows)| {
            let mut m = Map::new("random");
            for i in 1..=count as u64 {
                m.nodes.insert(
                    NodeId(i),
                    Node::new(NodeId(i), Reason, format!("{i}"), Point::default()),
                );
            }
            let mut next: usize = 1;
            for (from, to, kind) in arrows {
                let from = NodeId((from % count) as u64 + 1);
                let (to, kind) = match kind {
                    0 => (n((to % count) as u64 + 1), Supports),
                    1 => (n((to % count) as u64 + 1), Attacks),
                    _ if next > 1 => (e((to % (next - 1)) as u64 + 1), Undercuts),
                    _ => continue,
                };
                if to == Target::Node(from) {
                    continue;
                }
                m.edges.insert(
                    EdgeId(next as u64),
                    Edge::new(EdgeId(next as u64), from, to, kind),
                );
                next += 1;
            }
            m
        })
}

proptest! {
    #[test]
    fn the_labelling_is_complete(m in any_map()) {
        let evaluation = evaluate(&m);
        let built = evaluation.built();
        let labels = &evaluation.labelling().labels;
        for arg in 0..built.framework.len() {
            let attackers = built.framework.attackers_of(arg);
            match labels[arg] {
                In => prop_assert!(attackers.iter().all(|a| labels[*a] == Out)),
                Out => prop_assert!(attackers.iter().any(|a| labels[*a] == In)),
                Undec => {
                    prop_assert!(attackers.iter().all(|a| labels[*a] != In));
                    prop_assert!(attackers.iter().any(|a| labels[*a] == Undec));
                }
            }
        }
    }

    #[test]
    fn an_unattacked_objection_makes_its_target_fall(m in any_map(), target in 0usize..24) {
        let mut m = m;
        let target = NodeId((target % m.nodes.len()) as u64 + 1);
        let objection = m.next_node_id();
        m.nodes.insert(objection, Node::new(objection, Objection, "new", Point::default()));
        let edge = m.next_edge_id();
        m.edges.insert(edge, Edge::new(edge, objection, Target::Node(target), Attacks));
        let evaluation = evaluate(&m);
        prop_assert_eq!(evaluation.label(objection), Some(In));
        prop_assert_eq!(evaluation.label(target), Some(Out));
    }
}
