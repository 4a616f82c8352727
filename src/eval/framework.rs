//! An abstract argumentation framework (arguments and who attacks whom) and
//! its grounded labelling: the most cautious verdict anyone can defend.
//!
//! An argument is **in** when every attacker is out, **out** when some
//! attacker is in, and **undecided** when neither can be settled (cycles).
//! Computed in one pass, linear in arguments plus attacks: an argument
//! whose attackers are all out goes in, and knocks out what it attacks,
//! which may free what those attacked in turn.

use std::collections::VecDeque;

/// The verdict on one argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    In,
    Out,
    Undecided,
}

impl Label {
    /// The symbol and word people read: "✓ stands", "✗ falls", "? undecided".
    pub const fn verdict(self) -> &'static str {
        match self {
            Label::In => "\u{2713} stands",
            Label::Out => "\u{2717} falls",
            Label::Undecided => "? undecided",
        }
    }

    /// The word in files and on the command line: `in`, `out`, `undec`.
    pub const fn name(self) -> &'static str {
        match self {
            Label::In => "in",
            Label::Out => "out",
            Label::Undecided => "undec",
        }
    }
}

/// Arguments `0..len` and attacks between them, stored compactly.
#[derive(Clone, Debug, Default)]
pub struct Framework {
    len: usize,
    /// `attacks[offsets[a]..offsets[a + 1]]`: the arguments `a` attacks.
    offsets: Vec<usize>,
    attacks: Vec<usize>,
    /// The same, reversed: who attacks `a`.
    attacker_offsets: Vec<usize>,
    attackers: Vec<usize>,
}

impl Framework {
    /// A framework of `len` arguments with `attacks` as (attacker, attacked).
    /// Attacks naming arguments past `len` are ignored.
    pub fn new(len: usize, attacks: &[(usize, usize)]) -> Self {
        let attacks: Vec<(usize, usize)> = attacks
            .iter()
            .copied()
            .filter(|&(a, b)| a < len && b < len)
            .collect();
        let (offsets, targets) = compact(len, attacks.iter().copied());
        let (attacker_offsets, attackers) = compact(len, attacks.iter().map(|&(a, b)| (b, a)));
        Self {
            len,
            offsets,
            attacks: targets,
            attacker_offsets,
            attackers,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The arguments `a` attacks.
    pub fn attacked_by(&self, a: usize) -> &[usize] {
        slice(&self.offsets, &self.attacks, a)
    }

    /// The arguments that attack `a`.
    pub fn attackers_of(&self, a: usize) -> &[usize] {
        slice(&self.attacker_offsets, &self.attackers, a)
    }
}

fn slice<'a>(offsets: &[usize], items: &'a [usize], a: usize) -> &'a [usize] {
    match (offsets.get(a), offsets.get(a + 1)) {
        (Some(&from), Some(&to)) => items.get(from..to).unwrap_or_default(),
        _ => &[],
    }
}

/// Pairs (key, value) grouped by key as offsets into one list (CSR).
fn compact(
    len: usize,
    pairs: impl Iterator<Item = (usize, usize)> + Clone,
) -> (Vec<usize>, Vec<usize>) {
    let mut counts = vec![0usize; len + 1];
    for (key, _) in pairs.clone() {
        if let Some(c) = counts.get_mut(key + 1) {
            *c += 1;
        }
    }
    for i in 1..counts.len() {
        let before = counts.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = counts.get_mut(i) {
            *c += before;
        }
    }
    let offsets = counts.clone();
    let mut fill = counts;
    let mut items = vec![0usize; offsets.last().copied().unwrap_or(0)];
    for (key, value) in pairs {
        if let Some(at) = fill.get_mut(key) {
            if let Some(slot) = items.get_mut(*at) {
                *slot = value;
            }
            *at += 1;
        }
    }
    (offsets, items)
}

/// A grounded labelling, and the order in which arguments were settled
/// (what a "why" explanation walks back along).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labelling {
    pub labels: Vec<Label>,
    /// For each settled argument, when it was settled (0 first); forced
    /// arguments come first. `None` for undecided ones.
    pub settled_at: Vec<Option<usize>>,
}

/// What the user forces, for "what if": in whatever attacks it, or out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Forced {
    In,
    Out,
}

