//! Saving into a full or read-only folder (issue 8): one clear line, the
//! old file whole, no temporary file left. The folder is a tiny tmpfs
//! mounted in a mount namespace of the test's own (`unshare`), so nothing
//! on the machine is touched and no clean-up is needed.

use super::support::root;
use std::path::Path;
use std::process::{Command, Output};

/// Runs `script` under `sh` in a private mount namespace, as root in it.
/// `None` where the system allows no namespaces (then the test says so).
fn in_mount_namespace(script: &str, env: &[(&str, &Path)]) -> Option<Output> {
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    let mut args = vec!["--mount"];
    if !as_root {
        args.extend(["--user", "--map-root-user"]);
    }
    let probe = Command::new("unshare")
        .args(&args)
        .args(["sh", "-c", "mount -t tmpfs tmpfs /mnt"])
        .output()
        .ok()?;
    if !probe.status.success() {
        return None;
    }
    let mut command = Command::new("unshare");
    command.args(&args).args(["sh", "-c", script]);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().ok()
}

const SCRIPT: &str = r#"
set -u
mount -t tmpfs -o size=64k tmpfs "$DIR"
cp "$OLD" "$DIR/map.ron"
[ "$MODE" = readonly ] && mount -o remount,ro "$DIR"
"$ARGMAP" convert "$BIG" "$DIR/map.ron" 2>"$ERR"
echo "exit=$?"
cmp -s "$OLD" "$DIR/map.ron" && echo "old file whole"
echo "files: $(ls -A "$DIR" | tr '\n' ' ')"
"#;

fn save_fails_cleanly(mode: &str, expected: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mount = dir.path().join("folder");
    std::fs::create_dir_all(&mount).expect("mkdir");
    let big = dir.path().join("big.ron");
    argmap::io::save(&argmap::model::synthetic_map(400), &big).expect("saves");
    let err = dir.path().join("stderr.txt");
    let old = root().join("tests/good/small.ron");
    let argmap = Path::new(env!("CARGO_BIN_EXE_argmap"));
    let env = [
        ("DIR", mount.as_path()),
        ("OLD", old.as_path()),
        ("BIG", big.as_path()),
        ("ERR", err.as_path()),
        ("ARGMAP", argmap),
        ("MODE", Path::new(mode)),
    ];
    let Some(out) = in_mount_namespace(SCRIPT, &env) else {
        eprintln!("skipped: this system allows no mount namespace (unshare), so no tmpfs");
        return;
    };
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("exit=1"), "{said}");
    assert!(said.contains("old file whole"), "{said}");
    assert!(
        said.contains("files: map.ron \n"),
        "no temporary file left: {said}"
    );
    let message = std::fs::read_to_string(&err).expect("stderr");
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains(expected), "{message}");
    assert!(message.contains("map.ron"), "{message}");
}

#[test]
fn saving_into_a_full_folder_is_one_line_and_keeps_the_old_file() {
    save_fails_cleanly("full", "No space left on device");
}

#[test]
fn saving_into_a_read_only_folder_is_one_line_and_keeps_the_old_file() {
    save_fails_cleanly("readonly", "Read-only file system");
}
