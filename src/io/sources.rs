//! Source files on disk: where a map's source lives, and its text now.
//! Every path a map carries is confined to the map's folder
//! ([`super::confined`]): a stranger's map cannot make Argmap read the
//! user's other files.

use super::confined::{RefusedFile, folder_of, read_text_file, read_text_inside, relative_inside};
use crate::model::{Map, Source, SourceId};
use std::path::{Path, PathBuf};

/// A source whose file on disk no longer says what the map's copy says.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangedSource {
    pub source: SourceId,
    pub file: PathBuf,
    pub text: String,
    /// The source's path to keep in the map once updated, relative to the
    /// map's folder; `None` when the file lies outside it.
    pub path: Option<String>,
}

/// A source whose file was not read, and why.
#[derive(Debug)]
pub struct UnreadSource {
    pub source: SourceId,
    pub reason: RefusedFile,
}

impl UnreadSource {
    /// One line: which source, why, and the path it resolved to.
    pub fn line(&self, map: &Map) -> String {
        let title = map
            .sources
            .get(&self.source)
            .map_or("", |s| s.title.as_str());
        format!(
            "source {} \u{201c}{title}\u{201d}: {}",
            self.source, self.reason
        )
    }
}

/// What comparing a map's sources with their files found.
#[derive(Debug, Default)]
pub struct SourceCheck {
    /// Files whose text differs from the map's copy.
    pub changed: Vec<ChangedSource>,
    /// Files that were not read: outside the folder, missing, unfit.
    pub unread: Vec<UnreadSource>,
}

/// Each source of `map` (saved at `map_path`) whose file differs from the
/// map's copy; and the sources whose file was not read, with why. Only files
/// inside the map's folder are read.
pub fn changed_sources(map_path: &Path, map: &Map) -> SourceCheck {
    let folder = folder_of(map_path);
    let mut check = SourceCheck::default();
    for source in map.sources.values() {
        let Some(relative) = source.path.as_deref() else {
            continue;
        };
        match super::confined::resolve_inside(&folder, relative)
            .and_then(|file| read_text_file(&file).map(|text| (file, text)))
        {
            Ok((file, text)) => {
                if *text != *source.text {
                    check.changed.push(ChangedSource {
                        source: source.id,
                        file,
                        text,
                        path: Some(relative.to_owned()),
                    });
                }
            }
            Err(reason) => check.unread.push(UnreadSource {
                source: source.id,
                reason,
            }),
        }
    }
    check
}

/// The source paths of `map` (saved at `map_path`) that would not be read,
/// with why; nothing is read, only looked up.
pub fn refused_source_paths(map_path: &Path, map: &Map) -> Vec<UnreadSource> {
    let folder = folder_of(map_path);
    map.sources
        .values()
        .filter_map(|source| {
            let relative = source.path.as_deref()?;
            super::confined::resolve_inside(&folder, relative)
                .err()
                .map(|reason| UnreadSource {
                    source: source.id,
                    reason,
                })
        })
        .collect()
}

/// `source`'s new text from a file the user picked themselves: read
/// wherever it is. Kept as the source's path only if it lies inside the
/// map's folder.
pub fn picked_source_file(
    map_path: Option<&Path>,
    source: SourceId,
    file: &Path,
) -> Result<ChangedSource, RefusedFile> {
    let text = read_text_file(file)?;
    Ok(ChangedSource {
        source,
        file: file.to_path_buf(),
        text,
        path: map_path.and_then(|m| relative_inside(&folder_of(m), file)),
    })
}

/// The text of the source file `relative` names beside the map at `map_path`.
pub fn read_source_text(map_path: &Path, relative: &str) -> Result<String, RefusedFile> {
    read_text_inside(&folder_of(map_path), relative)
}

/// A source made from a text file the user picked: its title from the
/// first line (or the file name); its path relative to the map's folder
/// when it lies inside it (otherwise none: a map never points outside its
/// folder).
pub fn source_from_file(
    id: SourceId,
    file: &Path,
    map_path: Option<&Path>,
) -> Result<Source, RefusedFile> {
    let text = read_text_file(file)?;
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
    let path = map_path.and_then(|m| relative_inside(&folder_of(m), file));
    Ok(Source {
        id,
        title,
        path,
        text: text.into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn a_source_file_is_found_from_the_maps_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir_all(dir.path().join("maps/sources")).expect("mkdir");
        let file = dir.path().join("maps/sources/a.txt");
        fs::write(&file, "\u{feff}# The title\nbody").expect("write");
        let map_path = dir.path().join("maps/m.ron");
        let source = source_from_file(SourceId(1), &file, Some(&map_path)).expect("reads");
        assert_eq!(source.title, "The title");
        assert_eq!(source.path.as_deref(), Some("sources/a.txt"));
        assert_eq!(&*source.text, "# The title\nbody");
        assert_eq!(
            read_source_text(&map_path, "sources/a.txt").expect("reads"),
            *source.text
        );
    }

    #[test]
    fn a_file_picked_outside_the_folder_keeps_no_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir_all(dir.path().join("maps")).expect("mkdir");
        let file = dir.path().join("elsewhere.txt");
        fs::write(&file, "words").expect("write");
        let map_path = dir.path().join("maps/m.ron");
        let source = source_from_file(SourceId(1), &file, Some(&map_path)).expect("reads");
        assert_eq!(source.path, None);
        assert_eq!(&*source.text, "words");
    }

    #[test]
    fn a_hostile_path_is_reported_and_not_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir_all(dir.path().join("maps")).expect("mkdir");
        fs::write(dir.path().join("key.txt"), "secret").expect("write");
        let mut map = Map::new("m");
        map.sources.insert(
            SourceId(1),
            Source {
                id: SourceId(1),
                title: "Innocent".into(),
                path: Some("../key.txt".into()),
                text: "old".into(),
            },
        );
        let check = changed_sources(&dir.path().join("maps/m.ron"), &map);
        assert!(check.changed.is_empty(), "the file was not read");
        assert_eq!(check.unread.len(), 1);
        assert!(check.unread[0].reason.is_outside());
        let line = check.unread[0].line(&map);
        assert!(
            line.contains("Innocent") && line.contains("key.txt"),
            "{line}"
        );
    }
}
