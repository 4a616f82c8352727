//! A display list written as SVG: the same boxes, colours, text lines and
//! arrows the canvas draws, so what users export is what they saw.

use super::display_list::{ArrowItem, BoxItem, DisplayList, TextLine};
use super::geometry::Rect;
use super::palette::{self, Rgb, arrow_style, box_style};
use super::{BADGE_RADIUS, CUE_SIZE};
use crate::model::{EdgeKind, NodeKind, Point};
use std::fmt::Write as _;

/// The font the canvas draws with; exports load the same file.
pub const FONT_FAMILY: &str =
    "Ubuntu Light, Ubuntu, Noto Sans CJK SC, Noto Sans CJK JP, Symbola, sans-serif";
/// Distance from a line's top to its baseline, as a share of the font size
/// (the ascender of Ubuntu Light, the canvas font).
pub const ASCENT: f64 = 0.932;

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
    to_svg_marked(list, title, options, &std::collections::BTreeSet::new())
}

/// The SVG text of `list`, the boxes in `new` marked as new (a slide).
pub fn to_svg_marked(
    list: &DisplayList,
    title: &str,
    options: &SvgOptions,
    new: &std::collections::BTreeSet<crate::model::NodeId>,
) -> String {
    let area = export_area(list, options);
    let (w, h) = match options.frame {
        Some((fw, fh)) => (f64::from(fw), f64::from(fh)),
        None => (area.width() * options.scale, area.height() * options.scale),
    };
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
    let background = if options.dark_background {
        palette::BACKGROUND_DARK
    } else {
        palette::BACKGROUND_LIGHT
    };
    let _ = writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
        num(area.min.x),
        num(area.min.y),
        num(area.width()),
        num(area.height()),
        background.hex()
    );
    out.push_str("<g class=\"arrows\">\n");
    for arrow in &list.arrows {
        write_arrow(&mut out, arrow);
    }
    out.push_str("</g>\n<g class=\"boxes\">\n");
    for item in &list.boxes {
        write_box(&mut out, item);
        if new.contains(&item.node) {
            write_new_mark(&mut out, item);
        }
    }
    out.push_str("</g>\n</svg>\n");
    out
}

fn write_arrow(out: &mut String, arrow: &ArrowItem) {
    let style = arrow_style(arrow.kind);
    let color = style.stroke.hex();
    let d: Vec<String> = arrow
        .points
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
    let dash = if style.dash.is_empty() {
        String::new()
    } else {
        let parts: Vec<String> = style.dash.iter().map(|d| num(*d)).collect();
        format!(r#" stroke-dasharray="{}""#, parts.join(" "))
    };
    let edges: Vec<String> = arrow.edges().iter().map(ToString::to_string).collect();
    let _ = writeln!(
        out,
        r#"<path class="{}" data-edges="{}" d="{}" fill="none" stroke="{color}" stroke-width="{}"{dash}/>"#,
        arrow.kind,
        edges.join(" "),
        d.join(" "),
        num(style.width)
    );
    if !arrow.head {
        return;
    }
    let (Some(&end), Some(&before)) = (arrow.points.last(), arrow.points.iter().rev().nth(1))
    else {
        return;
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
    let line = |a: Point, b: Point, width: f64| {
        format!(
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{color}" stroke-width="{}"/>"#,
            num(a.x),
            num(a.y),
            num(b.x),
            num(b.y),
            num(width)
        )
    };
    match arrow.kind {
        EdgeKind::Supports | EdgeKind::Attacks => {
            let (a, b) = (at(size, size * 0.5), at(size, -size * 0.5));
            let _ = writeln!(
                out,
                r#"<polygon points="{},{} {},{} {},{}" fill="{color}"/>"#,
                num(end.x),
                num(end.y),
                num(a.x),
                num(a.y),
                num(b.x),
                num(b.y)
            );
            if arrow.kind == EdgeKind::Attacks {
                let _ = writeln!(
                    out,
                    "{}",
                    line(
                        at(size * 1.6, size * 0.6),
                        at(size * 1.6, -size * 0.6),
                        style.width * 1.2
                    )
                );
            }
        }
        EdgeKind::Undercuts => {
            let _ = writeln!(
                out,
                "{}",
                line(at(0.0, size * 0.8), at(0.0, -size * 0.8), style.width * 1.6)
            );
            let _ = writeln!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}" fill="none" stroke="{color}" stroke-width="{}"/>"#,
                num(end.x),
                num(end.y),
                num(size * 0.35),
                num(style.width)
            );
        }
    }
}

