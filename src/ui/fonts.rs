//! Fonts: egui's own (with its monochrome emoji), then system fonts as
//! fallbacks: one with Chinese, Japanese and Korean glyphs, so the article's
//! subject renders in boxes, and a symbol font for the emoji egui lacks.

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

/// Fonts with the pictographs and symbols egui's emoji font does not have.
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

/// The path of the CJK font this machine has, if any.
pub fn cjk_font_path() -> Option<&'static Path> {
    first_existing(&CJK_FONT_CANDIDATES)
}

/// egui's fonts with the system fallbacks appended to every family.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    let fallbacks = [
        ("cjk", cjk_font_path()),
        ("symbols", first_existing(&SYMBOL_FONT_CANDIDATES)),
    ];
    for (name, path) in fallbacks {
        let Some(bytes) = path.and_then(|p| std::fs::read(p).ok()) else {
            continue;
        };
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_owned(bytes)));
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(name.to_owned());
        }
    }
    ctx.set_fonts(fonts);
}
