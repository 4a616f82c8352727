//! Pictures drawn as PNG: no window, no GPU.
//!
//! A picture is drawn in bands of rows, on every core at once, each band
//! painting only what shows in it; the bands are streamed into their PNG in
//! order as they are done, so a big picture is never whole in memory. Maps
//! too big for one image are cut into tiles at full resolution, never
//! shrunk.

use super::fonts::FontSet;
use super::glyphs::Glyphs;
use super::palette::Rgb;
use resvg::tiny_skia::{Color, Pixmap, PixmapMut};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use thiserror::Error;

/// The longest side of one PNG, in pixels; bigger exports are tiled.
pub const MAX_TILE_SIDE: u32 = 8000;

/// Rows drawn at once: a band of a tile 8000 px wide (4 MB) stays in the
/// processor's cache from its painting to its encoding. Taller bands paint
/// the boxes crossing their edges fewer times, but were no faster.
const BAND_ROWS: u32 = 128;

#[derive(Debug, Error)]
pub enum PngError {
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

/// A rectangle of a picture, in pixels from its top left corner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PixelRect {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// Paints one band of a picture: the band's place in the picture, a pixmap
/// of its size already filled with the background, and the worker's glyphs.
pub type PaintBand<'a> = dyn Fn(PixelRect, &mut PixmapMut<'_>, &mut Glyphs<'a>) + Sync + 'a;

/// A picture to draw: its size, the colour behind it, and its painter.
pub struct Picture<'a> {
    pub width: u32,
    pub height: u32,
    /// Painted under everything, so the picture is opaque.
    pub background: Rgb,
    pub paint: &'a PaintBand<'a>,
    /// The fonts text is drawn with.
    pub fonts: &'a FontSet,
}

/// One band of rows of one tile.
struct Band {
    tile: usize,
    /// Its place among its tile's bands, from 0.
    index: u32,
    rect: PixelRect,
}

/// A tile being written: bands go in strictly in order.
struct TileWriter {
    state: Mutex<TileState>,
    turn: Condvar,
}

struct TileState {
    /// The band whose turn it is.
    next: u32,
    bands: u32,
    writer: Option<png::StreamWriter<'static, Sink>>,
}

