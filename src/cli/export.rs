//! `argmap export MAP --format F --output FILE [--scale S] [--dark] [--only IDS]`

use anyhow::Context as _;
use argmap::files;
use argmap::io::{self, Format};
use argmap::model::NodeId;
use argmap::render::export::{ImageFormat, ImageOptions, MAX_SLIDE_SIDE, tile_path};
use clap::Args;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// `--format NAME`: a format of the table that Argmap writes.
pub fn parse_format(name: &str) -> Result<Format, String> {
    format_named(name, "writes", |f| f.writes)
}

/// The format of the table called `name` that Argmap `does` (reads or
/// writes), or a line naming the ones it does.
pub fn format_named(
    name: &str,
    does: &str,
    can: fn(&io::FormatInfo) -> bool,
) -> Result<Format, String> {
    Format::by_name(name)
        .filter(|f| can(f.info()))
        .ok_or_else(|| {
            let names: Vec<&str> = io::FORMATS
                .iter()
                .filter(|f| can(f))
                .map(|f| f.name)
                .collect();
            format!(
                "{name:?} is not a format Argmap {does}; use one of {}",
                names.join(", ")
            )
        })
}

#[derive(Debug, Args)]
pub struct ImageArgs {
    /// Pixels per map unit for PNG and SVG (1 to 4).
    #[arg(long, default_value_t = 1.0)]
    pub scale: f64,
    /// Space around the map, in map units.
    #[arg(long, default_value_t = 40.0)]
    pub margin: f64,
    /// A dark background instead of a light one.
    #[arg(long)]
    pub dark: bool,
    /// Only these boxes (comma-separated ids) and the arrows among them.
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<u64>,
}

pub fn run(
    map: &Path,
    format: Format,
    output: &Path,
    image: &ImageArgs,
) -> anyhow::Result<ExitCode> {
    let opened = files::open(map, None)?;
    let options = ImageOptions {
        scale: image.scale,
        margin: image.margin,
        dark_background: image.dark,
        only: (!image.only.is_empty()).then(|| image.only.iter().map(|id| NodeId(*id)).collect()),
        ..ImageOptions::default()
    };
    let files = files::export(&opened.map, format, &options, &mut |_, _| {}, &|| false)
        .with_context(|| format!("cannot export {}", map.display()))?;
    if let Some(note) = files::loss_note(&opened.map, format) {
        eprintln!("{}: {note}", output.display());
    }
    for (tile, bytes) in &files {
        let path = match tile {
            Some((row, column)) => tile_path(output, *row, *column),
            None => output.to_owned(),
        };
        write(&path, bytes)?;
        if tile.is_some() {
            println!("{}", path.display());
        }
    }
    if files.len() > 1 {
        eprintln!(
            "the picture is larger than one PNG can hold at this scale: wrote {} tiles",
            files.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `--size 1920x1080` as (width, height).
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("{text:?} is not WIDTHxHEIGHT, such as 1920x1080"))?;
    let side = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=MAX_SLIDE_SIDE).contains(n))
            .ok_or_else(|| format!("{s:?} is not a side of 1 to {MAX_SLIDE_SIDE} pixels"))
    };
    Ok((side(w)?, side(h)?))
}

/// `argmap export MAP --format png|svg --steps DIR [--size WxH]`: one slide
/// per presentation step.
pub fn slides(
    map: &Path,
    format: Format,
    dir: &Path,
    size: (u32, u32),
    dark: bool,
) -> anyhow::Result<ExitCode> {
    let kind = match format {
        Format::Png => ImageFormat::Png,
        Format::Svg => ImageFormat::Svg,
        _ => anyhow::bail!("--steps draws pictures: use --format png or --format svg"),
    };
    let loaded = files::open(map, None)?.map;
    let steps = argmap::layout::steps::shown_steps(&loaded);
    let slides = argmap::render::export::export_slides(
        &loaded,
        &steps,
        kind,
        size,
        dark,
        &mut |_, _| {},
        &|| false,
    )?;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot make the folder {}", dir.display()))?;
    for (i, bytes) in slides.iter().enumerate() {
        write(
            &dir.join(argmap::render::export::slide_name(i, kind)),
            bytes,
        )?;
    }
    println!(
        "{}: {} slides of {}x{} pixels",
        dir.display(),
        slides.len(),
        size.0,
        size.1
    );
    Ok(ExitCode::SUCCESS)
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if path == Path::new("-") {
        return std::io::stdout()
            .lock()
            .write_all(bytes)
            .context("cannot write to standard output");
    }
    io::write_atomic(path, |out| out.write_all(bytes))
        .with_context(|| format!("cannot write {}", path.display()))
}
