//! Any bytes, read as an AIF map: an error or a map, never a panic, a
//! hang or a stack overflow; a map read saves and reads back the same.
#![no_main]

use argmap::io::{Format, fuzz::load_and_reload};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| load_and_reload(data, Format::Aif));
