//! The fuzz targets' code paths on their seed corpus, on stable Rust: every
//! file of `maps/`, `tests/good/`, `tests/bad/` (where crashes found by
//! fuzzing are kept) and, when present, `../shared/interop`, read in the
//! format its target reads; a map read survives its own RON.

use super::support::{files_ending as files, root};
use argmap::io::Format;
use argmap::io::fuzz::reload;
use std::path::PathBuf;

#[test]
fn every_seed_reads_or_is_refused_and_maps_survive_their_own_ron() {
    let shared = root().join("../shared/interop/aif");
    let interop = root().join("../shared/interop");
    let mut seeds: Vec<(PathBuf, Format)> = Vec::new();
    for dir in ["maps", "tests/good", "tests/bad"] {
        let dir = root().join(dir);
        seeds.extend(files(&dir, ".ron").into_iter().map(|p| (p, Format::Ron)));
        for json in files(&dir, ".json") {
            let format = if json.to_string_lossy().ends_with(".aif.json") {
                Format::Aif
            } else {
                Format::Json
            };
            seeds.push((json, format));
        }
    }
    if shared.is_dir() {
        seeds.extend(
            files(&shared, ".json")
                .into_iter()
                .map(|p| (p, Format::Aif)),
        );
        for dir in ["argdown", "argdown/cli-include"] {
            seeds.extend(
                files(&interop.join(dir), ".argdown")
                    .into_iter()
                    .map(|p| (p, Format::Argdown)),
            );
        }
        seeds.extend(
            files(&interop.join("other"), ".txt")
                .into_iter()
                .map(|p| (p, Format::Kialo)),
        );
    } else {
        eprintln!("../shared/interop is absent: only this repository's seeds were read");
    }
    assert!(seeds.len() > 30, "{} seeds", seeds.len());
    for (path, format) in seeds {
        let bytes = std::fs::read(&path).expect("readable");
        // Each loader also meets the others' files, as a fuzzer would.
        let all = [
            Format::Ron,
            Format::Json,
            Format::Aif,
            Format::Argdown,
            Format::Kialo,
        ];
        for as_format in std::iter::once(format).chain(all) {
            if let Err(finding) = reload(&bytes, as_format) {
                panic!("{} as {as_format:?}: {finding}", path.display());
            }
        }
    }
}
