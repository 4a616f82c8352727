//! The corpus of broken maps: each is refused with a clear line naming the
//! file, exit code 1, no panic, and the input untouched.

use super::support::{argmap, path_str, root};
use std::fs;
use std::path::{Path, PathBuf};

fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(root().join("tests/bad"))
        .expect("corpus folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron" || e == "json"))
        .collect();
    files.sort();
    files
}

/// Runs check and convert on `input` and asserts each refuses it cleanly.
fn assert_refused(input: &Path, expect_in_message: &str) {
    let before = fs::read(input).expect("readable");
    let shown = path_str(input);
    let dir = tempfile::tempdir().expect("temp dir");
    let out_path = dir.path().join("out.ron");

    let check = argmap(&["check", shown]);
    let err = String::from_utf8_lossy(&check.stderr).into_owned();
    assert_eq!(check.status.code(), Some(1), "check {shown}: {err}");
    assert!(
        !err.is_empty() && err.lines().all(|l| l.starts_with(shown)),
        "check {shown}:\n{err}"
    );
    assert!(
        err.contains(expect_in_message),
        "check {shown}: expected {expect_in_message:?} in\n{err}"
    );

    let convert = argmap(&["convert", shown, path_str(&out_path)]);
    let err = String::from_utf8_lossy(&convert.stderr).into_owned();
    assert_eq!(convert.status.code(), Some(1), "convert {shown}: {err}");
    assert_eq!(
        err.lines().count(),
        1,
        "convert {shown} said more than one line:\n{err}"
    );
    assert!(err.contains(shown), "convert {shown}: {err}");
    for noise in ["panicked", "RUST_BACKTRACE", "stack backtrace"] {
        assert!(!err.contains(noise), "{shown}: {err}");
    }
    assert!(!out_path.exists(), "convert {shown} wrote an output");
    assert_eq!(
        fs::read(input).expect("readable"),
        before,
        "{shown} was changed"
    );
}

/// What each corpus file's message must say, so a wrong reason fails.
fn expected_message(name: &str) -> &'static str {
    match name {
        "version-999.ron" | "version-999.json" => "newer Argmap",
        "version-0.ron" => "version 0",
        "missing-version.ron" => "version",
        "wrong-format.ron" => "format is \"mindmap\"",
        "dangling-edge.ron" => "there is no node 7",
        "dangling-target.ron" => "there is no node 42",
        "dangling-undercut.json" => "there is no edge 9",
        "span-past-end.ron" => "runs past the end",
        "empty-span.ron" => "empty or reversed",
        "quote-mismatch.ron" => "quotes \"Every land\"",
        "span-missing-source.ron" => "there is no source 3",
        "duplicate-node-ids.ron" => "node id 1 is used twice",
        "duplicate-edge-ids.json" => "edge id 1 is used twice",
        "duplicate-source-ids.json" => "source id 1 is used twice",
        "undercut-of-node.ron" => "undercut must point at an arrow",
        "supports-an-edge.ron" => "only an undercut",
        "self-loop.ron" => "points at itself",
        "mixed-group.json" => "linked argument 1",
        "x-without-y.json" => "has x but no y",
        "nan-position.ron" => "not a number",
        "not-utf8.ron" => "not UTF-8",
        "not-a-map.json" => "a JSON object",
        "deep-nesting.ron" => "deeper than any map",
        "deep-nesting.json" => "1:44: invalid type",
        "deep-nesting.aif.json" => "recursion limit exceeded",
        "empty.ron" | "whitespace-only.json" => "empty",
        _ => "",
    }
}

#[test]
fn corpus_is_large_enough() {
    assert!(corpus().len() >= 20, "{} broken maps", corpus().len());
}

#[test]
fn every_broken_map_is_refused_cleanly() {
    for file in corpus() {
        let name = file
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let relative = root().join("tests/bad").join(&name);
        let shown = Path::new("tests/bad").join(&name);
        assert!(relative.exists());
        assert_refused(&shown, expected_message(&name));
    }
}

#[test]
fn a_50_megabyte_text_is_refused_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.ron");
    let line = "Internet sovereignty refers to the idea that a country has the right to control\n";
    let text = line.repeat(50 * 1024 * 1024 / line.len());
    fs::write(&big, &text).expect("write");
    assert_refused(&big, ":1:1:");
}

#[test]
fn positions_are_given_for_parse_errors() {
    let out = argmap(&["check", "tests/bad/unknown-kind.ron"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("tests/bad/unknown-kind.ron:34:19:"),
        "{err}"
    );
    assert!(err.contains("banana"), "{err}");
}
