//! `argmap export MAP --format F --output FILE [--scale S] [--dark] [--only IDS]`

use anyhow::Context as _;
use argmap::io::{self, MapFormat};
use argmap::model::NodeId;
use argmap::render::export::{ImageFormat, ImageOptions, export_image, tile_path};
use clap::{Args, ValueEnum};
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    /// A picture, drawn as the window draws the map.
    Png,
    /// A vector picture, drawn as the window draws the map.
    Svg,
    /// JSON with the structure of the RON file.
    Json,
    /// AIF JSON for `OVA`, `AIFdb` and `arguebuf`.
    Aif,
    /// Argdown text, for the Argdown tools.
    Argdown,
    /// Graphviz DOT, to compare with Graphviz or lay out with it.
    Dot,
    /// The debater's brief as Markdown: for and against each main claim.
    Outline,
    /// The debater's brief as one HTML page that prints on A4.
    Html,
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

/// One file to write: its tile place (row, column) if tiled, and bytes.
type Output = (Option<(u32, u32)>, Vec<u8>);

pub fn run(
    map: &Path,
    format: ExportFormat,
    output: &Path,
    image: &ImageArgs,
) -> anyhow::Result<ExitCode> {
    let loaded = io::load(map)?;
    let files: Vec<Output> = match format {
        ExportFormat::Argdown => {
            vec![(None, argmap::io::argdown::to_argdown(&loaded).into_bytes())]
        }
        ExportFormat::Dot => vec![(None, argmap::io::dot::to_dot(&loaded).into_bytes())],
        ExportFormat::Outline => vec![(None, argmap::io::brief::outline(&loaded).into_bytes())],
        ExportFormat::Html => vec![(None, argmap::io::brief::html_page(&loaded).into_bytes())],
        ExportFormat::Json | ExportFormat::Aif => {
            let as_format = if matches!(format, ExportFormat::Aif) {
                MapFormat::Aif
            } else {
                MapFormat::Json
            };
            let text = io::to_text(&loaded, as_format)
                .map_err(anyhow::Error::msg)
                .with_context(|| format!("cannot encode {}", map.display()))?;
            vec![(None, text.into_bytes())]
        }
        ExportFormat::Png | ExportFormat::Svg => {
            let kind = if matches!(format, ExportFormat::Png) {
                ImageFormat::Png
            } else {
                ImageFormat::Svg
            };
            let options = ImageOptions {
                scale: image.scale,
                margin: image.margin,
                dark_background: image.dark,
                only: (!image.only.is_empty())
                    .then(|| image.only.iter().map(|id| NodeId(*id)).collect()),
                ..ImageOptions::default()
            };
            export_image(&loaded, kind, &options, &mut |_, _| {}, &|| false)?
                .into_iter()
                .map(|f| (f.tile, f.bytes))
                .collect()
        }
    };
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
            .filter(|n| (1..=8192).contains(n))
            .ok_or_else(|| format!("{s:?} is not a side of 1 to 8192 pixels"))
    };
    Ok((side(w)?, side(h)?))
}

/// `argmap export MAP --format png|svg --steps DIR [--size WxH]`: one slide
/// per presentation step.
pub fn slides(
    map: &Path,
    format: ExportFormat,
    dir: &Path,
    size: (u32, u32),
    dark: bool,
) -> anyhow::Result<ExitCode> {
    let kind = match format {
        ExportFormat::Png => ImageFormat::Png,
        ExportFormat::Svg => ImageFormat::Svg,
        _ => anyhow::bail!("--steps draws pictures: use --format png or --format svg"),
    };
    let loaded = io::load(map)?;
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
