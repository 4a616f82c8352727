//! A display list painted straight onto pixels: the same shapes the SVG
//! writer writes (`figure`), drawn with tiny-skia, text from kept glyphs.
//! A PNG export needs no SVG read back, and paints only what shows in the
//! part of the picture it is drawing.

use super::display_list::DisplayList;
use super::figure::{
    Anchor, Shape, arrow_reaches, arrow_shapes, box_reaches, box_shapes, new_mark_shapes,
};
use super::geometry::{Rect, clip_range};
use super::glyphs::{Glyphs, TextPlace};
use super::palette::Rgb;
use crate::model::{NodeId, Point};
use resvg::tiny_skia::{
    FillRule, Paint, Path, PathBuilder, PixmapMut, Stroke, StrokeDash, Transform,
};
use std::collections::BTreeSet;

/// Which part of the map a pixmap shows: the map point at its top left
/// corner, and pixels per map unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub origin: Point,
    pub scale_x: f64,
    pub scale_y: f64,
}

impl View {
    fn pixel(&self, p: Point) -> (f64, f64) {
        (
            (p.x - self.origin.x) * self.scale_x,
            (p.y - self.origin.y) * self.scale_y,
        )
    }

    #[expect(
        clippy::cast_possible_truncation,
        reason = "tiny-skia draws in f32; map coordinates are far below its limits"
    )]
    fn transform(&self) -> Transform {
        Transform::from_row(
            self.scale_x as f32,
            0.0,
            0.0,
            self.scale_y as f32,
            (-self.origin.x * self.scale_x) as f32,
            (-self.origin.y * self.scale_y) as f32,
        )
    }

    /// The map rectangle a `width`×`height` pixmap shows.
    pub fn area(&self, width: u32, height: u32) -> Rect {
        Rect::from_corners(
            self.origin,
            Point::new(
                self.origin.x + f64::from(width) / self.scale_x,
                self.origin.y + f64::from(height) / self.scale_y,
            ),
        )
    }
}

/// Paints the arrows, then the boxes (those in `new` marked), of `list` that
/// show in `pixmap` seen through `view`. The pixmap must be opaque.
pub fn paint(
    list: &DisplayList,
    new: &BTreeSet<NodeId>,
    view: &View,
    pixmap: &mut PixmapMut<'_>,
    glyphs: &mut Glyphs<'_>,
) {
    let shown = view.area(pixmap.width(), pixmap.height());
    let mut painter = Painter {
        view,
        transform: view.transform(),
        near: shown.expand(NEAR),
        pixmap,
        glyphs,
    };
    for arrow in list.arrows.iter().filter(|a| arrow_reaches(a, &shown)) {
        for shape in arrow_shapes(arrow) {
            painter.shape(&shape);
        }
    }
    for item in list.boxes.iter().filter(|b| box_reaches(b, &shown)) {
        for shape in box_shapes(item) {
            painter.shape(&shape);
        }
        if new.contains(&item.node) {
            for shape in &new_mark_shapes(item) {
                painter.shape(shape);
            }
        }
    }
}

/// How far outside the pixmap, in map units, a long line is still drawn:
/// past its widest stroke, so its cut ends never show.
const NEAR: f64 = 16.0;

struct Painter<'p, 'm, 'g, 'f> {
    view: &'p View,
    transform: Transform,
    /// The part of the map a line is cut to before it is stroked.
    near: Rect,
    pixmap: &'p mut PixmapMut<'m>,
    glyphs: &'g mut Glyphs<'f>,
}

impl Painter<'_, '_, '_, '_> {
    fn shape(&mut self, shape: &Shape<'_>) {
        match shape {
            Shape::Polyline {
                points,
                color,
                width,
                dash,
            } => {
                // A long arrow crosses many bands; each strokes (and dashes)
                // only its own piece, the dashes carried on from where the
                // piece begins along the line.
                for (piece, along) in clip_polyline(points, &self.near) {
                    if let Some(path) = polyline(&piece, false) {
                        self.stroke(&path, *color, *width, dash, along);
                    }
                }
            }
            Shape::Triangle { points, color } => {
                if let Some(path) = polyline(points, true) {
                    self.fill(&path, *color);
                }
            }
            Shape::Line {
                from,
                to,
                color,
                width,
            } => {
                if let Some(path) = polyline(&[*from, *to], false) {
                    self.stroke(&path, *color, *width, &[], 0.0);
                }
            }
            Shape::Circle {
                center,
                radius,
                color,
                width,
            } => {
                #[expect(clippy::cast_possible_truncation, reason = "tiny-skia draws in f32")]
                let circle =
                    PathBuilder::from_circle(center.x as f32, center.y as f32, *radius as f32);
                if let Some(path) = circle {
                    match width {
                        Some(w) => self.stroke(&path, *color, *w, &[], 0.0),
                        None => self.fill(&path, *color),
                    }
                }
            }
            Shape::RoundedRect {
                rect,
                radius,
                fill,
                stroke,
                width,
                ..
            } => {
                if let Some(path) = rounded_rect(rect, *radius) {
                    if let Some(fill) = fill {
                        self.fill(&path, *fill);
                    }
                    self.stroke(&path, *stroke, *width, &[], 0.0);
                }
            }
            Shape::Text {
                text,
                at,
                size,
                color,
                anchor,
                spacing,
                ..
            } => {
                let (x, baseline) = self.view.pixel(*at);
                let size = size * self.view.scale_y;
                let spacing = spacing * self.view.scale_x;
                let x = match anchor {
                    Anchor::Start => x,
                    Anchor::Middle => x - self.glyphs.width(text, size, spacing) / 2.0,
                    Anchor::End => x - self.glyphs.width(text, size, spacing),
                };
                let place = TextPlace {
                    x,
                    baseline,
                    size,
                    spacing,
                };
                self.glyphs.draw(self.pixmap, text, place, *color);
            }
        }
    }

