//! AIF (the Argument Interchange Format of OVA and `AIFdb`) as JSON:
//! Argmap writes it ([`export`]) and reads it back whole, and reads what
//! `OVA3`, `AIFdb` and the `QT30` corpus write, with their quotes
//! ([`import`]).

mod export;
mod graph;
mod html;
mod import;
mod quotes;

pub use export::to_aif;
pub use import::{REPHRASE_TAG, import};
