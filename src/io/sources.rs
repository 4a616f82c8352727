//! Source files on disk: where a map's source lives, and its text now.

use crate::model::{Map, Source, SourceId};
use std::path::{Path, PathBuf};

/// The file a source was read from, resolved against the map's folder.
pub fn source_file(map_path: &Path, source: &Source) -> Option<PathBuf> {
    let relative = source.path.as_deref()?;
    let folder = map_path.parent().unwrap_or_else(|| Path::new(""));
    Some(folder.join(relative))
}

/// The text of a source file: UTF-8, without a byte-order mark.
pub fn read_source_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 text (byte {} is not valid); save it as UTF-8",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text))
}

/// A source whose file on disk no longer says what the map's copy says.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangedSource {
    pub source: SourceId,
    pub file: PathBuf,
    pub text: String,
}

/// Each source of `map` (saved at `map_path`) whose file differs from the
/// map's copy; and the sources whose file could not be read, with why.
pub fn changed_sources(map_path: &Path, map: &Map) -> (Vec<ChangedSource>, Vec<String>) {
    let mut changed = Vec::new();
    let mut unreadable = Vec::new();
    for source in map.sources.values() {
        let Some(file) = source_file(map_path, source) else {
            continue;
        };
        match read_source_text(&file) {
            Ok(text) if text != source.text => changed.push(ChangedSource {
                source: source.id,
                file,
                text,
            }),
            Ok(_) => {}
            Err(e) => unreadable.push(e),
        }
    }
    (changed, unreadable)
}

/// A source made from a text file: its title from the first line (or the
/// file name), its path relative to the map's folder when it has one.
pub fn source_from_file(
    id: SourceId,
    file: &Path,
    map_path: Option<&Path>,
) -> Result<Source, String> {
    let text = read_source_text(file)?;
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| {
            l.trim_start_matches('#')
                .trim()
                .chars()
                .take(80)
                .collect::<String>()
        })
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| {
            file.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
    let path =
        map_path.and_then(|m| relative_path(m.parent().unwrap_or_else(|| Path::new("")), file));
    Ok(Source {
        id,
        title,
        path: path.or_else(|| Some(file.to_string_lossy().into_owned())),
        text,
    })
}

/// `file` relative to `folder`, with `..` steps where needed, in `/` form.
fn relative_path(folder: &Path, file: &Path) -> Option<String> {
    let folder = std::fs::canonicalize(folder).ok()?;
    let file = std::fs::canonicalize(file).ok()?;
    let common = folder
        .components()
        .zip(file.components())
        .take_while(|(a, b)| a == b)
        .count();
    let ups = folder.components().count() - common;
    let mut parts: Vec<String> = std::iter::repeat_n("..".to_owned(), ups).collect();
    parts.extend(
        file.components()
            .skip(common)
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_file_is_found_from_the_maps_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("maps")).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("seeds")).expect("mkdir");
        let file = dir.path().join("seeds/a.txt");
        std::fs::write(&file, "\u{feff}# The title\nbody").expect("write");
        let map_path = dir.path().join("maps/m.ron");
        let source = source_from_file(SourceId(1), &file, Some(&map_path)).expect("reads");
        assert_eq!(source.title, "The title");
        assert_eq!(source.path.as_deref(), Some("../seeds/a.txt"));
        assert_eq!(source.text, "# The title\nbody");
        assert_eq!(
            source_file(&map_path, &source).map(|p| std::fs::read_to_string(p).is_ok()),
            Some(true)
        );
    }
}
