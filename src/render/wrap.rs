//! Greedy word wrapping to a width, with long words (and unspaced CJK
//! text) broken between chars.

use super::measure::{TextMeasure, is_wide};

/// `text` broken into lines no wider than `max_width` at `size`. Explicit
/// newlines are kept; an empty text gives one empty line. Widths add up char
/// by char, so each token is measured once.
pub fn wrap(text: &str, max_width: f64, size: f64, measure: &dyn TextMeasure) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        // Width of `line`, trailing spaces included.
        let mut line_width = 0.0;
        for token in tokens(paragraph) {
            let word = token.trim_end();
            let word_width = measure.width(word, size);
            // Width of `line` without its trailing spaces.
            let mut trimmed_width;
            if line.is_empty() || line_width + word_width <= max_width {
                trimmed_width = line_width + word_width;
                line.push_str(token);
                line_width += word_width + measure.width(&token[word.len()..], size);
            } else {
                lines.push(line.trim_end().to_owned());
                // Tokens start with their word (a paragraph's leading
                // spaces are a token of their own, with an empty word).
                token.trim_start().clone_into(&mut line);
                trimmed_width = word_width;
                line_width = measure.width(&line, size);
            }
            // A token wider than the line on its own is broken between chars.
            while trimmed_width > max_width && line.chars().count() > 1 {
                let (head, rest) = split_to_width(&line, max_width, size, measure);
                lines.push(head);
                line = rest;
                line_width = measure.width(&line, size);
                trimmed_width = measure.width(line.trim_end(), size);
            }
        }
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Words with their trailing spaces; each wide char is a token of its own,
/// since CJK text breaks between any two chars.
fn tokens(paragraph: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in paragraph.char_indices() {
        if is_wide(c) {
            if start < i {
                out.push(&paragraph[start..i]);
            }
            out.push(&paragraph[i..i + c.len_utf8()]);
            start = i + c.len_utf8();
            in_space = false;
        } else if c.is_whitespace() {
            in_space = true;
        } else {
            if in_space && start < i {
                out.push(&paragraph[start..i]);
                start = i;
            }
            in_space = false;
        }
    }
    if start < paragraph.len() {
        out.push(&paragraph[start..]);
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
