//! Where compare mode draws the model boxes a student missed: beside the
//! student's box for their nearest found relative, clear of every box.

use crate::eval::compare::Comparison;
use crate::model::{Map, NodeId, Point};
use crate::render::BoxItem;

/// The missed model boxes, each placed beside the student's box for its
/// nearest found relative in the model (as far from it as in the model),
/// or moved as far as all found boxes moved when none is found; then
/// pushed down until it covers no box.
pub(super) fn place_ghosts(
    student: &Map,
    model: &Map,
    comparison: &Comparison,
    model_boxes: Vec<BoxItem>,
    measure: &dyn crate::render::TextMeasure,
) -> Vec<BoxItem> {
    let pairs: Vec<(Point, Point)> = comparison
        .found
        .iter()
        .filter_map(|f| {
            Some((
                student.nodes.get(&f.student)?.pos,
                model.nodes.get(&f.model)?.pos,
            ))
        })
        .collect();
    let n = pairs.len().max(1) as f64;
    let overall = pairs.iter().fold(Point::default(), |acc, (s, m)| {
        Point::new(acc.x + (s.x - m.x) / n, acc.y + (s.y - m.y) / n)
    });
    let children = crate::model::tree::children(model);
    let mut taken: Vec<crate::render::Rect> = crate::render::build(student, measure)
        .boxes
        .iter()
        .map(|b| b.rect)
        .collect();
    let mut ghosts = Vec::new();
    for mut item in model_boxes {
        if !comparison.missed.contains(&item.node) {
            continue;
        }
        let relative = nearest_found(model, &children, comparison, item.node);
        let shift = relative
            .and_then(|(m, s)| Some((student.nodes.get(&s)?.pos, model.nodes.get(&m)?.pos)))
            .map_or(overall, |(s, m)| Point::new(s.x - m.x, s.y - m.y));
        shift_box(&mut item, shift);
        let step = item.rect.height() + 20.0;
        for _ in 0..200 {
            if !taken.iter().any(|r| r.expand(8.0).intersects(&item.rect)) {
                break;
            }
            shift_box(&mut item, Point::new(0.0, step));
        }
        taken.push(item.rect);
        ghosts.push(item);
    }
    ghosts
}

/// The found model box nearest to `node` in the model's tree (what it
/// argues about first, then what argues about it), with its student box.
fn nearest_found(
    model: &Map,
    children: &std::collections::BTreeMap<NodeId, Vec<NodeId>>,
    comparison: &Comparison,
    node: NodeId,
) -> Option<(NodeId, NodeId)> {
    let mut queue = std::collections::VecDeque::from([node]);
    let mut seen = std::collections::BTreeSet::from([node]);
    while let Some(at) = queue.pop_front() {
        if let Some(student) = comparison.student_of(at) {
            return Some((at, student));
        }
        let up = model
            .edges
            .values()
            .filter(|e| e.from == at)
            .filter_map(|e| crate::model::tree::argued_about(model, e));
        let down = children.get(&at).into_iter().flatten().copied();
        for next in up.chain(down).collect::<Vec<_>>() {
            if seen.insert(next) {
                queue.push_back(next);
            }
        }
    }
    None
}

/// A box moved by `by` in map space, with everything drawn in it.
fn shift_box(item: &mut BoxItem, by: Point) {
    let move_point = |p: &mut Point| {
        p.x += by.x;
        p.y += by.y;
    };
    move_point(&mut item.rect.min);
    move_point(&mut item.rect.max);
    move_point(&mut item.badge);
    move_point(&mut item.cue.pos);
    for line in &mut item.lines {
        move_point(&mut line.pos);
    }
}
