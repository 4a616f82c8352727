//! `argmap check MAP...`

use argmap::io;
use std::path::PathBuf;
use std::process::ExitCode;

/// Prints `file: ok` per good map and `file:line:column: problem` per
/// problem; fails if any map has one.
pub fn run(maps: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in maps {
        match io::load(path) {
            Ok(map) => println!(
                "{}: ok ({} nodes, {} edges, {} sources)",
                path.display(),
                map.nodes.len(),
                map.edges.len(),
                map.sources.len()
            ),
            Err(error) => {
                failed = true;
                for line in error.lines() {
                    eprintln!("{line}");
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
