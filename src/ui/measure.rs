//! Text measured with egui's own fonts, so boxes fit the text they show.

use crate::render::TextMeasure;
use egui::{Context, FontId};
use std::cell::RefCell;
use std::collections::HashMap;

/// Widths of chars at a reference size, scaled to the size asked for.
pub struct EguiMeasure {
    ctx: Context,
    widths: RefCell<HashMap<char, f64>>,
}

const REFERENCE_SIZE: f32 = 100.0;

impl EguiMeasure {
    pub fn new(ctx: &Context) -> Self {
        Self {
            ctx: ctx.clone(),
            widths: RefCell::new(HashMap::new()),
        }
    }

    fn char_width(&self, c: char) -> f64 {
        if let Some(w) = self.widths.borrow().get(&c) {
            return *w;
        }
        let font = FontId::proportional(REFERENCE_SIZE);
        let w =
            f64::from(self.ctx.fonts_mut(|f| f.glyph_width(&font, c))) / f64::from(REFERENCE_SIZE);
        self.widths.borrow_mut().insert(c, w);
        w
    }
}

impl TextMeasure for EguiMeasure {
    fn width(&self, text: &str, size: f64) -> f64 {
        text.chars().map(|c| self.char_width(c)).sum::<f64>() * size
    }
}
