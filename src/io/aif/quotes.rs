//! The quoted words of an AIF file, as sources and spans.
//!
//! - A file Argmap wrote carries its sources and spans exactly in its
//!   `argmap` block.
//! - An OVA3 file carries the analysed text as HTML, each highlighted
//!   passage marked with the id of its L-node: the text becomes the source
//!   "Analysed text" and each highlight a span of the I-node that L-node
//!   anchors (L → YA → I).
//! - Otherwise (`AIFdb`, `QT30`) the L-nodes are the dialogue: they become a
//!   "Transcript" source, one turn per paragraph, in the order of their
//!   transitions (L → TA → L) and then their times, speakers kept. Each
//!   I-node gets a span on the words of the L-node that anchors it, after
//!   the "Speaker :" prefix. Analysts' L-nodes (L → YA "Analysing" → L)
//!   and L-nodes with no edges at all are not part of the dialogue.

use super::graph::AifGraph;
use super::html;
use crate::anchor::span_from_range;
use crate::io::Problem;
use crate::model::{Map, NodeId, Source, SourceId, Span};
use serde_json::Value;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};
use std::sync::Arc;

/// Gives the boxes their spans, adding the sources they quote.
pub fn add_quotes(
    map: &mut Map,
    graph: &AifGraph,
    box_of: &BTreeMap<String, NodeId>,
    warnings: &mut Vec<Problem>,
) {
    if let Some(block) = graph.argmap.as_ref().filter(|a| a.get("sources").is_some()) {
        restore(map, block, box_of, warnings);
        return;
    }
    let anchors = anchors(graph, box_of);
    let mut quoted: BTreeSet<NodeId> = BTreeSet::new();
    if let Some(text) = &graph.html {
        quoted = add_highlights(map, text, &anchors);
    }
    let waiting: Vec<&(NodeId, Vec<String>)> = anchors
        .iter()
        .filter(|(id, _)| !quoted.contains(id))
        .collect();
    let anchored: BTreeSet<NodeId> = anchors.iter().map(|(id, _)| *id).collect();
    let unanchored: Vec<NodeId> = map
        .nodes
        .keys()
        .copied()
        .filter(|id| !anchored.contains(id))
        .collect();
    if !waiting.is_empty() || !unanchored.is_empty() {
        add_transcript(map, graph, &waiting, &unanchored);
    }
}

/// Each box with the L-nodes that anchor it through a YA, in file order.
pub fn anchors(graph: &AifGraph, box_of: &BTreeMap<String, NodeId>) -> Vec<(NodeId, Vec<String>)> {
    let mut found = Vec::new();
    for (aif_id, &id) in box_of {
        let mut ls: Vec<String> = Vec::new();
        for ya in graph.inputs(aif_id) {
            if graph.kind(ya) != "YA" {
                continue;
            }
            for l in graph.inputs(ya) {
                if graph.kind(l) == "L" && !ls.contains(l) {
                    ls.push(l.clone());
                }
            }
        }
        if !ls.is_empty() {
            found.push((id, ls));
        }
    }
    found
}

/// OVA3's highlights as spans of "Analysed text"; the boxes quoted.
fn add_highlights(
    map: &mut Map,
    text: &str,
    anchors: &[(NodeId, Vec<String>)],
) -> BTreeSet<NodeId> {
    let analysed = html::analyse(text);
    let mut quoted = BTreeSet::new();
    if analysed.highlights.is_empty() || analysed.text.trim().is_empty() {
        return quoted;
    }
    let source = Source {
        id: map.next_source_id(),
        title: "Analysed text".to_owned(),
        path: None,
        text: Arc::from(analysed.text.as_str()),
    };
    for (id, ls) in anchors {
        let ranges = ls
            .iter()
            .flat_map(|l| analysed.highlights.get(l).into_iter().flatten());
        for &(start, end) in ranges {
            let Ok(span) = span_from_range(&source, start, end) else {
                continue;
            };
            if let Some(node) = map.nodes.get_mut(id)
                && !node.spans.contains(&span)
            {
                node.spans.push(span);
                quoted.insert(*id);
            }
        }
    }
    if !quoted.is_empty() {
        map.sources.insert(source.id, source);
    }
    quoted
}

