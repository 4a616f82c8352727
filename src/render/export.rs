//! Image exports of a map (SVG and PNG), from the map to bytes, with
//! progress and cancelling for big maps. No window, no GPU.

use super::display_list::DisplayList;
use super::fonts::{FontMeasure, FontSet};
use super::glyphs::Glyphs;
use super::png::{self, Picture, PixelRect, PngError};
use super::raster::{self, View};
use super::svg::{SvgOptions, background, export_area, picture_size, to_svg};
use crate::model::{Map, NodeId, Point};
use resvg::tiny_skia::PixmapMut;
use std::collections::BTreeSet;
use thiserror::Error;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Svg,
    Png,
}

/// What to draw and how.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageOptions {
    /// Pixels per map unit, 1 to 4.
    pub scale: f64,
    pub margin: f64,
    pub dark_background: bool,
    /// Only these boxes (and the arrows among them); `None` for the whole map.
    pub only: Option<BTreeSet<NodeId>>,
    /// PNGs larger than this on a side are cut into tiles.
    pub max_tile_side: u32,
}

impl Default for ImageOptions {
    fn default() -> Self {
        Self {
            scale: 1.0,
            margin: 40.0,
            dark_background: false,
            only: None,
            max_tile_side: png::MAX_TILE_SIDE,
        }
    }
}

/// The longest side of a slide, in pixels: one PNG each.
pub const MAX_SLIDE_SIDE: u32 = 8192;

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("scale {0} is outside 1 to 4")]
    Scale(f64),
    #[error("a slide of {0}×{1} pixels cannot be drawn; give each side 1 to {MAX_SLIDE_SIDE}")]
    Size(u32, u32),
    #[error(transparent)]
    Png(#[from] PngError),
}

/// One file of an export. Tiles carry their place (row, column from 1).
pub struct ExportedFile {
    pub tile: Option<(u32, u32)>,
    pub bytes: Vec<u8>,
}

