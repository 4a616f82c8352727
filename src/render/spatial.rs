//! A grid over a display list: which boxes and arrows lie near a place, so
//! culling, hit testing and rubber-band selection look at a few cells
//! instead of every item of a big map.

use super::display_list::{ArrowItem, BoxItem, DisplayList};
use super::geometry::Rect;
use super::route::Obstacles;
use super::slots::Slots;
use crate::model::{NodeId, Point};
use rustc_hash::FxHashMap as HashMap;

/// Side of a grid cell in map units: a little over two boxes wide.
const CELL: f64 = 512.0;

type Cell = (i32, i32);

/// Boxes and arrows of a [`DisplayList`] per grid cell, each filed under
/// its slot (see [`Slots`]: a slot stays while the list's numbering
/// changes). A box is in every cell its rectangle touches, and so is an
/// arrow whose bounds cover a few cells; a long arrow (a cross-link over
/// the map) is kept in a short list of its own and tested line against
/// rectangle.
#[derive(Clone, Debug, Default)]
pub struct SpatialIndex {
    boxes: HashMap<Cell, Vec<u32>>,
    arrows: HashMap<Cell, Vec<u32>>,
    long_arrows: Vec<u32>,
    box_slots: Slots,
    arrow_slots: Slots,
}

/// An arrow whose bounds cover more cells than this is a long one.
const LONG_ARROW_CELLS: i64 = 16;

fn cell_of(p: Point) -> Cell {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "map coordinates over 2^31 cells away are clamped, not wrapped"
    )]
    let to = |v: f64| {
        (v / CELL)
            .floor()
            .clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32
    };
    (to(p.x), to(p.y))
}

/// The cells `rect` touches.
fn cells_of_rect(rect: &Rect) -> impl Iterator<Item = Cell> {
    let (lo, hi) = (cell_of(rect.min), cell_of(rect.max));
    (lo.1..=hi.1).flat_map(move |y| (lo.0..=hi.0).map(move |x| (x, y)))
}

fn cell_count(rect: &Rect) -> i64 {
    let (lo, hi) = (cell_of(rect.min), cell_of(rect.max));
    // Saturating: a view zoomed far out over a map with far-flung boxes
    // can span more than 2^63 cells.
    (i64::from(hi.0) - i64::from(lo.0) + 1).saturating_mul(i64::from(hi.1) - i64::from(lo.1) + 1)
}

fn insert(grid: &mut HashMap<Cell, Vec<u32>>, rect: &Rect, index: u32) {
    for cell in cells_of_rect(rect) {
        grid.entry(cell).or_default().push(index);
    }
}

fn remove(grid: &mut HashMap<Cell, Vec<u32>>, rect: &Rect, index: u32) {
    for cell in cells_of_rect(rect) {
        if let Some(items) = grid.get_mut(&cell) {
            items.retain(|i| *i != index);
            if items.is_empty() {
                grid.remove(&cell);
            }
        }
    }
}

/// Whether any segment of the polyline `points` passes through `rect`.
fn line_crosses(points: &[Point], rect: &Rect) -> bool {
    points
        .windows(2)
        .any(|w| super::geometry::segment_crosses(w[0], w[1], rect))
}

impl SpatialIndex {
    pub fn new(list: &DisplayList) -> Self {
        let mut index = Self::of_boxes(&list.boxes);
        for (i, a) in list.arrows.iter().enumerate() {
            index.add_arrow(i, a);
        }
        index
    }

    /// The index of `boxes` alone, before any arrow is drawn.
    pub(super) fn of_boxes(boxes: &[BoxItem]) -> Self {
        let mut index = Self::default();
        for (i, b) in boxes.iter().enumerate() {
            index.add_box(i, &b.rect);
        }
        index
    }

    /// The boxes of `boxes` (which this index holds) as what routed arrows
    /// go around.
    pub(super) fn obstacles<'a>(&'a self, boxes: &'a [BoxItem]) -> impl Obstacles + 'a {
        Placed { index: self, boxes }
    }

    /// Box `i` is new at `rect`.
    pub fn add_box(&mut self, i: usize, rect: &Rect) {
        let slot = self.box_slots.add(i, Some(*rect));
        insert(&mut self.boxes, rect, slot);
    }

