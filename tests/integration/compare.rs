//! Comparing a student's map with a model answer (issue 10), on
//! constructed cases and on the shipped student map.

use super::support::{argmap, root};
use argmap::eval::compare::{MatchedBy, compare};
use argmap::model::{EdgeKind, Map, NodeId};
use argmap::ops::Edit;

fn model() -> Map {
    argmap::io::load(&root().join("maps/internet-sovereignty.ron")).expect("loads")
}

#[test]
fn a_map_compared_with_itself_is_all_found_and_scores_one() {
    let m = model();
    let c = compare(&m, &m);
    assert_eq!(c.found.len(), m.nodes.len());
    assert!(c.found.iter().all(|f| f.student == f.model));
    assert!(c.missed.is_empty() && c.added.is_empty());
    assert_eq!(c.relations.right.len(), m.edges.len());
    assert!((c.box_score() - 1.0).abs() < 1e-9);
    assert!((c.relation_score() - 1.0).abs() < 1e-9);
}

#[test]
fn deleted_boxes_are_exactly_the_missed_ones() {
    let m = model();
    let mut student = m.clone();
    let gone = vec![NodeId(7), NodeId(19), NodeId(44)];
    Edit::Remove {
        nodes: gone.clone(),
        edges: Vec::new(),
    }
    .apply(&mut student)
    .expect("removes");
    let c = compare(&student, &m);
    assert_eq!(c.missed, gone);
    assert!(c.added.is_empty());
    assert_eq!(c.found.len(), m.nodes.len() - 3);
}

#[test]
fn a_reworded_box_with_the_same_span_is_still_found() {
    let m = model();
    let mut student = m.clone();
    student.nodes.get_mut(&NodeId(36)).expect("box").text =
        "Censorship made a big search company leave the country.".into();
    // Renumbered too: ids do not matter, the quoted words do.
    let node = student.nodes.remove(&NodeId(36)).expect("box");
    let mut moved = node.clone();
    moved.id = NodeId(900);
    student.nodes.insert(NodeId(900), moved);
    for edge in student.edges.values_mut() {
        if edge.from == NodeId(36) {
            edge.from = NodeId(900);
        }
    }
    let c = compare(&student, &m);
    let found = c
        .found
        .iter()
        .find(|f| f.model == NodeId(36))
        .expect("found");
    assert_eq!(found.student, NodeId(900));
    assert_eq!(found.by, MatchedBy::Span);
    assert!(c.missed.is_empty());
}

#[test]
fn a_flipped_arrow_is_reported_as_the_wrong_kind() {
    let m = model();
    let mut student = m.clone();
    let attack = m
        .edges
        .values()
        .find(|e| e.kind == EdgeKind::Attacks && e.target_node().is_some())
        .expect("an attack")
        .clone();
    Edit::SetEdgeKind {
        edge: attack.id,
        kind: EdgeKind::Supports,
    }
    .apply(&mut student)
    .expect("flips");
    let c = compare(&student, &m);
    let pair = (attack.from, attack.target_node().expect("a box"));
    assert_eq!(c.relations.wrong_kind, vec![pair]);
    assert_eq!(c.relations.right.len(), m.edges.len() - 1);
}

#[test]
fn the_shipped_student_map_compares_as_json() {
    let out = argmap(&[
        "compare",
        "maps/internet-sovereignty-student.ron",
        "maps/internet-sovereignty.ron",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let found = json["found"].as_array().expect("found");
    assert!(found.len() >= 10, "{} found", found.len());
    for f in found {
        let s = f["similarity"].as_f64().expect("similarity");
        assert!((0.0..=1.0).contains(&s));
        assert!(f["student"].is_u64() && f["model"].is_u64());
    }
    assert_eq!(
        json["added"].as_array().expect("added").len(),
        2,
        "two points of its own"
    );
    assert_eq!(
        json["relations"]["wrong_kind"],
        serde_json::json!([[4, 1]]),
        "the support drawn where the article's logic is an attack"
    );
    assert!(json["relations"]["right"].as_u64().expect("right") > 5);
    assert!(json["missed"].as_array().expect("missed").len() > 10);
    let boxes = json["score"]["boxes"].as_f64().expect("score");
    assert!((boxes - found.len() as f64 / 37.0).abs() < 1e-9);
    assert!(json["score"]["relations"].as_f64().is_some());
}
