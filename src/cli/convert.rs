//! `argmap convert IN OUT [--from F] [--to F]`: any format Argmap reads
//! into any it writes.

use anyhow::Context as _;
use argmap::files;
use argmap::io::{self, Format};
use argmap::render::export::{ImageOptions, tile_path};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    input: &Path,
    output: &Path,
    from: Option<Format>,
    to: Option<Format>,
) -> anyhow::Result<ExitCode> {
    let to = to.or_else(|| Format::from_path(output)).ok_or_else(|| {
        anyhow::anyhow!(
            "{}: unknown map format; use a file ending in {} or --to",
            output.display(),
            io::writable_endings()
        )
    })?;
    if !to.info().writes {
        anyhow::bail!(
            "{}: Argmap reads {} files but does not write them; use a file ending in {} or --to",
            output.display(),
            to.info().label,
            io::writable_endings()
        );
    }
    let opened = files::open(input, from)?;
    for warning in &opened.warnings {
        eprintln!("{}: {warning}", input.display());
    }
    let written = files::export(
        &opened.map,
        to,
        &ImageOptions::default(),
        &mut |_, _| {},
        &|| false,
    )
    .with_context(|| format!("cannot convert {}", input.display()))?;
    for (tile, bytes) in &written {
        let path = tile.map_or_else(|| output.to_owned(), |(r, c)| tile_path(output, r, c));
        io::write_atomic(&path, |out| out.write_all(bytes))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if let Some(note) = files::loss_note(&opened.map, to) {
        eprintln!("{}: {note}", output.display());
    }
    let map = &opened.map;
    let spans: usize = map.nodes.values().map(|n| n.spans.len()).sum();
    println!(
        "{}: {} boxes, {} arrows, {} sources, {} spans (from {})",
        output.display(),
        map.nodes.len(),
        map.edges.len(),
        map.sources.len(),
        spans,
        opened.format.info().label
    );
    Ok(ExitCode::SUCCESS)
}

/// `--from NAME`: a format of the table that Argmap reads.
pub fn parse_readable(name: &str) -> Result<Format, String> {
    super::export::format_named(name, "reads", |f| f.reads)
}

/// `argmap formats`: the table of formats.
pub fn list() -> ExitCode {
    let mut out = String::from("format   reads  writes  endings            cannot carry\n");
    for f in io::FORMATS {
        let endings: Vec<String> = f.extensions.iter().map(|e| format!(".{e}")).collect();
        let yes = |b: bool| if b { "yes" } else { "no" };
        let _ = writeln!(
            out,
            "{:<8} {:<6} {:<7} {:<18} {}",
            f.name,
            yes(f.reads),
            yes(f.writes),
            endings.join(" "),
            f.cannot_carry
        );
    }
    print!("{out}");
    ExitCode::SUCCESS
}
