//! `argmap stats MAP [--format json]`

use argmap::anchor::coverage::SourceCoverage;
use argmap::io;
use argmap::model::Stats;
use clap::ValueEnum;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum StatsFormat {
    Text,
    Json,
}

pub fn run(path: &Path, format: StatsFormat) -> anyhow::Result<ExitCode> {
    let map = io::load(path)?;
    let stats = Stats::of(&map);
    let coverage = argmap::anchor::coverage::coverage(&map);
    match format {
        StatsFormat::Text => print!("{}{}", as_text(&stats), coverage_text(&coverage)),
        StatsFormat::Json => {
            let mut json = as_json(&stats);
            json["coverage"] = coverage_json(&coverage);
            println!("{json}");
        }
    }
    Ok(ExitCode::SUCCESS)
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
