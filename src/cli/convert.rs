//! `argmap convert IN OUT`

use argmap::io;
use std::path::Path;
use std::process::ExitCode;

pub fn run(input: &Path, output: &Path) -> anyhow::Result<ExitCode> {
    let map = io::load(input)?;
    io::save(&map, output)?;
    Ok(ExitCode::SUCCESS)
}
