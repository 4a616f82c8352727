//! The one table of file formats: what each is called, the file endings
//! it goes by, whether Argmap reads and writes it, and what of a map it
//! cannot carry. The command line (`convert`, `export`, `formats`) and the
//! window (Open, Export, drag-and-drop) all look formats up here.

use crate::model::Map;
use std::path::Path;

/// A format maps are read from or written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// The native format: RON, everything kept.
    Ron,
    /// JSON with the RON file's structure: everything kept.
    Json,
    /// AIF JSON, as OVA, `AIFdb` and arguebuf read and write it.
    Aif,
    /// Argdown text.
    Argdown,
    /// Kialo's text export of a discussion.
    Kialo,
    /// Graphviz DOT.
    Dot,
    /// The debater's brief as Markdown.
    Outline,
    /// The debater's brief as one HTML page.
    Html,
    /// A picture, drawn as the canvas draws.
    Png,
    /// A vector picture, drawn as the canvas draws.
    Svg,
}

/// What a format can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatInfo {
    pub format: Format,
    /// The name on the command line (`--format aif`) and in lists.
    pub name: &'static str,
    /// What it is, for people.
    pub label: &'static str,
    /// File endings, lowercase, longest first where one ends another.
    pub extensions: &'static [&'static str],
    pub reads: bool,
    pub writes: bool,
    /// What of a map it cannot carry, as shown in `argmap formats`.
    pub cannot_carry: &'static str,
}

/// Every format, in the order lists show them.
pub const FORMATS: &[FormatInfo] = &[
    FormatInfo {
        format: Format::Ron,
        name: "ron",
        label: "Argmap map (RON)",
        extensions: &["ron"],
        reads: true,
        writes: true,
        cannot_carry: "nothing: the native format",
    },
    FormatInfo {
        format: Format::Json,
        name: "json",
        label: "Argmap map as JSON",
        extensions: &["json"],
        reads: true,
        writes: true,
        cannot_carry: "nothing: the RON file's structure in JSON",
    },
    FormatInfo {
        format: Format::Aif,
        name: "aif",
        label: "AIF (OVA, AIFdb, arguebuf)",
        extensions: &["aif.json", "aif"],
        reads: true,
        writes: true,
        cannot_carry: "notes, tags, pins, folds, assumptions, presentation steps (other tools see only the first source's text; Argmap reads every source and span back)",
    },
    FormatInfo {
        format: Format::Argdown,
        name: "argdown",
        label: "Argdown",
        extensions: &["argdown", "ad"],
        reads: true,
        writes: true,
        cannot_carry: "sources and spans, notes, pins, folds, assumptions, presentation steps, positions",
    },
    FormatInfo {
        format: Format::Kialo,
        name: "kialo",
        label: "Kialo discussion (text export)",
        extensions: &["txt"],
        reads: true,
        writes: false,
        cannot_carry: "read only",
    },
    FormatInfo {
        format: Format::Dot,
        name: "dot",
        label: "Graphviz DOT",
        extensions: &["dot", "gv"],
        reads: false,
        writes: true,
        cannot_carry: "sources and spans, notes, tags, pins, assumptions, undercuts (drawn to the premise)",
    },
    FormatInfo {
        format: Format::Outline,
        name: "outline",
        label: "Debater's brief (Markdown)",
        extensions: &["md"],
        reads: false,
        writes: true,
        cannot_carry: "positions, notes, pins; a brief, not a map",
    },
    FormatInfo {
        format: Format::Html,
        name: "html",
        label: "Debater's brief (HTML, prints on A4)",
        extensions: &["html", "htm"],
        reads: false,
        writes: true,
        cannot_carry: "positions, notes, pins; a brief, not a map",
    },
    FormatInfo {
        format: Format::Png,
        name: "png",
        label: "PNG picture",
        extensions: &["png"],
        reads: false,
        writes: true,
        cannot_carry: "a picture: no map to read back",
    },
    FormatInfo {
        format: Format::Svg,
        name: "svg",
        label: "SVG picture",
        extensions: &["svg"],
        reads: false,
        writes: true,
        cannot_carry: "a picture: no map to read back",
    },
];