    /// The display list's boxes were numbered anew: old box `i` is now box
    /// `boxes[i]` (`u32::MAX`: gone). Boxes added since are not in the
    /// index yet. Costs what was taken away, not the map's size.
    pub fn renumber_boxes(&mut self, boxes: &[u32]) {
        for (slot, rect) in self.box_slots.renumber(boxes) {
            if let Some(rect) = rect {
                remove(&mut self.boxes, &rect, slot);
            }
        }
    }

    /// As [`Self::renumber_boxes`], for the arrows.
    pub fn renumber_arrows(&mut self, arrows: &[u32]) {
        let mut long_gone = Vec::new();
        for (slot, bounds) in self.arrow_slots.renumber(arrows) {
            match bounds {
                Some(b) if cell_count(&b) <= LONG_ARROW_CELLS => remove(&mut self.arrows, &b, slot),
                Some(_) => long_gone.push(slot),
                None => {}
            }
        }
        if !long_gone.is_empty() {
            long_gone.sort_unstable();
            self.long_arrows
                .retain(|s| long_gone.binary_search(s).is_err());
        }
    }

    pub fn add_arrow(&mut self, i: usize, arrow: &ArrowItem) {
        let bounds = arrow.bounds();
        let slot = self.arrow_slots.add(i, bounds);
        self.file_arrow(slot, bounds);
    }

    /// Files the arrow in `slot` under `bounds`.
    fn file_arrow(&mut self, slot: u32, bounds: Option<Rect>) {
        match bounds {
            Some(bounds) if cell_count(&bounds) <= LONG_ARROW_CELLS => {
                insert(&mut self.arrows, &bounds, slot);
            }
            Some(_) => self.long_arrows.push(slot),
            None => {}
        }
    }

    /// Box `i` went from `old` to `new`.
    pub fn move_box(&mut self, i: usize, old: &Rect, new: &Rect) {
        let Some(slot) = self.box_slots.at(i) else {
            return;
        };
        remove(&mut self.boxes, old, slot);
        insert(&mut self.boxes, new, slot);
        self.box_slots.refile(slot, Some(*new));
    }

    /// Arrow `i` went from `old` to `new`.
    pub fn move_arrow(&mut self, i: usize, old: &ArrowItem, new: &ArrowItem) {
        let Some(slot) = self.arrow_slots.at(i) else {
            return;
        };
        match old.bounds() {
            Some(bounds) if cell_count(&bounds) <= LONG_ARROW_CELLS => {
                remove(&mut self.arrows, &bounds, slot);
            }
            Some(_) => self.long_arrows.retain(|a| *a != slot),
            None => {}
        }
        let bounds = new.bounds();
        self.arrow_slots.refile(slot, bounds);
        self.file_arrow(slot, bounds);
    }

    /// Indices of the boxes that may touch `rect`, in drawing order.
    pub fn boxes_near(&self, list: &DisplayList, rect: &Rect) -> Vec<usize> {
        near(&self.boxes, &self.box_slots, list.boxes.len(), rect)
            .unwrap_or_else(|| (0..list.boxes.len()).collect())
    }

    /// Indices of the arrows that may cross `rect`, in drawing order.
    pub fn arrows_near(&self, list: &DisplayList, rect: &Rect) -> Vec<usize> {
        let Some(mut found) = near(&self.arrows, &self.arrow_slots, list.arrows.len(), rect) else {
            return (0..list.arrows.len()).collect();
        };
        let long = self.long_arrows.iter();
        let crossing = long.filter_map(|s| self.arrow_slots.place(*s)).filter(|i| {
            list.arrows
                .get(*i)
                .is_some_and(|a| line_crosses(&a.points, rect))
        });
        found.extend(crossing);
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The box under `p`, topmost first.
    pub fn node_at(&self, list: &DisplayList, p: Point) -> Option<NodeId> {
        let items = self.boxes.get(&cell_of(p))?;
        let topmost = items
            .iter()
            .filter_map(|s| self.box_slots.place(*s))
            .filter(|i| list.boxes.get(*i).is_some_and(|b| b.rect.contains(p)))
            .max()?;
        list.boxes.get(topmost).map(|b| b.node)
    }

    /// The arrow nearest to `p` within `tolerance`, if any.
    pub fn arrow_at<'a>(
        &self,
        list: &'a DisplayList,
        p: Point,
        tolerance: f64,
    ) -> Option<&'a ArrowItem> {
        let around = Rect {
            min: Point::new(p.x - tolerance, p.y - tolerance),
            max: Point::new(p.x + tolerance, p.y + tolerance),
        };
        self.arrows_near(list, &around)
            .into_iter()
            .filter_map(|i| list.arrows.get(i))
            .map(|a| (a.distance_to(p), a))
            .filter(|(d, _)| *d <= tolerance)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, a)| a)
    }
}

