//! Fonts: egui's own, plus a system font with Chinese, Japanese and Korean
//! glyphs as a fallback, so the article's subject renders in boxes.

use egui::{FontData, FontDefinitions, FontFamily};
use std::path::Path;
use std::sync::Arc;

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

/// The path of the CJK font this machine has, if any.
pub fn cjk_font_path() -> Option<&'static Path> {
    CJK_FONT_CANDIDATES
        .iter()
        .map(Path::new)
        .find(|p| p.is_file())
}

/// egui's fonts with the CJK font appended as a fallback to every family.
/// Returns whether a CJK font was found.
pub fn install(ctx: &egui::Context) -> bool {
    let mut fonts = FontDefinitions::default();
    let Some(bytes) = cjk_font_path().and_then(|p| std::fs::read(p).ok()) else {
        return false;
    };
    fonts
        .font_data
        .insert("cjk".to_owned(), Arc::new(FontData::from_owned(bytes)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("cjk".to_owned());
    }
    ctx.set_fonts(fonts);
    true
}
