//! Integration tests: one binary, one module per concern.

mod architecture;
mod bad_input;
mod big_inputs;
mod cli;
mod cli_trust;
mod compare;
mod debate;
mod default_map;
mod edits;
mod export;
mod full_disk;
mod fuzz_corpus;
mod interop;
mod kill_save;
mod reanchor_corpus;
mod roundtrip;
mod slides;
mod support;
mod ui;
mod ui_debate;
mod ui_export;
mod ui_import;
mod ui_sources;
mod ui_support;
mod ui_teaching;
mod ui_trust;