/// The dialogue's L-nodes, in the order they were said.
fn dialogue(graph: &AifGraph) -> Vec<usize> {
    let analyst = |id: &str| {
        graph.outputs(id).iter().any(|ya| {
            graph.kind(ya) == "YA"
                && graph.node(ya).is_some_and(|n| n.text.trim() == "Analysing")
                && graph.outputs(ya).iter().any(|t| graph.kind(t) == "L")
        })
    };
    let turns: Vec<usize> = (0..graph.nodes.len())
        .filter(|&i| {
            graph
                .nodes
                .get(i)
                .is_some_and(|n| n.kind == "L" && graph.is_linked(&n.id) && !analyst(&n.id))
        })
        .collect();
    let at: BTreeMap<&str, usize> = turns
        .iter()
        .filter_map(|&i| graph.nodes.get(i).map(|n| (n.id.as_str(), i)))
        .collect();
    // Transitions: L → TA → L says the first came before the second.
    let mut after: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut waits: BTreeMap<usize, usize> = BTreeMap::new();
    for ta in graph.nodes.iter().filter(|n| n.kind == "TA") {
        for before in graph
            .inputs(&ta.id)
            .iter()
            .filter_map(|l| at.get(l.as_str()))
        {
            for next in graph
                .outputs(&ta.id)
                .iter()
                .filter_map(|l| at.get(l.as_str()))
            {
                if before != next {
                    after.entry(*before).or_default().push(*next);
                    *waits.entry(*next).or_default() += 1;
                }
            }
        }
    }
    let key = |i: usize| {
        let time = graph.nodes.get(i).and_then(|n| n.timestamp.clone());
        Reverse((time, i))
    };
    let mut ready: BinaryHeap<Reverse<(Option<String>, usize)>> = turns
        .iter()
        .filter(|i| !waits.contains_key(i))
        .map(|&i| key(i))
        .collect();
    let mut order = Vec::with_capacity(turns.len());
    let mut done = BTreeSet::new();
    loop {
        let next = ready.pop().map(|Reverse((_, i))| i).or_else(|| {
            // A cycle of transitions: go on with the earliest left.
            turns.iter().copied().find(|i| !done.contains(i))
        });
        let Some(i) = next else { break };
        if !done.insert(i) {
            continue;
        }
        order.push(i);
        for &n in after.get(&i).into_iter().flatten() {
            if let Some(w) = waits.get_mut(&n) {
                *w = w.saturating_sub(1);
                if *w == 0 && !done.contains(&n) {
                    ready.push(key(n));
                }
            }
        }
    }
    order
}

/// Where a "Speaker : words" line's words start (in chars), if it has a
/// speaker prefix.
fn words_start(line: &str) -> Option<usize> {
    let (head, rest) = line.split_once(':')?;
    let head = head.trim();
    let speaker = !head.is_empty()
        && head.chars().count() <= 60
        && head.split_whitespace().count() <= 5
        && head
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        && !head.contains(['.', '?', '!', ',', '"']);
    let words = rest.trim_start();
    (speaker && !words.is_empty()).then(|| line.chars().count() - words.chars().count())
}

/// The dialogue as a "Transcript" source, and each waiting box's span on
/// the words of its L-nodes. A box no L-node anchors (some QT30 maps keep
/// no L → YA → I edges) gets a span where the transcript says its words.
fn add_transcript(
    map: &mut Map,
    graph: &AifGraph,
    waiting: &[&(NodeId, Vec<String>)],
    unanchored: &[NodeId],
) {
    let mut text = String::new();
    let mut chars = 0usize;
    // Where each L-node's words are, in chars of the transcript.
    let mut words_of: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for i in dialogue(graph) {
        let Some(node) = graph.nodes.get(i) else {
            continue;
        };
        let said = node.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if said.is_empty() {
            continue;
        }
        let line = match (&node.speaker, words_start(&said)) {
            (Some(speaker), None) => format!("{speaker}: {said}"),
            _ => said,
        };
        if !text.is_empty() {
            text.push_str("\n\n");
            chars += 2;
        }
        let len = line.chars().count();
        let start = chars + words_start(&line).unwrap_or(0);
        words_of.insert(node.id.as_str(), (start, chars + len));
        text.push_str(&line);
        chars += len;
    }
    if text.is_empty() {
        return;
    }
    let source = Source {
        id: map.next_source_id(),
        title: "Transcript".to_owned(),
        path: None,
        text: Arc::from(text.as_str()),
    };
    let mut any = false;
    for (id, ls) in waiting {
        for l in ls {
            let Some(&(start, end)) = words_of.get(l.as_str()) else {
                continue;
            };
            let Ok(span) = span_from_range(&source, start, end) else {
                continue;
            };
            if let Some(node) = map.nodes.get_mut(id)
                && !node.spans.contains(&span)
            {
                node.spans.push(span);
                any = true;
            }
        }
    }
    let said: Vec<char> = text.chars().collect();
    for id in unanchored {
        let Some(node) = map.nodes.get_mut(id) else {
            continue;
        };
        let words: Vec<char> = node
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .collect();
        let Some(start) = find_words(&said, &words) else {
            continue;
        };
        if let Ok(span) = span_from_range(&source, start, start + words.len()) {
            node.spans.push(span);
            any = true;
        }
    }
    if any {
        map.sources.insert(source.id, source);
    }
}

