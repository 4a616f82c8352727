//! Char offsets to byte offsets, fast, for long texts.

/// Maps char offsets of one text to byte offsets. Keeps a checkpoint every
/// [`STRIDE`] chars, so a lookup walks at most `STRIDE - 1` chars and the
/// index costs 1/STRIDE of a full table.
pub struct CharIndex<'t> {
    text: &'t str,
    checkpoints: Vec<usize>,
    len_chars: usize,
}

const STRIDE: usize = 64;

impl<'t> CharIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut len_chars = 0;
        for (byte, _) in text.char_indices() {
            if len_chars % STRIDE == 0 {
                checkpoints.push(byte);
            }
            len_chars += 1;
        }
        Self {
            text,
            checkpoints,
            len_chars,
        }
    }

    /// Length of the text in chars.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// Byte offset of char `at`; `at == len_chars()` gives the text's length.
    pub fn byte(&self, at: usize) -> Option<usize> {
        if at == self.len_chars {
            return Some(self.text.len());
        }
        if at > self.len_chars {
            return None;
        }
        let base = *self.checkpoints.get(at / STRIDE)?;
        let rest = self.text.get(base..)?;
        rest.char_indices().nth(at % STRIDE).map(|(b, _)| base + b)
    }

    /// The text between chars `start` and `end`, like Python's `t[start:end]`.
    pub fn slice(&self, start: usize, end: usize) -> Option<&'t str> {
        if start > end {
            return None;
        }
        self.text.get(self.byte(start)?..self.byte(end)?)
    }

    /// Char offset of byte offset `byte` (which must be on a char boundary).
    pub fn char_at_byte(&self, byte: usize) -> Option<usize> {
        if byte == self.text.len() {
            return Some(self.len_chars);
        }
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        let block = self
            .checkpoints
            .partition_point(|&b| b <= byte)
            .checked_sub(1)?;
        let base = *self.checkpoints.get(block)?;
        let walked = self.text.get(base..byte)?.chars().count();
        Some(block * STRIDE + walked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_offsets_count_chars() {
        let text = "主权 and 🌐 open";
        let index = CharIndex::new(text);
        assert_eq!(index.len_chars(), 13);
        assert_eq!(index.slice(0, 2), Some("主权"));
        assert_eq!(index.slice(7, 8), Some("🌐"));
        assert_eq!(index.slice(9, 13), Some("open"));
        assert_eq!(index.slice(9, 14), None);
    }

    #[test]
    fn slices_agree_with_naive_chars_across_checkpoints() {
        let text: String = (0..500).map(|i| ['a', 'é', '中', '😀'][i % 4]).collect();
        let index = CharIndex::new(&text);
        for start in (0..500).step_by(37) {
            for end in (start..=500).step_by(53) {
                let naive: String = text.chars().skip(start).take(end - start).collect();
                assert_eq!(index.slice(start, end), Some(naive.as_str()));
            }
        }
    }

    #[test]
    fn char_at_byte_inverts_byte() {
        let text: String = (0..300).map(|i| ['x', '权', '🙂'][i % 3]).collect();
        let index = CharIndex::new(&text);
        for at in 0..=300 {
            let byte = index.byte(at).expect("in range");
            assert_eq!(index.char_at_byte(byte), Some(at));
        }
    }
}
