//! An Argdown file made ready to parse: line ends made `\n`, `@include`
//! files put in place (each once), the front matter read for its title,
//! comments blanked. Lines keep their numbers where nothing was included.

use crate::io::{Problem, RefusedFile};

/// Reads a file an `@include` names, beside the document.
pub type Include<'a> = dyn Fn(&str) -> Result<String, RefusedFile> + 'a;

/// The text to parse and the front matter's title.
pub fn prepare(text: &str, include: &Include<'_>) -> Result<(String, Option<String>), Problem> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut included = Vec::new();
    let text = with_includes(&text, include, &mut included, 0)?;
    let (text, title) = front_matter(&text);
    Ok((blank_comments(&text), title))
}

fn with_includes(
    text: &str,
    include: &Include<'_>,
    done: &mut Vec<String>,
    depth: usize,
) -> Result<String, Problem> {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let names = line
            .trim()
            .strip_prefix("@include(")
            .and_then(|r| r.strip_suffix(')'))
            .filter(|_| depth < 16);
        let Some(names) = names else {
            out.push_str(line);
            continue;
        };
        for name in names
            .split(',')
            .map(|n| n.trim().trim_matches(['"', '\'', '[', ']']))
        {
            if name.is_empty() || done.iter().any(|d| d == name) {
                continue;
            }
            done.push(name.to_owned());
            let inner =
                include(name).map_err(|e| Problem::at(i + 1, 1, format!("@include: {e}")))?;
            let inner = inner.replace("\r\n", "\n");
            out.push_str(&with_includes(&inner, include, done, depth + 1)?);
            out.push('\n');
        }
    }
    Ok(out)
}

/// `===` … `===` at the start: its lines blanked, its `title` kept.
fn front_matter(text: &str) -> (String, Option<String>) {
    let lines: Vec<&str> = text.split('\n').collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let Some(first) = first.filter(|&f| lines.get(f).is_some_and(|l| l.trim() == "===")) else {
        return (text.to_owned(), None);
    };
    let Some(end) =
        (first + 1..lines.len()).find(|&i| lines.get(i).is_some_and(|l| l.trim() == "==="))
    else {
        return (text.to_owned(), None);
    };
    let title = lines
        .get(first + 1..end)
        .unwrap_or_default()
        .iter()
        .find_map(|l| l.strip_prefix("title:"))
        .map(|t| unquote(t.trim()))
        .filter(|t| !t.is_empty());
    let kept: Vec<&str> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| if (first..=end).contains(&i) { "" } else { l })
        .collect();
    (kept.join("\n"), title)
}

fn unquote(text: &str) -> String {
    if text.starts_with('"')
        && let Ok(s) = serde_json::from_str::<String>(text)
    {
        return s;
    }
    text.trim_matches(['\'', '"']).to_owned()
}

/// What a comment's chars become: a line of nothing else is no line at
/// all (it does not end a relation tree as an empty line does).
pub const COMMENT: char = '\u{1}';

/// Comments (`<!-- -->`, `/* */`, `//` after a space or at a line's
/// start) turned into [`COMMENT`] chars, their line ends kept.
fn blank_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let close = if rest.starts_with("<!--") {
            Some("-->")
        } else if rest.starts_with("/*") {
            Some("*/")
        } else if rest.starts_with("//") && (out.is_empty() || out.ends_with(char::is_whitespace)) {
            Some("\n")
        } else {
            None
        };
        if let Some(close) = close {
            let end = rest
                .get(2..)
                .and_then(|r| r.find(close))
                .map_or(rest.len(), |e| {
                    e + 2 + if close == "\n" { 0 } else { close.len() }
                });
            let comment = rest.get(..end).unwrap_or(rest);
            out.extend(
                comment
                    .chars()
                    .map(|c| if c == '\n' { '\n' } else { COMMENT }),
            );
            rest = rest.get(end..).unwrap_or_default();
            continue;
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nothing(name: &str) -> Result<String, RefusedFile> {
        Err(RefusedFile::Empty {
            path: name.to_owned(),
        })
    }

    #[test]
    fn front_matter_and_comments_keep_line_numbers() {
        let (text, title) = prepare(
            "===\r\ntitle: \"A: B\"\r\n===\r\n<!-- a\nb -->x // note\nsee http://a.b /* c */y",
            &nothing,
        )
        .expect("prepared");
        assert_eq!(title.as_deref(), Some("A: B"));
        assert_eq!(text.lines().count(), 6);
        let line = |n: usize| text.lines().nth(n).map(|l| l.replace(COMMENT, ""));
        assert_eq!(line(3).as_deref(), Some(""));
        assert_eq!(line(4).as_deref().map(str::trim), Some("x"));
        assert_eq!(line(5).as_deref(), Some("see http://a.b y"));
    }

    #[test]
    fn includes_are_read_once_each() {
        let read = |name: &str| match name {
            "a.argdown" => Ok("A\n@include(b.argdown)\n".to_owned()),
            "b.argdown" => Ok("B\n@include(a.argdown)\n".to_owned()),
            other => nothing(other),
        };
        let (text, _) = prepare("top\n@include(a.argdown)\nend", &read).expect("prepared");
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(words, ["top", "A", "B", "end"]);
        assert!(prepare("@include(../x)", &nothing).is_err());
    }
}
