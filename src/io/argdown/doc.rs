//! An Argdown document as read: statements, arguments with their
//! premise–conclusion structures, and relations, each element once by its
//! title.

use std::collections::BTreeMap;

/// What a relation says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelationKind {
    Support,
    Attack,
    Undercut,
    Contradiction,
}

/// A statement or an argument, by title.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Element {
    Statement(String),
    Argument(String),
}

#[derive(Debug, Default)]
pub struct Statement {
    pub title: String,
    /// Whether the file gave the title (`[Title]`) or we did.
    pub titled: bool,
    pub text: String,
    pub tags: Vec<String>,
    pub section: Option<String>,
}

/// One line of a premise–conclusion structure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PcsLine {
    Item(String),
    Inference,
}

#[derive(Debug, Default)]
pub struct Argument {
    pub title: String,
    pub description: String,
    pub tags: Vec<String>,
    pub section: Option<String>,
    pub pcs: Vec<PcsLine>,
}

#[derive(Debug)]
pub struct Relation {
    pub from: Element,
    pub to: Element,
    pub kind: RelationKind,
}

/// An Argdown document.
#[derive(Debug, Default)]
pub struct Doc {
    pub title: Option<String>,
    pub statements: Vec<Statement>,
    pub arguments: Vec<Argument>,
    pub relations: Vec<Relation>,
    statement_at: BTreeMap<String, usize>,
    argument_at: BTreeMap<String, usize>,
    untitled: usize,
}

impl Doc {
    pub fn argument(&self, title: &str) -> Option<&Argument> {
        self.argument_at
            .get(title)
            .and_then(|&i| self.arguments.get(i))
    }

    pub fn argument_mut(&mut self, title: &str) -> Option<&mut Argument> {
        self.argument_at
            .get(title)
            .and_then(|&i| self.arguments.get_mut(i))
    }

    pub fn statement_mut(&mut self, title: &str) -> Option<&mut Statement> {
        self.statement_at
            .get(title)
            .and_then(|&i| self.statements.get_mut(i))
    }

    /// The statement called `title`, made by `make` if it is new.
    pub fn statement_entry(
        &mut self,
        title: &str,
        make: impl FnOnce() -> Statement,
    ) -> Option<&mut Statement> {
        entry(&mut self.statements, &mut self.statement_at, title, make)
    }

    /// The argument called `title`, made by `make` if it is new.
    pub fn argument_entry(
        &mut self,
        title: &str,
        make: impl FnOnce() -> Argument,
    ) -> Option<&mut Argument> {
        entry(&mut self.arguments, &mut self.argument_at, title, make)
    }

    /// A title for an element the file gave none: "Untitled N".
    pub fn next_untitled(&mut self) -> String {
        self.untitled += 1;
        format!("Untitled {}", self.untitled)
    }
}

fn entry<'a, T>(
    items: &'a mut Vec<T>,
    at: &mut BTreeMap<String, usize>,
    title: &str,
    make: impl FnOnce() -> T,
) -> Option<&'a mut T> {
    let index = *at.entry(title.to_owned()).or_insert_with(|| {
        items.push(make());
        items.len() - 1
    });
    items.get_mut(index)
}

/// Tags added once each.
pub fn merge(into: &mut Vec<String>, tags: Vec<String>) {
    for tag in tags {
        if !into.contains(&tag) {
            into.push(tag);
        }
    }
}

/// Sets an empty `slot` to `text`; whether it did. An element's text is
/// its first definition's.
pub fn fill(slot: &mut String, text: &str) -> bool {
    if slot.is_empty() {
        text.clone_into(slot);
        return true;
    }
    false
}
