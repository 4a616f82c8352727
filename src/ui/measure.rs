//! Text measured with egui's own fonts, so boxes fit the text they show.

use crate::render::TextMeasure;
use egui::{Context, FontId};
use std::cell::RefCell;
use std::collections::HashMap;

/// Widths of chars at a reference size, scaled to the size asked for.
pub struct EguiMeasure {
    ctx: Context,
    ascii: RefCell<[Option<f64>; 128]>,
    widths: RefCell<HashMap<char, f64>>,
}

const REFERENCE_SIZE: f32 = 100.0;

impl EguiMeasure {
    pub fn new(ctx: &Context) -> Self {
        Self {
            ctx: ctx.clone(),
            ascii: RefCell::new([None; 128]),
            widths: RefCell::new(HashMap::new()),
        }
    }

    fn char_width(&self, c: char) -> f64 {
        // Most text is ASCII: a table, without hashing.
        let ascii = usize::try_from(u32::from(c)).ok().filter(|i| *i < 128);
        if let Some(w) = ascii.and_then(|i| self.ascii.borrow().get(i).copied().flatten()) {
            return w;
        }
        if let Some(w) = self.widths.borrow().get(&c) {
            return *w;
        }
        let font = FontId::proportional(REFERENCE_SIZE);
        let w =
            f64::from(self.ctx.fonts_mut(|f| f.glyph_width(&font, c))) / f64::from(REFERENCE_SIZE);
        match ascii.and_then(|i| {
            self.ascii
                .borrow_mut()
                .get_mut(i)
                .map(|slot| *slot = Some(w))
        }) {
            Some(()) => {}
            None => {
                self.widths.borrow_mut().insert(c, w);
            }
        }
        w
    }
}

impl TextMeasure for EguiMeasure {
    fn width(&self, text: &str, size: f64) -> f64 {
        text.chars().map(|c| self.char_width(c)).sum::<f64>() * size
    }
}
