//! Debate preparation on the command line (issue 9): labels, unanswered
//! objections and what-if in `stats`, and the debater's brief.

use super::support::{argmap, path_str, root};
use std::fs;

const MAP: &str = "maps/internet-sovereignty.ron";

fn stats_json(extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["stats", MAP, "--format", "json"];
    args.extend_from_slice(extra);
    let out = argmap(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn label_of(json: &serde_json::Value, id: u64) -> String {
    json["evaluation"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .find(|n| n["id"] == id)
        .map(|n| n["label"].as_str().expect("label").to_owned())
        .expect("the box is listed")
}

#[test]
fn stats_json_gives_every_label_side_and_the_unanswered_objections() {
    let json = stats_json(&[]);
    let evaluation = &json["evaluation"];
    let nodes = evaluation["nodes"].as_array().expect("nodes");
    assert_eq!(nodes.len(), json["nodes"].as_u64().expect("count") as usize);
    for node in nodes {
        assert!(["in", "out", "undec"].contains(&node["label"].as_str().expect("label")));
        assert!(node["supported"].is_boolean());
        assert!(
            node["side"].is_null()
                || ["for", "against", "mixed"].contains(&node["side"].as_str().expect("side"))
        );
    }
    assert_eq!(evaluation["main_claims"], serde_json::json!([1, 10, 30]));
    assert_eq!(
        evaluation["unanswered"],
        serde_json::json!([13, 15, 16, 22, 45])
    );
    assert_eq!(label_of(&json, 1), "in");
    assert_eq!(label_of(&json, 10), "out");
    assert_eq!(label_of(&json, 30), "in");
}

#[test]
fn what_if_flags_change_the_labels_and_not_the_file() {
    let before = fs::read(root().join(MAP)).expect("read");
    // Reject the objection that brings down sovereignty's defence: #15
    // attacks #14, which attacks #13.
    let json = stats_json(&["--reject", "15"]);
    assert_eq!(label_of(&json, 15), "out");
    assert_eq!(label_of(&json, 14), "in");
    assert_eq!(label_of(&json, 13), "out");
    let json = stats_json(&["--accept", "4"]);
    assert_eq!(label_of(&json, 4), "in");
    assert_eq!(fs::read(root().join(MAP)).expect("read"), before);
}

#[test]
fn what_if_of_a_missing_box_is_one_clear_line() {
    let out = argmap(&["stats", MAP, "--accept", "999"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("there is no box 999"), "{err}");
    let out = argmap(&["stats", MAP, "--accept", "4", "--reject", "4"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("both accepted and rejected"));
}

#[test]
fn stats_text_counts_labels_and_lists_unanswered_objections() {
    let out = argmap(&["stats", MAP]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("evaluation: 31 stand, 6 fall, 0 undecided"),
        "{text}"
    );
    assert!(text.contains("unanswered objection 45:"), "{text}");
}

#[test]
fn the_brief_of_the_shipped_map_matches_its_golden_outline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_path = dir.path().join("brief.md");
    let out = argmap(&[
        "export",
        MAP,
        "--format",
        "outline",
        "--output",
        path_str(&out_path),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = fs::read_to_string(&out_path).expect("written");
    let golden = fs::read_to_string(root().join("tests/golden/internet-sovereignty-brief.md"))
        .expect("golden");
    assert_eq!(
        written, golden,
        "update the golden file if the change is meant"
    );
    // Unanswered objections come first, under a heading of their own.
    let unanswered = written.find("## Unanswered objections").expect("heading");
    let first_claim = written.find("## Main claim").expect("claims");
    assert!(unanswered < first_claim);
}

#[test]
fn the_html_brief_is_one_self_contained_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_path = dir.path().join("brief.html");
    let out = argmap(&[
        "export",
        MAP,
        "--format",
        "html",
        "--output",
        path_str(&out_path),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = fs::read_to_string(&out_path).expect("written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("size: A4"));
    for outside in ["http://", "https://", "<script", "src=", "@import"] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("Unanswered objections"));
    assert!(
        html.contains("&#39;Sovereignty&#39; is a cover"),
        "box text is escaped"
    );
}

#[test]
fn the_readme_example_evaluates_as_the_readme_says() {
    // README's picture: the claim stands (its objection falls to a
    // rebuttal) but is unsupported (its only reason is undercut).
    use argmap::eval::Label::{In, Out};
    use argmap::model::NodeId;
    let map = argmap::io::load(&root().join("tests/good/evaluation-rules.ron")).expect("loads");
    let evaluation = argmap::eval::evaluate(&map);
    let label = |id| evaluation.label(NodeId(id));
    assert_eq!(
        [label(1), label(2), label(3), label(4), label(5)],
        [Some(In), Some(In), Some(Out), Some(In), Some(In)]
    );
    assert!(!evaluation.supported(NodeId(1)));
    assert_eq!(evaluation.all_unanswered(), vec![NodeId(5)]);
}