/// Draws `map` as `format`. `progress(share, step)` is called as work
/// goes on; `cancelled` is asked between steps.
pub fn export_image(
    map: &Map,
    format: ImageFormat,
    options: &ImageOptions,
    progress: &mut dyn FnMut(f32, &str),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<Vec<ExportedFile>, ExportError> {
    if !(1.0..=4.0).contains(&options.scale) {
        return Err(ExportError::Scale(options.scale));
    }
    progress(0.0, "loading fonts");
    let fonts = FontSet::for_texts(
        map.nodes
            .values()
            .map(|n| n.text.as_str())
            .chain(std::iter::once(map.title.as_str())),
    );
    let measure = FontMeasure::new(&fonts);
    let subset;
    let drawn = match &options.only {
        Some(nodes) => {
            subset = map.subset(nodes);
            &subset
        }
        None => map,
    };
    progress(0.05, "laying out text");
    let list = super::build(drawn, &measure);
    let svg_options = SvgOptions {
        scale: options.scale,
        margin: options.margin,
        dark_background: options.dark_background,
        frame: None,
    };
    if format == ImageFormat::Svg {
        progress(0.15, "writing SVG");
        let svg = to_svg(&list, &drawn.title, &svg_options);
        progress(1.0, "done");
        return Ok(vec![ExportedFile {
            tile: None,
            bytes: svg.into_bytes(),
        }]);
    }
    if cancelled() {
        return Err(PngError::Cancelled.into());
    }
    let mut band_progress =
        |done: u32, total: u32| progress(0.2 + 0.8 * done as f32 / total.max(1) as f32, "drawing");
    let tiles = rasterise(
        &list,
        &svg_options,
        &BTreeSet::new(),
        &fonts,
        options.max_tile_side,
        &mut band_progress,
        cancelled,
    )?;
    let single = tiles.len() == 1;
    Ok(tiles
        .into_iter()
        .map(|t| ExportedFile {
            tile: (!single).then_some((t.row + 1, t.column + 1)),
            bytes: t.png,
        })
        .collect())
}

/// One picture per presentation step, `size` pixels each: the boxes
/// revealed so far, fitted and centred, the boxes new in the step marked,
/// drawn as the canvas draws. The last shows every box the steps name.
pub fn export_slides(
    map: &Map,
    steps: &[Vec<NodeId>],
    format: ImageFormat,
    size: (u32, u32),
    dark_background: bool,
    progress: &mut dyn FnMut(f32, &str),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<Vec<Vec<u8>>, ExportError> {
    if size.0 == 0 || size.1 == 0 || size.0.max(size.1) > MAX_SLIDE_SIDE {
        return Err(ExportError::Size(size.0, size.1));
    }
    progress(0.0, "loading fonts");
    let fonts = FontSet::for_texts(
        map.nodes
            .values()
            .map(|n| n.text.as_str())
            .chain(std::iter::once(map.title.as_str())),
    );
    let measure = FontMeasure::new(&fonts);
    let options = SvgOptions {
        dark_background,
        frame: Some(size),
        ..SvgOptions::default()
    };
    let mut revealed = BTreeSet::new();
    let mut slides = Vec::with_capacity(steps.len());
    for (k, step) in steps.iter().enumerate() {
        if cancelled() {
            return Err(PngError::Cancelled.into());
        }
        progress(k as f32 / steps.len().max(1) as f32, "drawing slides");
        revealed.extend(step.iter().copied());
        let new: BTreeSet<NodeId> = step.iter().copied().collect();
        let list = super::build(&map.subset(&revealed), &measure);
        slides.push(match format {
            ImageFormat::Svg => {
                super::svg::to_svg_marked(&list, &map.title, &options, &new).into_bytes()
            }
            ImageFormat::Png => {
                let mut no_progress = |_: u32, _: u32| {};
                rasterise(
                    &list,
                    &options,
                    &new,
                    &fonts,
                    MAX_SLIDE_SIDE,
                    &mut no_progress,
                    cancelled,
                )?
                .into_iter()
                .next()
                .map(|t| t.png)
                .unwrap_or_default()
            }
        });
    }
    progress(1.0, "done");
    Ok(slides)
}

/// The PNG tiles of `list` drawn as `options` say, the boxes in `new`
/// marked: the picture its SVG describes, painted band by band.
fn rasterise(
    list: &DisplayList,
    options: &SvgOptions,
    new: &BTreeSet<NodeId>,
    fonts: &FontSet,
    max_tile_side: u32,
    progress: &mut dyn FnMut(u32, u32),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<Vec<png::Tile>, PngError> {
    let area = export_area(list, options);
    let (width, height) = picture_size(area, options);
    let (scale_x, scale_y) = (width / area.width(), height / area.height());
    let paint = |band: PixelRect, pixmap: &mut PixmapMut<'_>, glyphs: &mut Glyphs<'_>| {
        let view = View {
            origin: Point::new(
                area.min.x + f64::from(band.x) / scale_x,
                area.min.y + f64::from(band.y) / scale_y,
            ),
            scale_x,
            scale_y,
        };
        raster::paint(list, new, &view, pixmap, glyphs);
    };
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "picture sides are positive and far below u32::MAX"
    )]
    let pixels = |side: f64| side.ceil().max(1.0) as u32;
    let picture = Picture {
        width: pixels(width),
        height: pixels(height),
        background: background(options),
        paint: &paint,
        fonts,
    };
    png::render_tiles(&picture, max_tile_side, progress, cancelled)
}

/// The file name of slide `index` (from 0): `step-001.png`.
pub fn slide_name(index: usize, format: ImageFormat) -> String {
    let ext = match format {
        ImageFormat::Png => "png",
        ImageFormat::Svg => "svg",
    };
    format!("step-{:03}.{ext}", index + 1)
}

/// Where the tile in `row`, `column` (from 1) of an export to `output` goes:
/// `map.png` -> `map-r2c3.png`.
pub fn tile_path(output: &std::path::Path, row: u32, column: u32) -> std::path::PathBuf {
    let name = output
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (stem, ext) = name.split_once('.').unwrap_or((name.as_str(), "png"));
    output.with_file_name(format!("{stem}-r{row}c{column}.{ext}"))
}
