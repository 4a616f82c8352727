//! Reading Kialo's text export of a discussion:
//!
//! ```text
//! Discussion Title: Should hate speech be illegal?
//!
//! 1. Hate speech should be banned.
//! 1.1. Con: It is better to challenge bad ideas than to ban them.
//! 1.1.1. Pro: …
//! 1.6.4. Pro: -> See 1.2.2.
//! ```
//!
//! The title is the map's title and each top-level thesis a claim; a
//! `Pro:` line a reason supporting its parent, a `Con:` line an objection
//! attacking it (a rebuttal when its parent is an objection). A line that
//! only says `-> See 1.2.2.` is an arrow from that box to its parent.
//! Lines without a number continue the line before. Markdown escapes
//! (`\(`) are undone; CRLF and LF both read.

use super::{Loaded, Problem};
use crate::model::{Edge, EdgeKind, Map, Node, NodeId, NodeKind, Point, Target};
use std::collections::{BTreeMap, BTreeSet};

/// One numbered line.
struct Item {
    number: String,
    /// The addresses of the links in its text.
    links: Vec<String>,
    /// `None` for a thesis, `Some(true)` for Pro, `Some(false)` for Con.
    pro: Option<bool>,
    text: String,
    line: usize,
}

/// A map from the text of a Kialo export. Every box waits to be laid out.
pub fn import(text: &str) -> Result<Loaded, Vec<Problem>> {
    let (title, items) = items(text)?;
    let mut map = Map::new(title);
    let mut warnings = Vec::new();
    let mut box_of: BTreeMap<String, NodeId> = BTreeMap::new();
    let mut links = Vec::new();
    let mut made = Made::new();
    for item in &items {
        let parent = parent_of(&item.number);
        let parent_box = parent.as_deref().and_then(|p| box_of.get(p)).copied();
        if let Some(target) = see_target(&item.text) {
            links.push((item, target, parent_box));
            continue;
        }
        let kind = match (item.pro, parent_box.and_then(|p| map.nodes.get(&p))) {
            (Some(true), _) => NodeKind::Reason,
            (Some(false), Some(p)) if p.kind == NodeKind::Objection => NodeKind::Rebuttal,
            (Some(false), _) => NodeKind::Objection,
            (None, _) => NodeKind::Claim,
        };
        let id = map.next_node_id();
        let mut node = Node::new(id, kind, item.text.clone(), Point::default());
        node.notes = item.links.join("\n");
        map.nodes.insert(id, node);
        box_of.insert(item.number.clone(), id);
        match (item.pro, parent_box) {
            (Some(pro), Some(to)) => add_arrow(&mut map, &mut made, id, to, pro),
            (Some(_), None) => warnings.push(Problem::at(
                item.line,
                1,
                format!(
                    "{} has no parent {} in the file; it stands alone",
                    item.number,
                    parent.unwrap_or_default()
                ),
            )),
            (None, _) => {}
        }
    }
    for (item, target, parent) in links {
        let from = box_of.get(&target).copied();
        match (from, parent, item.pro) {
            (Some(from), Some(to), Some(pro)) if from != to => {
                add_arrow(&mut map, &mut made, from, to, pro);
            }
            _ => warnings.push(Problem::at(
                item.line,
                1,
                format!(
                    "{} links to {target}, which makes no arrow here; skipped",
                    item.number
                ),
            )),
        }
    }
    let unplaced = map.nodes.keys().copied().collect();
    Ok(Loaded {
        map,
        unplaced,
        warnings,
        format: super::Format::Kialo,
    })
}

/// The arrows made so far, to make each once.
type Made = BTreeSet<(NodeId, NodeId, bool)>;

fn add_arrow(map: &mut Map, made: &mut Made, from: NodeId, to: NodeId, pro: bool) {
    let kind = if pro {
        EdgeKind::Supports
    } else {
        EdgeKind::Attacks
    };
    if made.insert((from, to, pro)) {
        let id = map.next_edge_id();
        map.edges
            .insert(id, Edge::new(id, from, Target::Node(to), kind));
    }
}

/// The title and the numbered lines, or why this is not a Kialo export.
fn items(text: &str) -> Result<(String, Vec<Item>), Vec<Problem>> {
    let mut title = None;
    let mut items: Vec<Item> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r').trim();
        if line.is_empty() {
            continue;
        }
        if title.is_none()
            && items.is_empty()
            && let Some(t) = line.strip_prefix("Discussion Title:")
        {
            title = Some(unescape(t.trim()));
            continue;
        }
        match numbered(line, i + 1) {
            Some(item) => items.push(item),
            None => match items.last_mut() {
                Some(last) => {
                    let (text, links) = plain(line);
                    last.text.push('\n');
                    last.text.push_str(&text);
                    last.links.extend(links);
                }
                None => {
                    return Err(vec![Problem::at(
                        i + 1,
                        1,
                        "not a Kialo export: it starts with \"Discussion Title:\" and then \"1. \" and the thesis",
                    )]);
                }
            },
        }
    }
    if items.is_empty() {
        return Err(vec![Problem::at(
            1,
            1,
            "not a Kialo export: no numbered thesis (\"1. …\")",
        )]);
    }
    let title = title.unwrap_or_else(|| items.first().map_or_else(String::new, |i| i.text.clone()));
    Ok((title, items))
}

