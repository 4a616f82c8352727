//! The brief as one self-contained HTML page (no scripts, fonts or images
//! from elsewhere) that reads on screen and prints on A4.

use super::{Brief, Point};
use std::fmt::Write as _;

const STYLE: &str = r"
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Serif', 'DejaVu Serif', Georgia, serif; font-size: 11pt;
       line-height: 1.4; color: #1d1d1f; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 4mm; }
h2 { font-size: 14pt; margin: 8mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid #444;
     page-break-after: avoid; }
h3 { font-size: 12pt; margin: 4mm 0 1mm; color: #333; page-break-after: avoid; }
ul { margin: 1mm 0; padding-left: 6mm; }
li { margin: 1.2mm 0; }
.point { break-inside: avoid; page-break-inside: avoid; }
.kind { font-weight: bold; font-variant: small-caps; letter-spacing: 0.02em; }
.id { color: #777; font-size: 9pt; }
.status { white-space: nowrap; font-family: 'Noto Sans', 'DejaVu Sans', sans-serif; font-size: 9pt;
          padding: 0 1.5mm; border-radius: 2mm; border: 1px solid; margin-left: 1mm; }
.in { color: #11603a; border-color: #11603a; background: #e8f5ee; }
.out { color: #8a1c1c; border-color: #8a1c1c; background: #fbeaea; }
.undec { color: #6b5500; border-color: #6b5500; background: #fff6d6; }
.note { color: #555; font-size: 9.5pt; }
blockquote { margin: 1mm 0 1mm 2mm; padding: 0.5mm 3mm; border-left: 2.5px solid #b9b9c0;
             color: #333; font-style: italic; }
blockquote cite { font-style: normal; color: #666; font-size: 9pt; }
.unanswered { border: 1.5px solid #8a1c1c; border-radius: 2mm; padding: 1mm 4mm 2mm; }
.empty { color: #777; font-style: italic; }
@media print { body { padding: 0; } a { color: inherit; } }
";

/// The HTML page of `brief`.
pub fn to_html(brief: &Brief) -> String {
    let mut out = String::new();
    let title = escape(&brief.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Brief: {title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>Brief: {title}</h1>\n"
    );
    out.push_str("<section class=\"unanswered\">\n<h2>Unanswered objections</h2>\n");
    if brief.unanswered.is_empty() {
        out.push_str("<p class=\"empty\">None: every objection to your side is answered.</p>\n");
    } else {
        list(&mut out, &brief.unanswered);
    }
    out.push_str("</section>\n");
    for part in &brief.claims {
        let claim = &part.claim;
        let _ = write!(
            out,
            "<section>\n<h2>Main claim <span class=\"id\">#{}</span> {} {}</h2>\n",
            claim.node,
            escape(&claim.text),
            status(claim)
        );
        quotes(&mut out, claim);
        for (heading, points) in [("For", &part.for_it), ("Against", &part.against_it)] {
            let _ = writeln!(out, "<h3>{heading}</h3>");
            if points.is_empty() {
                out.push_str("<p class=\"empty\">Nothing yet.</p>\n");
            } else {
                list(&mut out, points);
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn list(out: &mut String, points: &[Point]) {
    out.push_str("<ul>\n");
    for point in points {
        let _ = write!(
            out,
            "<li><div class=\"point\"><span class=\"kind\">{}</span> <span class=\"id\">#{}</span> {} {}",
            escape(&point.kind),
            point.node,
            escape(&point.text),
            status(point)
        );
        if let Some(relation) = &point.relation {
            let _ = write!(out, " <span class=\"note\">{}</span>", escape(relation));
        }
        out.push('\n');
        quotes(out, point);
        out.push_str("</div>\n");
        if !point.children.is_empty() {
            list(out, &point.children);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

fn status(point: &Point) -> String {
    let class = if point.status.starts_with('\u{2713}') {
        "in"
    } else if point.status.starts_with('\u{2717}') {
        "out"
    } else {
        "undec"
    };
    let mut words = escape(&point.status);
    if point.unsupported {
        words.push_str(" · unsupported");
    }
    if let Some(assumed) = point.assumed {
        let _ = write!(words, " ({assumed})");
    }
    format!("<span class=\"status {class}\">{words}</span>")
}

fn quotes(out: &mut String, point: &Point) {
    for (quote, title) in &point.quotes {
        let _ = writeln!(
            out,
            "<blockquote>\u{201c}{}\u{201d} <cite>({})</cite></blockquote>",
            escape(quote),
            escape(title)
        );
    }
}

/// `text` safe inside HTML elements and attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn box_text_cannot_inject_markup() {
        assert_eq!(
            escape("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