impl Format {
    /// This format's row of the table.
    pub fn info(self) -> &'static FormatInfo {
        FORMATS
            .iter()
            .find(|f| f.format == self)
            .unwrap_or(&FORMATS[0])
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The format a command line names.
    pub fn by_name(name: &str) -> Option<Format> {
        let name = name.trim().to_lowercase();
        FORMATS.iter().find(|f| f.name == name).map(|f| f.format)
    }

    /// The format a file's ending names (ignoring case), if any; `.txt` is
    /// Kialo's export.
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        // Longest ending first: `.aif.json` before `.json`.
        let mut best: Option<(usize, Format)> = None;
        for info in FORMATS {
            for ext in info.extensions {
                let ending = format!(".{ext}");
                if name.ends_with(&ending) && best.is_none_or(|(len, _)| ending.len() > len) {
                    best = Some((ending.len(), info.format));
                }
            }
        }
        best.map(|(_, f)| f)
    }

    /// The first file ending, for dialogs and suggested names.
    pub fn extension(self) -> &'static str {
        self.info().extensions.first().copied().unwrap_or("")
    }

    /// Whether a map saved in this format comes back whole: the formats a
    /// window's Save may write without asking.
    pub fn is_lossless(self) -> bool {
        matches!(self, Format::Ron | Format::Json)
    }

    /// Whether this is a picture (drawn by `render`, not written by `io`).
    pub fn is_picture(self) -> bool {
        matches!(self, Format::Png | Format::Svg)
    }
}

/// Every format maps can be read from, for messages: ".ron, .json, …".
pub fn readable_endings() -> String {
    endings(|f| f.reads)
}

/// Every format maps can be written to, for messages.
pub fn writable_endings() -> String {
    endings(|f| f.writes)
}

fn endings(keep: impl Fn(&FormatInfo) -> bool) -> String {
    FORMATS
        .iter()
        .filter(|f| keep(f))
        .filter_map(|f| f.extensions.first())
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What `map` has that `format` cannot carry, as a short list ("3 notes,
/// tags on 5 boxes"); empty when nothing is lost.
pub fn losses(map: &Map, format: Format) -> Vec<String> {
    let count = |n: usize, what: &str| (n > 0).then(|| format!("{what} ({n})"));
    let boxes =
        |f: &dyn Fn(&crate::model::Node) -> bool| map.nodes.values().filter(|n| f(n)).count();
    let notes = count(boxes(&|n| !n.notes.trim().is_empty()), "notes");
    let tags = count(boxes(&|n| !n.tags.is_empty()), "tags");
    let pins = count(boxes(&|n| n.pinned), "pins");
    let folds = count(boxes(&|n| n.collapsed), "folds");
    let assumptions = count(boxes(&|n| n.assumption.is_some()), "assumptions");
    let spans = count(map.nodes.values().map(|n| n.spans.len()).sum(), "spans");
    let sources = count(map.sources.len(), "sources");
    let steps = map.steps.is_some().then(|| "presentation steps".to_owned());
    let lost: Vec<Option<String>> = match format {
        Format::Ron | Format::Json | Format::Png | Format::Svg | Format::Kialo => Vec::new(),
        Format::Aif => vec![notes, tags, pins, folds, assumptions, steps],
        Format::Argdown => vec![sources, spans, notes, pins, folds, assumptions, steps],
        Format::Dot => vec![sources, spans, notes, tags, pins, assumptions],
        Format::Outline | Format::Html => vec![notes, pins],
    };
    lost.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_names_its_format_by_its_longest_ending() {
        let f = |p: &str| Format::from_path(Path::new(p));
        assert_eq!(f("m.RON"), Some(Format::Ron));
        assert_eq!(f("m.aif.json"), Some(Format::Aif));
        assert_eq!(f("m.json"), Some(Format::Json));
        assert_eq!(f("debate.argdown"), Some(Format::Argdown));
        assert_eq!(f("kialo-export.txt"), Some(Format::Kialo));
        assert_eq!(f("brief.md"), Some(Format::Outline));
        assert_eq!(f("m.docx"), None);
        assert_eq!(Format::by_name("AIF"), Some(Format::Aif));
    }

    #[test]
    fn every_format_has_a_name_and_an_ending() {
        for info in FORMATS {
            assert!(!info.name.is_empty() && !info.extensions.is_empty());
            assert_eq!(info.format.info(), info);
            assert!(info.reads || info.writes);
        }
    }
}