/// `1.2.3. Pro: words` as an item.
fn numbered(line: &str, at: usize) -> Option<Item> {
    let end = line.find(' ')?;
    let number = line.get(..end)?;
    let digits = number.strip_suffix('.')?;
    if digits.is_empty()
        || !digits
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let rest = line.get(end..)?.trim_start();
    let (pro, words) = if let Some(w) = rest.strip_prefix("Pro:") {
        (Some(true), w)
    } else if let Some(w) = rest.strip_prefix("Con:") {
        (Some(false), w)
    } else {
        (None, rest)
    };
    let top = !digits.contains('.');
    if pro.is_none() && !top {
        return None;
    }
    let (text, links) = plain(words.trim());
    Some(Item {
        number: digits.to_owned(),
        links,
        pro: if top { None } else { pro },
        text,
        line: at,
    })
}

/// `1.2.3` → `1.2`; a thesis has none.
fn parent_of(number: &str) -> Option<String> {
    number.rsplit_once('.').map(|(parent, _)| parent.to_owned())
}

/// The number in `-> See 1.2.2.`, if the text is only that.
fn see_target(text: &str) -> Option<String> {
    let rest = text.trim().strip_prefix("-> See ")?;
    let number = rest.trim().trim_end_matches('.');
    number
        .split('.')
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        .then(|| number.to_owned())
}

/// Markdown escapes undone (`\\(` is `(`), and each link `[words](url)`
/// left as its words; the addresses, in order.
fn plain(text: &str) -> (String, Vec<String>) {
    let mut chars: Vec<(char, bool)> = Vec::with_capacity(text.len());
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        match (c, it.peek()) {
            ('\\', Some(&next)) if next.is_ascii_punctuation() => {
                chars.push((next, true));
                it.next();
            }
            _ => chars.push((c, false)),
        }
    }
    let find = |from: usize, want: char| {
        (from..chars.len()).find(|&i| chars.get(i) == Some(&(want, false)))
    };
    let mut out = String::with_capacity(text.len());
    let mut links = Vec::new();
    let mut i = 0;
    while let Some(&(c, escaped)) = chars.get(i) {
        if c == '['
            && !escaped
            && let Some(close) = find(i + 1, ']')
            && chars.get(close + 1) == Some(&('(', false))
            && let Some(end) = find(close + 2, ')')
        {
            out.extend(
                chars
                    .get(i + 1..close)
                    .unwrap_or_default()
                    .iter()
                    .map(|(c, _)| c),
            );
            links.push(
                chars
                    .get(close + 2..end)
                    .unwrap_or_default()
                    .iter()
                    .map(|(c, _)| c)
                    .collect(),
            );
            i = end + 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    (out, links)
}

/// Plain words only.
fn unescape(text: &str) -> String {
    plain(text).0
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Discussion Title: Is it so\\?\r\n\r\n1. Yes \\(mostly\\) [see](https://e.org/a_\\(b\\)).\r\n1.1. Con: No.\r\n1.1.1. Con: Yes it is.\r\n1.2. Pro: Because.\r\nstill because\r\n1.3. Con: -> See 1.1.1.\r\n";

    #[test]
    fn a_discussion_becomes_claims_reasons_and_objections() {
        let loaded = import(SAMPLE).expect("imports");
        let map = &loaded.map;
        assert_eq!(map.title, "Is it so?");
        let texts: Vec<(&str, NodeKind)> = map
            .nodes
            .values()
            .map(|n| (n.text.as_str(), n.kind))
            .collect();
        assert_eq!(
            texts,
            [
                ("Yes (mostly) see.", NodeKind::Claim),
                ("No.", NodeKind::Objection),
                ("Yes it is.", NodeKind::Rebuttal),
                ("Because.\nstill because", NodeKind::Reason),
            ]
        );
        let arrows: Vec<(u64, Target, EdgeKind)> = map
            .edges
            .values()
            .map(|e| (e.from.0, e.to, e.kind))
            .collect();
        assert_eq!(
            arrows,
            [
                (2, Target::Node(NodeId(1)), EdgeKind::Attacks),
                (3, Target::Node(NodeId(2)), EdgeKind::Attacks),
                (4, Target::Node(NodeId(1)), EdgeKind::Supports),
                (3, Target::Node(NodeId(1)), EdgeKind::Attacks),
            ]
        );
        assert_eq!(loaded.unplaced.len(), 4);
        assert_eq!(map.nodes[&NodeId(1)].notes, "https://e.org/a_(b)");
        assert!(loaded.warnings.is_empty());
    }

    #[test]
    fn other_text_is_refused_at_its_first_line() {
        let e = import("Dear diary,\ntoday…").expect_err("refused");
        assert_eq!(e[0].position.map(|p| p.line), Some(1));
        let loaded = import("Discussion Title: T\n1. A\n1.4.1. Pro: orphan\n").expect("imports");
        assert_eq!(loaded.warnings.len(), 1);
        assert_eq!(loaded.warnings[0].position.map(|p| p.line), Some(3));
    }
}
