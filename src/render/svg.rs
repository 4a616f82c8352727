//! A display list written as SVG: the same boxes, colours, text lines and
//! arrows the canvas draws, so what users export is what they saw.

use super::display_list::{ArrowItem, BoxItem, DisplayList};
use super::figure::{Anchor, Shape, arrow_shapes, box_shapes, new_mark_shapes};
use super::geometry::Rect;
use super::palette::{self, Rgb};
use crate::model::{NodeId, Point};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The font the canvas draws with; exports load the same file.
pub const FONT_FAMILY: &str =
    "Ubuntu Light, Ubuntu, Noto Sans CJK SC, Noto Sans CJK JP, Symbola, sans-serif";

/// How an export looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SvgOptions {
    /// Pixels per map unit.
    pub scale: f64,
    /// Space around the map, in map units.
    pub margin: f64,
    pub dark_background: bool,
    /// A picture of exactly this size in pixels (a slide), the map fitted
    /// in and centred; `None` for the map's own size times `scale`.
    pub frame: Option<(u32, u32)>,
}

impl Default for SvgOptions {
    fn default() -> Self {
        Self {
            scale: 1.0,
            margin: 40.0,
            dark_background: false,
            frame: None,
        }
    }
}

/// The area an export covers, in map units: the map plus the margin, and
/// widened or heightened to the frame's shape when there is one.
pub fn export_area(list: &DisplayList, options: &SvgOptions) -> Rect {
    let area = list
        .bounds()
        .unwrap_or(Rect::from_center(Point::default(), 200.0, 100.0))
        .expand(options.margin);
    let Some((fw, fh)) = options.frame else {
        return area;
    };
    let aspect = f64::from(fw) / f64::from(fh.max(1));
    let (w, h) = (area.width(), area.height());
    let (w, h) = if w / h > aspect {
        (w, w / aspect)
    } else {
        (h * aspect, h)
    };
    // Never closer than 2 pixels per map unit: one box does not fill a slide.
    let least = (f64::from(fw) / 2.0, f64::from(fh) / 2.0);
    Rect::from_center(area.center(), w.max(least.0), h.max(least.1))
}

/// The SVG text of `list`.
pub fn to_svg(list: &DisplayList, title: &str, options: &SvgOptions) -> String {
    to_svg_marked(list, title, options, &BTreeSet::new())
}

/// The picture's width and height in pixels, as its SVG states them.
pub fn picture_size(area: Rect, options: &SvgOptions) -> (f64, f64) {
    let (w, h) = match options.frame {
        Some((fw, fh)) => (f64::from(fw), f64::from(fh)),
        None => (area.width() * options.scale, area.height() * options.scale),
    };
    let written = |x: f64| num(x).parse().unwrap_or(x);
    (written(w), written(h))
}

/// The SVG text of `list`, the boxes in `new` marked as new (a slide).
pub fn to_svg_marked(
    list: &DisplayList,
    title: &str,
    options: &SvgOptions,
    new: &BTreeSet<NodeId>,
) -> String {
    let area = export_area(list, options);
    let (w, h) = picture_size(area, options);
    let mut out = String::with_capacity(512 + list.boxes.len() * 700 + list.arrows.len() * 200);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="{} {} {} {}" font-family="{FONT_FAMILY}">"#,
        num(w),
        num(h),
        num(area.min.x),
        num(area.min.y),
        num(area.width()),
        num(area.height())
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
        num(area.min.x),
        num(area.min.y),
        num(area.width()),
        num(area.height()),
        background(options).hex()
    );
    out.push_str("<g class=\"arrows\">\n");
    for arrow in &list.arrows {
        write_arrow(&mut out, arrow);
    }
    out.push_str("</g>\n<g class=\"boxes\">\n");
    for item in &list.boxes {
        write_box(&mut out, item);
        if new.contains(&item.node) {
            for shape in &new_mark_shapes(item) {
                write_shape(&mut out, shape, "");
            }
        }
    }
    out.push_str("</g>\n</svg>\n");
    out
}

/// The colour behind the map.
pub fn background(options: &SvgOptions) -> Rgb {
    if options.dark_background {
        palette::BACKGROUND_DARK
    } else {
        palette::BACKGROUND_LIGHT
    }
}

fn write_arrow(out: &mut String, arrow: &ArrowItem) {
    let edges: Vec<String> = arrow.edges().iter().map(ToString::to_string).collect();
    let names = format!(
        r#" class="{}" data-edges="{}""#,
        arrow.kind,
        edges.join(" ")
    );
    for shape in arrow_shapes(arrow) {
        write_shape(out, &shape, &names);
    }
}