    fn fill(&mut self, path: &Path, color: Rgb) {
        self.pixmap
            .fill_path(path, &solid(color), FillRule::Winding, self.transform, None);
    }

    /// Strokes `path`, its dashes starting `along` map units into their
    /// pattern.
    fn stroke(&mut self, path: &Path, color: Rgb, width: f64, dash: &[f64], along: f64) {
        #[expect(clippy::cast_possible_truncation, reason = "tiny-skia draws in f32")]
        let stroke = Stroke {
            width: width as f32,
            dash: StrokeDash::new(dash.iter().map(|d| *d as f32).collect(), along as f32),
            ..Stroke::default()
        };
        self.pixmap
            .stroke_path(path, &solid(color), &stroke, self.transform, None);
    }
}

fn solid(color: Rgb) -> Paint<'static> {
    let Rgb(r, g, b) = color;
    let mut paint = Paint::default();
    paint.set_color_rgba8(r, g, b, 255);
    paint.anti_alias = true;
    paint
}

/// A path through `points`, closed or open.
#[expect(clippy::cast_possible_truncation, reason = "tiny-skia draws in f32")]
fn polyline(points: &[Point], closed: bool) -> Option<Path> {
    let (first, rest) = points.split_first()?;
    let mut path = PathBuilder::new();
    path.move_to(first.x as f32, first.y as f32);
    for p in rest {
        path.line_to(p.x as f32, p.y as f32);
    }
    if closed {
        path.close();
    }
    path.finish()
}

/// The pieces of the line through `points` inside `rect`, each with how
/// far along the line it begins.
fn clip_polyline(points: &[Point], rect: &Rect) -> Vec<(Vec<Point>, f64)> {
    let mut pieces: Vec<(Vec<Point>, f64)> = Vec::new();
    let mut along = 0.0;
    // Whether the last piece reaches the end of the segment before.
    let mut open = false;
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let length = (b.x - a.x).hypot(b.y - a.y);
        let at = |t: f64| Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
        match clip_range(a, b, rect) {
            Some((t0, t1)) => {
                match pieces.last_mut() {
                    Some((piece, _)) if open && t0 <= 0.0 => piece.push(at(t1)),
                    _ => pieces.push((vec![at(t0), at(t1)], along + t0 * length)),
                }
                open = t1 >= 1.0;
            }
            None => open = false,
        }
        along += length;
    }
    if let [only] = points
        && rect.contains(*only)
    {
        pieces.push((vec![*only], 0.0));
    }
    pieces
}

/// A rectangle with corners rounded by `radius` (as SVG's `rx`, drawn with
/// the usual cubic approximation of a quarter circle).
#[expect(clippy::cast_possible_truncation, reason = "tiny-skia draws in f32")]
fn rounded_rect(rect: &Rect, radius: f64) -> Option<Path> {
    let (x0, y0, x1, y1) = (
        rect.min.x as f32,
        rect.min.y as f32,
        rect.max.x as f32,
        rect.max.y as f32,
    );
    let r = (radius as f32).min((x1 - x0) / 2.0).min((y1 - y0) / 2.0);
    // Control points of a quarter circle sit this far along its tangents.
    let k = r * 0.552_284_8;
    let mut path = PathBuilder::new();
    path.move_to(x0 + r, y0);
    path.line_to(x1 - r, y0);
    path.cubic_to(x1 - r + k, y0, x1, y0 + r - k, x1, y0 + r);
    path.line_to(x1, y1 - r);
    path.cubic_to(x1, y1 - r + k, x1 - r + k, y1, x1 - r, y1);
    path.line_to(x0 + r, y1);
    path.cubic_to(x0 + r - k, y1, x0, y1 - r + k, x0, y1 - r);
    path.line_to(x0, y0 + r);
    path.cubic_to(x0, y0 + r - k, x0 + r - k, y0, x0 + r, y0);
    path.close();
    path.finish()
}
