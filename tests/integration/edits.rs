//! Edits and their inverses: undo gives back the map, nothing ever dangles.

use super::support::mixed_script_map;
use argmap::anchor::span_from_range;
use argmap::model::{
    Edge, EdgeId, EdgeKind, GroupId, Map, Node, NodeId, NodeKind, Point, SourceId, Target,
};
use argmap::ops::{Edit, EditError, History};
use proptest::prelude::*;

#[test]
fn deleting_a_node_removes_its_edges_and_their_undercuts_in_one_step() {
    let mut map = mixed_script_map();
    let original = map.clone();
    let mut history = History::new();
    // Node 2 supports 1 by edge 1; node 4 undercuts edge 1.
    history
        .apply(
            &mut map,
            Edit::Remove {
                nodes: vec![NodeId(2)],
                edges: vec![],
            },
        )
        .expect("removes");
    assert!(!map.edges.contains_key(&EdgeId(1)));
    assert!(
        !map.edges.contains_key(&EdgeId(3)),
        "the undercut of the removed edge goes too"
    );
    assert!(
        map.nodes.contains_key(&NodeId(4)),
        "the undercutting node stays"
    );
    assert!(map.violations().is_empty());
    assert!(history.undo(&mut map).expect("undoes"));
    assert_eq!(map, original);
    assert!(history.redo(&mut map).expect("redoes"));
    assert!(!map.edges.contains_key(&EdgeId(3)));
}

#[test]
fn undo_at_root_is_noop() {
    let mut map = mixed_script_map();
    let mut history = History::new();
    assert!(!history.undo(&mut map).expect("nothing to undo"));
    assert!(!history.redo(&mut map).expect("nothing to redo"));
    assert_eq!(map, mixed_script_map());
}

#[test]
fn refused_edit_leaves_map_unchanged() {
    let mut map = mixed_script_map();
    let bad = Edit::Batch(vec![
        Edit::SetText {
            node: NodeId(1),
            text: "changed".into(),
        },
        Edit::Insert {
            nodes: vec![],
            edges: vec![Edge::new(
                EdgeId(99),
                NodeId(1),
                Target::Node(NodeId(77)),
                EdgeKind::Supports,
            )],
        },
    ]);
    let mut history = History::new();
    assert!(matches!(
        history.apply(&mut map, bad),
        Err(EditError::Broken(_))
    ));
    assert_eq!(
        map,
        mixed_script_map(),
        "the batch rolled back its first edit"
    );
    assert!(!history.can_undo());
}

#[test]
fn undercut_must_point_at_an_edge() {
    let mut map = mixed_script_map();
    let edge = Edge::new(
        EdgeId(50),
        NodeId(4),
        Target::Node(NodeId(1)),
        EdgeKind::Undercuts,
    );
    let result = Edit::Insert {
        nodes: vec![],
        edges: vec![edge],
    }
    .apply(&mut map);
    assert!(result.is_err());
}

#[test]
fn linked_premises_must_share_target_and_kind() {
    let mut map = mixed_script_map();
    Edit::SetEdgeGroup {
        edge: EdgeId(1),
        group: Some(GroupId(1)),
    }
    .apply(&mut map)
    .expect("first premise");
    // Edge 2 attacks node 1: same target, other kind.
    let result = Edit::SetEdgeGroup {
        edge: EdgeId(2),
        group: Some(GroupId(1)),
    }
    .apply(&mut map);
    assert!(result.is_err());
}

#[test]
fn removing_a_source_removes_its_spans_and_undo_restores_them() {
    let mut map = mixed_script_map();
    let mut history = History::new();
    history
        .apply(
            &mut map,
            Edit::RemoveSource {
                source: SourceId(1),
            },
        )
        .expect("removes");
    assert!(map.nodes.values().all(|n| n.spans.is_empty()));
    assert!(map.violations().is_empty());
    history.undo(&mut map).expect("undoes");
    assert_eq!(map, mixed_script_map());
}

#[test]
fn dirty_state_follows_undo_and_redo() {
    let mut map = mixed_script_map();
    let mut history = History::new();
    let saved = history.state();
    history
        .apply(
            &mut map,
            Edit::SetTitle {
                title: "new".into(),
            },
        )
        .expect("applies");
    assert_ne!(history.state(), saved);
    history.undo(&mut map).expect("undoes");
    assert_eq!(history.state(), saved);
    history.redo(&mut map).expect("redoes");
    let after = history.state();
    history.undo(&mut map).expect("undoes");
    history
        .apply(
            &mut map,
            Edit::SetTitle {
                title: "other".into(),
            },
        )
        .expect("applies");
    assert_ne!(history.state(), after, "a new branch is a new state");
}

// ---- property: random edits, then undo all, give back the original ----

/// A recipe for one edit, turned into a concrete edit against the current map.
#[derive(Clone, Debug)]
enum Recipe {
    AddNode(u8, String),
    AddEdge(usize, usize, bool),
    AddUndercut(usize, usize),
    Remove(usize, usize),
    Move(usize, f64, f64),
    SetText(usize, String),
    SetKind(usize, u8),
    AddSpan(usize, usize, usize),
    FlipEdgeKind(usize),
    Group(usize, u8),
    RemoveSource,
    Batch(Vec<Recipe>),
}

