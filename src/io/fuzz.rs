//! What the fuzz targets (`fuzz/`) run on any bytes, and what a stable test
//! runs on their seed corpus, so the targets' code paths stay alive without
//! a nightly toolchain: read the bytes as a map; if they are one, save it
//! as RON and read that back, which must give the same map.

use super::{Format, parse_bytes, parse_str, to_text};

/// Reads `bytes` as a map in `format`; a map read must survive a save to
/// RON and a read back unchanged. `Err` says how it did not.
pub fn reload(bytes: &[u8], format: Format) -> Result<(), String> {
    let Ok(map) = parse_bytes(bytes, format) else {
        return Ok(());
    };
    let text = to_text(&map, Format::Ron).map_err(|e| format!("cannot save it: {e}"))?;
    let back = parse_str(&text, Format::Ron).map_err(|problems| {
        let first = problems
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        format!("its own RON does not read back: {first}")
    })?;
    if back == map {
        Ok(())
    } else {
        Err("it reads back as a different map".to_owned())
    }
}

/// [`reload`], for a fuzz target: a broken property is a crash.
///
/// # Panics
/// When [`reload`] finds a map that does not survive its own RON: that is
/// how a fuzz target reports a finding.
pub fn load_and_reload(bytes: &[u8], format: Format) {
    if let Err(finding) = reload(bytes, format) {
        panic!("{format:?} input: {finding}");
    }
}
