//! `argmap layout MAP [--output FILE]`

use argmap::io;
use argmap::layout::{Scope, layout};
use std::path::Path;
use std::process::ExitCode;

/// Arranges every box (pinned ones stay) and saves the map.
pub fn run(path: &Path, output: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut map = argmap::files::open(path, None)?.map;
    let sizes = argmap::render::estimated_sizes(&map);
    let moves = layout(&map, &sizes, Scope::All);
    let count = moves.len();
    for (id, pos) in moves {
        if let Some(node) = map.nodes.get_mut(&id) {
            node.pos = pos;
        }
    }
    let target = output.unwrap_or(path);
    io::save(&map, target)?;
    println!("{}: arranged {count} boxes", target.display());
    Ok(ExitCode::SUCCESS)
}
