//! Argdown text read line by line into statements, arguments with their
//! premise–conclusion structures, and relations.
//!
//! What is read: front matter (`===` … `===`, its `title`), headings,
//! statements (`[Title]: text`, `[Title]`, or plain text), arguments
//! (`<Title>: description`, `<Title>`), premise–conclusion structures
//! (`(1) …`, `----` or `-- rule --`), relations by indentation (`+ - <+ <-
//! +> -> _> <_ ><`), indented list items as statements, text that goes on
//! over several lines, comments (`<!-- -->`, `/* */`, `//`). What the
//! Argdown parser refuses is refused here with its line and column: a
//! relation with nothing after it or nothing above it, a list that is not
//! indented, `<A>(1)`.

use super::doc::{Argument, Doc, Element, PcsLine, Relation, RelationKind, Statement, fill, merge};
use super::inline::words;
use super::source::COMMENT;
use crate::io::Problem;

/// Markers, longest first.
const MARKERS: &[(&str, bool, RelationKind)] = &[
    // (marker, whether the new element is the source, kind)
    ("<+", true, RelationKind::Support),
    ("<-", true, RelationKind::Attack),
    ("+>", false, RelationKind::Support),
    ("->", false, RelationKind::Attack),
    ("_>", false, RelationKind::Undercut),
    ("<_", true, RelationKind::Undercut),
    ("><", false, RelationKind::Contradiction),
    ("+", true, RelationKind::Support),
    ("-", true, RelationKind::Attack),
];

/// Where text that goes on over the next line belongs.
#[derive(Clone)]
enum Open {
    Statement(String),
    Argument(String),
}

struct Parser {
    doc: Doc,
    /// The relation tree being read: indentation and element.
    stack: Vec<(usize, Element)>,
    open: Option<Open>,
    /// The argument a premise–conclusion structure would belong to.
    pcs_owner: Option<String>,
    /// The argument whose structure is being read.
    in_pcs: Option<String>,
    section: Option<String>,
    /// A definition with nothing after its colon yet: (line, column).
    untexted: Option<(usize, usize)>,
}

/// Parses `text` (comments already blanked, see [`super::source`]).
pub fn parse(text: &str, first_line: usize) -> Result<Doc, Problem> {
    let mut p = Parser {
        doc: Doc::default(),
        stack: Vec::new(),
        open: None,
        pcs_owner: None,
        in_pcs: None,
        section: None,
        untexted: None,
    };
    for (i, line) in text.lines().enumerate() {
        p.line(line, first_line + i)?;
    }
    Ok(p.doc)
}

