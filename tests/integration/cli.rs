//! The command line: check, convert, stats, export.

use super::support::{ARTICLE, argmap, path_str, root};
use std::fs;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn check_passes_the_shipped_maps() {
    let maps: Vec<String> = fs::read_dir(root().join("maps"))
        .expect("maps folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| {
            format!(
                "maps/{}",
                p.file_name().unwrap_or_default().to_string_lossy()
            )
        })
        .collect();
    assert!(!maps.is_empty());
    let args: Vec<&str> = std::iter::once("check")
        .chain(maps.iter().map(String::as_str))
        .collect();
    let out = argmap(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("internet-sovereignty.ron: ok"));
}

#[test]
fn check_reports_every_bad_map_and_still_checks_the_good_one() {
    let out = argmap(&[
        "check",
        "tests/bad/dangling-edge.ron",
        "tests/good/small.ron",
        "tests/bad/quote-mismatch.ron",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("tests/bad/dangling-edge.ron:"), "{err}");
    assert!(err.contains("tests/bad/quote-mismatch.ron:"), "{err}");
    assert!(stdout(&out).contains("tests/good/small.ron: ok"));
}

#[test]
fn check_points_at_line_and_column_of_the_problem() {
    let out = argmap(&["check", "tests/bad/dangling-edge.ron"]);
    let err = stderr(&out);
    // The edge list's first element opens on line 42, column 9.
    assert!(
        err.starts_with("tests/bad/dangling-edge.ron:42:9: edge 1: there is no node 7"),
        "{err}"
    );
    let out = argmap(&["check", "tests/bad/quote-mismatch.ron"]);
    assert!(stderr(&out).contains(":22:17: node 1: span 0..10 quotes \"Every land\" but the source there reads \"Each state\""), "{}", stderr(&out));
}

#[test]
fn export_json_to_stdout_and_file() {
    let out = argmap(&[
        "export",
        "maps/internet-sovereignty.ron",
        "--format",
        "json",
        "--output",
        "-",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(json["format"], "argmap");
    assert_eq!(json["version"], 1);

    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("m.json");
    let out = argmap(&[
        "export",
        "maps/internet-sovereignty.ron",
        "--format",
        "json",
        "--output",
        path_str(&file),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written: serde_json::Value =
        serde_json::from_slice(&fs::read(&file).expect("written")).expect("JSON");
    assert_eq!(written, json);
    let text = written["sources"][0]["text"].as_str().expect("text");
    let chars: Vec<char> = text.chars().collect();
    let mut checked = 0;
    for node in written["nodes"].as_array().expect("nodes") {
        for span in node["spans"].as_array().expect("spans") {
            let (start, end) = (
                span["start"].as_u64().expect("start") as usize,
                span["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(
                chars[start..end].iter().collect::<String>(),
                span["quote"].as_str().expect("quote")
            );
            checked += 1;
        }
    }
    assert!(checked >= 24);
}

#[test]
fn stats_counts_by_kind_and_anchored_share() {
    let out = argmap(&["stats", "tests/good/small.ron"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("nodes: 2"), "{text}");
    assert!(text.contains("  objection: 1"), "{text}");
    assert!(text.contains("anchored nodes: 1 of 2 (50.0%)"), "{text}");

    let out = argmap(&["stats", "maps/internet-sovereignty.ron", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(json["nodes"].as_u64().expect("count") >= 30);
    assert!(json["edges_by_kind"]["attacks"].as_u64().expect("count") >= 5);
    assert!(json["anchored_share"].as_f64().expect("share") > 0.8);
}

#[test]
fn convert_refuses_unknown_extensions_without_writing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_path = dir.path().join("m.docx");
    let out = argmap(&["convert", "tests/good/small.ron", path_str(&out_path)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown map format"),
        "{}",
        stderr(&out)
    );
    assert!(!out_path.exists());
    // Kialo's `.txt` is read, never written.
    let kialo = dir.path().join("m.txt");
    let out = argmap(&["convert", "tests/good/small.ron", path_str(&kialo)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("does not write them"),
        "{}",
        stderr(&out)
    );
    assert!(!kialo.exists());
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["check", "convert", "stats", "export"] {
        let out = argmap(&[sub, "--help"]);
        assert!(out.status.success(), "{sub}");
        assert!(stdout(&out).contains("Usage: argmap"), "{sub}");
    }
}

#[test]
fn missing_file_is_one_line() {
    let out = argmap(&["convert", "tests/no-such-map.ron", "/tmp/never.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("tests/no-such-map.ron"), "{err}");
}

/// The shipped map and its article, copied to a temporary folder of the
/// same shape (the article in maps/sources/ beside the map).
fn copied_map() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir_all(dir.path().join("maps/sources")).expect("mkdir");
    let map = dir.path().join("maps/internet-sovereignty.ron");
    let seed = dir.path().join("maps/sources/internet-sovereignty.txt");
    fs::copy(root().join("maps/internet-sovereignty.ron"), &map).expect("copy map");
    fs::copy(root().join(ARTICLE), &seed).expect("copy seed");
    (dir, map, seed)
}

#[test]
fn reanchor_keeps_every_span_on_its_words_after_a_paragraph_goes_in_on_top() {
    let (_dir, map, seed) = copied_map();
    let before = argmap::io::load(&map).expect("loads");
    let article = fs::read_to_string(&seed).expect("seed");
    fs::write(
        &seed,
        format!("Editor's note: this article was first published in 2014.\n\n{article}"),
    )
    .expect("edit");

    let out = argmap(&["reanchor", path_str(&map)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(
        report.contains("0 unchanged, 34 moved, 0 found with small edits, 0 orphaned"),
        "{report}"
    );

    let after = argmap::io::load(&map).expect("loads");
    let text = &after.sources.values().next().expect("source").text;
    assert!(text.starts_with("Editor's note"));
    for (old, new) in before.nodes.values().zip(after.nodes.values()) {
        for (a, b) in old.spans.iter().zip(&new.spans) {
            assert_eq!(a.quote, b.quote, "same words");
            let words: String = text.chars().skip(b.start).take(b.end - b.start).collect();
            assert_eq!(words, b.quote, "on the right words");
        }
    }
    // Nothing left to do the second time.
    let again = argmap(&["reanchor", path_str(&map)]);
    assert!(stdout(&again).contains("nothing to do"));
}

#[test]
fn reanchor_reports_orphans_and_check_flags_them() {
    let (_dir, map, seed) = copied_map();
    let article = fs::read_to_string(&seed).expect("seed");
    let cut = article.replace(
        "Lastly, a tightly regulated Internet has deterred some companies -- such as Google, which left China in 2010 over Internet censorship regulations -- from conducting business in China.",
        "",
    );
    fs::write(&seed, cut).expect("edit");
    let dry = argmap(&["reanchor", "--dry-run", path_str(&map)]);
    assert!(stdout(&dry).contains("ORPHANED"), "{}", stdout(&dry));
    assert!(
        argmap::io::load(&map)
            .expect("loads")
            .nodes
            .values()
            .all(|n| n.spans.iter().all(|s| !s.orphan)),
        "dry run saved nothing"
    );

    let out = argmap(&["reanchor", path_str(&map)]);
    let report = stdout(&out);
    assert!(report.contains("2 orphaned"), "{report}");
    assert!(
        report.contains("ORPHANED \u{201c}Google, which left China"),
        "{report}"
    );

    let check = argmap(&["check", path_str(&map)]);
    assert!(check.status.success(), "orphans are flagged, not fatal");
    let warnings = stderr(&check);
    assert_eq!(warnings.lines().count(), 2, "{warnings}");
    assert!(warnings.contains("orphaned span"), "{warnings}");
    assert!(stdout(&check).contains("2 orphaned spans to look at"));
}

#[test]
fn stats_reports_cited_sentences_per_source() {
    let out = argmap(&["stats", "maps/internet-sovereignty.ron", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let cov = &json["coverage"][0];
    assert!(cov["sentences"].as_u64().expect("count") > 30);
    assert!(cov["cited_share"].as_f64().expect("share") > 0.5);
}