/// The grounded labelling of `framework`, with `forced` arguments fixed
/// first. Linear in arguments plus attacks.
pub fn grounded(framework: &Framework, forced: &[(usize, Forced)]) -> Labelling {
    let n = framework.len();
    let mut labels: Vec<Option<Label>> = vec![None; n];
    let mut settled_at = vec![None; n];
    let mut order = 0;
    // Attackers of each argument not yet known to be out.
    let mut live: Vec<usize> = (0..n).map(|a| framework.attackers_of(a).len()).collect();
    let mut queue: VecDeque<(usize, Label)> = VecDeque::new();
    for &(a, force) in forced {
        if a < n && labels.get(a).is_some_and(Option::is_none) {
            let label = match force {
                Forced::In => Label::In,
                Forced::Out => Label::Out,
            };
            queue.push_back((a, label));
            if let Some(slot) = labels.get_mut(a) {
                *slot = Some(label);
            }
        }
    }
    for (a, &count) in live.iter().enumerate() {
        if count == 0 && labels.get(a).is_some_and(Option::is_none) {
            queue.push_back((a, Label::In));
            if let Some(slot) = labels.get_mut(a) {
                *slot = Some(Label::In);
            }
        }
    }
    while let Some((a, label)) = queue.pop_front() {
        if let Some(slot) = settled_at.get_mut(a) {
            *slot = Some(order);
        }
        order += 1;
        match label {
            Label::In => {
                // Everything it attacks falls.
                for &b in framework.attacked_by(a) {
                    if labels.get(b).is_some_and(Option::is_none) {
                        if let Some(slot) = labels.get_mut(b) {
                            *slot = Some(Label::Out);
                        }
                        queue.push_back((b, Label::Out));
                    }
                }
            }
            Label::Out => {
                // One attacker fewer for what it attacks; the last frees it.
                for &b in framework.attacked_by(a) {
                    let Some(count) = live.get_mut(b) else {
                        continue;
                    };
                    *count = count.saturating_sub(1);
                    if *count == 0 && labels.get(b).is_some_and(Option::is_none) {
                        if let Some(slot) = labels.get_mut(b) {
                            *slot = Some(Label::In);
                        }
                        queue.push_back((b, Label::In));
                    }
                }
            }
            Label::Undecided => {}
        }
    }
    Labelling {
        labels: labels
            .into_iter()
            .map(|l| l.unwrap_or(Label::Undecided))
            .collect(),
        settled_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(n: usize, attacks: &[(usize, usize)]) -> Vec<Label> {
        grounded(&Framework::new(n, attacks), &[]).labels
    }

    use Label::{In, Out, Undecided as Undec};

    #[test]
    fn a_chain_of_attacks_alternates() {
        // 3 attacks 2 attacks 1 attacks 0.
        assert_eq!(labels(4, &[(3, 2), (2, 1), (1, 0)]), vec![Out, In, Out, In]);
    }

    #[test]
    fn a_defeated_objection_reinstates_its_target() {
        // 1 objects to 0; 2 rebuts 1: 0 stands again.
        assert_eq!(labels(3, &[(1, 0), (2, 1)]), vec![In, Out, In]);
    }

    #[test]
    fn cycles_are_undecided() {
        assert_eq!(labels(3, &[(0, 1), (1, 2), (2, 0)]), vec![Undec; 3], "odd");
        assert_eq!(labels(2, &[(0, 1), (1, 0)]), vec![Undec; 2], "even");
        // What an undecided argument attacks is undecided too, unless
        // something settled attacks it.
        assert_eq!(
            labels(4, &[(0, 1), (1, 0), (1, 2), (3, 2)]),
            vec![Undec, Undec, Out, In]
        );
    }

    #[test]
    fn a_self_attack_is_undecided() {
        assert_eq!(labels(2, &[(0, 0), (0, 1)]), vec![Undec, Undec]);
    }

    #[test]
    fn forcing_decides_a_cycle() {
        let framework = Framework::new(2, &[(0, 1), (1, 0)]);
        let forced = grounded(&framework, &[(0, Forced::In)]);
        assert_eq!(forced.labels, vec![In, Out]);
        let forced = grounded(&framework, &[(0, Forced::Out)]);
        assert_eq!(forced.labels, vec![Out, In]);
    }

    #[test]
    fn settled_order_follows_the_reasons() {
        let framework = Framework::new(3, &[(2, 1), (1, 0)]);
        let l = grounded(&framework, &[]);
        assert!(l.settled_at[2] < l.settled_at[1]);
        assert!(l.settled_at[1] < l.settled_at[0]);
    }
}
