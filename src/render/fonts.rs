//! The fonts maps are drawn with, loaded without a window: the canvas font
//! (Ubuntu Light, shipped in assets/fonts), monochrome emoji (shipped), and
//! the system's CJK and symbol fonts as fallbacks. Exports measure text with
//! these, so their boxes wrap as the canvas does.

use super::measure::TextMeasure;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

/// The canvas font, the same file the window draws with.
pub const UBUNTU_LIGHT: &[u8] = include_bytes!("../../assets/fonts/Ubuntu-Light.ttf");
/// Monochrome emoji, as the window has them.
pub const NOTO_EMOJI: &[u8] = include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf");

/// Where common systems keep a CJK font; the first that exists is used.
pub const CJK_FONT_CANDIDATES: [&str; 7] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "C:\\Windows\\Fonts\\msyh.ttc",
];

/// Fonts with pictographs and symbols the shipped emoji font lacks.
pub const SYMBOL_FONT_CANDIDATES: [&str; 3] = [
    "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
    "/usr/share/fonts/TTF/Symbola.ttf",
    "C:\\Windows\\Fonts\\seguisym.ttf",
];

fn first_existing(candidates: &[&'static str]) -> Option<&'static Path> {
    candidates
        .iter()
        .map(|c| Path::new(*c))
        .find(|p| p.is_file())
}

/// The CJK font this machine has, if any.
pub fn cjk_font_path() -> Option<&'static Path> {
    first_existing(&CJK_FONT_CANDIDATES)
}

/// The symbol font this machine has, if any.
pub fn symbol_font_path() -> Option<&'static Path> {
    first_existing(&SYMBOL_FONT_CANDIDATES)
}

/// Every font an export uses, as bytes, in fallback order.
pub struct FontSet {
    pub faces: Vec<Vec<u8>>,
}

impl FontSet {
    /// The shipped fonts plus whatever fallbacks this system has.
    pub fn load() -> Self {
        let mut set = Self::shipped();
        set.add_system_fallbacks();
        set
    }

    /// The shipped fonts, and the system's fallbacks only if `texts` have a
    /// char the shipped fonts lack (the CJK font alone is some 20 MB).
    pub fn for_texts<'t>(texts: impl IntoIterator<Item = &'t str>) -> Self {
        let mut set = Self::shipped();
        let faces = set.parsed();
        let mut seen = std::collections::BTreeSet::new();
        let missing = texts
            .into_iter()
            .flat_map(str::chars)
            .filter(|c| !c.is_whitespace() && seen.insert(*c))
            .any(|c| glyph_for(&faces, c).is_none());
        drop(faces);
        if missing {
            set.add_system_fallbacks();
        }
        set
    }

    fn shipped() -> Self {
        Self {
            faces: vec![UBUNTU_LIGHT.to_vec(), NOTO_EMOJI.to_vec()],
        }
    }

    fn add_system_fallbacks(&mut self) {
        for path in [cjk_font_path(), symbol_font_path()].into_iter().flatten() {
            if let Ok(bytes) = std::fs::read(path) {
                self.faces.push(bytes);
            }
        }
    }
}

/// Measures text with real glyph advances, falling back font by font for
/// chars the canvas font lacks (as the window does).
pub struct FontMeasure<'f> {
    faces: Vec<ttf_parser::Face<'f>>,
    /// Advance of each char at size 1.
    cache: RefCell<HashMap<char, f64>>,
}

impl FontSet {
    /// The faces, parsed, in the order text falls back through them.
    pub fn parsed(&self) -> Vec<ttf_parser::Face<'_>> {
        self.faces
            .iter()
            .filter_map(|bytes| ttf_parser::Face::parse(bytes, 0).ok())
            .collect()
    }
}

/// Where `c` is drawn from: the first of `faces` that has it, its glyph
/// there, and its advance at size 1.
pub fn glyph_for(
    faces: &[ttf_parser::Face<'_>],
    c: char,
) -> Option<(usize, ttf_parser::GlyphId, f64)> {
    faces.iter().enumerate().find_map(|(i, face)| {
        let glyph = face.glyph_index(c)?;
        let advance = face.glyph_hor_advance(glyph)?;
        Some((
            i,
            glyph,
            f64::from(advance) / f64::from(face.units_per_em()),
        ))
    })
}

/// The advance at size 1 of a char no face has: what the window leaves for
/// it.
pub fn missing_advance(c: char) -> f64 {
    if super::is_wide(c) { 1.0 } else { 0.5 }
}

impl<'f> FontMeasure<'f> {
    pub fn new(fonts: &'f FontSet) -> Self {
        Self {
            faces: fonts.parsed(),
            cache: RefCell::new(HashMap::new()),
        }
    }

    fn advance(&self, c: char) -> f64 {
        if let Some(w) = self.cache.borrow().get(&c) {
            return *w;
        }
        let width = glyph_for(&self.faces, c).map_or_else(|| missing_advance(c), |(_, _, a)| a);
        self.cache.borrow_mut().insert(c, width);
        width
    }
}

impl TextMeasure for FontMeasure<'_> {
    fn width(&self, text: &str, size: f64) -> f64 {
        text.chars().map(|c| self.advance(c)).sum::<f64>() * size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_font_measures_latin_text() {
        let fonts = FontSet {
            faces: vec![UBUNTU_LIGHT.to_vec()],
        };
        let measure = FontMeasure::new(&fonts);
        let narrow = measure.width("iiii", 14.0);
        let wide = measure.width("WWWW", 14.0);
        assert!(narrow > 5.0 && wide > narrow * 2.0, "{narrow} {wide}");
    }
}
