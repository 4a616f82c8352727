//! Atomic writes: a temporary file in the same folder, then a rename. A crash
//! or an error mid-write never leaves a truncated file where the old one was.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Writes `path` through `write`, atomically. If `write` fails, the old file
/// stays as it was and the temporary file is removed.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    remove_stale_temps(path);
    let temp = temp_path(path)?;
    let result = write_then_rename(path, &temp, write);
    if result.is_err() {
        let _ = fs::remove_file(&temp); // best effort; the error that matters is `result`
    }
    result
}

fn write_then_rename(
    path: &Path,
    temp: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    if let Ok(old) = fs::metadata(path) {
        file.set_permissions(old.permissions())?;
    }
    let mut out = BufWriter::new(file);
    write(&mut out)?;
    let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp, path)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Make the rename itself durable; not every platform can open a folder.
        if let Ok(dir) = File::open(dir) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

/// Removes temporary files beside `path` left by saves whose process died
/// mid-write (killed, or the machine lost power): `.name.<pid>.<n>.tmp`
/// of a process that no longer runs. Where that cannot be told (no
/// `/proc`), nothing is removed.
fn remove_stale_temps(path: &Path) {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let procs = Path::new("/proc");
    if !procs.join("self").exists() {
        return;
    }
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let Some(middle) = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Some(pid) = middle.split('.').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid != std::process::id() && !procs.join(pid.to_string()).exists() {
            // Best effort: another save may have removed it first.
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A fresh name beside `path`: `.name.<pid>.<n>.tmp`.
fn temp_path(path: &Path) -> io::Result<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path names no file",
        ));
    };
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp_name = format!(".{}.{}.{n}.tmp", name.to_string_lossy(), std::process::id());
    Ok(path.with_file_name(temp_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_write_leaves_old_file_and_no_temp() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("map.ron");
        fs::write(&path, "old contents").expect("write");
        let result = write_atomic(&path, |out| {
            out.write_all(b"half of the new")?;
            Err(io::Error::other("disk full"))
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&path).expect("read"), "old contents");
        let left: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "temporary file was not cleaned up");
    }

    #[test]
    fn write_replaces_whole_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("map.ron");
        fs::write(&path, "a much longer old contents").expect("write");
        write_atomic(&path, |out| out.write_all(b"new")).expect("write");
        assert_eq!(fs::read_to_string(&path).expect("read"), "new");
    }

    #[test]
    fn temporary_files_of_dead_saves_are_cleared_by_the_next_save() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("map.ron");
        // pid 0 never names a process that wrote a file; ours is alive.
        let dead = dir.path().join(".map.ron.0.7.tmp");
        let alive = dir
            .path()
            .join(format!(".map.ron.{}.99.tmp", std::process::id()));
        let other = dir.path().join(".other.ron.0.1.tmp");
        for file in [&dead, &alive, &other] {
            fs::write(file, "half a map").expect("write");
        }
        write_atomic(&path, |out| out.write_all(b"new")).expect("write");
        if Path::new("/proc/self").exists() {
            assert!(!dead.exists(), "a dead save's leftover is removed");
        }
        assert!(alive.exists(), "a running save's file is left alone");
        assert!(other.exists(), "another file's leftovers are left alone");
    }

    #[test]
    fn write_into_missing_folder_fails_cleanly() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("no such folder").join("map.ron");
        assert!(write_atomic(&path, |out| out.write_all(b"x")).is_err());
    }
}
