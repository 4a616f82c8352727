//! The core modules never name the window toolkit (ARCHITECTURE.md).

use super::support::root;
use std::fs;
use std::path::Path;

const CORE: [&str; 7] = ["model", "ops", "anchor", "eval", "layout", "io", "render"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn names_window_toolkit(line: &str) -> bool {
    line.split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(|word| matches!(word, "egui" | "eframe" | "egui_kittest" | "rfd"))
}

#[test]
fn core_modules_do_not_name_egui() {
    let mut files = Vec::new();
    for module in CORE {
        rust_files(&root().join("src").join(module), &mut files);
    }
    assert!(!files.is_empty(), "no core files found");
    let offenders: Vec<String> = files
        .iter()
        .flat_map(|file| {
            let text = fs::read_to_string(file).expect("readable source");
            text.lines()
                .enumerate()
                .filter(|(_, line)| names_window_toolkit(line))
                .map(|(n, line)| format!("{}:{}: {line}", file.display(), n + 1))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "core names the window toolkit:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_check_sees_a_mention() {
    assert!(names_window_toolkit("use egui::Ui;"));
    assert!(names_window_toolkit("fn f(ctx: &eframe::Frame)"));
    assert!(!names_window_toolkit("// the legacy_egui_free core"));
}