fn write_box(out: &mut String, item: &BoxItem) {
    let style = box_style(item.kind);
    let r = item.rect;
    let stroke_width = if item.kind == NodeKind::Claim {
        2.5
    } else {
        1.5
    };
    let inset = stroke_width / 2.0;
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
    let _ = writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="{}" stroke="{}" stroke-width="{}"/>"#,
        num(r.min.x + inset),
        num(r.min.y + inset),
        num(r.width() - stroke_width),
        num(r.height() - stroke_width),
        style.fill.hex(),
        style.stroke.hex(),
        num(stroke_width)
    );
    write_text(out, &item.cue, style.stroke);
    for line in &item.lines {
        write_text(out, line, palette::TEXT);
    }
    if let Some((badge, text)) = item.fold_badge() {
        let _ = writeln!(
            out,
            r#"<rect class="folded" x="{}" y="{}" width="{}" height="{}" rx="9" fill="{}" stroke="{}" stroke-width="1"/>"#,
            num(badge.min.x),
            num(badge.min.y),
            num(badge.width()),
            num(badge.height()),
            style.stroke.hex(),
            palette::BADGE_TEXT.hex()
        );
        let size = 12.0;
        let _ = writeln!(
            out,
            r#"<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="middle">{}</text>"#,
            num(badge.center().x),
            num(badge.center().y + size * (ASCENT - 0.55)),
            num(size),
            palette::BADGE_TEXT.hex(),
            escape(&text)
        );
    }
    if item.spans > 0 {
        let _ = writeln!(
            out,
            r#"<circle cx="{}" cy="{}" r="{}" fill="{}"/>"#,
            num(item.badge.x),
            num(item.badge.y),
            num(BADGE_RADIUS),
            style.stroke.hex()
        );
        let size = BADGE_RADIUS * 1.3;
        let _ = writeln!(
            out,
            r#"<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="middle">{}</text>"#,
            num(item.badge.x),
            num(item.badge.y + size * (ASCENT - 0.55)),
            num(size),
            palette::BADGE_TEXT.hex(),
            escape(&format!("\u{201c}{}", item.spans))
        );
    }
    out.push_str("</g>\n");
}

/// A box new in this step: a strong outline and the word "new", as the
/// window's presentation marks it.
fn write_new_mark(out: &mut String, item: &BoxItem) {
    let r = item.rect.expand(5.0);
    let color = palette::NEW_MARK.hex();
    let _ = writeln!(
        out,
        r#"<rect class="new" x="{}" y="{}" width="{}" height="{}" rx="8" fill="none" stroke="{color}" stroke-width="3"/>"#,
        num(r.min.x),
        num(r.min.y),
        num(r.width()),
        num(r.height())
    );
    let _ = writeln!(
        out,
        r#"<text x="{}" y="{}" font-size="13" fill="{color}" text-anchor="end">new</text>"#,
        num(r.max.x),
        num(r.min.y - 4.0)
    );
}

fn write_text(out: &mut String, line: &TextLine, color: Rgb) {
    if line.text.is_empty() {
        return;
    }
    let weight = if (line.size - CUE_SIZE).abs() < f64::EPSILON {
        r#" letter-spacing="0.4""#
    } else {
        ""
    };
    let _ = writeln!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" fill="{}" xml:space="preserve"{weight}>{}</text>"#,
        num(line.pos.x),
        num(line.pos.y + line.size * ASCENT),
        num(line.size),
        color.hex(),
        escape(&line.text)
    );
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
