//! The words of an Argdown element as plain text: escapes undone
//! (`\[` is `[`), tags (`#tag`, `#(two words)`) and data (`{key: value}`)
//! taken out, links (`[text](url)`) left as their text, bold and italic
//! marks dropped, whitespace collapsed.

/// Plain text and the tags found in it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Words {
    pub text: String,
    pub tags: Vec<String>,
}

/// A char and whether a backslash escaped it.
type Marked = (char, bool);

fn unescape(text: &str) -> Vec<Marked> {
    let mut out = Vec::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(&next)) if next.is_ascii_punctuation() => {
                out.push((next, true));
                chars.next();
            }
            _ => out.push((c, false)),
        }
    }
    out
}

fn is(chars: &[Marked], i: usize, c: char) -> bool {
    chars.get(i).is_some_and(|&(x, escaped)| x == c && !escaped)
}

/// Index of the first unescaped `close` from `from`.
fn find(chars: &[Marked], from: usize, close: char) -> Option<usize> {
    (from..chars.len()).find(|&i| is(chars, i, close))
}

/// `ArgVu`'s shortcodes for logic symbols, which Argdown writes as the
/// symbols (`.A.x.E.y` is `∀x∃y`).
const SHORTCODES: &[(&str, &str)] = &[
    (".<->.", "↔"),
    (".->.", "→"),
    (".~.", "¬"),
    (".^.", "∧"),
    (".v.", "∨"),
    (".A.", "∀"),
    (".E.", "∃"),
];

/// `text` as plain words, with its tags.
pub fn words(text: &str) -> Words {
    let mut text = std::borrow::Cow::Borrowed(text);
    for (code, symbol) in SHORTCODES {
        if text.contains(code) {
            text = std::borrow::Cow::Owned(text.replace(code, symbol));
        }
    }
    let chars = unescape(&text);
    let mut tags = Vec::new();
    let mut kept: Vec<Marked> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while let Some(&(c, escaped)) = chars.get(i) {
        let after_space = i == 0 || chars.get(i - 1).is_some_and(|(p, _)| p.is_whitespace());
        if !escaped && c == '#' && after_space {
            let (tag, end) = if is(&chars, i + 1, '(') {
                let end = find(&chars, i + 2, ')').unwrap_or(chars.len());
                (chars.get(i + 2..end).unwrap_or_default(), end + 1)
            } else {
                let end = (i + 1..chars.len())
                    .find(|&j| chars.get(j).is_some_and(|(x, _)| x.is_whitespace()))
                    .unwrap_or(chars.len());
                (chars.get(i + 1..end).unwrap_or_default(), end)
            };
            let tag: String = tag.iter().map(|(c, _)| c).collect();
            let tag = tag.split_whitespace().collect::<Vec<_>>().join(" ");
            if !tag.is_empty() {
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
                i = end;
                continue;
            }
        }
        if !escaped && c == '{' {
            // Data: skip to the matching brace.
            let mut depth = 0usize;
            let mut j = i;
            while let Some(&(x, e)) = chars.get(j) {
                if !e && x == '{' {
                    depth += 1;
                } else if !e && x == '}' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                j += 1;
            }
            i = j + 1;
            continue;
        }
        if !escaped && c == '[' {
            // A link keeps its text and loses its address.
            if let Some(close) = find(&chars, i + 1, ']')
                && is(&chars, close + 1, '(')
                && let Some(end) = find(&chars, close + 2, ')')
            {
                kept.extend(chars.get(i + 1..close).unwrap_or_default());
                i = end + 1;
                continue;
            }
        }
        kept.push((c, escaped));
        i += 1;
    }
    Words {
        text: plain(&kept),
        tags,
    }
}

/// Bold and italic marks dropped, whitespace collapsed. `_` marks only at
/// word edges, so `snake_case` keeps its underscore.
fn plain(chars: &[Marked]) -> String {
    let edge = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_none_or(|(c, _)| c.is_whitespace() || (c.is_ascii_punctuation() && *c != '_'))
    };
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while let Some(&(c, escaped)) = chars.get(i) {
        let run_end = (i..chars.len())
            .find(|&j| !chars.get(j).is_some_and(|&(x, e)| x == c && !e))
            .unwrap_or(chars.len());
        let mark = !escaped
            && match c {
                '*' => true,
                '_' => edge(i.checked_sub(1)) || edge(Some(run_end)),
                _ => false,
            };
        if mark {
            i = run_end;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_data_links_marks_and_escapes() {
        let w = words(
            "(Some text) [Link Text](http://www.argunet.org) some more text. #tag1 #tag-2 #(tag 3)",
        );
        assert_eq!(w.text, "(Some text) Link Text some more text.");
        assert_eq!(w.tags, ["tag1", "tag-2", "tag 3"]);
        assert_eq!(words(r"\[text\] text").text, "[text] text");
        assert_eq!(words(r"1 \< 3 \> 2 \# Some").text, "1 < 3 > 2 # Some");
        assert_eq!(
            words("__bold and *italic*__ in snake_case {a: 1, b: {c: 2}}").text,
            "bold and italic in snake_case"
        );
        assert_eq!(words("***both*** _it_: x").text, "both it: x");
        assert_eq!(words(".A.x.E.y: F(x) . G(y)").text, "∀x∃y: F(x) . G(y)");
    }
}