/// Where `words` (at least three chars) first stand in `text`, ignoring
/// the case of ASCII letters.
fn find_words(text: &[char], words: &[char]) -> Option<usize> {
    if words.len() < 3 {
        return None;
    }
    text.windows(words.len()).position(|w| {
        w.iter()
            .zip(words)
            .all(|(a, b)| a == b || a.eq_ignore_ascii_case(b))
    })
}

/// Sources and spans from the `argmap` block of a file Argmap wrote.
fn restore(
    map: &mut Map,
    block: &Value,
    box_of: &BTreeMap<String, NodeId>,
    warnings: &mut Vec<Problem>,
) {
    let list = |key| {
        block
            .get(key)
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
    };
    for source in list("sources") {
        let Some(id) = source.get("id").and_then(Value::as_u64).map(SourceId) else {
            warnings.push(Problem::new(None, "a source without an id was skipped"));
            continue;
        };
        let text_of = |key| source.get(key).and_then(Value::as_str);
        map.sources.entry(id).or_insert_with(|| Source {
            id,
            title: text_of("title").unwrap_or("Source").to_owned(),
            path: text_of("path").map(str::to_owned),
            text: Arc::from(text_of("text").unwrap_or_default()),
        });
    }
    let Some(spans) = block.get("spans").and_then(Value::as_object) else {
        return;
    };
    for (aif_id, list) in spans {
        let Some(node) = box_of.get(aif_id).and_then(|id| map.nodes.get(id)) else {
            continue;
        };
        let id = node.id;
        let mut made = Vec::new();
        for value in list.as_array().map_or(&[][..], Vec::as_slice) {
            match restored_span(map, value) {
                Some(span) => made.push(span),
                None => warnings.push(Problem::new(
                    None,
                    format!("a span of box {id} does not fit its source and was skipped"),
                )),
            }
        }
        if let Some(node) = map.nodes.get_mut(&id) {
            node.spans = made;
        }
    }
}

fn restored_span(map: &Map, value: &Value) -> Option<Span> {
    let number = |key| {
        value
            .get(key)
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
    };
    let text = |key| {
        value
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let source = map.sources.get(&SourceId(value.get("source")?.as_u64()?))?;
    let (start, end) = (number("start")?, number("end")?);
    let quote = text("quote");
    let orphan = value
        .get("orphan")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let fresh = span_from_range(source, start, end).ok();
    match fresh {
        Some(span) if !orphan && span.quote == quote => Some(span),
        // An orphan keeps where it was and what it said.
        _ if start < end && end <= source.text.chars().count() => Some(Span {
            source: source.id,
            start,
            end,
            quote,
            prefix: text("prefix"),
            suffix: text("suffix"),
            orphan: true,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speaker_prefix_is_found_and_words_are_not() {
        assert_eq!(words_start("Emily Thornberry : We had homes"), Some(19));
        assert_eq!(words_start("Participant Rachel: A"), Some(20));
        assert_eq!(words_start("HFC: Yes or No"), Some(5));
        assert_eq!(words_start("We said this: and that, at length."), None);
        assert_eq!(words_start("Well, here is the thing: no"), None);
        assert_eq!(words_start("no colon"), None);
    }
}