/// Where a tile's PNG bytes go; kept by the export once the writer is done.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Draws `picture` as PNG tiles of at most `max_side` pixels a side, calling
/// `progress(done, total)` as bands are done; `cancelled` is asked before
/// each band. Tiles come back in row-major order.
pub fn render_tiles(
    picture: &Picture<'_>,
    max_side: u32,
    progress: &mut dyn FnMut(u32, u32),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<Vec<Tile>, PngError> {
    let (width, height) = (picture.width.max(1), picture.height.max(1));
    let max_side = max_side.max(16);
    let columns = width.div_ceil(max_side);
    let (tiles, bands) = plan(width, height, max_side);
    let outputs: Vec<Sink> = tiles.iter().map(|_| Sink::default()).collect();
    let failure = {
        let run = Run {
            bands,
            writers: outputs
                .iter()
                .zip(&tiles)
                .map(|(out, rect)| {
                    Ok(TileWriter {
                        state: Mutex::new(TileState {
                            next: 0,
                            bands: rect.height.div_ceil(BAND_ROWS),
                            writer: Some(start_png(out.clone(), rect.width, rect.height)?),
                        }),
                        turn: Condvar::new(),
                    })
                })
                .collect::<Result<Vec<_>, PngError>>()?,
            next: AtomicUsize::new(0),
            failed: AtomicBool::new(false),
            failure: Mutex::new(None),
        };
        let workers = std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .min(run.bands.len())
            .max(1);
        let (done, finished) = std::sync::mpsc::channel::<()>();
        std::thread::scope(|scope| {
            for _ in 0..workers {
                let done = done.clone();
                let run = &run;
                scope.spawn(move || run.work(picture, cancelled, &done));
            }
            drop(done);
            let total = u32::try_from(run.bands.len()).unwrap_or(u32::MAX);
            for (k, ()) in finished.iter().enumerate() {
                progress(u32::try_from(k + 1).unwrap_or(total), total);
            }
        });
        run.failure
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    };
    if let Some(e) = failure {
        return Err(e);
    }
    Ok(outputs
        .into_iter()
        .enumerate()
        .map(|(i, sink)| {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            Tile {
                row: i / columns,
                column: i % columns,
                png: std::mem::take(&mut *sink.0.lock().unwrap_or_else(PoisonError::into_inner)),
            }
        })
        .collect())
}

/// The tiles of a `width`×`height` picture, row by row, and their bands,
/// tile by tile, top to bottom.
fn plan(width: u32, height: u32, max_side: u32) -> (Vec<PixelRect>, Vec<Band>) {
    let (columns, rows) = (width.div_ceil(max_side), height.div_ceil(max_side));
    let tiles: Vec<PixelRect> = (0..rows)
        .flat_map(|row| (0..columns).map(move |column| (row, column)))
        .map(|(row, column)| {
            let (x, y) = (column * max_side, row * max_side);
            PixelRect {
                x,
                y,
                width: (width - x).min(max_side),
                height: (height - y).min(max_side),
            }
        })
        .collect();
    let bands = tiles
        .iter()
        .enumerate()
        .flat_map(|(tile, rect)| {
            (0..rect.height.div_ceil(BAND_ROWS)).map(move |index| Band {
                tile,
                index,
                rect: PixelRect {
                    x: rect.x,
                    y: rect.y + index * BAND_ROWS,
                    width: rect.width,
                    height: (rect.height - index * BAND_ROWS).min(BAND_ROWS),
                },
            })
        })
        .collect();
    (tiles, bands)
}

/// What the workers of one picture share.
struct Run {
    bands: Vec<Band>,
    writers: Vec<TileWriter>,
    /// The next band to take.
    next: AtomicUsize,
    failed: AtomicBool,
    /// The first error, which ends the picture.
    failure: Mutex<Option<PngError>>,
}

impl Run {
    /// One worker: takes bands in order, draws each, waits for its turn in
    /// its tile, writes it, and says so on `done`.
    fn work(
        &self,
        picture: &Picture<'_>,
        cancelled: &(dyn Fn() -> bool + Sync),
        done: &std::sync::mpsc::Sender<()>,
    ) {
        let mut canvas = Canvas {
            pixmap: None,
            rgb: Vec::new(),
            glyphs: Glyphs::new(picture.fonts),
        };
        loop {
            let i = self.next.fetch_add(1, Ordering::Relaxed);
            let Some(band) = self.bands.get(i) else {
                return;
            };
            // A band taken is always given its turn below, even after a
            // failure, so no one waits for it forever.
            let drawn = if self.failed.load(Ordering::Relaxed) || cancelled() {
                Err(PngError::Cancelled)
            } else {
                canvas.draw(picture, band.rect)
            };
            // Every band before this one in its tile was taken by some
            // worker, which will take its turn.
            let tile = &self.writers[band.tile];
            let mut state = tile.state.lock().unwrap_or_else(PoisonError::into_inner);
            while state.next != band.index {
                state = tile
                    .turn
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
            }
            let written = drawn.and_then(|()| {
                if self.failed.load(Ordering::Relaxed) {
                    return Err(PngError::Cancelled);
                }
                state.write(&canvas.rgb)
            });
            state.next += 1;
            tile.turn.notify_all();
            drop(state);
            if let Err(e) = written {
                if !self.failed.swap(true, Ordering::Relaxed) {
                    *self.failure.lock().unwrap_or_else(PoisonError::into_inner) = Some(e);
                }
                return;
            }
            if done.send(()).is_err() {
                return;
            }
        }
    }
}

impl TileState {
    /// Streams one band's rows into the tile's PNG, and ends the PNG after
    /// its last band.
    fn write(&mut self, rgb: &[u8]) -> Result<(), PngError> {
        let encode = |e: &dyn std::fmt::Display| PngError::Encode(e.to_string());
        let writer = self.writer.as_mut().ok_or(PngError::Cancelled)?;
        std::io::Write::write_all(writer, rgb).map_err(|e| encode(&e))?;
        if self.next + 1 == self.bands
            && let Some(writer) = self.writer.take()
        {
            writer.finish().map_err(|e| encode(&e))?;
        }
        Ok(())
    }
}

/// The PNG of a `width`×`height` tile, opaque (RGB), written into `out` as
/// its rows come. Fast compression with the "up" filter: a map is mostly
/// flat background, which compresses well even so.
fn start_png(
    out: Sink,
    width: u32,
    height: u32,
) -> Result<png::StreamWriter<'static, Sink>, PngError> {
    let encode = |e: png::EncodingError| PngError::Encode(e.to_string());
    let mut encoder = png::Encoder::new(out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fastest);
    encoder.set_filter(png::Filter::Up);
    encoder
        .write_header()
        .map_err(encode)?
        .into_stream_writer()
        .map_err(encode)
}

/// One worker's drawing surface and glyphs, kept from band to band.
struct Canvas<'a> {
    pixmap: Option<Pixmap>,
    /// The last band drawn, as RGB rows.
    rgb: Vec<u8>,
    glyphs: Glyphs<'a>,
}

impl<'a> Canvas<'a> {
    /// Draws the band `rect` of `picture` and keeps it as RGB rows.
    fn draw(&mut self, picture: &Picture<'a>, rect: PixelRect) -> Result<(), PngError> {
        if self
            .pixmap
            .as_ref()
            .is_none_or(|p| (p.width(), p.height()) != (rect.width, rect.height))
        {
            self.pixmap = Some(
                Pixmap::new(rect.width, rect.height).ok_or(PngError::TooBig {
                    width: rect.width,
                    height: rect.height,
                })?,
            );
        }
        let Some(pixmap) = self.pixmap.as_mut() else {
            return Err(PngError::Cancelled);
        };
        let Rgb(r, g, b) = picture.background;
        pixmap.fill(Color::from_rgba8(r, g, b, 255));
        (picture.paint)(rect, &mut pixmap.as_mut(), &mut self.glyphs);
        // Painted over an opaque background, every pixel is opaque, so its
        // premultiplied colour is its colour.
        rgb_of(pixmap.data(), &mut self.rgb);
        Ok(())
    }
}

