//! `argmap compare STUDENT MODEL [--format json]`

use argmap::eval::compare::{Comparison, MatchedBy, compare};
use argmap::model::{Map, NodeId};
use clap::ValueEnum;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CompareFormat {
    Text,
    Json,
}

pub fn run(student: &Path, model: &Path, format: CompareFormat) -> anyhow::Result<ExitCode> {
    let (student, model) = (
        argmap::files::open(student, None)?.map,
        argmap::files::open(model, None)?.map,
    );
    let comparison = compare(&student, &model);
    match format {
        CompareFormat::Text => print!("{}", as_text(&student, &model, &comparison)),
        CompareFormat::Json => println!("{}", as_json(&comparison)),
    }
    Ok(ExitCode::SUCCESS)
}

fn text_of(map: &Map, id: NodeId) -> String {
    let text = map.nodes.get(&id).map_or("", |n| n.text.as_str());
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 70 {
        format!("{}…", one_line.chars().take(69).collect::<String>())
    } else {
        one_line
    }
}

fn arrow(map: &Map, (from, to): (NodeId, NodeId)) -> String {
    let kind = map
        .edges
        .values()
        .find(|e| e.from == from && argmap::model::tree::argued_about(map, e) == Some(to))
        .map_or("argues about", |e| e.kind.name());
    format!("#{from} {kind} #{to}")
}

fn as_text(student: &Map, model: &Map, c: &Comparison) -> String {
    let mut lines = vec![format!(
        "found {} of {} model boxes:",
        c.found.len(),
        model.nodes.len()
    )];
    for f in &c.found {
        let by = match f.by {
            MatchedBy::Span => "same words quoted",
            MatchedBy::Text => "alike in words",
        };
        lines.push(format!(
            "  student #{} \u{201c}{}\u{201d} = model #{} ({by}, {:.0} %)",
            f.student,
            text_of(student, f.student),
            f.model,
            f.similarity * 100.0
        ));
    }
    lines.push(format!(
        "missed ({}): model boxes the student does not have",
        c.missed.len()
    ));
    for id in &c.missed {
        lines.push(format!(
            "  model #{id} \u{201c}{}\u{201d}",
            text_of(model, *id)
        ));
    }
    lines.push(format!(
        "added ({}): student boxes the model does not have",
        c.added.len()
    ));
    for id in &c.added {
        lines.push(format!(
            "  student #{id} \u{201c}{}\u{201d}",
            text_of(student, *id)
        ));
    }
    let r = &c.relations;
    lines.push(format!(
        "relations between found boxes: {} right, {} of the wrong kind, {} missing",
        r.right.len(),
        r.wrong_kind.len(),
        r.missing.len()
    ));
    for pair in &r.wrong_kind {
        lines.push(format!(
            "  wrong kind: the model has {}",
            arrow(model, *pair)
        ));
    }
    for pair in &r.missing {
        lines.push(format!("  missing: the model has {}", arrow(model, *pair)));
    }
    lines.push(format!(
        "score: {:.1} % of the model's boxes found, {:.1} % of their relations right",
        c.box_score() * 100.0,
        c.relation_score() * 100.0
    ));
    lines.join("\n") + "\n"
}

fn as_json(c: &Comparison) -> serde_json::Value {
    let pairs = |list: &[(NodeId, NodeId)]| -> Vec<[u64; 2]> {
        list.iter().map(|(a, b)| [a.0, b.0]).collect()
    };
    serde_json::json!({
        "found": c.found.iter().map(|f| serde_json::json!({
            "student": f.student.0,
            "model": f.model.0,
            "similarity": (f.similarity * 1000.0).round() / 1000.0,
            "by": match f.by { MatchedBy::Span => "span", MatchedBy::Text => "text" },
        })).collect::<Vec<_>>(),
        "missed": c.missed.iter().map(|id| id.0).collect::<Vec<_>>(),
        "added": c.added.iter().map(|id| id.0).collect::<Vec<_>>(),
        "relations": {
            "right": c.relations.right.len(),
            "wrong_kind": pairs(&c.relations.wrong_kind),
            "missing": pairs(&c.relations.missing),
        },
        "score": {
            "boxes": c.box_score(),
            "relations": c.relation_score(),
        },
    })
}
