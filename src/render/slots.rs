//! Numbers for the items of a display list that stay put while the list's
//! numbering changes. The spatial index files each item under its slot; an
//! edit that takes items out of the middle of the list renumbers one table
//! here, not every cell of the grid.

use super::geometry::Rect;

/// "No item" or "a free slot".
const NONE: u32 = u32::MAX;

#[derive(Clone, Debug, Default)]
pub(super) struct Slots {
    /// Each slot's place in the list; [`NONE`] for a free slot.
    place: Vec<u32>,
    /// Each place's slot.
    slot: Vec<u32>,
    /// Where each slot's item is filed in the grid, when it has bounds.
    bounds: Vec<Option<Rect>>,
    free: Vec<u32>,
}

impl Slots {
    /// A slot for the item at `place`, filed under `bounds`.
    pub(super) fn add(&mut self, place: usize, bounds: Option<Rect>) -> u32 {
        let slot = self
            .free
            .pop()
            .unwrap_or_else(|| as_number(self.place.len()));
        set(&mut self.place, slot as usize, as_number(place), NONE);
        set(&mut self.bounds, slot as usize, bounds, None);
        set(&mut self.slot, place, slot, NONE);
        slot
    }

    /// The slot of the item at `place`.
    pub(super) fn at(&self, place: usize) -> Option<u32> {
        self.slot.get(place).copied().filter(|s| *s != NONE)
    }

    /// The place of the item in `slot`.
    pub(super) fn place(&self, slot: u32) -> Option<usize> {
        self.place
            .get(slot as usize)
            .filter(|p| **p != NONE)
            .map(|p| *p as usize)
    }

    /// The item in `slot` is now filed under `bounds`.
    pub(super) fn refile(&mut self, slot: u32, bounds: Option<Rect>) {
        if let Some(b) = self.bounds.get_mut(slot as usize) {
            *b = bounds;
        }
    }

    /// The list was numbered anew: the item at place `i` is now at `to[i]`
    /// ([`NONE`]: gone). Frees the slots of the items gone and returns
    /// them, with where each was filed, for the grid to forget.
    pub(super) fn renumber(&mut self, to: &[u32]) -> Vec<(u32, Option<Rect>)> {
        let mut slot = vec![NONE; self.slot.len()];
        let mut gone = Vec::new();
        for (old, new) in to.iter().enumerate() {
            let Some(s) = self.at(old) else {
                continue;
            };
            let i = s as usize;
            if *new == NONE {
                gone.push((s, self.bounds.get_mut(i).and_then(Option::take)));
                set(&mut self.place, i, NONE, NONE);
                self.free.push(s);
            } else {
                set(&mut self.place, i, *new, NONE);
                set(&mut slot, *new as usize, s, NONE);
            }
        }
        self.slot = slot;
        gone
    }
}

/// Sets `list[i]`, growing the list with `fill` to reach it.
fn set<T: Clone>(list: &mut Vec<T>, i: usize, value: T, fill: T) {
    if list.len() <= i {
        list.resize(i + 1, fill);
    }
    if let Some(at) = list.get_mut(i) {
        *at = value;
    }
}

fn as_number(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_stay_while_places_change() {
        let mut slots = Slots::default();
        let s: Vec<u32> = (0..5).map(|i| slots.add(i, None)).collect();
        // Places 1 and 3 go; 0, 2, 4 close up to 0, 1, 2.
        let gone = slots.renumber(&[0, NONE, 1, NONE, 2]);
        assert_eq!(
            gone.iter().map(|g| g.0).collect::<Vec<_>>(),
            vec![s[1], s[3]]
        );
        assert_eq!(slots.place(s[0]), Some(0));
        assert_eq!(slots.place(s[2]), Some(1));
        assert_eq!(slots.place(s[4]), Some(2));
        assert_eq!(slots.place(s[1]), None);
        assert_eq!(slots.at(1), Some(s[2]));
        // A new item takes a freed slot; one put between keeps the others.
        let new = slots.add(3, None);
        assert!(new == s[1] || new == s[3]);
        assert_eq!(slots.place(new), Some(3));
        let moved = slots.renumber(&[0, 2, 3, 4]);
        assert!(moved.is_empty());
        assert_eq!(slots.at(0), Some(s[0]));
        assert_eq!(slots.at(1), None, "a hole for an item to come");
        assert_eq!(slots.at(4), Some(new));
    }
}
