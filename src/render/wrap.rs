//! Greedy word wrapping to a width, with long words (and unspaced CJK
//! text) broken between chars.

use super::measure::{TextMeasure, is_wide};

/// `text` broken into lines no wider than `max_width` at `size`. Explicit
/// newlines are kept; an empty text gives one empty line.
pub fn wrap(text: &str, max_width: f64, size: f64, measure: &dyn TextMeasure) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for token in tokens(paragraph) {
            let candidate = format!("{line}{token}");
            if line.is_empty() || measure.width(candidate.trim_end(), size) <= max_width {
                line = candidate;
            } else {
                lines.push(line.trim_end().to_owned());
                token.trim_start().clone_into(&mut line);
            }
            // A token wider than the line on its own is broken between chars.
            while measure.width(line.trim_end(), size) > max_width && line.chars().count() > 1 {
                let (head, rest) = split_to_width(&line, max_width, size, measure);
                lines.push(head);
                line = rest;
            }
        }
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Words with their trailing spaces; each wide char is a token of its own,
/// since CJK text breaks between any two chars.
fn tokens(paragraph: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in paragraph.chars() {
        if is_wide(c) {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            out.push(c.to_string());
        } else if c.is_whitespace() {
            current.push(c);
        } else {
            if current.ends_with(char::is_whitespace) {
                out.push(std::mem::take(&mut current));
            }
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The longest head of `line` (at least one char) that fits, and the rest.
fn split_to_width(
    line: &str,
    max_width: f64,
    size: f64,
    measure: &dyn TextMeasure,
) -> (String, String) {
    let mut head = String::new();
    for (i, c) in line.char_indices() {
        let mut next = head.clone();
        next.push(c);
        if !head.is_empty() && measure.width(&next, size) > max_width {
            return (head, line.get(i..).unwrap_or_default().to_owned());
        }
        head = next;
    }
    (head, String::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::measure::FixedAdvance;

    const M: FixedAdvance = FixedAdvance { narrow: 1.0 };

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("aaa bbb ccc", 7.0, 1.0, &M), vec!["aaa bbb", "ccc"]);
    }

    #[test]
    fn keeps_newlines_and_empty_text() {
        assert_eq!(wrap("a\n\nb", 10.0, 1.0, &M), vec!["a", "", "b"]);
        assert_eq!(wrap("", 10.0, 1.0, &M), vec![""]);
    }

    #[test]
    fn breaks_long_words_and_cjk() {
        assert_eq!(wrap("abcdefgh", 3.0, 1.0, &M), vec!["abc", "def", "gh"]);
        assert_eq!(
            wrap("网络主权意味", 2.0, 1.0, &M),
            vec!["网络", "主权", "意味"]
        );
    }

    #[test]
    fn every_line_fits() {
        let text = "China is openly undermining the United States' vision of a free and open Internet. 网络主权 🌐";
        for line in wrap(text, 20.0, 1.0, &M) {
            assert!(M.width(&line, 1.0) <= 20.0, "{line:?}");
        }
    }
}
