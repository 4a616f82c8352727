//! Rectangles and segments in map space.

use crate::model::Point;

/// An axis-aligned rectangle in map space.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub min: Point,
    pub max: Point,
}

impl Rect {
    pub fn from_center(center: Point, width: f64, height: f64) -> Self {
        Self {
            min: Point::new(center.x - width / 2.0, center.y - height / 2.0),
            max: Point::new(center.x + width / 2.0, center.y + height / 2.0),
        }
    }

    pub fn from_corners(a: Point, b: Point) -> Self {
        Self {
            min: Point::new(a.x.min(b.x), a.y.min(b.y)),
            max: Point::new(a.x.max(b.x), a.y.max(b.y)),
        }
    }

    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }

    pub fn center(&self) -> Point {
        Point::new(
            f64::midpoint(self.min.x, self.max.x),
            f64::midpoint(self.min.y, self.max.y),
        )
    }

    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }

    pub fn intersects(&self, other: &Rect) -> bool {
        self.min.x <= other.max.x
            && other.min.x <= self.max.x
            && self.min.y <= other.max.y
            && other.min.y <= self.max.y
    }

    /// The smallest rectangle holding both.
    #[must_use]
    pub fn union(&self, other: &Rect) -> Rect {
        Rect {
            min: Point::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y)),
            max: Point::new(self.max.x.max(other.max.x), self.max.y.max(other.max.y)),
        }
    }

    #[must_use]
    pub fn expand(&self, by: f64) -> Rect {
        Rect {
            min: Point::new(self.min.x - by, self.min.y - by),
            max: Point::new(self.max.x + by, self.max.y + by),
        }
    }

    /// Where the ray from the centre towards `towards` leaves the rectangle.
    pub fn border_towards(&self, towards: Point) -> Point {
        let c = self.center();
        let (dx, dy) = (towards.x - c.x, towards.y - c.y);
        if dx == 0.0 && dy == 0.0 {
            return c;
        }
        let half_w = self.width() / 2.0;
        let half_h = self.height() / 2.0;
        let tx = if dx == 0.0 {
            f64::INFINITY
        } else {
            half_w / dx.abs()
        };
        let ty = if dy == 0.0 {
            f64::INFINITY
        } else {
            half_h / dy.abs()
        };
        let t = tx.min(ty);
        Point::new(c.x + dx * t, c.y + dy * t)
    }
}

/// Distance from `p` to the segment `a`–`b`.
pub fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    };
    let (cx, cy) = (a.x + t * dx, a.y + t * dy);
    ((p.x - cx).powi(2) + (p.y - cy).powi(2)).sqrt()
}

/// The point halfway along a polyline, by length.
pub fn halfway(points: &[Point]) -> Option<Point> {
    let lengths: Vec<f64> = points
        .windows(2)
        .map(|w| ((w[1].x - w[0].x).powi(2) + (w[1].y - w[0].y).powi(2)).sqrt())
        .collect();
    let mut left = lengths.iter().sum::<f64>() / 2.0;
    for (w, len) in points.windows(2).zip(&lengths) {
        if left <= *len {
            let t = if *len == 0.0 { 0.0 } else { left / len };
            return Some(Point::new(
                w[0].x + (w[1].x - w[0].x) * t,
                w[0].y + (w[1].y - w[0].y) * t,
            ));
        }
        left -= len;
    }
    points.last().copied()
}

/// The part of the segment from `a` to `b` inside `rect`, as the range of
/// t in [0, 1] where a + t (b − a) lies in it (Liang–Barsky), or `None`.
pub fn clip_range(a: Point, b: Point, rect: &Rect) -> Option<(f64, f64)> {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.x - rect.min.x),
        (dx, rect.max.x - a.x),
        (-dy, a.y - rect.min.y),
        (dy, rect.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else if p < 0.0 {
            t0 = t0.max(q / p);
        } else {
            t1 = t1.min(q / p);
        }
    }
    (t0 <= t1).then_some((t0, t1))
}

/// Whether the segment from `a` to `b` passes through `rect`.
pub fn segment_crosses(a: Point, b: Point, rect: &Rect) -> bool {
    clip_range(a, b, rect).is_some()
}

/// Whether the segments `a`–`b` and `c`–`d` cross at a point inside both
/// (touching at an end, or running along each other, does not count).
pub fn segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool {
    let orient =
        |p: Point, q: Point, r: Point| (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    let (d1, d2) = (orient(c, d, a), orient(c, d, b));
    let (d3, d4) = (orient(a, b, c), orient(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn border_point_lies_on_the_edge() {
        let r = Rect::from_center(Point::new(0.0, 0.0), 100.0, 50.0);
        assert_eq!(
            r.border_towards(Point::new(0.0, 500.0)),
            Point::new(0.0, 25.0)
        );
        assert_eq!(
            r.border_towards(Point::new(-500.0, 0.0)),
            Point::new(-50.0, 0.0)
        );
    }

    #[test]
    fn halfway_along_an_l() {
        let pts = [
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            Point::new(10.0, 10.0),
        ];
        assert_eq!(halfway(&pts), Some(Point::new(10.0, 0.0)));
    }

    #[test]
    fn segment_distance() {
        let d = distance_to_segment(
            Point::new(5.0, 3.0),
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
        );
        assert!((d - 3.0).abs() < 1e-9);
    }
}
