//! The real third-party maps in ../shared/interop (AIF from `AIFdb`, `QT30`
//! and `OVA3`; Argdown with the reference parser's JSON; Kialo exports): every
//! file imports, the map checks clean, and what the file holds is in the
//! map. Skipped, with a message, where ../shared is absent. Run with
//! `--nocapture` to see the AIF import report (the table in BENCHMARKS.md).

use super::support::files_ending;
use argmap::files;
use argmap::io::{self, Format};
use argmap::model::{EdgeKind, Map, NodeId, Target};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn interop(kind: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/interop")
        .join(kind);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} is absent (the shared interop corpus)",
            dir.display()
        );
        None
    }
}

/// A map checks clean: its own RON reads back with no problem at all.
fn assert_checks_clean(map: &Map, file: &Path) {
    let text = io::to_text(map, Format::Ron).expect("encodes");
    let back = io::read_str(&text, Format::Ron).unwrap_or_else(|p| {
        panic!(
            "{}: its RON does not check: {:?}",
            file.display(),
            p.first()
        )
    });
    assert!(
        back.warnings.is_empty(),
        "{}: {:?}",
        file.display(),
        back.warnings
    );
    assert_eq!(&back.map, map, "{}", file.display());
}

/// For each I-node (in file order, as the importer numbers them): whether
/// an L-node anchors it through a YA.
fn anchored_i_nodes(doc: &Value) -> Vec<bool> {
    let aif = doc.get("AIF").filter(|a| a.is_object()).unwrap_or(doc);
    let id = |v: Option<&Value>| match v {
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let mut kind: BTreeMap<String, String> = BTreeMap::new();
    let mut order = Vec::new();
    for node in aif["nodes"].as_array().into_iter().flatten() {
        let nid = id(node.get("nodeID"));
        let t = node["type"].as_str().unwrap_or_default().to_owned();
        if !kind.contains_key(&nid) && t == "I" {
            order.push(nid.clone());
        }
        kind.entry(nid).or_insert(t);
    }
    let mut into: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for edge in aif["edges"].as_array().into_iter().flatten() {
        into.entry(id(edge.get("toID")))
            .or_default()
            .push(id(edge.get("fromID")));
    }
    let is = |n: &str, t: &str| kind.get(n).is_some_and(|k| k == t);
    order
        .iter()
        .map(|i| {
            into.get(i)
                .into_iter()
                .flatten()
                .any(|ya| is(ya, "YA") && into.get(ya).into_iter().flatten().any(|l| is(l, "L")))
        })
        .collect()
}

#[test]
fn every_aif_file_imports_with_its_quotes() {
    let Some(dir) = interop("aif") else { return };
    let (mut anchored, mut quoted) = (0usize, 0usize);
    println!(
        "| file | I-nodes | boxes | arrows | sources | spans | anchored I-nodes quoted | skipped |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for file in files_ending(&dir, ".json") {
        let loaded = io::read_file(&file, Some(Format::Aif)).unwrap_or_else(|e| panic!("{e}"));
        let warnings = loaded.warnings.len();
        let map = files::settle(loaded);
        assert_checks_clean(&map, &file);
        let doc: Value =
            serde_json::from_slice(&std::fs::read(&file).expect("reads")).expect("json");
        let anchors = anchored_i_nodes(&doc);
        assert_eq!(
            anchors.len(),
            map.nodes.len(),
            "{}: one box per I-node",
            file.display()
        );
        let (mut a, mut q) = (0, 0);
        for (i, has_anchor) in anchors.iter().enumerate() {
            let node = &map.nodes[&NodeId(i as u64 + 1)];
            if *has_anchor {
                a += 1;
                q += usize::from(!node.spans.is_empty());
            }
        }
        anchored += a;
        quoted += q;
        let spans: usize = map.nodes.values().map(|n| n.spans.len()).sum();
        println!(
            "| {} | {} | {} | {} | {} | {spans} | {q} of {a} | {warnings} |",
            file.file_name().unwrap_or_default().to_string_lossy(),
            anchors.len(),
            map.nodes.len(),
            map.edges.len(),
            map.sources.len(),
        );
        assert!(
            q * 10 >= a * 9,
            "{}: {q} of {a} anchored I-nodes quoted",
            file.display()
        );
    }
    println!("anchored I-nodes quoted: {quoted} of {anchored}");
    assert!(anchored > 0 && quoted * 10 >= anchored * 9);
}

#[test]
fn qt30_maps_carry_their_transcript_with_speakers() {
    let Some(dir) = interop("aif") else { return };
    let map = files::open(&dir.join("qt30-nodeset23515.json"), Some(Format::Aif))
        .expect("opens")
        .map;
    let transcript = map
        .sources
        .values()
        .find(|s| s.title == "Transcript")
        .expect("a transcript");
    assert!(
        transcript
            .text
            .starts_with("Emily Thornberry : We had a million homes"),
        "{}",
        &transcript.text[..80]
    );
    let node = map
        .nodes
        .values()
        .find(|n| n.text.starts_with("we had a million homes"))
        .expect("box");
    assert_eq!(
        node.spans.first().map(|s| s.quote.as_str()),
        Some(
            "We had a million homes built in the last few years that haven't been properly insulated"
        )
    );
}

#[test]
fn ova3_highlights_become_spans_of_the_analysed_text() {
    let Some(dir) = interop("aif") else { return };
    let map = files::open(
        &dir.join("ova3-rebut_undercut-papa.json"),
        Some(Format::Aif),
    )
    .expect("opens")
    .map;
    let source = map.sources.values().next().expect("a source");
    assert_eq!(source.title, "Analysed text");
    assert!(
        source.text.starts_with("A because B.\n"),
        "{:?}",
        source.text
    );
    let quotes: BTreeSet<&str> = map
        .nodes
        .values()
        .flat_map(|n| &n.spans)
        .map(|s| s.quote.as_str())
        .collect();
    assert_eq!(
        quotes,
        BTreeSet::from(["A", "B", "Those are totally unrelated", "not B"])
    );
    assert_eq!(
        map.edges
            .values()
            .filter(|e| e.kind == EdgeKind::Undercuts)
            .count(),
        1
    );
    assert!(
        map.nodes
            .values()
            .all(|n| n.pos != argmap::model::Point::default()),
        "OVA positions kept"
    );
}

/// Words for comparing texts: Argdown's reference keeps tags in a
/// statement's text; Argmap keeps them as tags.
fn words(text: &str) -> String {
    let mut out = Vec::new();
    let mut in_tag = false;
    for word in text.split_whitespace() {
        if word.starts_with("#(") {
            in_tag = !word.ends_with(')');
            continue;
        }
        if in_tag {
            in_tag = !word.ends_with(')');
            continue;
        }
        if word.starts_with('#') && word.len() > 1 {
            continue;
        }
        out.push(word);
    }
    out.join(" ")
}

/// The boxes an Argdown element may have become, by the notes and texts
/// the importer gives them.
fn boxes_of(map: &Map, reference: &Value, kind: &str, title: &str) -> Vec<NodeId> {
    let (open, close) = if kind == "argument" {
        ("<", ">")
    } else {
        ("[", "]")
    };
    let named = format!("{open}{title}{close}");
    let mut found: Vec<NodeId> = map
        .nodes
        .values()
        .filter(|n| {
            n.notes
                .lines()
                .any(|l| l == named || l.starts_with(&format!("{named}: ")))
        })
        .map(|n| n.id)
        .collect();
    if kind != "argument" {
        let texts: Vec<String> = reference["statements"][title]["members"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| m["text"].as_str())
            .map(words)
            .collect();
        found.extend(
            map.nodes
                .values()
                .filter(|n| texts.contains(&n.text) || n.text == title)
                .map(|n| n.id),
        );
    }
    found
}

#[test]
fn every_argdown_file_the_reference_reads_comes_in_whole() {
    let Some(dir) = interop("argdown") else {
        return;
    };
    for file in files_ending(&dir, ".argdown") {
        let name = file
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let expected = dir.join("expected-json").join(format!("{name}.json"));
        let loaded = io::read_file(&file, None);
        if !expected.exists() {
            if name == "argdown-core-test-lexer-argument" {
                // Accepted by the parser; only the CLI's YAML reading of its data fails.
                assert!(loaded.is_ok(), "{name}");
                continue;
            }
            let error = loaded.expect_err(&format!("{name}: the reference refuses it"));
            let line = error.to_string();
            assert!(
                line.contains(".argdown:")
                    && line
                        .split(':')
                        .nth(2)
                        .is_some_and(|c| c.trim().parse::<usize>().is_ok()),
                "{line}"
            );
            continue;
        }
        let map = files::settle(loaded.unwrap_or_else(|e| panic!("{e}")));
        assert_checks_clean(&map, &file);
        let reference: Value =
            serde_json::from_slice(&std::fs::read(&expected).expect("reads")).expect("json");
        for (title, statement) in reference["statements"].as_object().into_iter().flatten() {
            let with_text = statement["members"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|m| m["text"].is_string());
            let found = boxes_of(&map, &reference, "statement", title);
            assert!(
                !found.is_empty() || !with_text && title.starts_with("Untitled"),
                "{name}: statement [{title}] is missing"
            );
        }
        for title in reference["arguments"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(t, _)| t)
        {
            if !title.starts_with("Untitled") {
                assert!(
                    !boxes_of(&map, &reference, "argument", title).is_empty(),
                    "{name}: argument <{title}> is missing"
                );
            }
        }
        for relation in reference["relations"].as_array().into_iter().flatten() {
            assert_relation(&map, &reference, relation, &name);
        }
    }
}

fn assert_relation(map: &Map, reference: &Value, relation: &Value, name: &str) {
    let end = |key: &str, kind_key: &str| {
        let kind = if relation[kind_key] == "argument" {
            "argument"
        } else {
            "statement"
        };
        boxes_of(
            map,
            reference,
            kind,
            relation[key].as_str().unwrap_or_default(),
        )
    };
    let (from, to) = (end("from", "fromType"), end("to", "toType"));
    let kind = relation["relationType"].as_str().unwrap_or_default();
    if from.iter().any(|f| to.contains(f)) {
        return; // an argument and its own conclusion
    }
    let lands_on = |target: Target| match target {
        Target::Node(n) => to.contains(&n),
        Target::Edge(e) => map
            .edges
            .get(&e)
            .and_then(argmap::model::Edge::target_node)
            .is_some_and(|n| to.contains(&n)),
    };
    let reversed = kind == "contradictory";
    let found = map.edges.values().any(|e| {
        let forward = from.contains(&e.from) && lands_on(e.to);
        let backward =
            reversed && to.contains(&e.from) && e.target_node().is_some_and(|n| from.contains(&n));
        let kind_fits = match kind {
            "support" | "entails" => e.kind == EdgeKind::Supports,
            _ => e.kind != EdgeKind::Supports,
        };
        (forward || backward) && kind_fits
    });
    assert!(
        found,
        "{name}: relation {} {kind} {} is missing",
        relation["from"], relation["to"]
    );
}

#[test]
fn an_argdown_include_reads_beside_the_document_only() {
    let Some(dir) = interop("argdown") else {
        return;
    };
    let map = files::open(&dir.join("cli-include/include-test.argdown"), None)
        .expect("opens")
        .map;
    let texts: BTreeSet<&str> = map.nodes.values().map(|n| n.text.as_str()).collect();
    for line in [
        "First line of main file",
        "First line of partial1",
        "First line of partial2",
        "Second line of main file",
    ] {
        assert!(texts.contains(line), "{line}: {texts:?}");
    }
    let folder = tempfile::tempdir().expect("temp");
    let hostile = folder.path().join("outside.argdown");
    std::fs::write(&hostile, "[A]: a\n@include(../../etc/hostname)\n").expect("writes");
    let refused = files::open(&hostile, None)
        .expect_err("refused")
        .to_string();
    assert!(
        refused.contains("outside.argdown:2:1: @include"),
        "{refused}"
    );
}

#[test]
fn every_kialo_export_imports_as_a_tree_with_its_links() {
    let Some(dir) = interop("other") else { return };
    for file in files_ending(&dir, ".txt") {
        let text = std::fs::read_to_string(&file).expect("reads");
        let claims = text
            .lines()
            .filter(|l| {
                l.split_once(". ")
                    .is_some_and(|(n, _)| !n.contains('.') && n.parse::<u32>().is_ok())
            })
            .count();
        let lines = text
            .lines()
            .filter(|l| l.contains(". Pro: ") || l.contains(". Con: "))
            .count();
        let see_lines = text.lines().filter(|l| l.contains(": -> See ")).count();
        let loaded = io::read_file(&file, None).unwrap_or_else(|e| panic!("{e}"));
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let map = files::settle(loaded);
        assert_checks_clean(&map, &file);
        assert_eq!(
            map.nodes.len(),
            claims + lines - see_lines,
            "{}",
            file.display()
        );
        assert!(
            map.edges.len() <= lines && map.edges.len() + see_lines >= lines,
            "{}",
            file.display()
        );
        assert!(!map.title.is_empty() && !map.nodes.values().any(|n| n.text.contains("\\(")));
    }
}
