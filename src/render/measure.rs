//! Measuring text without a window: the canvas measures with the window's fonts,
//! exports with the font files themselves, tests with a fixed advance.

/// Tells how wide a run of text is at a font size, in map units.
pub trait TextMeasure {
    fn width(&self, text: &str, size: f64) -> f64;
}

/// A measure where every char has a fixed advance: wide (CJK, emoji) chars
/// one em, others [`FixedAdvance::narrow`] em. For tests and as a fallback.
#[derive(Clone, Copy, Debug)]
pub struct FixedAdvance {
    pub narrow: f64,
}

impl Default for FixedAdvance {
    fn default() -> Self {
        Self { narrow: 0.55 }
    }
}

impl TextMeasure for FixedAdvance {
    fn width(&self, text: &str, size: f64) -> f64 {
        text.chars()
            .map(|c| if is_wide(c) { size } else { self.narrow * size })
            .sum()
    }
}

impl FixedAdvance {
    /// Width in the caller's units, for quick estimates (such as the bars
    /// drawn instead of text too small to read).
    pub fn width_of(&self, text: &str, size: f32) -> f32 {
        self.width(text, f64::from(size)) as f32
    }
}

/// East Asian wide characters and emoji take a full em.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD)
}
