//! What can go wrong reading or writing a map file.

use super::locate::Position;
use std::fmt;
use std::path::PathBuf;
use thiserror::Error;

/// One thing wrong with a map file, with its place in the file when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub position: Option<Position>,
    pub message: String,
}

impl Problem {
    pub fn new(position: Option<Position>, message: impl Into<String>) -> Self {
        Self {
            position,
            message: message.into(),
        }
    }

    pub fn at(line: usize, column: usize, message: impl Into<String>) -> Self {
        Self::new(Some(Position { line, column }), message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(Position { line, column }) => write!(f, "{line}:{column}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// A map file that could not be read. Displays as one line.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{}: cannot read the file: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the file is {size} bytes; maps over {limit} bytes are refused", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{}: unknown map format; use a file ending in {}", path.display(), super::readable_endings())]
    UnknownFormat { path: PathBuf },
    #[error("{}:{}", path.display(), first_and_count(problems))]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// Every problem on its own `file:line:column: message` line.
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Invalid { path, problems } => problems
                .iter()
                .map(|p| format!("{}:{p}", path.display()))
                .collect(),
            other => vec![other.to_string()],
        }
    }
}

fn first_and_count(problems: &[Problem]) -> String {
    let first = problems.first().map_or_else(
        || " invalid map".to_owned(),
        |p| match p.position {
            Some(_) => p.to_string(),
            None => format!(" {p}"),
        },
    );
    match problems.len() {
        0 | 1 => first,
        2 => format!("{first} (and 1 more problem)"),
        n => format!("{first} (and {} more problems)", n - 1),
    }
}

/// A map that could not be written. The old file, if any, is untouched.
#[derive(Debug, Error)]
pub enum SaveError {
    #[error("{}: cannot write the file: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: unknown map format; use a file ending in {}", path.display(), super::writable_endings())]
    UnknownFormat { path: PathBuf },
    #[error("{}: cannot encode the map: {source}", path.display())]
    Encode { path: PathBuf, source: EncodeError },
}

/// A map that could not be turned into text.
#[derive(Debug, Error)]
pub enum EncodeError {
    #[error("{0}")]
    Ron(String),
    #[error("{0}")]
    Json(String),
    #[error("{0} is not a text format")]
    NotText(&'static str),
    #[error("the map is changing: {0}")]
    Unfinished(String),
}