fn recipe() -> impl Strategy<Value = Recipe> {
    let leaf = prop_oneof![
        (any::<u8>(), "[a-z中🙂 ]{0,8}").prop_map(|(k, t)| Recipe::AddNode(k, t)),
        (any::<usize>(), any::<usize>(), any::<bool>())
            .prop_map(|(a, b, c)| Recipe::AddEdge(a, b, c)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Recipe::AddUndercut(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Recipe::Remove(a, b)),
        (any::<usize>(), -500.0f64..500.0, -500.0f64..500.0)
            .prop_map(|(a, x, y)| Recipe::Move(a, x, y)),
        (any::<usize>(), "[a-z中 ]{0,8}").prop_map(|(a, t)| Recipe::SetText(a, t)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, k)| Recipe::SetKind(a, k)),
        (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(a, b, c)| Recipe::AddSpan(a, b, c)),
        any::<usize>().prop_map(Recipe::FlipEdgeKind),
        (any::<usize>(), any::<u8>()).prop_map(|(a, g)| Recipe::Group(a, g % 3)),
        Just(Recipe::RemoveSource),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop::collection::vec(inner, 1..4).prop_map(Recipe::Batch)
    })
}

fn pick<T: Copy>(items: &[T], i: usize) -> Option<T> {
    if items.is_empty() {
        None
    } else {
        Some(items[i % items.len()])
    }
}

fn concrete(map: &Map, recipe: &Recipe) -> Option<Edit> {
    let nodes: Vec<NodeId> = map.nodes.keys().copied().collect();
    let edges: Vec<EdgeId> = map.edges.keys().copied().collect();
    Some(match recipe {
        Recipe::AddNode(kind, text) => Edit::Insert {
            nodes: vec![Node::new(
                map.next_node_id(),
                NodeKind::ALL[*kind as usize % 7],
                text.clone(),
                Point::new(1.0, 2.0),
            )],
            edges: vec![],
        },
        Recipe::AddEdge(a, b, attack) => Edit::Insert {
            nodes: vec![],
            edges: vec![Edge::new(
                map.next_edge_id(),
                pick(&nodes, *a)?,
                Target::Node(pick(&nodes, *b)?),
                if *attack {
                    EdgeKind::Attacks
                } else {
                    EdgeKind::Supports
                },
            )],
        },
        Recipe::AddUndercut(a, b) => Edit::Insert {
            nodes: vec![],
            edges: vec![Edge::new(
                map.next_edge_id(),
                pick(&nodes, *a)?,
                Target::Edge(pick(&edges, *b)?),
                EdgeKind::Undercuts,
            )],
        },
        Recipe::Remove(a, b) => Edit::Remove {
            nodes: pick(&nodes, *a).into_iter().collect(),
            edges: pick(&edges, *b).into_iter().collect(),
        },
        Recipe::Move(a, x, y) => Edit::MoveNodes {
            to: vec![(pick(&nodes, *a)?, Point::new(*x, *y))],
        },
        Recipe::SetText(a, text) => Edit::SetText {
            node: pick(&nodes, *a)?,
            text: text.clone(),
        },
        Recipe::SetKind(a, kind) => Edit::SetKind {
            node: pick(&nodes, *a)?,
            kind: NodeKind::ALL[*kind as usize % 7],
        },
        Recipe::AddSpan(a, start, width) => {
            let node = pick(&nodes, *a)?;
            let source = map.sources.values().next()?;
            let len = source.text.chars().count();
            let start = start % len;
            let end = (start + 1 + width % 10).min(len);
            let mut spans = map.nodes[&node].spans.clone();
            spans.push(span_from_range(source, start, end).ok()?);
            Edit::SetSpans { node, spans }
        }
        Recipe::FlipEdgeKind(a) => {
            let edge = &map.edges[&pick(&edges, *a)?];
            let kind = if edge.kind == EdgeKind::Supports {
                EdgeKind::Attacks
            } else {
                EdgeKind::Supports
            };
            Edit::SetEdgeKind {
                edge: edge.id,
                kind,
            }
        }
        Recipe::Group(a, g) => Edit::SetEdgeGroup {
            edge: pick(&edges, *a)?,
            group: (*g > 0).then_some(GroupId(u64::from(*g))),
        },
        Recipe::RemoveSource => Edit::RemoveSource {
            source: *map.sources.keys().next()?,
        },
        Recipe::Batch(parts) => {
            // Build each part against the map as the earlier parts leave it.
            let mut scratch = map.clone();
            let mut edits = Vec::new();
            for part in parts {
                let edit = concrete(&scratch, part)?;
                if edit.clone().apply(&mut scratch).is_ok() {
                    edits.push(edit);
                }
            }
            Edit::Batch(edits)
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_edits_then_undo_all_give_back_the_original(recipes in prop::collection::vec(recipe(), 1..30)) {
        let original = mixed_script_map();
        let mut map = original.clone();
        let mut history = History::new();
        let mut applied = 0;
        for recipe in &recipes {
            let Some(edit) = concrete(&map, recipe) else { continue };
            let before = map.clone();
            if history.apply(&mut map, edit).is_ok() {
                applied += 1;
            } else {
                prop_assert_eq!(&map, &before, "a refused edit changed the map");
            }
            let broken = map.violations();
            prop_assert!(broken.is_empty(), "dangling after {:?}: {:?}", recipe, broken);
        }
        let edited = map.clone();
        let mut undone = 0;
        while history.undo(&mut map).expect("undo applies") {
            undone += 1;
            prop_assert!(map.violations().is_empty());
        }
        prop_assert!(undone <= applied);
        prop_assert_eq!(&map, &original);
        while history.redo(&mut map).expect("redo applies") {}
        prop_assert_eq!(&map, &edited);
    }
}
