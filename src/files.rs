//! Opening and exporting map files, for the command line and the window
//! alike. `io` reads and writes text and nothing else; here a map read
//! without positions is laid out (`layout`), and a picture is drawn
//! (`render`), so that every format of [`io::FORMATS`] opens and exports
//! the same way wherever it is asked for.

use crate::io::{self, Format, LoadError, Loaded, Problem};
use crate::model::Map;
use crate::render::export::{ExportError, ImageFormat, ImageOptions, export_image};
use std::path::Path;
use thiserror::Error;

/// A map opened from a file.
#[derive(Debug)]
pub struct Opened {
    pub map: Map,
    /// The format it was read as: a map from a foreign format is saved as
    /// `.ron`, never back over the file it came from.
    pub format: Format,
    /// What did not stop it from opening: orphaned spans, skipped parts.
    pub warnings: Vec<Problem>,
}

/// Reads the map at `path` as `from`, or as its ending says, and lays out
/// the boxes the file gave no position.
pub fn open(path: &Path, from: Option<Format>) -> Result<Opened, LoadError> {
    let format =
        from.or_else(|| Format::from_path(path))
            .ok_or_else(|| LoadError::UnknownFormat {
                path: path.to_owned(),
            })?;
    let loaded = io::read_file(path, Some(format))?;
    let warnings = loaded.warnings.clone();
    let format = loaded.format;
    Ok(Opened {
        map: settle(loaded),
        format,
        warnings,
    })
}

/// Whether a file dropped on the window is a map to open rather than a
/// text to quote: its ending names a format Argmap reads, and a `.txt`
/// starts as a Kialo export does.
pub fn opens_as_map(path: &Path) -> bool {
    match Format::from_path(path) {
        Some(Format::Kialo) => {
            let mut head = [0u8; 256];
            let read = std::fs::File::open(path)
                .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
                .unwrap_or(0);
            let text = String::from_utf8_lossy(head.get(..read).unwrap_or_default());
            text.trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with("Discussion Title:")
        }
        Some(format) => format.info().reads,
        None => false,
    }
}

/// A map from file text, laid out where the text gave no positions.
pub fn open_text(text: &str, format: Format) -> Result<Map, Vec<Problem>> {
    io::read_str(text, format).map(settle)
}

/// The map of `loaded` with every box placed: all laid out when none had
/// a position, the unplaced ones set beside the rest otherwise.
pub fn settle(loaded: Loaded) -> Map {
    let Loaded {
        mut map, unplaced, ..
    } = loaded;
    if unplaced.is_empty() {
        return map;
    }
    if unplaced.len() == map.nodes.len() {
        let sizes = crate::render::estimated_sizes(&map);
        for (id, pos) in crate::layout::layout(&map, &sizes, crate::layout::Scope::All) {
            if let Some(node) = map.nodes.get_mut(&id) {
                node.pos = pos;
            }
        }
    } else {
        crate::layout::place_unplaced(&mut map, &unplaced);
    }
    map
}

/// An export that could not be made.
#[derive(Debug, Error)]
pub enum ExportFailure {
    #[error("{0}")]
    Encode(#[from] io::EncodeError),
    #[error("{0}")]
    Picture(#[from] ExportError),
    #[error("{0} files cannot be written")]
    NotWritable(&'static str),
}

/// One file of an export: its tile (row, column) when a picture is cut
/// into tiles, and its bytes.
pub type ExportedBytes = (Option<(u32, u32)>, Vec<u8>);

/// The bytes of `map` in `format`: text for the text formats, a picture
/// (perhaps in tiles) for PNG and SVG.
pub fn export(
    map: &Map,
    format: Format,
    picture: &ImageOptions,
    progress: &mut dyn FnMut(f32, &str),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<Vec<ExportedBytes>, ExportFailure> {
    if !format.info().writes {
        return Err(ExportFailure::NotWritable(format.info().label));
    }
    let image = match format {
        Format::Png => ImageFormat::Png,
        Format::Svg => ImageFormat::Svg,
        _ => return Ok(vec![(None, io::to_text(map, format)?.into_bytes())]),
    };
    Ok(export_image(map, image, picture, progress, cancelled)?
        .into_iter()
        .map(|f| (f.tile, f.bytes))
        .collect())
}

/// The one line that says what `format` left out of `map`, if anything.
pub fn loss_note(map: &Map, format: Format) -> Option<String> {
    let lost = io::losses(map, format);
    (!lost.is_empty()).then(|| {
        format!(
            "{} cannot carry everything; left out: {}",
            format.info().label,
            lost.join(", ")
        )
    })
}
