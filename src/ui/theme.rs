//! Colours of the window. Map colours come from `render::palette` so the
//! canvas and exports agree; this file adds the window's own.

use crate::model::{EdgeKind, NodeKind};
use crate::render::palette::{self, Rgb};
use egui::Color32;

pub fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

pub fn node_stroke(kind: NodeKind) -> Color32 {
    color(palette::box_style(kind).stroke)
}

pub fn node_fill(kind: NodeKind) -> Color32 {
    color(palette::box_style(kind).fill)
}

pub fn edge_stroke(kind: EdgeKind) -> Color32 {
    color(palette::arrow_style(kind).stroke)
}

pub fn text() -> Color32 {
    color(palette::TEXT)
}

pub fn background() -> Color32 {
    color(palette::BACKGROUND_LIGHT)
}

/// Dots of the canvas grid.
pub const GRID_DOT: Color32 = Color32::from_rgb(0xc8, 0xc8, 0xc0);
/// Outline of selected boxes and arrows.
pub const SELECTION: Color32 = Color32::from_rgb(0x1f, 0x5f, 0xd6);
/// Fill of the rubber-band selection rectangle.
pub const SELECTION_FILL: Color32 = Color32::from_rgba_premultiplied(0x1f, 0x5f, 0xd6, 0x22);
/// The drop target while linking.
pub const DROP_TARGET: Color32 = Color32::from_rgb(0x00, 0x00, 0x00);
/// Boxes matching a search.
pub const FIND_MATCH: Color32 = Color32::from_rgb(0xff, 0xd4, 0x00);
/// The status line when it reports an error.
pub const ERROR_TEXT: Color32 = Color32::from_rgb(0xb0, 0x20, 0x20);
/// The link handle on a box.
pub const HANDLE: Color32 = Color32::from_rgb(0x40, 0x40, 0x40);
/// Source text no span cites, when the panel dims it.
pub const DIMMED_TEXT: Color32 = Color32::from_rgb(0xa8, 0xa8, 0xa8);
/// An orphaned span in the inspector.
pub const ORPHAN: Color32 = Color32::from_rgb(0xb0, 0x20, 0x20);
/// A box that stands, falls or is undecided (with the symbol and word, so
/// colour is never the only sign).
pub const STANDS: Color32 = Color32::from_rgb(0x11, 0x70, 0x3f);
pub const FALLS: Color32 = Color32::from_rgb(0xa3, 0x1f, 0x1f);
pub const UNDECIDED: Color32 = Color32::from_rgb(0x8a, 0x6a, 0x00);
/// A model box the student missed, drawn as a ghost.
pub const GHOST_FILL: Color32 = Color32::from_rgba_premultiplied(0xf0, 0xd8, 0xd8, 0xb0);
/// Laid over a fallen box to dim it.
pub const FALLEN_VEIL: Color32 = Color32::from_rgba_premultiplied(0x86, 0x85, 0x83, 0x8c);
