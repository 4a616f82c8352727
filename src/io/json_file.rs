//! JSON with the structure of the RON file, for other programs.

use super::Problem;
use super::document::{Document, Header};
use serde::de::DeserializeOwned;

pub fn parse_document(text: &str) -> Result<Document, Problem> {
    parse(text)
}

pub fn parse_header(text: &str) -> Result<Header, Problem> {
    parse(text)
}

/// Parses JSON text, a problem placed at its line and column.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    serde_json::from_str(text).map_err(|e| {
        // serde_json ends its messages with " at line L column C"; we say that ourselves.
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(head, _)| head)
            .to_owned();
        Problem::at(e.line(), e.column(), message)
    })
}

/// The JSON text of `doc`, pretty, ending in a newline.
pub fn write_document(doc: &Document) -> Result<String, super::EncodeError> {
    let mut text =
        serde_json::to_string_pretty(doc).map_err(|e| super::EncodeError::Json(e.to_string()))?;
    text.push('\n');
    Ok(text)
}
