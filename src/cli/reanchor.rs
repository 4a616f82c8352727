//! `argmap reanchor MAP [--dry-run]`

use anyhow::Context as _;
use argmap::anchor::reanchor::Placement;
use argmap::io;
use argmap::ops::reanchor::{Summary, reanchor_source_from};
use std::path::Path;
use std::process::ExitCode;

/// Re-reads every source file that changed, moves the spans, reports each
/// one that moved or was orphaned, and saves the map (unless `dry_run`).
pub fn run(path: &Path, dry_run: bool) -> anyhow::Result<ExitCode> {
    let mut map = argmap::files::open(path, None)?.map;
    let io::SourceCheck { changed, unread } = io::changed_sources(path, &map);
    for problem in &unread {
        eprintln!(
            "{}: warning: {}; kept the map's copy",
            path.display(),
            problem.line(&map)
        );
    }
    if changed.is_empty() {
        if unread.is_empty() {
            println!(
                "{}: every source file matches the map's copy; nothing to do",
                path.display()
            );
        } else {
            println!(
                "{}: nothing to update; {} not read",
                path.display(),
                super::counted(unread.len(), "source file was", "source files were")
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    for change in &changed {
        let Some((edit, reports)) =
            reanchor_source_from(&map, change.source, &change.text, change.path.clone())
        else {
            continue;
        };
        for report in &reports {
            let (old, new) = (&report.old, &report.new);
            let what = match &report.placement {
                Placement::Unchanged => continue,
                Placement::Moved { .. } => format!(
                    "moved {}..{} -> {}..{}",
                    old.start, old.end, new.start, new.end
                ),
                Placement::Edited { similarity, .. } => format!(
                    "found with small edits ({:.0} % alike) {}..{} -> {}..{}: now \u{201c}{}\u{201d}",
                    similarity * 100.0,
                    old.start,
                    old.end,
                    new.start,
                    new.end,
                    argmap::anchor::shorten(&new.quote)
                ),
                Placement::Orphaned { reason } => format!(
                    "ORPHANED \u{201c}{}\u{201d}: {reason}",
                    argmap::anchor::shorten(&old.quote)
                ),
            };
            println!("{}: node {}: {what}", change.file.display(), report.node);
        }
        println!("{}: {}", change.file.display(), Summary::of(&reports));
        edit.apply(&mut map)
            .with_context(|| format!("cannot update source {}", change.source))?;
    }
    if dry_run {
        println!("dry run: {} left unchanged", path.display());
    } else {
        io::save(&map, path)?;
        println!("{}: saved", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