fn write_box(out: &mut String, item: &BoxItem) {
    let label: Vec<&str> = item.lines.iter().map(|l| l.text.as_str()).collect();
    let _ = writeln!(
        out,
        r#"<g class="node {}" id="node-{}">"#,
        item.kind, item.node
    );
    let _ = writeln!(
        out,
        "<title>{}: {}</title>",
        item.kind,
        escape(&label.join(" "))
    );
    for shape in box_shapes(item) {
        write_shape(out, &shape, "");
    }
    out.push_str("</g>\n");
}

/// One shape as one SVG element; a line's `<path>` carries `line_names`
/// (an arrow's class and edges).
fn write_shape(out: &mut String, shape: &Shape<'_>, line_names: &str) {
    let _ = match shape {
        Shape::Polyline {
            points,
            color,
            width,
            dash,
        } => writeln!(
            out,
            r#"<path{line_names} d="{}" fill="none" stroke="{}" stroke-width="{}"{}/>"#,
            path_data(points),
            color.hex(),
            num(*width),
            dash_attribute(dash)
        ),
        Shape::Triangle { points, color } => {
            let [a, b, c] = points;
            writeln!(
                out,
                r#"<polygon points="{},{} {},{} {},{}" fill="{}"/>"#,
                num(a.x),
                num(a.y),
                num(b.x),
                num(b.y),
                num(c.x),
                num(c.y),
                color.hex()
            )
        }
        Shape::Line {
            from,
            to,
            color,
            width,
        } => writeln!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"/>"#,
            num(from.x),
            num(from.y),
            num(to.x),
            num(to.y),
            color.hex(),
            num(*width)
        ),
        Shape::Circle {
            center,
            radius,
            color,
            width,
        } => {
            let paint = match width {
                Some(w) => format!(
                    r#"fill="none" stroke="{}" stroke-width="{}""#,
                    color.hex(),
                    num(*w)
                ),
                None => format!(r#"fill="{}""#, color.hex()),
            };
            writeln!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}" {paint}/>"#,
                num(center.x),
                num(center.y),
                num(*radius)
            )
        }
        Shape::RoundedRect {
            rect,
            radius,
            fill,
            stroke,
            width,
            class,
        } => writeln!(
            out,
            r#"<rect{} x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}" stroke="{}" stroke-width="{}"/>"#,
            class
                .map(|c| format!(r#" class="{c}""#))
                .unwrap_or_default(),
            num(rect.min.x),
            num(rect.min.y),
            num(rect.width()),
            num(rect.height()),
            num(*radius),
            fill.map_or_else(|| "none".to_owned(), Rgb::hex),
            stroke.hex(),
            num(*width)
        ),
        Shape::Text { .. } => writeln!(out, "{}", text_element(shape)),
    };
}

/// A text shape as a `<text>` element.
fn text_element(shape: &Shape<'_>) -> String {
    let Shape::Text {
        text,
        at,
        size,
        color,
        anchor,
        spacing,
        keep_spaces,
    } = shape
    else {
        return String::new();
    };
    format!(
        r#"<text x="{}" y="{}" font-size="{}" fill="{}"{}{}{}>{}</text>"#,
        num(at.x),
        num(at.y),
        num(*size),
        color.hex(),
        if *keep_spaces {
            r#" xml:space="preserve""#
        } else {
            ""
        },
        if *spacing > 0.0 {
            format!(r#" letter-spacing="{}""#, num(*spacing))
        } else {
            String::new()
        },
        match anchor {
            Anchor::Start => "",
            Anchor::Middle => r#" text-anchor="middle""#,
            Anchor::End => r#" text-anchor="end""#,
        },
        escape(text)
    )
}

/// The `d` attribute of a line through `points`.
fn path_data(points: &[Point]) -> String {
    let parts: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{}{} {}",
                if i == 0 { "M" } else { "L" },
                num(p.x),
                num(p.y)
            )
        })
        .collect();
    parts.join(" ")
}

/// The `stroke-dasharray` attribute, or nothing for a solid line.
fn dash_attribute(dash: &[f64]) -> String {
    if dash.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = dash.iter().map(|d| num(*d)).collect();
    format!(r#" stroke-dasharray="{}""#, parts.join(" "))
}

/// A number with at most two decimals and no trailing zeros: deterministic
/// and compact.
fn num(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// Text made safe for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic_map;
    use crate::render::{FixedAdvance, build};

    #[test]
    fn numbers_are_compact() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(2.456), "2.46");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("a < b & \"c\" 中"),
            "a &lt; b &amp; &quot;c&quot; 中"
        );
    }

    #[test]
    fn every_box_and_arrow_is_written() {
        let map = synthetic_map(50);
        let list = build(&map, &FixedAdvance::default());
        let svg = to_svg(&list, "t", &SvgOptions::default());
        assert_eq!(svg.matches("<g class=\"node ").count(), 50);
        assert_eq!(svg.matches("<path ").count(), list.arrows.len());
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert_eq!(
            svg,
            to_svg(&list, "t", &SvgOptions::default()),
            "deterministic"
        );
    }
}
