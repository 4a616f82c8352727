//! Fonts: egui's own (Ubuntu Light, the file exports load too, and its
//! monochrome emoji), then the system's CJK and symbol fonts as fallbacks,
//! the same ones exports use, so the article's subject renders in boxes.

use crate::render::fonts::{cjk_font_path, symbol_font_path};
use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// egui's fonts with the system fallbacks appended to every family.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    let fallbacks = [("cjk", cjk_font_path()), ("symbols", symbol_font_path())];
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
