//! Finds where a field of a RON or JSON file stands, as line and column, so
//! that a problem found after parsing can still point at its place.
//!
//! This is a tolerant scanner, not a parser: it knows strings (escaped and
//! RON raw), comments, brackets and `key:` entries, which is all it needs to
//! walk a path such as `nodes[3].spans[0]`. It never recurses, so deeply
//! nested input cannot overflow the stack.

/// One step of a path into a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step<'a> {
    /// A field of a struct or object.
    Key(&'a str),
    /// An element of a list.
    Index(usize),
}

/// A 1-based line and column (in chars).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Line and column of the value at `path`, or of the deepest step found.
pub fn locate(text: &str, path: &[Step<'_>]) -> Option<Position> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    scanner.skip_attributes();
    scanner.skip_blank();
    let mut found = None;
    for step in path {
        // Step into the value: skip a RON struct or variant name before its bracket.
        scanner.skip_name();
        let inner = match step {
            Step::Key(key) => scanner.find_key(key),
            Step::Index(index) => scanner.find_index(*index),
        };
        let Some(at) = inner else { break };
        scanner.at = at;
        found = Some(at);
    }
    found.map(|at| position_of(text, at))
}

/// Line and column of byte offset `at`.
pub fn position_of(text: &str, at: usize) -> Position {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    Position { line, column }
}

struct Scanner<'t> {
    bytes: &'t [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn starts_with(&self, s: &[u8]) -> bool {
        self.bytes
            .get(self.at..)
            .is_some_and(|rest| rest.starts_with(s))
    }

    /// RON's `#![enable(..)]` lines at the top of a file.
    fn skip_attributes(&mut self) {
        loop {
            self.skip_blank();
            if !self.starts_with(b"#!") {
                return;
            }
            while let Some(b) = self.peek() {
                self.at += 1;
                if b == b']' {
                    break;
                }
            }
        }
    }

    /// Whitespace and comments.
    fn skip_blank(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\r' | b'\n') => self.at += 1,
                Some(b'/') if self.starts_with(b"//") => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.at += 1;
                    }
                }
                Some(b'/') if self.starts_with(b"/*") => {
                    self.at += 2;
                    while self.peek().is_some() && !self.starts_with(b"*/") {
                        self.at += 1;
                    }
                    self.at += 2;
                }
                _ => return,
            }
        }
    }

    /// A RON identifier before a bracket, as in `Node(` or `Some(`.
    fn skip_name(&mut self) {
        self.skip_blank();
        let start = self.at;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            self.at += 1;
        }
        self.skip_blank();
        if !matches!(self.peek(), Some(b'(' | b'[' | b'{')) {
            self.at = start;
        }
    }

    /// Skips one string starting at the cursor (escaped or raw).
    fn skip_string(&mut self) {
        if self.peek() == Some(b'r') {
            self.at += 1;
            let mut hashes = 0;
            while self.peek() == Some(b'#') {
                hashes += 1;
                self.at += 1;
            }
            self.at += 1; // opening quote
            while let Some(b) = self.peek() {
                self.at += 1;
                let closes = b == b'"'
                    && self
                        .bytes
                        .get(self.at..self.at + hashes)
                        .is_some_and(|h| h.iter().all(|&c| c == b'#'));
                if closes {
                    self.at += hashes;
                    return;
                }
            }
            return;
        }
        self.at += 1; // opening quote
        while let Some(b) = self.peek() {
            self.at += 1;
            match b {
                b'\\' => self.at += 1,
                b'"' => return,
                _ => {}
            }
        }
    }

    fn at_string(&self) -> bool {
        match self.peek() {
            Some(b'"') => true,
            Some(b'r') => {
                let rest = self.bytes.get(self.at + 1..).unwrap_or_default();
                let hashes = rest.iter().take_while(|&&b| b == b'#').count();
                rest.get(hashes) == Some(&b'"')
            }
            _ => false,
        }
    }

    /// Skips one value: a string, a bracketed group or a bare token, with any
    /// name before a bracket. Stops before a `,` or closing bracket.
    fn skip_value(&mut self) {
        self.skip_blank();
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            if self.at_string() {
                self.skip_string();
                continue;
            }
            match b {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                    if depth == 0 {
                        self.at += 1;
                        return;
                    }
                }
                b',' if depth == 0 => return,
                b'/' if self.starts_with(b"//") || self.starts_with(b"/*") => {
                    self.skip_blank();
                    continue;
                }
                _ => {}
            }
            self.at += 1;
        }
    }

    /// Reads a key (`name` or `"name"`) followed by `:`, leaving the cursor on
    /// the value. Returns the key, or `None` with the cursor unmoved.
    fn read_key(&mut self) -> Option<String> {
        let start = self.at;
        let key = if self.peek() == Some(b'"') {
            self.skip_string();
            let raw = self.bytes.get(start + 1..self.at.saturating_sub(1))?;
            String::from_utf8_lossy(raw).into_owned()
        } else {
            while self
                .peek()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
            {
                self.at += 1;
            }
            String::from_utf8_lossy(self.bytes.get(start..self.at)?).into_owned()
        };
        self.skip_blank();
        if self.peek() == Some(b':') && !key.is_empty() {
            self.at += 1;
            self.skip_blank();
            Some(key)
        } else {
            self.at = start;
            None
        }
    }

    /// With the cursor on an opening bracket, walks the entries of the group
    /// and returns the start of the value of the entry `pick` chooses.
    fn walk_entries(&mut self, mut pick: impl FnMut(usize, Option<&str>) -> bool) -> Option<usize> {
        self.skip_blank();
        if !matches!(self.peek(), Some(b'(' | b'[' | b'{')) {
            return None;
        }
        self.at += 1;
        let mut index = 0;
        loop {
            self.skip_blank();
            match self.peek()? {
                b')' | b']' | b'}' => return None,
                _ => {}
            }
            let entry_start = self.at;
            let key = self.read_key();
            if pick(index, key.as_deref()) {
                return Some(if key.is_some() { self.at } else { entry_start });
            }
            let before = self.at;
            self.skip_value();
            self.skip_blank();
            if self.peek() == Some(b',') {
                self.at += 1;
            } else if self.at == before {
                return None; // not a structure we understand
            }
            index += 1;
        }
    }

    fn find_key(&mut self, key: &str) -> Option<usize> {
        self.walk_entries(|_, found| found == Some(key))
    }

    fn find_index(&mut self, wanted: usize) -> Option<usize> {
        self.walk_entries(|index, _| index == wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RON: &str = r#"#![enable(implicit_some)]
(
    format: "argmap",
    title: "nodes: [not here]",
    nodes: [
        (
            id: 1,
            text: "a \" quote",
        ),
        (
            id: 2, // a comment with ( and [
            spans: [(source: 1, start: 0)],
        ),
    ],
)"#;

    #[test]
    fn finds_ron_list_elements_past_strings_and_comments() {
        let at = locate(RON, &[Step::Key("nodes"), Step::Index(1)]).expect("found");
        assert_eq!(
            at,
            Position {
                line: 10,
                column: 9
            }
        );
        let spans = locate(
            RON,
            &[
                Step::Key("nodes"),
                Step::Index(1),
                Step::Key("spans"),
                Step::Index(0),
            ],
        )
        .expect("found");
        assert_eq!(
            spans,
            Position {
                line: 12,
                column: 21
            }
        );
    }

    #[test]
    fn finds_json_keys() {
        let json = "{\n  \"format\": \"argmap\",\n  \"edges\": [ {\"id\": 1}, {\"id\": 2, \"from\": 9} ]\n}";
        let at = locate(
            json,
            &[Step::Key("edges"), Step::Index(1), Step::Key("from")],
        )
        .expect("found");
        assert_eq!(
            at,
            Position {
                line: 3,
                column: 43
            }
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = format!("({}{}", "[".repeat(200_000), "]".repeat(200_000));
        assert_eq!(locate(&deep, &[Step::Key("nodes")]), None);
    }

    #[test]
    fn columns_count_chars() {
        assert_eq!(
            position_of("中文\nab中x", 12),
            Position { line: 2, column: 4 }
        );
    }
}
