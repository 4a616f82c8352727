//! Argdown text: Argmap writes it ([`export`]) and reads it ([`import`]):
//! statements, arguments with premise–conclusion structures, relations,
//! tags, headings, the front matter's title, `@include`.

mod build;
mod doc;
mod export;
mod inline;
mod parse;
mod source;

pub use export::to_argdown;
pub use source::Include;

use super::{Loaded, Problem};

/// A map from Argdown text; `include` reads the files `@include` names
/// (beside the document, never outside its folder). Every box waits to be
/// laid out.
pub fn import(text: &str, include: &Include<'_>) -> Result<Loaded, Vec<Problem>> {
    let (text, title) = source::prepare(text, include).map_err(|p| vec![p])?;
    let doc = parse::parse(&text, 1).map_err(|p| vec![p])?;
    if doc.statements.is_empty() && doc.arguments.is_empty() {
        return Err(vec![Problem::at(
            1,
            1,
            "the Argdown file defines no statement or argument",
        )]);
    }
    let (map, warnings) = build::build(&doc, title);
    let unplaced = map.nodes.keys().copied().collect();
    Ok(Loaded {
        map,
        unplaced,
        warnings,
        format: super::Format::Argdown,
    })
}
