//! The native format: RON, pretty, deterministic.

use super::Problem;
use super::document::{Document, Header};
use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::de::DeserializeOwned;

fn options() -> ron::Options {
    // Files may leave out `Some(..)` around optional values whether or not they
    // carry the `#![enable(implicit_some)]` line we write.
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

pub fn parse_document(text: &str) -> Result<Document, Problem> {
    parse(text)
}

pub fn parse_header(text: &str) -> Result<Header, Problem> {
    parse(text)
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    options().from_str(text).map_err(|e| {
        let message = match e.code {
            ron::Error::ExceededRecursionLimit => {
                "the file nests brackets deeper than any map does (over 128 levels)".to_owned()
            }
            code => code.to_string(),
        };
        Problem::at(e.span.start.line, e.span.start.col, message)
    })
}

/// The RON text of `doc`, ending in a newline.
pub fn write_document(doc: &Document) -> Result<String, super::EncodeError> {
    // Unescaped strings keep source texts readable and diffable line by line;
    // strings that need it are written raw (r#"..."#).
    let config = PrettyConfig::new()
        .extensions(Extensions::IMPLICIT_SOME)
        .escape_strings(false)
        .indentor("    ")
        .new_line("\n");
    // Plain options, so that the file names the extension it uses.
    let mut text = ron::Options::default()
        .to_string_pretty(doc, config)
        .map_err(|e| super::EncodeError::Ron(e.to_string()))?;
    text.push('\n');
    Ok(text)
}
