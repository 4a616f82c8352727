//! The brief as Markdown: headings per main claim, nested bullets, quotes
//! as block quotes with their source's title.

use super::{Brief, Point};
use std::fmt::Write as _;

/// The Markdown text of `brief`.
pub fn to_markdown(brief: &Brief) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Brief: {}\n", one_line(&brief.title));
    out.push_str("## Unanswered objections\n\n");
    if brief.unanswered.is_empty() {
        out.push_str("None: every objection to your side is answered.\n");
    }
    for point in &brief.unanswered {
        bullet(&mut out, point, 0);
    }
    for part in &brief.claims {
        let claim = &part.claim;
        let _ = write!(
            out,
            "\n## Main claim #{}: {} — {}",
            claim.node,
            one_line(&claim.text),
            claim.status
        );
        if claim.unsupported {
            out.push_str(" · unsupported");
        }
        out.push('\n');
        for (quote, title) in &claim.quotes {
            let _ = writeln!(out, "\n> \u{201c}{}\u{201d} ({})", quote, one_line(title));
        }
        for (heading, points) in [("For", &part.for_it), ("Against", &part.against_it)] {
            let _ = writeln!(out, "\n### {heading}\n");
            if points.is_empty() {
                out.push_str("Nothing yet.\n");
            }
            for point in points {
                bullet(&mut out, point, 0);
            }
        }
    }
    out
}

fn bullet(out: &mut String, point: &Point, depth: usize) {
    let indent = "  ".repeat(depth);
    let _ = write!(
        out,
        "{indent}- **{}** #{}: {} — {}",
        point.kind,
        point.node,
        one_line(&point.text),
        point.status
    );
    if point.unsupported {
        out.push_str(" · unsupported");
    }
    if let Some(assumed) = point.assumed {
        let _ = write!(out, " ({assumed})");
    }
    if let Some(relation) = &point.relation {
        let _ = write!(out, " · {relation}");
    }
    out.push('\n');
    for (quote, title) in &point.quotes {
        let _ = writeln!(
            out,
            "{indent}  > \u{201c}{}\u{201d} ({})",
            quote,
            one_line(title)
        );
    }
    for child in &point.children {
        bullet(out, child, depth + 1);
    }
}

/// Text on one line: a box's line breaks would break the list.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