/// The RGB bytes of opaque RGBA `pixels`, into `rgb`. Four pixels at a
/// time, which the compiler turns into a few wide moves.
fn rgb_of(pixels: &[u8], rgb: &mut Vec<u8>) {
    rgb.resize(pixels.len() / 4 * 3, 0);
    let mut out = rgb.chunks_exact_mut(12);
    let mut four = pixels.chunks_exact(16);
    for (to, from) in (&mut out).zip(&mut four) {
        for k in 0..4 {
            to[3 * k..3 * k + 3].copy_from_slice(&from[4 * k..4 * k + 3]);
        }
    }
    let rest = out.into_remainder();
    for (to, from) in rest
        .chunks_exact_mut(3)
        .zip(four.remainder().chunks_exact(4))
    {
        to.copy_from_slice(&from[..3]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A picture whose every pixel says where it is: red the column, green
    /// the row (both modulo 256), blue 7.
    fn coordinates(x: u32, y: u32) -> [u8; 3] {
        [(x % 256) as u8, (y % 256) as u8, 7]
    }

    fn paint_coordinates(band: PixelRect, pixmap: &mut PixmapMut<'_>, _: &mut Glyphs<'_>) {
        let width = pixmap.width();
        for (i, px) in pixmap.data_mut().chunks_exact_mut(4).enumerate() {
            let i = u32::try_from(i).expect("small");
            let [r, g, b] = coordinates(band.x + i % width, band.y + i / width);
            px.copy_from_slice(&[r, g, b, 255]);
        }
    }

    #[test]
    fn bands_and_tiles_land_where_they_belong() {
        let fonts = FontSet { faces: Vec::new() };
        // Tiles of 600 px: 2 columns, 2 rows (600 and 500 rows), each of
        // several bands, the last ones cut short.
        let picture = Picture {
            width: 700,
            height: 1100,
            background: Rgb(0, 0, 0),
            paint: &paint_coordinates,
            fonts: &fonts,
        };
        let mut calls = Vec::new();
        let tiles =
            render_tiles(&picture, 600, &mut |d, t| calls.push((d, t)), &|| false).expect("drawn");
        assert_eq!(tiles.len(), 2 * 2);
        const { assert!(600 % BAND_ROWS != 0 && 500 % BAND_ROWS != 0 && BAND_ROWS < 500) };
        let total = 2 * (600_u32.div_ceil(BAND_ROWS) + 500_u32.div_ceil(BAND_ROWS));
        assert_eq!(
            calls.last(),
            Some(&(total, total)),
            "progress reaches the end"
        );
        for tile in &tiles {
            let decoder = png::Decoder::new(std::io::Cursor::new(&tile.png));
            let mut reader = decoder.read_info().expect("a PNG");
            let mut rgb = vec![0; reader.output_buffer_size().expect("size")];
            let info = reader.next_frame(&mut rgb).expect("a frame");
            assert_eq!(info.color_type, png::ColorType::Rgb);
            let (x0, y0) = (tile.column * 600, tile.row * 600);
            for (i, px) in rgb.chunks_exact(3).enumerate() {
                let i = u32::try_from(i).expect("small");
                let (x, y) = (x0 + i % info.width, y0 + i / info.width);
                assert_eq!(px, coordinates(x, y), "pixel {x}, {y}");
            }
        }
    }

    #[test]
    fn rgb_drops_alpha_from_any_number_of_pixels() {
        for count in [0, 1, 3, 4, 5, 9] {
            let rgba: Vec<u8> = (0..count * 4)
                .map(|i| u8::try_from(i).expect("small"))
                .collect();
            let mut rgb = vec![99; 2];
            rgb_of(&rgba, &mut rgb);
            let expected: Vec<u8> = rgba.chunks_exact(4).flat_map(|p| p[..3].to_vec()).collect();
            assert_eq!(rgb, expected, "{count} pixels");
        }
    }

    #[test]
    fn a_cancelled_picture_stops_with_no_tiles() {
        let fonts = FontSet { faces: Vec::new() };
        let picture = Picture {
            width: 300,
            height: 3 * BAND_ROWS,
            background: Rgb(0, 0, 0),
            paint: &paint_coordinates,
            fonts: &fonts,
        };
        let asked = AtomicUsize::new(0);
        let cancel_at_second = || asked.fetch_add(1, Ordering::Relaxed) >= 1;
        let result = render_tiles(&picture, 8000, &mut |_, _| {}, &cancel_at_second);
        assert!(matches!(result, Err(PngError::Cancelled)));
    }
}
