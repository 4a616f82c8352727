//! Files a map refers to, confined to the map's folder. A map is input from
//! a stranger: a path it carries resolves only inside the folder the map
//! is in (relative, no `..` out of it, no symlink leading out), names a
//! regular file, and is not too big; otherwise it is refused, with the path
//! it resolved to, and nothing is read.

use std::fs::File;
use std::io::Read as _;
use std::path::{Component, Path, PathBuf};
use thiserror::Error;

/// Text files larger than this are refused before they are read.
pub const MAX_TEXT_BYTES: u64 = 256 * 1024 * 1024;

/// Why a file a map refers to was not read. Displays as one line that ends
/// with the path it resolved to.
#[derive(Debug, Error)]
pub enum RefusedFile {
    #[error("the path {path:?} is absolute; a map may only name files inside its own folder, so it was not read: {}", resolved.display())]
    Absolute { path: String, resolved: PathBuf },
    #[error("the path {path:?} leads out of the map's folder, so it was not read: {}", resolved.display())]
    Escapes { path: String, resolved: PathBuf },
    #[error("the path {path:?} is a link that leads out of the map's folder, so it was not read: {}", resolved.display())]
    LinksOut { path: String, resolved: PathBuf },
    #[error("the path {path:?} is empty")]
    Empty { path: String },
    #[error("not a regular file, so it was not read: {}", resolved.display())]
    NotAFile { resolved: PathBuf },
    #[error("the file is {size} bytes; text files over {limit} bytes are refused: {}", resolved.display())]
    TooLarge {
        resolved: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("not UTF-8 text (byte {at} is not valid); save it as UTF-8: {}", resolved.display())]
    NotUtf8 { resolved: PathBuf, at: usize },
    #[error("cannot read it ({source}): {}", resolved.display())]
    Read {
        resolved: PathBuf,
        source: std::io::Error,
    },
}

impl RefusedFile {
    /// Whether the path itself breaks the folder rule (as opposed to a file
    /// inside the folder that is missing, unreadable or unfit).
    pub fn is_outside(&self) -> bool {
        matches!(
            self,
            RefusedFile::Absolute { .. }
                | RefusedFile::Escapes { .. }
                | RefusedFile::LinksOut { .. }
        )
    }

    /// The path the reference resolved to, if it got that far.
    pub fn resolved(&self) -> Option<&Path> {
        match self {
            RefusedFile::Empty { .. } => None,
            RefusedFile::Absolute { resolved, .. }
            | RefusedFile::Escapes { resolved, .. }
            | RefusedFile::LinksOut { resolved, .. }
            | RefusedFile::NotAFile { resolved }
            | RefusedFile::TooLarge { resolved, .. }
            | RefusedFile::NotUtf8 { resolved, .. }
            | RefusedFile::Read { resolved, .. } => Some(resolved),
        }
    }
}

/// The file `relative` names inside `folder`, checked but not read: the
/// path is relative, does not climb out with `..`, and once every symlink
/// is followed still lies inside `folder`, and names a regular file no
/// larger than [`MAX_TEXT_BYTES`].
pub fn resolve_inside(folder: &Path, relative: &str) -> Result<PathBuf, RefusedFile> {
    let path = relative.to_owned();
    if relative.trim().is_empty() {
        return Err(RefusedFile::Empty { path });
    }
    let asked = Path::new(relative);
    let folder_abs = absolute(folder);
    if asked.has_root() || asked.is_absolute() || starts_with_prefix(asked) {
        return Err(RefusedFile::Absolute {
            path,
            resolved: asked.to_path_buf(),
        });
    }
    // Lexically first: `a/../../x` climbs out even if `a` does not exist.
    let mut inside = PathBuf::new();
    let mut depth = 0usize;
    for part in asked.components() {
        match part {
            Component::Normal(name) => {
                inside.push(name);
                depth += 1;
            }
            Component::CurDir => {}
            Component::ParentDir => {
                if depth == 0 {
                    return Err(RefusedFile::Escapes {
                        path,
                        resolved: normalize(&folder_abs.join(asked)),
                    });
                }
                inside.pop();
                depth -= 1;
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(RefusedFile::Absolute {
                    path,
                    resolved: asked.to_path_buf(),
                });
            }
        }
    }
    let joined = folder_abs.join(&inside);
    let read_error = |source| RefusedFile::Read {
        resolved: joined.clone(),
        source,
    };
    // Then on disk: every symlink followed, the file must still be inside.
    let real_folder = std::fs::canonicalize(&folder_abs).map_err(read_error)?;
    let real = std::fs::canonicalize(&joined).map_err(read_error)?;
    if !real.starts_with(&real_folder) {
        return Err(RefusedFile::LinksOut {
            path,
            resolved: real,
        });
    }
    check_regular(&real)?;
    Ok(real)
}

