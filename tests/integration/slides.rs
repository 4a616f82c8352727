//! Slides (issue 10): one picture per presentation step, each the asked
//! size, the last showing every box; and exports honour folded subtrees.

use super::support::{argmap, path_str, root};
use super::ui_support::*;
use argmap::model::NodeId;
use argmap::ui::dialogs::ScriptedDialogs;
use argmap::ui::document::Document;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use std::fs;

const MAP: &str = "maps/internet-sovereignty.ron";

fn png_size(bytes: &[u8]) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let reader = decoder.read_info().expect("a PNG");
    let info = reader.info();
    (info.width, info.height)
}

fn files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

#[test]
fn png_slides_one_per_step_each_the_asked_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("slides");
    let run = argmap(&[
        "export",
        MAP,
        "--format",
        "png",
        "--steps",
        path_str(&out),
        "--size",
        "800x600",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let map = argmap::io::load(&root().join(MAP)).expect("loads");
    let steps = argmap::layout::steps::shown_steps(&map);
    let written = files(&out);
    assert_eq!(written.len(), steps.len());
    assert!(written[0].ends_with("step-001.png"));
    for file in &written {
        assert_eq!(
            png_size(&fs::read(file).expect("read")),
            (800, 600),
            "{}",
            file.display()
        );
    }
}

#[test]
fn svg_slides_reveal_step_by_step_and_the_last_shows_every_box() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("slides");
    let run = argmap(&["export", MAP, "--format", "svg", "--steps", path_str(&out)]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let written = files(&out);
    let map = argmap::io::load(&root().join(MAP)).expect("loads");
    let shown = |svg: &str| {
        map.nodes
            .keys()
            .filter(|id| svg.contains(&format!("id=\"node-{id}\"")))
            .count()
    };
    let first = fs::read_to_string(&written[0]).expect("read");
    let last = fs::read_to_string(written.last().expect("a slide")).expect("read");
    assert!(first.contains(r#"width="1920" height="1080""#));
    assert_eq!(shown(&first), 1, "the first step shows the first claim");
    assert_eq!(shown(&last), map.nodes.len(), "the last shows every box");
    assert!(first.contains("class=\"new\""), "new boxes are marked");
}

#[test]
fn a_folded_subtree_stays_folded_in_the_picture() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("folded.ron");
    let mut map = argmap::io::load(&root().join(MAP)).expect("loads");
    map.nodes.get_mut(&NodeId(30)).expect("box").collapsed = true;
    argmap::io::save(&map, &path).expect("saves");
    let svg = dir.path().join("folded.svg");
    let run = argmap(&[
        "export",
        path_str(&path),
        "--format",
        "svg",
        "--output",
        path_str(&svg),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = fs::read_to_string(&svg).expect("read");
    let hidden = argmap::model::tree::subtree(&map, NodeId(30));
    for id in &hidden {
        assert!(
            !text.contains(&format!("id=\"node-{id}\"")),
            "box {id} is folded away"
        );
    }
    assert!(
        text.contains(&format!(">+{}</text>", hidden.len())),
        "the badge says how many"
    );
}

#[test]
fn slides_are_exported_from_the_window_into_a_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("lesson-slides");
    let dialogs = ScriptedDialogs {
        export: vec![out.clone()],
        ..ScriptedDialogs::default()
    };
    let doc = Document::open(&root().join(MAP)).expect("opens");
    let steps = argmap::layout::steps::shown_steps(doc.map()).len();
    let mut h = harness_with(doc, dialogs, None);
    press(&mut h, Modifiers::COMMAND, Key::E);
    h.get_by_label_contains("Slides: one SVG per presentation step")
        .click();
    settle(&mut h);
    h.get_by_label("Export…").click();
    for _ in 0..600 {
        h.step();
        if h.state().export_job.is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let status = h.state().status.clone().expect("a report");
    assert!(!status.error, "{}", status.text);
    assert_eq!(files(&out).len(), steps);
}