/// The boxes of an index, as a route asks for them.
struct Placed<'a> {
    index: &'a SpatialIndex,
    boxes: &'a [BoxItem],
}

impl Obstacles for Placed<'_> {
    fn along(
        &self,
        a: Point,
        b: Point,
        margin: f64,
        visit: &mut dyn FnMut(f64, NodeId, Rect) -> bool,
    ) {
        let reach = Rect::from_corners(a, b).expand(margin);
        let (lo, hi) = (cell_of(reach.min), cell_of(reach.max));
        // About how many cells the walk visits: each column, each row
        // crossed, and a margin's worth on either side.
        let walk = (i64::from(hi.0) - i64::from(lo.0) + 1)
            .saturating_add(i64::from(hi.1) - i64::from(lo.1) + 1)
            .saturating_mul(3);
        if usize::try_from(walk).map_or(true, |n| n > self.index.boxes.len()) {
            // Over more cells than hold boxes: looking at each is cheaper.
            for item in self.boxes {
                if !visit(0.0, item.node, item.rect) {
                    return;
                }
            }
            return;
        }
        for (beyond, cell) in cells_along(a, b, margin) {
            let items = self.index.boxes.get(&cell).map_or(&[][..], Vec::as_slice);
            for i in items.iter().filter_map(|s| self.index.box_slots.place(*s)) {
                if let Some(item) = self.boxes.get(i)
                    && !visit(beyond, item.node, item.rect)
                {
                    return;
                }
            }
        }
    }
}

/// The cells that hold a point within `margin` of the segment from `a` to
/// `b`, and maybe a few more, column by column from `a`'s end: the rows
/// the segment spans over each column, widened by the margin. With each
/// cell, the `t` before which no point of the segment within `margin` of
/// the cell's column (or any column after it) lies.
fn cells_along(a: Point, b: Point, margin: f64) -> impl Iterator<Item = (f64, Cell)> {
    let dx = b.x - a.x;
    let flat = dx.abs() < f64::EPSILON;
    let x_cells = (
        cell_of(Point::new(a.x.min(b.x) - margin, 0.0)).0,
        cell_of(Point::new(a.x.max(b.x) + margin, 0.0)).0,
    );
    let t_at = move |x: f64| {
        if flat {
            0.0
        } else {
            ((x - a.x) / dx).clamp(0.0, 1.0)
        }
    };
    let y_at = move |x: f64| {
        if flat {
            return (a.y.min(b.y), a.y.max(b.y));
        }
        let y = a.y + (b.y - a.y) * t_at(x);
        (y, y)
    };
    let columns: Vec<i32> = if dx >= 0.0 {
        (x_cells.0..=x_cells.1).collect()
    } else {
        (x_cells.0..=x_cells.1).rev().collect()
    };
    columns.into_iter().flat_map(move |column| {
        let left = f64::from(column) * CELL - margin;
        let right = (f64::from(column) + 1.0) * CELL + margin;
        // The near edge of the column from `a`'s side, a margin further.
        let beyond = if dx >= 0.0 {
            t_at(left - margin)
        } else {
            t_at(right + margin)
        };
        let (y0, y1) = y_at(left);
        let (y2, y3) = y_at(right);
        let top = y0.min(y1).min(y2).min(y3) - margin;
        let bottom = y0.max(y1).max(y2).max(y3) + margin;
        let (first, last) = (
            cell_of(Point::new(0.0, top)).1,
            cell_of(Point::new(0.0, bottom)).1,
        );
        (first..=last).map(move |row| (beyond, (column, row)))
    })
}

