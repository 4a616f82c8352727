//! Text drawn onto a pixmap from glyphs rasterised once and kept: each
//! glyph at each size and quarter-pixel offset is filled from its outline
//! the first time, then only blended. Chars fall back face by face and are
//! spaced by their advances, exactly as `FontMeasure` measured them when
//! the lines were wrapped.

use super::fonts::{FontSet, glyph_for, missing_advance};
use super::palette::Rgb;
use resvg::tiny_skia::{FillRule, Mask, PathBuilder, PixmapMut, Transform};
use std::collections::HashMap;

/// Steps of a pixel a glyph's left edge is placed at.
const SUBPIXEL_STEPS: f64 = 4.0;

/// One glyph's coverage, placed relative to its pen position.
struct GlyphMask {
    left: i32,
    top: i32,
    width: u32,
    alpha: Vec<u8>,
}

/// Glyphs kept by one worker; not shared, so never locked.
pub struct Glyphs<'f> {
    faces: Vec<ttf_parser::Face<'f>>,
    /// Face, glyph and advance at size 1 of each char seen.
    chars: HashMap<char, Option<(usize, ttf_parser::GlyphId, f64)>>,
    /// By face, glyph, size in pixels (its bits) and quarter-pixel offset.
    masks: HashMap<(usize, u16, u64, u8), Option<GlyphMask>>,
}

/// How a line of text is placed, in pixels.
#[derive(Clone, Copy, Debug)]
pub struct TextPlace {
    /// The pen's start on the baseline.
    pub x: f64,
    pub baseline: f64,
    pub size: f64,
    /// Extra space after each char.
    pub spacing: f64,
}

impl<'f> Glyphs<'f> {
    pub fn new(fonts: &'f FontSet) -> Self {
        Self {
            faces: fonts.parsed(),
            chars: HashMap::new(),
            masks: HashMap::new(),
        }
    }

    fn glyph(&mut self, c: char) -> Option<(usize, ttf_parser::GlyphId, f64)> {
        *self
            .chars
            .entry(c)
            .or_insert_with(|| glyph_for(&self.faces, c))
    }

    /// The width of `text` in pixels at `size`, `spacing` after each char.
    pub fn width(&mut self, text: &str, size: f64, spacing: f64) -> f64 {
        text.chars()
            .map(|c| {
                self.glyph(c)
                    .map_or_else(|| missing_advance(c), |(_, _, a)| a)
                    * size
                    + spacing
            })
            .sum()
    }

    /// Draws `text` in `color` onto `pixmap`, which must be opaque.
    pub fn draw(&mut self, pixmap: &mut PixmapMut<'_>, text: &str, place: TextPlace, color: Rgb) {
        let mut pen = place.x;
        #[expect(
            clippy::cast_possible_truncation,
            reason = "pixel positions of a picture fit in i32"
        )]
        let baseline = place.baseline.round() as i32;
        for c in text.chars() {
            let Some((face, glyph, advance)) = self.glyph(c) else {
                pen += missing_advance(c) * place.size + place.spacing;
                continue;
            };
            let whole = pen.floor();
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a step from 0 to SUBPIXEL_STEPS - 1"
            )]
            let step = (((pen - whole) * SUBPIXEL_STEPS).round() as u8).min(3);
            let key = (face, glyph.0, place.size.to_bits(), step);
            if !self.masks.contains_key(&key) {
                let mask = rasterise(&self.faces[face], glyph, place.size, step);
                self.masks.insert(key, mask);
            }
            if let Some(Some(mask)) = self.masks.get(&key) {
                #[expect(
                    clippy::cast_possible_truncation,
                    reason = "pixel positions of a picture fit in i32"
                )]
                let left = whole as i32 + mask.left;
                blend(pixmap, mask, left, baseline + mask.top, color);
            }
            pen += advance * place.size + place.spacing;
        }
    }
}

/// The coverage of `glyph` at `size` pixels, its pen `step` quarters of a
/// pixel right of a whole pixel; `None` for a glyph with no outline (a
/// space).
fn rasterise(
    face: &ttf_parser::Face<'_>,
    glyph: ttf_parser::GlyphId,
    size: f64,
    step: u8,
) -> Option<GlyphMask> {
    let mut outline = Outline(PathBuilder::new());
    face.outline_glyph(glyph, &mut outline)?;
    let path = outline.0.finish()?;
    #[expect(clippy::cast_possible_truncation, reason = "font scales are small")]
    let scale = (size / f64::from(face.units_per_em())) as f32;
    let shift = f32::from(step) / 4.0;
    let place = Transform::from_row(scale, 0.0, 0.0, -scale, shift, 0.0);
    let bounds = path.clone().transform(place)?.bounds();
    #[expect(
        clippy::cast_possible_truncation,
        reason = "glyph bounds are a few hundred pixels at most"
    )]
    let (left, top) = (bounds.left().floor() as i32, bounds.top().floor() as i32);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "glyph bounds are a few hundred pixels at most"
    )]
    let (width, height) = (
        (bounds.right().ceil() as i32 - left).max(1) as u32,
        (bounds.bottom().ceil() as i32 - top).max(1) as u32,
    );
    let mut mask = Mask::new(width, height)?;
    #[expect(
        clippy::cast_precision_loss,
        reason = "glyph bounds are a few hundred pixels at most"
    )]
    let to_mask = place.post_translate(-(left as f32), -(top as f32));
    mask.fill_path(&path, FillRule::Winding, true, to_mask);
    Some(GlyphMask {
        left,
        top,
        width,
        alpha: mask.data().to_vec(),
    })
}

