//! Map files in every format of the table ([`formats`]): reading (RON, JSON,
//! AIF, Argdown, Kialo), writing the text formats, atomic writes, problems
//! placed at line and column. `io` reads and writes and nothing else: it
//! does not lay out; a map read without positions lists the boxes that
//! have none ([`Loaded::unplaced`]) for whoever opens it to place.

pub mod aif;
pub mod argdown;
mod atomic;
pub mod brief;
mod check;
pub mod confined;
mod document;
pub mod dot;
mod error;
pub mod formats;
pub mod fuzz;
mod json_file;
pub mod kialo;
mod kinds;
pub mod locate;
mod ron_file;
mod sources;

pub use atomic::write_atomic;
pub use confined::RefusedFile;
pub use document::{CURRENT_VERSION, FORMAT_NAME};
pub use error::{EncodeError, LoadError, Problem, SaveError};
pub use formats::{FORMATS, Format, FormatInfo, losses, readable_endings, writable_endings};
pub use sources::{
    ChangedSource, SourceCheck, UnreadSource, changed_sources, picked_source_file,
    read_source_text, refused_source_paths, source_from_file,
};

use crate::model::{Map, NodeId};
use document::{Document, Header};
use locate::{Step, locate, position_of};
use std::path::Path;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// A map as read from a file.
#[derive(Debug)]
pub struct Loaded {
    pub map: Map,
    /// Boxes the file gave no position: they wait at the origin for
    /// whoever opens the map to lay them out.
    pub unplaced: Vec<NodeId>,
    /// Things to report that did not stop the map from opening: orphaned
    /// spans, parts of a foreign file that were skipped.
    pub warnings: Vec<Problem>,
    /// What the file was read as: an AIF file named `.json` is AIF.
    pub format: Format,
}

/// Reads the file at `path` as `format`, or as its ending names.
pub fn read_file(path: &Path, format: Option<Format>) -> Result<Loaded, LoadError> {
    let format = format
        .or_else(|| Format::from_path(path))
        .filter(|f| f.info().reads)
        .ok_or_else(|| LoadError::UnknownFormat {
            path: path.to_owned(),
        })?;
    let read_error = |source| LoadError::Read {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    let invalid = |problems| LoadError::Invalid {
        path: path.to_owned(),
        problems,
    };
    let text = utf8(&bytes).map_err(|p| invalid(vec![p]))?;
    if format == Format::Argdown {
        // `@include` reads files beside the document, never outside.
        let folder = confined::folder_of(path);
        let include = |name: &str| confined::read_text_inside(&folder, name);
        return argdown::import(text, &include)
            .map(|l| titled(l, path))
            .map_err(invalid);
    }
    read_str(text, format)
        .map(|l| titled(l, path))
        .map_err(invalid)
}

/// A map imported from a file that gave it no title is called after the
/// file.
fn titled(mut loaded: Loaded, path: &Path) -> Loaded {
    if loaded.map.title.trim().is_empty() && !loaded.format.is_lossless() {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let lower = name.to_lowercase();
        let ending = FORMATS
            .iter()
            .flat_map(|f| f.extensions.iter())
            .filter(|e| lower.ends_with(&format!(".{e}")))
            .max_by_key(|e| e.len());
        let stem = ending.map_or(name.as_str(), |e| {
            name.get(..name.len() - e.len() - 1).unwrap_or(&name)
        });
        stem.clone_into(&mut loaded.map.title);
    }
    loaded
}

/// Reads a map from the bytes of a file.
pub fn read_bytes(bytes: &[u8], format: Format) -> Result<Loaded, Vec<Problem>> {
    read_str(utf8(bytes).map_err(|p| vec![p])?, format)
}

fn utf8(bytes: &[u8]) -> Result<&str, Problem> {
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
        let before = String::from_utf8_lossy(valid);
        let at = position_of(&before, before.len());
        Problem::new(
            Some(at),
            "the file is not UTF-8 text (a map file is RON, JSON or another text format)",
        )
    })
}

/// Reads a map from file text in `format` (an Argdown `@include` is
/// refused: there is no folder to read it from).
pub fn read_str(text: &str, format: Format) -> Result<Loaded, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Problem::at(1, 1, "the file is empty")]);
    }
    match format {
        // AIF files often end in plain `.json`.
        Format::Json if looks_like_aif(text) => aif::import(text),
        Format::Ron | Format::Json => read_native(text, format),
        Format::Aif => aif::import(text),
        Format::Argdown => argdown::import(text, &|name: &str| {
            Err(RefusedFile::Empty {
                path: name.to_owned(),
            })
        }),
        Format::Kialo => kialo::import(text),
        Format::Dot | Format::Outline | Format::Html | Format::Png | Format::Svg => {
            Err(vec![Problem::new(
                None,
                format!("{} files cannot be read", format.info().label),
            )])
        }
    }
}

/// Reads the map at `path`, in the format its ending names. Boxes without
/// a position are left at the origin (see [`Loaded::unplaced`]).
pub fn load(path: &Path) -> Result<Map, LoadError> {
    read_file(path, None).map(|l| l.map)
}

/// Reads the map at `path`, with the warnings about it.
pub fn load_checked(path: &Path) -> Result<(Map, Vec<Problem>), LoadError> {
    read_file(path, None).map(|l| (l.map, l.warnings))
}