/// The place of every item in the cells `rect` touches, sorted and once
/// each; `None` when the rectangle spans more cells than the grid holds (a
/// scan of all `len` is cheaper then).
fn near(
    grid: &HashMap<Cell, Vec<u32>>,
    slots: &Slots,
    len: usize,
    rect: &Rect,
) -> Option<Vec<usize>> {
    if usize::try_from(cell_count(rect)).map_or(true, |n| n >= grid.len().max(1) && len > 0) {
        return None;
    }
    let mut found: Vec<usize> = cells_of_rect(rect)
        .filter_map(|cell| grid.get(&cell))
        .flatten()
        .filter_map(|s| slots.place(*s))
        .collect();
    found.sort_unstable();
    found.dedup();
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{FixedAdvance, build};

    /// What the index answers, found by looking at every box and arrow.
    fn scan_node_at(list: &DisplayList, p: Point) -> Option<NodeId> {
        list.boxes
            .iter()
            .rev()
            .find(|b| b.rect.contains(p))
            .map(|b| b.node)
    }

    fn scan_arrow_at(list: &DisplayList, p: Point, tolerance: f64) -> Option<&ArrowItem> {
        list.arrows
            .iter()
            .map(|a| (a.distance_to(p), a))
            .filter(|(d, _)| *d <= tolerance)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, a)| a)
    }

    fn scan_boxes(list: &DisplayList, rect: &Rect) -> Vec<usize> {
        (0..list.boxes.len())
            .filter(|i| list.boxes[*i].rect.intersects(rect))
            .collect()
    }

    #[test]
    fn finds_what_a_scan_finds() {
        let map = crate::model::synthetic_map(400);
        let list = build(&map, &FixedAdvance::default());
        let index = SpatialIndex::new(&list);
        let bounds = list.bounds().expect("boxes");
        for k in 0..50 {
            let x = bounds.min.x + (bounds.max.x - bounds.min.x) * f64::from(k) / 50.0;
            let y = bounds.min.y + (bounds.max.y - bounds.min.y) * f64::from(k % 7) / 7.0;
            let view = Rect {
                min: Point::new(x, y),
                max: Point::new(x + 900.0, y + 500.0),
            };
            let near = index.boxes_near(&list, &view);
            for i in scan_boxes(&list, &view) {
                assert!(near.contains(&i), "box {i} in {view:?}");
            }
            let arrows = index.arrows_near(&list, &view);
            for (i, a) in list.arrows.iter().enumerate() {
                let crosses = a.points.windows(2).any(|w| {
                    (0..=200).any(|k| {
                        let t = f64::from(k) / 200.0;
                        view.contains(Point::new(
                            w[0].x + (w[1].x - w[0].x) * t,
                            w[0].y + (w[1].y - w[0].y) * t,
                        ))
                    })
                });
                if crosses {
                    assert!(arrows.contains(&i), "arrow {i}");
                }
            }
            let p = view.center();
            assert_eq!(index.node_at(&list, p), scan_node_at(&list, p), "at {p:?}");
            assert_eq!(
                index.arrow_at(&list, p, 30.0).map(|a| a.stroke.clone()),
                scan_arrow_at(&list, p, 30.0).map(|a| a.stroke.clone()),
            );
        }
    }

    #[test]
    fn a_view_over_the_whole_plane_is_answered_by_a_scan() {
        let map = crate::model::synthetic_map(50);
        let list = build(&map, &FixedAdvance::default());
        let index = SpatialIndex::new(&list);
        let everything = Rect {
            min: Point::new(-1e300, -1e300),
            max: Point::new(1e300, 1e300),
        };
        assert_eq!(index.boxes_near(&list, &everything).len(), list.boxes.len());
        assert_eq!(
            index.arrows_near(&list, &everything).len(),
            list.arrows.len()
        );
    }

    #[test]
    fn a_moved_box_is_found_where_it_went() {
        let map = crate::model::synthetic_map(50);
        let mut list = build(&map, &FixedAdvance::default());
        let mut index = SpatialIndex::new(&list);
        let old = list.boxes[3].rect;
        let new = Rect {
            min: Point::new(old.min.x + 5000.0, old.min.y + 3000.0),
            max: Point::new(old.max.x + 5000.0, old.max.y + 3000.0),
        };
        list.boxes[3].rect = new;
        index.move_box(3, &old, &new);
        assert_eq!(index.node_at(&list, new.center()), Some(list.boxes[3].node));
        assert!(!index.boxes_near(&list, &old).contains(&3));
    }
}
