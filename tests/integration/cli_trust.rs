//! Hostile maps on the command line (issue 8): a map's source paths never
//! make `reanchor` or `check` read a file outside the map's folder.

use super::support::{argmap, path_str};
use argmap::model::{Map, Source, SourceId};
use std::fs;
use std::path::Path;

/// A folder with a private file beside `maps/`, and a map in `maps/` whose
/// sources point at it every way a stranger might try. Each source's copy
/// differs from what the file says, so reading any would change the map.
fn hostile_setup(dir: &Path) -> std::path::PathBuf {
    let maps = dir.join("maps");
    fs::create_dir_all(&maps).expect("mkdir");
    let secret = dir.join("secret.txt");
    fs::write(&secret, "PRIVATE: the teacher's answers").expect("write");
    let mut paths: Vec<String> = vec![
        secret.to_string_lossy().into_owned(),
        "../secret.txt".into(),
        "notes/../../secret.txt".into(),
        "/dev/zero".into(),
        "/etc/hostname".into(),
        "big.txt".into(),
    ];
    // A 2 GB file inside the folder (sparse: no disk is used).
    let big = fs::File::create(maps.join("big.txt")).expect("create");
    big.set_len(2 * 1024 * 1024 * 1024).expect("sparse");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret, maps.join("link.txt")).expect("symlink");
        std::os::unix::fs::symlink(dir, maps.join("up")).expect("symlink");
        std::os::unix::fs::symlink("/dev/zero", maps.join("zero")).expect("symlink");
        let fifo = std::process::Command::new("mkfifo")
            .arg(maps.join("pipe"))
            .status()
            .expect("mkfifo runs");
        assert!(fifo.success());
        paths.extend(["link.txt", "up/secret.txt", "zero", "pipe"].map(String::from));
    }
    let mut map = Map::new("Homework");
    for (i, path) in paths.into_iter().enumerate() {
        let id = SourceId(i as u64 + 1);
        map.sources.insert(
            id,
            Source {
                id,
                title: format!("Source {}", i + 1),
                path: Some(path),
                text: "What the student pasted.".into(),
            },
        );
    }
    let path = maps.join("homework.ron");
    argmap::io::save(&map, &path).expect("saves");
    path
}

#[test]
fn reanchor_reads_no_file_outside_the_maps_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let map = hostile_setup(dir.path());
    let before = fs::read(&map).expect("read");
    let sources = argmap::io::load(&map).expect("loads").sources.len();
    let out = argmap(&["reanchor", path_str(&map)]);
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), sources, "one line per source:\n{err}");
    for line in &warnings {
        assert!(
            line.contains("was not read") || line.contains("refused"),
            "{line}"
        );
        assert!(line.contains('/'), "the resolved path is named: {line}");
    }
    assert!(err.contains(&*dir.path().join("secret.txt").to_string_lossy()));
    assert_eq!(
        fs::read(&map).expect("read"),
        before,
        "the map is unchanged"
    );
    let text = String::from_utf8_lossy(&before).into_owned();
    assert!(!text.contains("PRIVATE"));
}

#[test]
fn check_names_every_source_path_that_will_not_be_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let map = hostile_setup(dir.path());
    let sources = argmap::io::load(&map).expect("loads").sources.len();
    let out = argmap(&["check", path_str(&map)]);
    assert!(out.status.success(), "the map itself is sound: {out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.lines().filter(|l| l.contains("warning")).count(),
        sources,
        "{err}"
    );
    let ok = String::from_utf8_lossy(&out.stdout);
    assert!(
        ok.contains(&format!("{sources} source files that will not be read")),
        "{ok}"
    );
}
