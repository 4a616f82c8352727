//! The colours of a map, shared by the canvas and every export, so that
//! what users export is what they saw. Okabe–Ito hues: colour-blind safe.

use crate::model::{EdgeKind, NodeKind};

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, for SVG.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// How a box of one kind is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoxStyle {
    pub stroke: Rgb,
    pub fill: Rgb,
    /// The word shown on the box besides its colour: the second cue.
    pub cue: &'static str,
}

/// The mark of a box new in a presentation step (the selection's blue).
pub const NEW_MARK: Rgb = Rgb(0x1f, 0x5f, 0xd6);
pub const TEXT: Rgb = Rgb(0x1a, 0x1a, 0x1a);
pub const BADGE_TEXT: Rgb = Rgb(0xff, 0xff, 0xff);
pub const BACKGROUND_LIGHT: Rgb = Rgb(0xfa, 0xfa, 0xf7);
pub const BACKGROUND_DARK: Rgb = Rgb(0x20, 0x22, 0x26);

pub fn box_style(kind: NodeKind) -> BoxStyle {
    let (stroke, fill, cue) = match kind {
        NodeKind::Claim => (Rgb(0x00, 0x72, 0xb2), Rgb(0xdc, 0xeb, 0xf7), "CLAIM"),
        NodeKind::Reason => (Rgb(0x00, 0x8a, 0x65), Rgb(0xd8, 0xf0, 0xe7), "BECAUSE"),
        NodeKind::Objection => (Rgb(0xd5, 0x5e, 0x00), Rgb(0xf9, 0xe0, 0xd0), "BUT"),
        NodeKind::Rebuttal => (Rgb(0xc7, 0x86, 0x00), Rgb(0xfb, 0xeb, 0xc8), "HOWEVER"),
        NodeKind::Evidence => (Rgb(0xa8, 0x4d, 0x86), Rgb(0xf4, 0xe1, 0xec), "EVIDENCE"),
        NodeKind::Question => (Rgb(0x7a, 0x6a, 0x00), Rgb(0xfb, 0xf6, 0xc8), "QUESTION"),
        NodeKind::Note => (Rgb(0x6e, 0x6e, 0x6e), Rgb(0xee, 0xee, 0xee), "NOTE"),
    };
    BoxStyle { stroke, fill, cue }
}

/// How an arrow of one kind is drawn: colour and dash pattern (in map
/// units; empty means solid), so kinds differ by more than colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArrowStyle {
    pub stroke: Rgb,
    pub dash: &'static [f64],
    pub width: f64,
}

pub fn arrow_style(kind: EdgeKind) -> ArrowStyle {
    match kind {
        EdgeKind::Supports => ArrowStyle {
            stroke: Rgb(0x00, 0x8a, 0x65),
            dash: &[],
            width: 2.0,
        },
        EdgeKind::Attacks => ArrowStyle {
            stroke: Rgb(0xd5, 0x5e, 0x00),
            dash: &[9.0, 5.0],
            width: 2.0,
        },
        EdgeKind::Undercuts => ArrowStyle {
            stroke: Rgb(0xd5, 0x5e, 0x00),
            dash: &[2.5, 4.0],
            width: 2.5,
        },
    }
}
