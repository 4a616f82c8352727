//! `argmap stats MAP [--format json]`

use argmap::anchor::coverage::SourceCoverage;
use argmap::eval::{Evaluation, evaluate_with};
use argmap::model::{Assumption, Map, NodeId, Stats};
use clap::ValueEnum;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum StatsFormat {
    Text,
    Json,
}

pub fn run(
    path: &Path,
    format: StatsFormat,
    accept: &[u64],
    reject: &[u64],
) -> anyhow::Result<ExitCode> {
    let map = argmap::files::open(path, None)?.map;
    let assumed = what_if(&map, accept, reject)
        .map_err(|message| anyhow::anyhow!("{message}: {}", path.display()))?;
    let stats = Stats::of(&map);
    let coverage = argmap::anchor::coverage::coverage(&map);
    let evaluation = evaluate_with(&map, &assumed);
    match format {
        StatsFormat::Text => print!(
            "{}{}{}",
            as_text(&stats),
            coverage_text(&coverage),
            evaluation_text(&map, &evaluation)
        ),
        StatsFormat::Json => {
            let mut json = as_json(&stats);
            json["coverage"] = coverage_json(&coverage);
            json["evaluation"] = evaluation_json(&map, &evaluation);
            println!("{json}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The `--accept` and `--reject` ids as assumptions; every id must name a
/// box, and none may be both.
fn what_if(
    map: &Map,
    accept: &[u64],
    reject: &[u64],
) -> Result<BTreeMap<NodeId, Assumption>, String> {
    let mut assumed = BTreeMap::new();
    for (ids, assumption) in [
        (accept, Assumption::Accepted),
        (reject, Assumption::Rejected),
    ] {
        for id in ids.iter().map(|i| NodeId(*i)) {
            if !map.nodes.contains_key(&id) {
                return Err(format!(
                    "there is no box {id} to {}",
                    match assumption {
                        Assumption::Accepted => "accept",
                        Assumption::Rejected => "reject",
                    }
                ));
            }
            if assumed
                .insert(id, assumption)
                .is_some_and(|old| old != assumption)
            {
                return Err(format!("box {id} is both accepted and rejected"));
            }
        }
    }
    Ok(assumed)
}

fn evaluation_text(map: &Map, evaluation: &Evaluation) -> String {
    let (stand, fall, undecided) = evaluation.counts();
    let mut lines = vec![format!(
        "evaluation: {stand} stand, {fall} fall, {undecided} undecided"
    )];
    for claim in evaluation.main_claims() {
        let label = evaluation.label(*claim).map_or("?", |l| l.name());
        let text = map.nodes.get(claim).map_or("", |n| n.text.as_str());
        lines.push(format!("  main claim {claim} ({label}): {text}"));
        for objection in evaluation.unanswered().get(claim).into_iter().flatten() {
            let text = map.nodes.get(objection).map_or("", |n| n.text.as_str());
            lines.push(format!("    unanswered objection {objection}: {text}"));
        }
    }
    lines.join("\n") + "\n"
}

fn evaluation_json(map: &Map, evaluation: &Evaluation) -> serde_json::Value {
    let nodes: Vec<serde_json::Value> = map
        .nodes
        .keys()
        .map(|id| {
            serde_json::json!({
                "id": id.0,
                "label": evaluation.label(*id).map(argmap::eval::Label::name),
                "supported": evaluation.supported(*id),
                "side": evaluation.side(*id).map(argmap::eval::Side::name),
            })
        })
        .collect();
    let unanswered: Vec<u64> = evaluation.all_unanswered().iter().map(|id| id.0).collect();
    let by_claim: serde_json::Map<String, serde_json::Value> = evaluation
        .unanswered()
        .iter()
        .map(|(claim, ids)| {
            (
                claim.0.to_string(),
                ids.iter().map(|id| id.0).collect::<Vec<_>>().into(),
            )
        })
        .collect();
    let (stand, fall, undecided) = evaluation.counts();
    serde_json::json!({
        "nodes": nodes,
        "unanswered": unanswered,
        "unanswered_by_main_claim": by_claim,
        "main_claims": evaluation.main_claims().iter().map(|id| id.0).collect::<Vec<_>>(),
        "counts": {"in": stand, "out": fall, "undec": undecided},
    })
}

fn as_text(stats: &Stats) -> String {
    let mut lines = vec![stats.title.clone(), format!("nodes: {}", stats.nodes)];
    lines.extend(
        stats
            .nodes_by_kind
            .iter()
            .map(|(kind, n)| format!("  {kind}: {n}")),
    );
    lines.push(format!("edges: {}", stats.edges));
    lines.extend(
        stats
            .edges_by_kind
            .iter()
            .map(|(kind, n)| format!("  {kind}: {n}")),
    );
    lines.push(format!("linked arguments: {}", stats.linked_arguments));
    lines.push(format!("sources: {}", stats.sources));
    lines.push(format!("spans: {}", stats.spans));
    lines.push(format!(
        "anchored nodes: {} of {} ({:.1}%)",
        stats.anchored_nodes,
        stats.nodes,
        stats.anchored_share() * 100.0
    ));
    lines.join("\n") + "\n"
}

fn as_json(stats: &Stats) -> serde_json::Value {
    let by_name = |pairs: Vec<(String, usize)>| {
        serde_json::Value::Object(pairs.into_iter().map(|(k, v)| (k, v.into())).collect())
    };
    serde_json::json!({
        "title": stats.title,
        "nodes": stats.nodes,
        "nodes_by_kind": by_name(stats.nodes_by_kind.iter().map(|(k, v)| (k.to_string(), *v)).collect()),
        "edges": stats.edges,
        "edges_by_kind": by_name(stats.edges_by_kind.iter().map(|(k, v)| (k.to_string(), *v)).collect()),
        "linked_arguments": stats.linked_arguments,
        "sources": stats.sources,
        "spans": stats.spans,
        "anchored_nodes": stats.anchored_nodes,
        "anchored_share": stats.anchored_share(),
    })
}

fn coverage_text(coverage: &[SourceCoverage]) -> String {
    let lines: Vec<String> = coverage
        .iter()
        .map(|c| {
            format!(
                "source {} \u{201c}{}\u{201d}: {} of {} sentences cited ({:.1}%)\n",
                c.source,
                c.title,
                c.cited_count(),
                c.sentences.len(),
                c.share() * 100.0
            )
        })
        .collect();
    lines.concat()
}

fn coverage_json(coverage: &[SourceCoverage]) -> serde_json::Value {
    coverage
        .iter()
        .map(|c| {
            serde_json::json!({
                "source": c.source.0,
                "title": c.title,
                "sentences": c.sentences.len(),
                "cited_sentences": c.cited_count(),
                "cited_share": c.share(),
            })
        })
        .collect()
}