fn indent_of(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

fn list_item(content: &str) -> Option<&str> {
    if let Some(rest) = content.strip_prefix("* ") {
        return Some(rest);
    }
    let digits = content.bytes().take_while(u8::is_ascii_digit).count();
    content
        .get(digits..)
        .and_then(|r| r.strip_prefix(". "))
        .filter(|_| digits > 0)
}

fn pcs_item(content: &str) -> Option<&str> {
    let rest = content.strip_prefix('(')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest.get(digits..)?.strip_prefix(')')?;
    (digits > 0 && (after.is_empty() || after.starts_with(char::is_whitespace))).then_some(after)
}

/// Whether a line starts with `[Title]` or `<Title>` (not a link).
fn starts_element(content: &str) -> bool {
    [('[', ']'), ('<', '>')].into_iter().any(|(open, close)| {
        content.strip_prefix(open).is_some_and(|inner| {
            inner.find(close).is_some_and(|end| {
                end > 0
                    && !inner
                        .get(end + 1..)
                        .is_some_and(|after| after.starts_with('('))
            })
        })
    })
}

fn is_inference(content: &str) -> bool {
    content.starts_with("--") && content.trim_end().ends_with("--")
}

impl Parser {
    fn line(&mut self, raw: &str, at: usize) -> Result<(), Problem> {
        let uncommented;
        let raw = if raw.contains(COMMENT) {
            uncommented = raw.replace(COMMENT, "");
            if uncommented.trim().is_empty() {
                return Ok(());
            }
            uncommented.as_str()
        } else {
            raw
        };
        let line = raw.trim_end();
        let content = line.trim_start();
        let indent = indent_of(line);
        let column = line.chars().count() - content.chars().count() + 1;
        if content.is_empty() {
            self.untexted = None;
            self.stack.clear();
            self.open = None;
            self.in_pcs = None;
            return Ok(());
        }
        if indent == 0 && content.starts_with('#') {
            let hashes = content.chars().take_while(|c| *c == '#').count();
            if let Some(title) = content.get(hashes..).filter(|r| r.starts_with(' ')) {
                self.section = Some(words(title).text).filter(|t| !t.is_empty());
                self.stack.clear();
                self.open = None;
                self.pcs_owner = None;
                return Ok(());
            }
        }
        if let Some(rest) = pcs_item(content) {
            return self.pcs_line(rest, indent, at, column);
        }
        if let Some(owner) = self.in_pcs.clone()
            && is_inference(content)
        {
            self.push_pcs(&owner, PcsLine::Inference);
            self.open = None;
            return Ok(());
        }
        if let Some((marker, reversed, kind)) = MARKERS.iter().find(|(m, _, _)| {
            content
                .strip_prefix(m)
                .is_some_and(|r| r.is_empty() || r.starts_with(char::is_whitespace))
        }) {
            return self.relation(content, marker, *reversed, *kind, indent, at, column);
        }
        if let Some(rest) = list_item(content) {
            if indent == 0 {
                return Err(Problem::at(
                    at,
                    column,
                    "a list item must be indented under text (Argdown)",
                ));
            }
            let element = self.element(rest.trim(), at, column)?;
            self.stack.clear();
            self.stack.push((indent, element));
            return Ok(());
        }
        let content = content.strip_prefix("> ").unwrap_or(content);
        let starts_element = starts_element(content);
        if let (Some(open), false) = (self.open.clone(), starts_element) {
            self.untexted = None;
            self.go_on(&open, content);
            return Ok(());
        }
        if let (Some((line, column)), true) = (self.untexted, starts_element) {
            return Err(Problem::at(
                line,
                column,
                "a definition needs its text after the colon, before the next statement or argument",
            ));
        }
        self.in_pcs = None;
        let element = self.element(content, at, column)?;
        self.pcs_owner = match &element {
            Element::Argument(title) => Some(title.clone()),
            Element::Statement(_) => None,
        };
        self.stack.clear();
        self.stack.push((indent, element));
        Ok(())
    }

    /// `(1) …`: a premise or conclusion of the argument above, or of a new
    /// untitled one.
    fn pcs_line(
        &mut self,
        rest: &str,
        indent: usize,
        at: usize,
        column: usize,
    ) -> Result<(), Problem> {
        let owner = if let Some(owner) = self.in_pcs.clone() {
            owner
        } else {
            let owner = self
                .pcs_owner
                .take()
                .unwrap_or_else(|| self.untitled_argument());
            self.in_pcs = Some(owner.clone());
            owner
        };
        let element = self.element(rest.trim(), at, column)?;
        if let Element::Statement(title) = &element {
            self.push_pcs(&owner, PcsLine::Item(title.clone()));
        }
        self.stack.clear();
        self.stack.push((indent, element));
        Ok(())
    }

    #[expect(clippy::too_many_arguments, reason = "one relation line, taken apart")]
    fn relation(
        &mut self,
        content: &str,
        marker: &str,
        reversed: bool,
        kind: RelationKind,
        indent: usize,
        at: usize,
        column: usize,
    ) -> Result<(), Problem> {
        let rest = content.get(marker.len()..).unwrap_or_default().trim();
        if rest.is_empty() {
            return Err(Problem::at(
                at,
                column,
                format!("the relation `{marker}` has no statement or argument after it"),
            ));
        }
        // As Argdown's lexer: a deeper line is a child of the line above; a
        // shallower one goes back out to the nearest level not deeper than
        // it and stands beside the element there.
        if self.stack.last().is_some_and(|(w, _)| indent <= *w) {
            while self.stack.len() > 1 && self.stack.last().is_some_and(|(w, _)| *w > indent) {
                self.stack.pop();
            }
            if self.stack.len() > 1 {
                self.stack.pop();
            }
        }
        let Some((_, parent)) = self.stack.last().cloned() else {
            return Err(Problem::at(
                at,
                column,
                format!("the relation `{marker}` has no statement or argument above it"),
            ));
        };
        let element = self.element(rest, at, column + marker.len() + 1)?;
        let (from, to) = if reversed {
            (element.clone(), parent)
        } else {
            (parent, element.clone())
        };
        let refused = match (kind, &from, &to) {
            (RelationKind::Undercut, _, Element::Statement(_)) => {
                Some("an undercut points at an argument's inference, not at a statement")
            }
            (RelationKind::Contradiction, Element::Argument(_), _)
            | (RelationKind::Contradiction, _, Element::Argument(_)) => {
                Some("only statements contradict each other (`><`), not arguments")
            }
            _ => None,
        };
        if let Some(why) = refused {
            return Err(Problem::at(at, column, why));
        }
        self.doc.relations.push(Relation { from, to, kind });
        if let Element::Argument(title) = &element {
            self.pcs_owner = Some(title.clone());
        }
        self.stack.push((indent, element));
        Ok(())
    }

    /// A statement or argument, defined, referred to, or plain text.
    fn element(&mut self, text: &str, at: usize, column: usize) -> Result<Element, Problem> {
        for (open, close) in [('[', ']'), ('<', '>')] {
            let Some(inner) = text.strip_prefix(open) else {
                continue;
            };
            let Some(end) = inner.find(close) else {
                continue;
            };
            let title = inner.get(..end).unwrap_or_default().trim();
            let after = inner.get(end + 1..).unwrap_or_default();
            if title.is_empty() || (open == '[' && after.starts_with('(')) {
                continue; // `[]` or a link: plain text
            }
            if open == '<' && after.starts_with('(') {
                return Err(Problem::at(
                    at,
                    column + end + 2,
                    format!(
                        "`<{title}>` is followed by `(`: a premise–conclusion structure starts on its own line"
                    ),
                ));
            }
            let (defined, rest) = match after.strip_prefix(':') {
                Some(rest) => (true, rest),
                None => (false, after),
            };
            let w = words(rest);
            let text = if defined { w.text } else { String::new() };
            self.untexted = (defined && text.is_empty()).then_some((at, column));
            let title = title.to_owned();
            self.open = defined.then(|| match open {
                '[' => Open::Statement(title.clone()),
                _ => Open::Argument(title.clone()),
            });
            let taken = if open == '[' {
                self.add_statement(&title, true, &text, w.tags)
            } else {
                self.add_argument(&title, &text, w.tags)
            };
            // A second definition's text is not the element's: nor is
            // what goes on after it.
            if !taken {
                self.open = None;
            }
            return Ok(if open == '[' {
                Element::Statement(title)
            } else {
                Element::Argument(title)
            });
        }
        let w = words(text);
        let title = self.doc.next_untitled();
        self.open = Some(Open::Statement(title.clone()));
        self.add_statement(&title, false, &w.text, w.tags);
        Ok(Element::Statement(title))
    }

    fn untitled_argument(&mut self) -> String {
        let title = self.doc.next_untitled();
        self.add_argument(&title, "", Vec::new());
        title
    }

    /// Adds or extends a statement; whether its text is this one.
    fn add_statement(&mut self, title: &str, titled: bool, text: &str, tags: Vec<String>) -> bool {
        let section = self.section.clone();
        let made = self.doc.statement_entry(title, || Statement {
            title: title.to_owned(),
            titled,
            section,
            ..Statement::default()
        });
        let Some(s) = made else { return false };
        merge(&mut s.tags, tags);
        fill(&mut s.text, text)
    }

    /// Adds or extends an argument; whether its description is this one.
    fn add_argument(&mut self, title: &str, description: &str, tags: Vec<String>) -> bool {
        let section = self.section.clone();
        let made = self.doc.argument_entry(title, || Argument {
            title: title.to_owned(),
            section,
            ..Argument::default()
        });
        let Some(a) = made else { return false };
        merge(&mut a.tags, tags);
        fill(&mut a.description, description)
    }

    fn push_pcs(&mut self, owner: &str, line: PcsLine) {
        if let Some(a) = self.doc.argument_mut(owner) {
            a.pcs.push(line);
        }
    }

    /// Text that goes on from the line before.
    fn go_on(&mut self, open: &Open, line: &str) {
        let w = words(line);
        let (text, tags) = match open {
            Open::Statement(t) => {
                let Some(s) = self.doc.statement_mut(t) else {
                    return;
                };
                (&mut s.text, &mut s.tags)
            }
            Open::Argument(t) => {
                let Some(a) = self.doc.argument_mut(t) else {
                    return;
                };
                (&mut a.description, &mut a.tags)
            }
        };
        if !w.text.is_empty() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&w.text);
        }
        merge(tags, w.tags);
    }
}
