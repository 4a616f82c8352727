//! SVG rasterised to PNG with resvg: no window, no GPU. Maps too big for
//! one image are cut into tiles at full resolution, never shrunk.

use super::fonts::FontSet;
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;
use std::sync::Arc;
use thiserror::Error;

/// The longest side of one PNG, in pixels; bigger exports are tiled.
pub const MAX_TILE_SIDE: u32 = 8192;

#[derive(Debug, Error)]
pub enum PngError {
    #[error("the SVG could not be read back: {0}")]
    Svg(String),
    #[error("a {width}×{height} px image does not fit in memory")]
    TooBig { width: u32, height: u32 },
    #[error("PNG encoding failed: {0}")]
    Encode(String),
    #[error("cancelled")]
    Cancelled,
}

/// One PNG of an export: its place in the grid (row, column from 0) and bytes.
pub struct Tile {
    pub row: u32,
    pub column: u32,
    pub png: Vec<u8>,
}

/// Parses `svg` with `fonts` loaded, ready to rasterise.
pub fn parse_svg(svg: &str, fonts: &FontSet) -> Result<usvg::Tree, PngError> {
    let mut db = usvg::fontdb::Database::new();
    for face in &fonts.faces {
        db.load_font_data(face.clone());
    }
    let options = usvg::Options {
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| PngError::Svg(e.to_string()))
}

/// The pixel size of `tree` rendered at `scale` (SVG units to pixels; the
/// SVG's own width and height already include its scale).
pub fn pixel_size(tree: &usvg::Tree) -> (u32, u32) {
    let size = tree.size();
    #[expect(
        clippy::cast_sign_loss,
        reason = "usvg sizes are positive, and max(1.0) keeps them so"
    )]
    let pixels = |side: f32| side.ceil().max(1.0) as u32;
    (pixels(size.width()), pixels(size.height()))
}

/// Renders `tree` as PNG tiles of at most `max_side` pixels a side, calling
/// `progress(done, total)` after each; `cancelled` is asked between tiles.
/// Tiles are drawn and encoded on every core at once; they come back in
/// row-major order.
pub fn render_tiles(
    tree: &usvg::Tree,
    max_side: u32,
    progress: &mut dyn FnMut(u32, u32),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<Vec<Tile>, PngError> {
    let (width, height) = pixel_size(tree);
    let max_side = max_side.max(16);
    let (columns, rows) = (
        width.div_ceil(max_side).max(1),
        height.div_ceil(max_side).max(1),
    );
    let total = rows * columns;
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(total as usize)
        .max(1);
    let next = std::sync::atomic::AtomicU32::new(0);
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= total {
                        return;
                    }
                    let (row, column) = (i / columns, i % columns);
                    let tile = if cancelled() {
                        Err(PngError::Cancelled)
                    } else {
                        render_tile(tree, (width, height), max_side, row, column)
                    };
                    let failed = tile.is_err();
                    if sender.send(tile).is_err() || failed {
                        // Later tiles are not wanted after an error.
                        next.store(total, std::sync::atomic::Ordering::Relaxed);
                        return;
                    }
                }
            });
        }
        drop(sender);
        let mut tiles = Vec::with_capacity(total as usize);
        for tile in receiver {
            tiles.push(tile?);
            progress(u32::try_from(tiles.len()).unwrap_or(total), total);
        }
        tiles.sort_by_key(|t| (t.row, t.column));
        if tiles.len() == total as usize {
            Ok(tiles)
        } else {
            Err(PngError::Cancelled)
        }
    })
}

/// The tile at `row`, `column` of a `size` picture cut into squares of
/// `max_side` pixels.
fn render_tile(
    tree: &usvg::Tree,
    (width, height): (u32, u32),
    max_side: u32,
    row: u32,
    column: u32,
) -> Result<Tile, PngError> {
    let (x, y) = (column * max_side, row * max_side);
    let (w, h) = ((width - x).min(max_side), (height - y).min(max_side));
    let mut pixmap = Pixmap::new(w.max(1), h.max(1)).ok_or(PngError::TooBig {
        width: w,
        height: h,
    })?;
    #[expect(
        clippy::cast_precision_loss,
        reason = "tile offsets are far below 2^24"
    )]
    let shift = Transform::from_translate(-(x as f32), -(y as f32));
    resvg::render(tree, shift, &mut pixmap.as_mut());
    let png = encode(&pixmap).map_err(|e| PngError::Encode(e.to_string()))?;
    Ok(Tile { row, column, png })
}

/// PNG bytes of `pixmap`, with fast compression (a big map is mostly flat
/// background, which compresses well even so).
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let pixels = pixmap.data();
    // A picture on an opaque background is written as RGB: a quarter less
    // to filter and compress.
    let opaque = pixels.chunks_exact(4).all(|px| px[3] == 255);
    let (data, color) = if opaque {
        let mut rgb = Vec::with_capacity(pixels.len() / 4 * 3);
        for px in pixels.chunks_exact(4) {
            rgb.extend_from_slice(&px[..3]);
        }
        (rgb, png::ColorType::Rgb)
    } else {
        // tiny-skia keeps premultiplied colours; PNG wants straight ones.
        let mut data = pixels.to_vec();
        for px in data.chunks_exact_mut(4) {
            let alpha = px[3];
            if alpha != 0 && alpha != 255 {
                for channel in &mut px[..3] {
                    *channel = ((u16::from(*channel) * 255 + u16::from(alpha) / 2)
                        / u16::from(alpha))
                    .min(255) as u8;
                }
            }
        }
        (data, png::ColorType::Rgba)
    };
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.write_header()?.write_image_data(&data)?;
    Ok(out)
}
