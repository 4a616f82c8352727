//! What a box or an arrow of a display list is drawn as, in map units: the
//! shapes that both the SVG writer and the PNG painter draw, so the two
//! cannot drift apart.

use super::display_list::{ArrowItem, BoxItem, TextLine};
use super::palette::{self, Rgb, arrow_style, box_style};
use super::{BADGE_RADIUS, CUE_SIZE};
use crate::model::{EdgeKind, NodeKind, Point};

/// Distance from a line's top to its baseline, as a share of the font size
/// (the ascender of Ubuntu Light, the canvas font).
pub const ASCENT: f64 = 0.932;

/// Extra space between the letters of a box's kind word (BECAUSE, BUT, ...).
pub const CUE_SPACING: f64 = 0.4;

/// Where a text's anchor point sits along it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape<'a> {
    /// An open line through `points`, stroked, perhaps dashed.
    Polyline {
        points: &'a [Point],
        color: Rgb,
        width: f64,
        dash: &'static [f64],
    },
    /// A filled triangle.
    Triangle { points: [Point; 3], color: Rgb },
    /// A straight stroke.
    Line {
        from: Point,
        to: Point,
        color: Rgb,
        width: f64,
    },
    /// A circle, filled, or stroked when `width` is given.
    Circle {
        center: Point,
        radius: f64,
        color: Rgb,
        width: Option<f64>,
    },
    /// A rectangle with rounded corners, filled if `fill` is given, then
    /// stroked; `class` names it in an SVG.
    RoundedRect {
        rect: super::Rect,
        radius: f64,
        fill: Option<Rgb>,
        stroke: Rgb,
        width: f64,
        class: Option<&'static str>,
    },
    /// A line of text; `at` is the anchor point on the baseline.
    Text {
        text: std::borrow::Cow<'a, str>,
        at: Point,
        size: f64,
        color: Rgb,
        anchor: Anchor,
        /// Extra space after each letter.
        spacing: f64,
        /// Runs of spaces are kept (a box's own words).
        keep_spaces: bool,
    },
}

/// The shapes of `arrow`: its line first, then its head.
pub fn arrow_shapes(arrow: &ArrowItem) -> Vec<Shape<'_>> {
    let style = arrow_style(arrow.kind);
    let color = style.stroke;
    let mut shapes = vec![Shape::Polyline {
        points: &arrow.points,
        color,
        width: style.width,
        dash: style.dash,
    }];
    if !arrow.head {
        return shapes;
    }
    let (Some(&end), Some(&before)) = (arrow.points.last(), arrow.points.iter().rev().nth(1))
    else {
        return shapes;
    };
    let len = ((end.x - before.x).powi(2) + (end.y - before.y).powi(2))
        .sqrt()
        .max(1e-9);
    let (dx, dy) = ((end.x - before.x) / len, (end.y - before.y) / len);
    let (nx, ny) = (-dy, dx);
    let size = 11.0;
    let at = |along: f64, across: f64| {
        Point::new(
            end.x - dx * along + nx * across,
            end.y - dy * along + ny * across,
        )
    };
    let line = |from: Point, to: Point, width: f64| Shape::Line {
        from,
        to,
        color,
        width,
    };
    match arrow.kind {
        EdgeKind::Supports | EdgeKind::Attacks => {
            shapes.push(Shape::Triangle {
                points: [end, at(size, size * 0.5), at(size, -size * 0.5)],
                color,
            });
            if arrow.kind == EdgeKind::Attacks {
                shapes.push(line(
                    at(size * 1.6, size * 0.6),
                    at(size * 1.6, -size * 0.6),
                    style.width * 1.2,
                ));
            }
        }
        EdgeKind::Undercuts => {
            shapes.push(line(
                at(0.0, size * 0.8),
                at(0.0, -size * 0.8),
                style.width * 1.6,
            ));
            shapes.push(Shape::Circle {
                center: end,
                radius: size * 0.35,
                color,
                width: Some(style.width),
            });
        }
    }
    shapes
}

