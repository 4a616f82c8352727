//! Map files: RON (native) and JSON, atomic writes, problems with positions.

pub mod aif;
pub mod argdown;
mod atomic;
pub mod brief;
mod check;
pub mod confined;
mod document;
pub mod dot;
mod error;
mod format;
pub mod fuzz;
mod json_file;
pub mod locate;
mod ron_file;
mod sources;

pub use atomic::write_atomic;
pub use confined::RefusedFile;
pub use document::{CURRENT_VERSION, FORMAT_NAME};
pub use error::{LoadError, Problem, SaveError};
pub use format::{MapFormat, READABLE_EXTENSIONS, WRITABLE_EXTENSIONS};
pub use sources::{
    ChangedSource, SourceCheck, UnreadSource, changed_sources, picked_source_file,
    read_source_text, refused_source_paths, source_from_file,
};

use crate::layout::place_unplaced;
use crate::model::Map;
use document::{Document, Header};
use locate::{Step, locate, position_of};
use std::path::Path;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads the map at `path`, in the format its extension names.
pub fn load(path: &Path) -> Result<Map, LoadError> {
    load_checked(path).map(|(map, _warnings)| map)
}

/// Reads the map at `path`, with the warnings about it (orphaned spans):
/// things to report that do not stop the map from opening.
pub fn load_checked(path: &Path) -> Result<(Map, Vec<Problem>), LoadError> {
    let format = MapFormat::from_path(path).ok_or_else(|| LoadError::UnknownFormat {
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
    parse_checked(&bytes, format).map_err(|problems| LoadError::Invalid {
        path: path.to_owned(),
        problems,
    })
}

/// Reads a map from the bytes of a file.
pub fn parse_bytes(bytes: &[u8], format: MapFormat) -> Result<Map, Vec<Problem>> {
    parse_checked(bytes, format).map(|(map, _warnings)| map)
}

/// Reads a map from the bytes of a file, with its warnings.
fn parse_checked(bytes: &[u8], format: MapFormat) -> Result<(Map, Vec<Problem>), Vec<Problem>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
            let before = String::from_utf8_lossy(valid);
            let at = position_of(&before, before.len());
            return Err(vec![Problem::new(
                Some(at),
                "the file is not UTF-8 text (a map file is RON or JSON text)",
            )]);
        }
    };
    parse_text(text, format)
}

/// Reads a map from file text. Nodes without a position are placed.
pub fn parse_str(text: &str, format: MapFormat) -> Result<Map, Vec<Problem>> {
    parse_text(text, format).map(|(map, _warnings)| map)
}

fn parse_text(text: &str, format: MapFormat) -> Result<(Map, Vec<Problem>), Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Problem::at(1, 1, "the file is empty")]);
    }
    if let Some(problem) = top_level_problem(text, format) {
        return Err(vec![problem]);
    }
    if format == MapFormat::Aif {
        let mut map = aif::from_aif(text).map_err(|e| vec![Problem::new(None, e)])?;
        if map
            .nodes
            .values()
            .all(|n| n.pos == crate::model::Point::default())
        {
            lay_out_everything(&mut map);
        }
        return Ok((map, Vec::new()));
    }
    let parsed = match format {
        MapFormat::Ron => ron_file::parse_document(text),
        MapFormat::Json | MapFormat::Aif => json_file::parse_document(text),
    };
    let doc = match parsed {
        Ok(doc) => doc,
        Err(problem) => {
            // A newer file may not parse as ours: say so rather than how.
            let header = match format {
                MapFormat::Ron => ron_file::parse_header(text),
                MapFormat::Json | MapFormat::Aif => json_file::parse_header(text),
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
    let (mut map, unplaced) = doc.into_map();
    if !unplaced.is_empty() && unplaced.len() == map.nodes.len() {
        lay_out_everything(&mut map);
    } else {
        place_unplaced(&mut map, &unplaced);
    }
    Ok((map, findings.warnings))
}

/// A map is one RON struct `( .. )` or one JSON object `{ .. }`; anything
/// else gets a plain message rather than a confusing one from the parser.
fn top_level_problem(text: &str, format: MapFormat) -> Option<Problem> {
    let (open, what) = match format {
        MapFormat::Ron => ('(', "a RON struct, starting with '('"),
        MapFormat::Json | MapFormat::Aif => ('{', "a JSON object, starting with '{'"),
    };
    let mut body = text.trim_start();
    // RON files may start with `#![enable(..)]` lines.
    while format == MapFormat::Ron && body.starts_with("#!") {
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

/// A map read without any positions gets the automatic layout, with box
/// sizes estimated from the text.
fn lay_out_everything(map: &mut Map) {
    let sizes = crate::render::estimated_sizes(map);
    for (id, pos) in crate::layout::layout(map, &sizes, crate::layout::Scope::All) {
        if let Some(node) = map.nodes.get_mut(&id) {
            node.pos = pos;
        }
    }
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

/// The bytes of `map` in `format`. The same map always gives the same text.
pub fn to_text(map: &Map, format: MapFormat) -> Result<String, String> {
    match format {
        MapFormat::Ron => ron_file::write_document(&Document::from_map(map)),
        MapFormat::Json => json_file::write_document(&Document::from_map(map)),
        MapFormat::Aif => Ok(aif::to_aif(map)),
    }
}

/// Writes `map` to `path` atomically, in the format its extension names.
pub fn save(map: &Map, path: &Path) -> Result<(), SaveError> {
    let format = MapFormat::from_path(path).ok_or_else(|| SaveError::UnknownFormat {
        path: path.to_owned(),
    })?;
    let text = to_text(map, format).map_err(|message| SaveError::Encode {
        path: path.to_owned(),
        message,
    })?;
    write_atomic(path, |out| out.write_all(text.as_bytes())).map_err(|source| SaveError::Write {
        path: path.to_owned(),
        source,
    })
}
