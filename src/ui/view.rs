//! Pan and zoom: map space <-> screen space. View state, never saved.

use crate::model::Point;
use crate::render::Rect as MapRect;
use egui::{Pos2, Rect, Vec2};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Screen position of the map origin, relative to the canvas' top left.
    pub offset: Vec2,
    /// Screen points per map unit.
    pub zoom: f32,
    /// How far out the wheel may zoom: [`MIN_ZOOM`], or less once a fit
    /// has shown a map too big for it, so the zoom range follows the map.
    pub floor: f32,
}

pub const MIN_ZOOM: f32 = 0.05;
/// The least zoom a fit goes to: a map a million units wide still fits.
const FIT_FLOOR: f32 = 1e-4;
pub const MAX_ZOOM: f32 = 4.0;

impl Default for View {
    fn default() -> Self {
        Self {
            offset: Vec2::new(40.0, 40.0),
            zoom: 1.0,
            floor: MIN_ZOOM,
        }
    }
}

impl View {
    pub fn to_screen(&self, canvas: Rect, p: Point) -> Pos2 {
        canvas.min + self.offset + Vec2::new(p.x as f32, p.y as f32) * self.zoom
    }

    pub fn to_map(&self, canvas: Rect, p: Pos2) -> Point {
        let v = (p - canvas.min - self.offset) / self.zoom;
        Point::new(f64::from(v.x), f64::from(v.y))
    }

    pub fn rect_to_screen(&self, canvas: Rect, r: &MapRect) -> Rect {
        Rect::from_min_max(self.to_screen(canvas, r.min), self.to_screen(canvas, r.max))
    }

    /// The part of the map the canvas shows.
    pub fn visible(&self, canvas: Rect) -> MapRect {
        MapRect::from_corners(
            self.to_map(canvas, canvas.min),
            self.to_map(canvas, canvas.max),
        )
    }

    /// Zooms by `factor` keeping the map point under `anchor` in place.
    pub fn zoom_at(&mut self, canvas: Rect, anchor: Pos2, factor: f32) {
        let before = self.to_map(canvas, anchor);
        self.zoom = (self.zoom * factor).clamp(self.floor.min(MIN_ZOOM), MAX_ZOOM);
        let after = self.to_screen(canvas, before);
        self.offset += anchor - after;
    }

    /// Shows all of `bounds` with a margin, at most at 100 %.
    pub fn fit(&mut self, canvas: Rect, bounds: &MapRect) {
        self.fit_within(canvas, bounds, 1.0);
    }

    /// Shows all of `bounds` with a margin, at most at `max_zoom`.
    pub fn fit_within(&mut self, canvas: Rect, bounds: &MapRect, max_zoom: f32) {
        let margin = 40.0;
        let w = (canvas.width() - 2.0 * margin).max(50.0);
        let h = (canvas.height() - 2.0 * margin).max(50.0);
        let zoom = (w / bounds.width().max(1.0) as f32)
            .min(h / bounds.height().max(1.0) as f32)
            .clamp(FIT_FLOOR, max_zoom.max(FIT_FLOOR));
        self.zoom = zoom;
        self.floor = MIN_ZOOM.min(zoom * 0.8);
        self.center_on(canvas, bounds.center());
    }

    /// Part way from `self` to `to`: `t` 0 is here, 1 is there.
    #[must_use]
    pub fn toward(self, to: View, t: f32) -> View {
        let t = t.clamp(0.0, 1.0);
        // Zoom in proportion, so the glide feels even at any scale.
        let zoom = self.zoom * (to.zoom / self.zoom).powf(t);
        View {
            offset: self.offset + (to.offset - self.offset) * t,
            zoom,
            floor: to.floor,
        }
    }

    /// Moves the view so that `p` is in the middle of the canvas.
    pub fn center_on(&mut self, canvas: Rect, p: Point) {
        let now = self.to_screen(canvas, p);
        self.offset += canvas.center() - now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_keeps_the_anchor_still() {
        let canvas = Rect::from_min_size(Pos2::new(10.0, 20.0), Vec2::new(800.0, 600.0));
        let mut view = View::default();
        let anchor = Pos2::new(300.0, 200.0);
        let under = view.to_map(canvas, anchor);
        view.zoom_at(canvas, anchor, 2.0);
        let back = view.to_screen(canvas, under);
        assert!((back - anchor).length() < 1e-3);
    }

    #[test]
    fn fit_shows_everything() {
        let canvas = Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0));
        let bounds = MapRect::from_corners(Point::new(-1000.0, 0.0), Point::new(3000.0, 900.0));
        let mut view = View::default();
        view.fit(canvas, &bounds);
        assert!(canvas.contains(view.to_screen(canvas, bounds.min)));
        assert!(canvas.contains(view.to_screen(canvas, bounds.max)));
    }

    #[test]
    fn fit_fits_a_map_of_any_size_and_the_wheel_follows() {
        let canvas = Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0));
        let bounds = MapRect::from_corners(Point::new(0.0, 0.0), Point::new(150_000.0, 9_000.0));
        let mut view = View::default();
        view.fit(canvas, &bounds);
        assert!(view.zoom < MIN_ZOOM);
        assert!(canvas.contains(view.to_screen(canvas, bounds.min)));
        assert!(canvas.contains(view.to_screen(canvas, bounds.max)));
        let fitted = view.zoom;
        view.zoom_at(canvas, canvas.center(), 2.0);
        view.zoom_at(canvas, canvas.center(), 0.25);
        assert!(view.zoom < fitted && view.zoom >= fitted * 0.8 - 1e-6);
    }
}
