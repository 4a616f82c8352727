//! Which file format a path names, by its extension.

use std::path::Path;

/// A file format Argmap reads or writes maps in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapFormat {
    /// The native format.
    Ron,
    /// JSON with the RON file's structure.
    Json,
    /// AIF JSON, as `OVA` and `AIFdb` read and write it.
    Aif,
}

impl MapFormat {
    /// The format named by `path`'s extension, ignoring case.
    #[expect(
        clippy::case_sensitive_file_extension_comparisons,
        reason = "the name is lowercased first, and double extensions such as .aif.json need suffixes"
    )]
    pub fn from_path(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.ends_with(".ron") {
            Some(MapFormat::Ron)
        } else if name.ends_with(".aif.json") || name.ends_with(".aif") {
            Some(MapFormat::Aif)
        } else if name.ends_with(".json") {
            Some(MapFormat::Json)
        } else {
            None
        }
    }
}

/// For messages: the extensions maps can be read from.
pub const READABLE_EXTENSIONS: &str = ".ron, .json or .aif.json";
/// For messages: the extensions maps can be written to.
pub const WRITABLE_EXTENSIONS: &str = ".ron, .json or .aif.json";
