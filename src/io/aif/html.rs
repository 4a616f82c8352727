//! The analysed text of an OVA3 file: HTML, with each highlighted passage
//! in a `<span id="nodeID">`. Turned into plain text, and each highlight
//! into the char range of its words in that text.

use std::collections::BTreeMap;

/// Plain text, and for each highlighted node id the char ranges it covers.
#[derive(Debug, Default, PartialEq)]
pub struct Analysed {
    pub text: String,
    pub highlights: BTreeMap<String, Vec<(usize, usize)>>,
}

/// `html` as plain text: tags dropped, line breaks for `<br>`, `<div>`
/// and `<p>`, entities decoded; `<span id="node…">` passages recorded.
pub fn analyse(html: &str) -> Analysed {
    let mut out = Analysed::default();
    let mut chars = 0usize;
    // Open spans: Some(node id) for highlights, None for other spans.
    let mut open: Vec<Option<(String, usize)>> = Vec::new();
    let mut rest = html;
    let push = |out: &mut Analysed, chars: &mut usize, s: &str| {
        out.text.push_str(s);
        *chars += s.chars().count();
    };
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let Some(close) = after.find('>') else {
                // A stray '<': keep it as text.
                push(&mut out, &mut chars, "<");
                rest = after;
                continue;
            };
            let tag = after.get(..close).unwrap_or_default();
            rest = after.get(close + 1..).unwrap_or_default();
            let name = tag
                .trim_start_matches('/')
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or_default()
                .to_lowercase();
            let closing = tag.starts_with('/');
            match (name.as_str(), closing) {
                ("br", _) | ("p", true) => push(&mut out, &mut chars, "\n"),
                ("div" | "p" | "li" | "h1" | "h2" | "h3", false)
                    if !out.text.is_empty() && !out.text.ends_with('\n') =>
                {
                    push(&mut out, &mut chars, "\n");
                }
                ("span", false) => open.push(highlight_id(tag).map(|id| (id, chars))),
                ("span", true) => {
                    if let Some(Some((id, start))) = open.pop()
                        && chars > start
                    {
                        out.highlights.entry(id).or_default().push((start, chars));
                    }
                }
                _ => {}
            }
            continue;
        }
        let next = rest.find('<').unwrap_or(rest.len());
        let piece = rest.get(..next).unwrap_or_default();
        rest = rest.get(next..).unwrap_or_default();
        push(&mut out, &mut chars, &decode(piece));
    }
    // Trailing blank lines say nothing.
    while out.text.ends_with('\n') {
        out.text.pop();
    }
    out
}

/// The node id of `<span id="node12_345" …>`, if it is one.
fn highlight_id(tag: &str) -> Option<String> {
    let at = tag.find("id=")?;
    let rest = tag.get(at + 3..)?;
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = rest.get(1..)?;
    let end = value.find(quote)?;
    let id = value.get(..end)?;
    id.strip_prefix("node").map(str::to_owned)
}

/// HTML entities in text decoded; `&nbsp;` is a space.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp..).unwrap_or_default();
        let end = after.find(';').filter(|e| *e <= 10);
        let entity = end.and_then(|e| after.get(1..e));
        let decoded = entity.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" | "#39" => Some('\''),
            "nbsp" => Some(' '),
            _ => e
                .strip_prefix("#x")
                .or_else(|| e.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| e.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        });
        if let (Some(c), Some(e)) = (decoded, end) {
            out.push(c);
            rest = after.get(e + 1..).unwrap_or_default();
        } else {
            out.push('&');
            rest = after.get(1..).unwrap_or_default();
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_become_char_ranges_of_the_plain_text() {
        let html = r#"<div><span id="node5_1" class="highlighted">A</span> because <span id="node10_1" class="highlighted">B&amp;C</span>.</div><div><br></div><div>网络 <span id="node25_1">主权</span></div>"#;
        let a = analyse(html);
        assert_eq!(a.text, "A because B&C.\n\n网络 主权");
        let slice = |(s, e): (usize, usize)| a.text.chars().skip(s).take(e - s).collect::<String>();
        assert_eq!(slice(a.highlights["5_1"][0]), "A");
        assert_eq!(slice(a.highlights["10_1"][0]), "B&C");
        assert_eq!(slice(a.highlights["25_1"][0]), "主权");
    }
}
