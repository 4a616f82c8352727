//! `argmap check MAP...`

use argmap::io;
use std::path::PathBuf;
use std::process::ExitCode;

/// Prints `file: ok` per good map and `file:line:column: problem` per
/// problem; fails if any map has one.
pub fn run(maps: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in maps {
        match io::load_checked(path) {
            Ok((map, warnings)) => {
                for warning in &warnings {
                    eprintln!("{}:{warning}", path.display());
                }
                // Source paths that lead outside the map's folder (or to
                // nothing readable): reported, never read.
                let refused = io::refused_source_paths(path, &map);
                for problem in &refused {
                    eprintln!("{}: warning: {}", path.display(), problem.line(&map));
                }
                println!(
                    "{}: ok ({} nodes, {} edges, {} sources{}{})",
                    path.display(),
                    map.nodes.len(),
                    map.edges.len(),
                    map.sources.len(),
                    match warnings.len() {
                        0 => String::new(),
                        n => format!(", {n} orphaned spans to look at"),
                    },
                    match refused.len() {
                        0 => String::new(),
                        n => format!(
                            ", {} that will not be read",
                            super::counted(n, "source file", "source files")
                        ),
                    }
                );
            }
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
