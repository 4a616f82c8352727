//! A source text cut into blocks that are laid out and shown one at a time,
//! so a book-length text (or one line of a million characters) costs only
//! what is on screen. Blocks end at a line break where one is near, else at
//! a space, else anywhere between two chars. A text shorter than one block
//! is one block: nothing changes for an article.

/// Chars per block, about: a block is laid out whole when it comes into view.
pub const BLOCK_CHARS: usize = 16 * 1024;

/// One block of a text, in chars and in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    /// Line breaks inside the block, for estimating its height unseen.
    pub breaks: usize,
}

impl Block {
    pub fn chars(&self) -> usize {
        self.end - self.start
    }
}

/// `text` cut into blocks of about `target` chars (at least one block, even
/// for an empty text). One pass over the text.
pub fn split(text: &str, target: usize) -> Vec<Block> {
    let target = target.max(2);
    let mut blocks = Vec::with_capacity(text.len() / target + 1);
    let mut start = (0, 0); // (char, byte)
    let mut count = 0;
    let mut breaks = 0;
    // The best cut seen in the current block: after a line break, else after a space.
    let mut after_break: Option<(usize, usize, usize)> = None;
    let mut after_space: Option<(usize, usize, usize)> = None;
    for (byte, c) in text.char_indices() {
        let at = start.0 + count;
        if count >= target {
            // Cut at the last line break in the block's second half, else the
            // last space there, else right here.
            let half = start.0 + target / 2;
            let cut = after_break
                .filter(|c| c.0 > half)
                .or(after_space.filter(|c| c.0 > half))
                .unwrap_or((at, byte, breaks));
            blocks.push(Block {
                start: start.0,
                end: cut.0,
                byte_start: start.1,
                byte_end: cut.1,
                breaks: cut.2,
            });
            breaks -= cut.2;
            count = at - cut.0;
            start = (cut.0, cut.1);
            after_break = None;
            after_space = None;
        }
        count += 1;
        let next_byte = byte + c.len_utf8();
        if c == '\n' {
            breaks += 1;
            after_break = Some((start.0 + count, next_byte, breaks));
        } else if c.is_whitespace() {
            after_space = Some((start.0 + count, next_byte, breaks));
        }
    }
    blocks.push(Block {
        start: start.0,
        end: start.0 + count,
        byte_start: start.1,
        byte_end: text.len(),
        breaks,
    });
    blocks
}

/// The index of the block holding char `at` (the last block for the end).
pub fn block_of(blocks: &[Block], at: usize) -> usize {
    blocks
        .partition_point(|b| b.end <= at)
        .min(blocks.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces<'t>(text: &'t str, blocks: &[Block]) -> Vec<&'t str> {
        blocks
            .iter()
            .map(|b| &text[b.byte_start..b.byte_end])
            .collect()
    }

    fn check_cover(text: &str, blocks: &[Block]) {
        assert_eq!(
            pieces(text, blocks).concat(),
            text,
            "the blocks are the text"
        );
        let mut at = 0;
        for b in blocks {
            assert_eq!(b.start, at);
            assert_eq!(text[b.byte_start..b.byte_end].chars().count(), b.chars());
            assert_eq!(
                text[b.byte_start..b.byte_end].matches('\n').count(),
                b.breaks
            );
            at = b.end;
        }
        assert_eq!(at, text.chars().count());
    }

    #[test]
    fn a_short_text_is_one_block() {
        let text = "One line.\nTwo lines.";
        let blocks = split(text, 100);
        assert_eq!(blocks.len(), 1);
        check_cover(text, &blocks);
        assert_eq!(split("", 100).len(), 1);
    }

    #[test]
    fn blocks_end_at_line_breaks_when_they_can() {
        let text = "aaaa bbbb\ncccc dddd\neeee ffff\ngggg";
        let blocks = split(text, 12);
        check_cover(text, &blocks);
        assert_eq!(pieces(text, &blocks)[0], "aaaa bbbb\n");
    }

    #[test]
    fn one_long_line_is_cut_at_spaces_or_anywhere() {
        let words = "word ".repeat(1000);
        let blocks = split(&words, 64);
        check_cover(&words, &blocks);
        assert!(pieces(&words, &blocks).iter().all(|p| p.ends_with(' ')));
        let solid = "網".repeat(1000);
        let blocks = split(&solid, 64);
        check_cover(&solid, &blocks);
        assert!(blocks.iter().all(|b| b.chars() <= 64));
    }

    #[test]
    fn a_char_is_found_in_its_block() {
        let text = "abc\n".repeat(100);
        let blocks = split(&text, 20);
        for at in [0, 19, 20, 250, 399, 400] {
            let b = blocks[block_of(&blocks, at)];
            assert!(b.start <= at && (at < b.end || at == 400), "{at}");
        }
    }
}
