//! `argmap export MAP --format F --output FILE`

use anyhow::Context as _;
use argmap::io::{self, MapFormat};
use clap::ValueEnum;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    /// JSON with the structure of the RON file.
    Json,
}

pub fn run(map: &Path, format: ExportFormat, output: &Path) -> anyhow::Result<ExitCode> {
    let loaded = io::load(map)?;
    let text = match format {
        ExportFormat::Json => io::to_text(&loaded, MapFormat::Json),
    }
    .map_err(anyhow::Error::msg)
    .with_context(|| format!("cannot encode {}", map.display()))?;
    if output == Path::new("-") {
        std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .context("cannot write to standard output")?;
    } else {
        io::write_atomic(output, |out| out.write_all(text.as_bytes()))
            .with_context(|| format!("cannot write {}", output.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}
