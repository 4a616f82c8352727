//! Text with every run of whitespace read as one space, remembering where
//! each char came from: rewrapped lines and changed indentation then match.

/// A text with whitespace runs collapsed, and the way back to char offsets
/// of the original.
pub struct Normalized {
    pub chars: Vec<char>,
    /// For each char of `chars`, the char offset it came from.
    origin: Vec<usize>,
    /// Length in chars of the original text.
    original_len: usize,
}

impl Normalized {
    pub fn new(text: &str) -> Self {
        let mut chars = Vec::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut in_space = false;
        let mut len = 0;
        for (i, c) in text.chars().enumerate() {
            len = i + 1;
            if c.is_whitespace() {
                if !in_space {
                    chars.push(' ');
                    origin.push(i);
                }
                in_space = true;
            } else {
                chars.push(c);
                origin.push(i);
                in_space = false;
            }
        }
        Self {
            chars,
            origin,
            original_len: len,
        }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// The original char range of normalized range `start..end`: from the
    /// first char's origin to just past the last char's origin.
    pub fn original_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start >= end {
            return None;
        }
        let first = *self.origin.get(start)?;
        let last = *self.origin.get(end - 1)?;
        Some((first, (last + 1).min(self.original_len)))
    }

    /// The normalized offset of original char offset `at` (or the next one).
    pub fn offset_of_original(&self, at: usize) -> usize {
        self.origin.partition_point(|&o| o < at)
    }

    /// Every start where `needle` occurs in `chars`.
    pub fn find_all(&self, needle: &[char]) -> Vec<usize> {
        find_all(&self.chars, needle)
    }
}

/// Every start of `needle` in `hay` (overlapping too).
pub fn find_all(hay: &[char], needle: &[char]) -> Vec<usize> {
    let Some(&first) = needle.first() else {
        return Vec::new();
    };
    if needle.len() > hay.len() {
        return Vec::new();
    }
    (0..=hay.len() - needle.len())
        .filter(|&i| hay.get(i) == Some(&first) && hay.get(i..i + needle.len()) == Some(needle))
        .collect()
}

/// `text` as normalized chars, with leading and trailing space removed.
pub fn normalized_chars(text: &str) -> Vec<char> {
    let n = Normalized::new(text);
    let mut chars = n.chars;
    while chars.last() == Some(&' ') {
        chars.pop();
    }
    let lead = chars.iter().take_while(|c| **c == ' ').count();
    chars.drain(..lead);
    chars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_collapse_and_map_back() {
        let n = Normalized::new("a  b\n\nc");
        assert_eq!(n.chars.iter().collect::<String>(), "a b c");
        assert_eq!(n.original_range(2, 5), Some((3, 7)));
        assert_eq!(n.offset_of_original(3), 2);
    }

    #[test]
    fn finds_every_occurrence() {
        let hay: Vec<char> = "abcabcab".chars().collect();
        let needle: Vec<char> = "ab".chars().collect();
        assert_eq!(find_all(&hay, &needle), vec![0, 3, 6]);
    }
}
