//! How far a derived layout is from a good one, for the searches that
//! derive the portrait and presenter layouts.

use super::Layout;
use crate::walkthrough::canvas::{text_width, Point, Rect, TITLE_BAND};
use crate::walkthrough::state::SceneState;

/// A layout's flaws over every step, worst first: the arrow label clashes
/// validation would refuse (off the canvas, over a box, over another
/// label); then the blemishes, the boxes arrows pass over and the Account
/// and Region titles arrow labels cover.
pub(crate) fn flaws(layout: &Layout, states: &[SceneState]) -> (usize, usize) {
    let mut clashes = 0;
    let mut blemishes = 0;
    for state in states {
        let shapes = layout.arrow_shapes(state);
        clashes += layout.clashes(state, &shapes).len();
        let titles: Vec<Rect> = layout
            .on_canvas(state)
            .filter(|(a, _)| a.kind.is_container())
            .map(|(a, r)| {
                let width = u16::try_from(text_width(a.label)).unwrap_or(u16::MAX);
                Rect::new(r.x, r.y, width.min(r.width), TITLE_BAND)
            })
            .collect();
        for (arrow, shape) in shapes {
            let line = (shape.start, shape.end);
            blemishes += layout
                .label_obstacles(state)
                .filter(|(a, rect)| a.id != arrow.from && a.id != arrow.to && crosses(*rect, line))
                .count();
            blemishes += titles.iter().filter(|t| shape.label.covers(**t)).count();
        }
    }
    (clashes, blemishes)
}

/// Whether the line from `a` to `b` passes through the box.
fn crosses(rect: Rect, (a, b): (Point, Point)) -> bool {
    let (left, top) = (f64::from(rect.x), f64::from(rect.y));
    let (right, bottom) = (f64::from(rect.right()), f64::from(rect.bottom()));
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    // The part of the line, from 0 to 1, within each pair of edges.
    let (mut enter, mut leave) = (0.0_f64, 1.0_f64);
    for (step, room) in [
        (-dx, a.0 - left),
        (dx, right - a.0),
        (-dy, a.1 - top),
        (dy, bottom - a.1),
    ] {
        if step == 0.0 {
            if room < 0.0 {
                return false;
            }
        } else if step < 0.0 {
            enter = enter.max(room / step);
        } else {
            leave = leave.min(room / step);
        }
    }
    enter < leave
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_crosses_a_box_when_it_runs_through_its_inside() {
        let r = Rect::new(100, 100, 100, 50);
        assert!(crosses(r, ((0.0, 125.0), (300.0, 125.0))));
        assert!(crosses(r, ((0.0, 0.0), (300.0, 300.0))), "across a corner");
        assert!(!crosses(r, ((0.0, 90.0), (300.0, 90.0))), "above");
        assert!(!crosses(r, ((0.0, 125.0), (90.0, 125.0))), "stops short");
        assert!(!crosses(r, ((250.0, 0.0), (250.0, 300.0))), "beside");
        assert!(!crosses(r, ((0.0, 300.0), (300.0, 200.0))), "below");
    }
}