/// The text of a file the user picked (or that [`resolve_inside`] allowed):
/// a regular file, at most [`MAX_TEXT_BYTES`], UTF-8, without a BOM.
pub fn read_text_file(path: &Path) -> Result<String, RefusedFile> {
    let resolved = path.to_path_buf();
    check_regular(path)?;
    let read_error = |source| RefusedFile::Read {
        resolved: resolved.clone(),
        source,
    };
    let file = File::open(path).map_err(read_error)?;
    // Checked again on the open file: it may have been swapped meanwhile.
    let meta = file.metadata().map_err(read_error)?;
    if !meta.is_file() {
        return Err(RefusedFile::NotAFile { resolved });
    }
    let mut bytes = Vec::new();
    file.take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(RefusedFile::TooLarge {
            resolved,
            size: meta.len().max(bytes.len() as u64),
            limit: MAX_TEXT_BYTES,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| RefusedFile::NotUtf8 {
        resolved: resolved.clone(),
        at: e.utf8_error().valid_up_to(),
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The text of the file `relative` names inside `folder`; see
/// [`resolve_inside`] for what is refused.
pub fn read_text_inside(folder: &Path, relative: &str) -> Result<String, RefusedFile> {
    read_text_file(&resolve_inside(folder, relative)?)
}

/// `file` as a path relative to `folder` (in `/` form), if it lies inside
/// it once symlinks are followed; `None` for files elsewhere.
pub fn relative_inside(folder: &Path, file: &Path) -> Option<String> {
    let folder = std::fs::canonicalize(absolute(folder)).ok()?;
    let file = std::fs::canonicalize(file).ok()?;
    let rest = file.strip_prefix(&folder).ok()?;
    let parts: Vec<String> = rest
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The folder a map file is in (the current folder for a bare file name).
pub fn folder_of(map_path: &Path) -> PathBuf {
    match map_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn check_regular(path: &Path) -> Result<(), RefusedFile> {
    let meta = std::fs::metadata(path).map_err(|source| RefusedFile::Read {
        resolved: path.to_path_buf(),
        source,
    })?;
    if !meta.is_file() {
        return Err(RefusedFile::NotAFile {
            resolved: path.to_path_buf(),
        });
    }
    if meta.len() > MAX_TEXT_BYTES {
        return Err(RefusedFile::TooLarge {
            resolved: path.to_path_buf(),
            size: meta.len(),
            limit: MAX_TEXT_BYTES,
        });
    }
    Ok(())
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

fn starts_with_prefix(path: &Path) -> bool {
    matches!(path.components().next(), Some(Component::Prefix(_)))
}

/// `path` with `.` and `..` steps worked out on paper (for messages).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir_all(dir.path().join("maps/sub")).expect("mkdir");
        fs::write(dir.path().join("maps/sub/a.txt"), "inside").expect("write");
        fs::write(dir.path().join("secret.txt"), "private").expect("write");
        dir
    }

    #[test]
    fn a_relative_path_inside_the_folder_is_read() {
        let dir = folder();
        let maps = dir.path().join("maps");
        assert_eq!(
            read_text_inside(&maps, "sub/a.txt").expect("reads"),
            "inside"
        );
        assert_eq!(
            read_text_inside(&maps, "./sub/../sub/a.txt").expect("reads"),
            "inside"
        );
    }

    #[test]
    fn an_absolute_path_is_refused_with_its_path() {
        let dir = folder();
        let secret = dir.path().join("secret.txt");
        let error = read_text_inside(&dir.path().join("maps"), &secret.to_string_lossy())
            .expect_err("refused");
        assert!(matches!(error, RefusedFile::Absolute { .. }), "{error}");
        assert!(error.to_string().ends_with(&*secret.to_string_lossy()));
    }

    #[test]
    fn a_dotdot_chain_is_refused_before_the_disk_is_asked() {
        let dir = folder();
        for path in [
            "../secret.txt",
            "sub/../../secret.txt",
            "nope/../../../etc/hostname",
        ] {
            let error = read_text_inside(&dir.path().join("maps"), path).expect_err("refused");
            assert!(
                matches!(error, RefusedFile::Escapes { .. }),
                "{path}: {error}"
            );
            assert!(error.is_outside());
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_out_of_the_folder_is_refused() {
        let dir = folder();
        let link = dir.path().join("maps/link.txt");
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), &link).expect("symlink");
        let error = read_text_inside(&dir.path().join("maps"), "link.txt").expect_err("refused");
        assert!(matches!(error, RefusedFile::LinksOut { .. }), "{error}");
        // A folder link out is caught the same way.
        std::os::unix::fs::symlink(dir.path(), dir.path().join("maps/up")).expect("symlink");
        let error =
            read_text_inside(&dir.path().join("maps"), "up/secret.txt").expect_err("refused");
        assert!(matches!(error, RefusedFile::LinksOut { .. }), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_device_is_refused() {
        let dir = folder();
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("maps/zero")).expect("symlink");
        let error = read_text_inside(&dir.path().join("maps"), "zero").expect_err("refused");
        assert!(error.is_outside(), "{error}");
        // Even a file the user picks must be a regular file.
        let error = read_text_file(Path::new("/dev/zero")).expect_err("refused");
        assert!(matches!(error, RefusedFile::NotAFile { .. }), "{error}");
    }

    #[test]
    fn a_huge_file_is_refused_without_reading_it() {
        let dir = folder();
        let big = fs::File::create(dir.path().join("maps/big.txt")).expect("create");
        big.set_len(2 * 1024 * 1024 * 1024).expect("sparse 2 GB");
        let error = read_text_inside(&dir.path().join("maps"), "big.txt").expect_err("refused");
        assert!(matches!(error, RefusedFile::TooLarge { .. }), "{error}");
    }

    #[test]
    fn a_file_inside_has_a_relative_path_and_one_outside_has_none() {
        let dir = folder();
        let maps = dir.path().join("maps");
        assert_eq!(
            relative_inside(&maps, &maps.join("sub/a.txt")).as_deref(),
            Some("sub/a.txt")
        );
        assert_eq!(relative_inside(&maps, &dir.path().join("secret.txt")), None);
    }
}