/// Lays `color` over `pixmap` through `mask`, its top left corner at
/// (`left`, `top`), clipped to the pixmap.
fn blend(pixmap: &mut PixmapMut<'_>, mask: &GlyphMask, left: i32, top: i32, color: Rgb) {
    let (pw, ph) = (i64::from(pixmap.width()), i64::from(pixmap.height()));
    let width = i64::from(mask.width);
    let Rgb(red, green, blue) = color;
    let ink = [u32::from(red), u32::from(green), u32::from(blue)];
    let pixels = pixmap.data_mut();
    for (row, coverage) in mask.alpha.chunks_exact(mask.width as usize).enumerate() {
        let y = i64::from(top) + i64::try_from(row).unwrap_or(i64::MAX);
        if y < 0 || y >= ph {
            continue;
        }
        let x0 = i64::from(left).max(0);
        let x1 = (i64::from(left) + width).min(pw);
        if x0 >= x1 {
            continue;
        }
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clipped to the pixmap, so in range and not negative"
        )]
        let (start, from, count) = (
            ((y * pw + x0) * 4) as usize,
            (x0 - i64::from(left)) as usize,
            (x1 - x0) as usize,
        );
        let dst = &mut pixels[start..start + count * 4];
        for (px, &alpha) in dst.chunks_exact_mut(4).zip(&coverage[from..from + count]) {
            if alpha == 0 {
                continue;
            }
            let alpha = u32::from(alpha);
            for (channel, ink) in px[..3].iter_mut().zip(ink) {
                #[expect(
                    clippy::cast_possible_truncation,
                    reason = "a blend of two bytes is a byte"
                )]
                let blended =
                    ((ink * alpha + u32::from(*channel) * (255 - alpha) + 127) / 255) as u8;
                *channel = blended;
            }
        }
    }
}

/// A glyph outline read into a path.
struct Outline(PathBuilder);

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }

    fn close(&mut self) {
        self.0.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::TextMeasure;
    use crate::render::fonts::{FontMeasure, UBUNTU_LIGHT};
    use resvg::tiny_skia::{Color, Pixmap};

    fn ubuntu() -> FontSet {
        FontSet {
            faces: vec![UBUNTU_LIGHT.to_vec()],
        }
    }

    /// The columns of `pixmap` with any pixel darker than the background.
    fn inked_columns(pixmap: &Pixmap) -> Vec<u32> {
        (0..pixmap.width())
            .filter(|&x| {
                (0..pixmap.height()).any(|y| pixmap.pixel(x, y).is_some_and(|p| p.red() < 200))
            })
            .collect()
    }

    #[test]
    fn text_is_as_wide_as_it_was_measured_and_drawn_there() {
        let fonts = ubuntu();
        let mut glyphs = Glyphs::new(&fonts);
        let text = "Internet sovereignty";
        let measured = FontMeasure::new(&fonts).width(text, 14.0);
        assert!((glyphs.width(text, 14.0, 0.0) - measured).abs() < 1e-9);
        let mut pixmap = Pixmap::new(200, 30).expect("pixmap");
        pixmap.fill(Color::WHITE);
        let place = TextPlace {
            x: 10.25,
            baseline: 20.0,
            size: 14.0,
            spacing: 0.0,
        };
        glyphs.draw(&mut pixmap.as_mut(), text, place, Rgb(0, 0, 0));
        let inked = inked_columns(&pixmap);
        let (first, last) = (inked[0], inked[inked.len() - 1]);
        assert!((10..=12).contains(&first), "starts at the pen: {first}");
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let end = (10.25 + measured) as u32;
        assert!(last.abs_diff(end) <= 2, "ends at {last}, measured {end}");
        // Drawn again from the kept glyphs, the same pixels.
        let mut again = Pixmap::new(200, 30).expect("pixmap");
        again.fill(Color::WHITE);
        glyphs.draw(&mut again.as_mut(), text, place, Rgb(0, 0, 0));
        assert_eq!(pixmap.data(), again.data());
    }

    #[test]
    fn text_past_the_edges_is_clipped_and_unknown_chars_keep_their_space() {
        let fonts = ubuntu();
        let mut glyphs = Glyphs::new(&fonts);
        let mut pixmap = Pixmap::new(40, 12).expect("pixmap");
        pixmap.fill(Color::WHITE);
        let place = TextPlace {
            x: -30.0,
            baseline: 6.0,
            size: 20.0,
            spacing: 0.0,
        };
        glyphs.draw(&mut pixmap.as_mut(), "WWWWWWWW", place, Rgb(0, 0, 0));
        assert!(!inked_columns(&pixmap).is_empty());
        // A char no face has: no ink, but the width the window leaves.
        let missing = '\u{10FFFD}';
        assert!((glyphs.width(&missing.to_string(), 10.0, 0.0) - 5.0).abs() < 1e-9);
    }
}