/// Reads a map from the bytes of a file.
pub fn parse_bytes(bytes: &[u8], format: Format) -> Result<Map, Vec<Problem>> {
    read_bytes(bytes, format).map(|l| l.map)
}

/// Reads a map from file text.
pub fn parse_str(text: &str, format: Format) -> Result<Map, Vec<Problem>> {
    read_str(text, format).map(|l| l.map)
}

/// A JSON file with no `format` of ours but AIF's `nodeID`s or `AIF` envelope.
fn looks_like_aif(text: &str) -> bool {
    let aif_keys = text.contains("\"nodeID\"") || text.contains("\"AIF\"");
    aif_keys && json_file::parse_header(text).is_ok_and(|h| h.format.is_none())
}

/// RON or JSON, checked: ids, references, spans against their sources.
fn read_native(text: &str, format: Format) -> Result<Loaded, Vec<Problem>> {
    if let Some(problem) = top_level_problem(text, format) {
        return Err(vec![problem]);
    }
    let parsed = match format {
        Format::Ron => ron_file::parse_document(text),
        _ => json_file::parse_document(text),
    };
    let doc = match parsed {
        Ok(doc) => doc,
        Err(problem) => {
            // A newer file may not parse as ours: say so rather than how.
            let header = match format {
                Format::Ron => ron_file::parse_header(text),
                _ => json_file::parse_header(text),
            };
            let header_problem = header.ok().and_then(|h| header_problem(&h, text));
            return Err(vec![header_problem.unwrap_or(problem)]);
        }
    };
    let header = Header {
        format: Some(doc.format.clone()),
        version: Some(doc.version),
    };
    if let Some(problem) = header_problem(&header, text) {
        return Err(vec![problem]);
    }
    let findings = check::document_problems(&doc, text);
    if !findings.errors.is_empty() {
        return Err(findings.errors);
    }
    let (map, unplaced) = doc.into_map();
    Ok(Loaded {
        map,
        unplaced,
        warnings: findings.warnings,
        format,
    })
}

/// A map is one RON struct `( .. )` or one JSON object `{ .. }`; anything
/// else gets a plain message rather than a confusing one from the parser.
fn top_level_problem(text: &str, format: Format) -> Option<Problem> {
    let (open, what) = match format {
        Format::Ron => ('(', "a RON struct, starting with '('"),
        _ => ('{', "a JSON object, starting with '{'"),
    };
    let mut body = text.trim_start();
    // RON files may start with `#![enable(..)]` lines.
    while format == Format::Ron && body.starts_with("#!") {
        let end = body.find(']').map_or(body.len(), |i| i + 1);
        body = body.get(end..).unwrap_or_default().trim_start();
    }
    let first = body.chars().next()?;
    if first == open {
        return None;
    }
    let at = position_of(text, text.len() - body.len());
    Some(Problem::new(
        Some(at),
        format!("a map file is {what}; found {first:?}"),
    ))
}

/// What is wrong with a file's `format` and `version`, if anything.
fn header_problem(header: &Header, text: &str) -> Option<Problem> {
    let at = |key| locate(text, &[Step::Key(key)]);
    match (&header.format, header.version) {
        (Some(format), _) if format != FORMAT_NAME => Some(Problem::new(
            at("format"),
            format!("format is {format:?}; an Argmap map says \"{FORMAT_NAME}\""),
        )),
        (_, Some(version)) if version > CURRENT_VERSION => Some(Problem::new(
            at("version"),
            format!(
                "the map is version {version}, written by a newer Argmap; this one reads version {CURRENT_VERSION}; the file was left unchanged"
            ),
        )),
        (_, Some(0)) => Some(Problem::new(
            at("version"),
            "version 0 was never written by Argmap; versions start at 1",
        )),
        (None, _) => Some(Problem::new(
            None,
            "the file has no `format` field; is it an Argmap map?",
        )),
        (_, None) => Some(Problem::new(None, "the file has no `version` field")),
        _ => None,
    }
}

/// The text of `map` in a text format. The same map always gives the same
/// text.
pub fn to_text(map: &Map, format: Format) -> Result<String, EncodeError> {
    match format {
        Format::Ron => ron_file::write_document(&Document::from_map(map)),
        Format::Json => json_file::write_document(&Document::from_map(map)),
        Format::Aif => Ok(aif::to_aif(map)),
        Format::Argdown => Ok(argdown::to_argdown(map)),
        Format::Dot => Ok(dot::to_dot(map)),
        Format::Outline => Ok(brief::outline(map)),
        Format::Html => Ok(brief::html_page(map)),
        Format::Kialo | Format::Png | Format::Svg => Err(EncodeError::NotText(format.name())),
    }
}

/// Writes `map` to `path` atomically, in the format its ending names.
pub fn save(map: &Map, path: &Path) -> Result<(), SaveError> {
    let format = Format::from_path(path)
        .filter(|f| f.info().writes && !f.is_picture())
        .ok_or_else(|| SaveError::UnknownFormat {
            path: path.to_owned(),
        })?;
    let text = to_text(map, format).map_err(|source| SaveError::Encode {
        path: path.to_owned(),
        source,
    })?;
    write_atomic(path, |out| out.write_all(text.as_bytes())).map_err(|source| SaveError::Write {
        path: path.to_owned(),
        source,
    })
}