/// The shapes of a box: its outline, its kind word, its lines, and its
/// badges.
pub fn box_shapes(item: &BoxItem) -> Vec<Shape<'_>> {
    let style = box_style(item.kind);
    let width = if item.kind == NodeKind::Claim {
        2.5
    } else {
        1.5
    };
    let inset = width / 2.0;
    let r = item.rect;
    let mut shapes = vec![Shape::RoundedRect {
        rect: super::Rect::from_corners(
            Point::new(r.min.x + inset, r.min.y + inset),
            Point::new(r.max.x - inset, r.max.y - inset),
        ),
        radius: 6.0,
        fill: Some(style.fill),
        stroke: style.stroke,
        width,
        class: None,
    }];
    shapes.extend(line_shape(&item.cue, style.stroke));
    shapes.extend(
        item.lines
            .iter()
            .filter_map(|l| line_shape(l, palette::TEXT)),
    );
    if let Some((badge, text)) = item.fold_badge() {
        shapes.push(Shape::RoundedRect {
            rect: badge,
            radius: 9.0,
            fill: Some(style.stroke),
            stroke: palette::BADGE_TEXT,
            width: 1.0,
            class: Some("folded"),
        });
        shapes.push(badge_text(text, badge.center(), 12.0));
    }
    if item.spans > 0 {
        shapes.push(Shape::Circle {
            center: item.badge,
            radius: BADGE_RADIUS,
            color: style.stroke,
            width: None,
        });
        shapes.push(badge_text(
            format!("\u{201c}{}", item.spans),
            item.badge,
            BADGE_RADIUS * 1.3,
        ));
    }
    shapes
}

/// A box new in this step: a strong outline and the word "new", as the
/// window's presentation marks it.
pub fn new_mark_shapes(item: &BoxItem) -> [Shape<'static>; 2] {
    let r = item.rect.expand(5.0);
    [
        Shape::RoundedRect {
            rect: r,
            radius: 8.0,
            fill: None,
            stroke: palette::NEW_MARK,
            width: 3.0,
            class: Some("new"),
        },
        Shape::Text {
            text: "new".into(),
            at: Point::new(r.max.x, r.min.y - 4.0),
            size: 13.0,
            color: palette::NEW_MARK,
            anchor: Anchor::End,
            spacing: 0.0,
            keep_spaces: false,
        },
    ]
}

/// A text line of a box, or `None` when it is empty.
fn line_shape(line: &TextLine, color: Rgb) -> Option<Shape<'_>> {
    if line.text.is_empty() {
        return None;
    }
    let cue = (line.size - CUE_SIZE).abs() < f64::EPSILON;
    Some(Shape::Text {
        text: line.text.as_str().into(),
        at: Point::new(line.pos.x, line.pos.y + line.size * ASCENT),
        size: line.size,
        color,
        anchor: Anchor::Start,
        spacing: if cue { CUE_SPACING } else { 0.0 },
        keep_spaces: true,
    })
}

/// White text centred on a badge.
fn badge_text(text: String, center: Point, size: f64) -> Shape<'static> {
    Shape::Text {
        text: text.into(),
        at: Point::new(center.x, center.y + size * (ASCENT - 0.55)),
        size,
        color: palette::BADGE_TEXT,
        anchor: Anchor::Middle,
        spacing: 0.0,
        keep_spaces: false,
    }
}

/// How far a box's drawing can reach past its rectangle, in map units: its
/// stroke, the "+N" badge across its bottom edge, a slide's "new" mark above
/// it. Arrow heads and stroke widths stay within this of an arrow's points.
const REACH: f64 = 32.0;

/// Whether anything of `item` may be drawn inside `rect`.
pub fn box_reaches(item: &BoxItem, rect: &super::Rect) -> bool {
    rect.expand(REACH).intersects(&item.rect)
}

/// Whether anything of `arrow` may be drawn inside `rect`.
pub fn arrow_reaches(arrow: &ArrowItem, rect: &super::Rect) -> bool {
    let near = rect.expand(REACH);
    match arrow.points.as_slice() {
        [only] => near.contains(*only),
        points => points
            .windows(2)
            .any(|w| super::geometry::segment_crosses(w[0], w[1], &near)),
    }
}
