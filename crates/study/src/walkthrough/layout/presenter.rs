//! The presenter layout: the scene as written, with the room no box needs
//! cut out, so that on a projector the diagram fills the screen and its
//! type reads from the back of the room.
//!
//! - Each actor's box shrinks to what it ever shows (its longest label or
//!   badge with some room to spare, its most badges), centred where it
//!   was. Boxes that shared a
//!   column (the same x and width) keep one width, and boxes that shared a
//!   row (the same y and height) one height, so rows and columns stay
//!   aligned and the arrows between them straight.
//! - Then the stretches of the canvas, across and down, that no box needs
//!   are cut short. A box needs the stretch it lies on; an Account or
//!   Region box needs its title band and its padding. Whole stretches are
//!   cut, so every box keeps its place relative to the others (left of,
//!   above, inside) and an Account or Region box shrinks around what it
//!   holds.
//! - Each stretch is cut to the shortest of [`GAPS`] that keeps the layout
//!   valid (boxes apart, texts fitting, arrow labels clear) with no more
//!   arrows over boxes or labels over titles than the scene as written
//!   has, and no arrow shorter than [`SHORTEST_ARROW`]; down first when the height bounds the scale in [`ROOM`], the
//!   diagram's room on a 1280×720 projector; the longest stretch first;
//!   over and over until no stretch can be cut shorter. Nothing is random:
//!   a scene always gets the same layout.
//! - If the fitted boxes themselves break a rule, the boxes as written are
//!   cut instead; if those do too, the layout is the scene as written.

use std::collections::BTreeMap;

use super::{flaws, Layout, Orientation};
use crate::walkthrough::canvas::{actor_height, text_width, Rect, PADDING, TITLE_BAND};
use crate::walkthrough::model::Walkthrough;
use crate::walkthrough::state::{most_badges, shown_over, widest_text, SceneState, Shown};

/// The lengths a stretch no box needs is cut down to, least first, in
/// canvas units. Validation keeps boxes 16 apart, so the shorter ones
/// serve between a box and the padding of the Account around it, or the
/// canvas's edge.
pub const GAPS: [u32; 9] = [0, 8, 16, 24, 32, 40, 48, 64, 96];

/// The shortest an arrow may be drawn, in canvas units, unless the scene
/// as written draws one shorter: a shorter one is all arrowhead.
pub const SHORTEST_ARROW: f64 = 32.0;

/// The width budgeted per character of a box shrunk to its text, in
/// canvas units: 0.625 em, about what a wide sans-serif face (DejaVu
/// Sans) sets a long bold label at, where [`text_width`]'s 9 units suffice
/// only in the room a box as written leaves.
pub const FITTED_CHAR_WIDTH: u32 = 10;

/// The least kept at the canvas's edges, so a highlighted box's outline
/// is drawn whole.
const EDGE: u32 = 8;

/// The room the diagram has in presenter mode on a 1280×720 screen, in CSS
/// pixels: the width less the margins, the height less the narration.
pub const ROOM: (f64, f64) = (1264.0, 452.0);

/// The presenter layout of a walkthrough (see the module's rules).
pub fn derive(walkthrough: &Walkthrough) -> Layout {
    let landscape = Layout::landscape(walkthrough);
    let states: Vec<SceneState> = (0..walkthrough.steps.len())
        .filter_map(|i| walkthrough.state_at(i))
        .collect();
    let (_, written) = flaws(&landscape, &states);
    let shortest = shortest_arrow(&landscape, &states).min(SHORTEST_ARROW);
    let shown = shown_over(walkthrough);
    let acceptable = |layout: &Layout| {
        let (_, blemishes) = flaws(layout, &states);
        blemishes <= written
            && shortest_arrow(layout, &states) >= shortest
            && walkthrough.validate_layout(layout).is_ok()
    };
    // The fitted boxes, or if those already clash, the boxes as written.
    let fitted = fitted(walkthrough, &shown);
    let written_boxes: Vec<Rect> = walkthrough.actors.iter().map(|a| a.rect).collect();
    let Some(mut cuts) = [fitted, written_boxes]
        .into_iter()
        .map(|boxes| Cuts::new(walkthrough, boxes))
        .find(|cuts| acceptable(&cuts.layout(walkthrough)))
    else {
        return Layout {
            orientation: Orientation::Presenter,
            ..landscape
        };
    };
    // The axis that bounds the scale in the room first.
    let canvas = landscape.canvas;
    let down_first = f64::from(canvas.height) / ROOM.1 > f64::from(canvas.width) / ROOM.0;
    let axes = if down_first { [1, 0] } else { [0, 1] };
    let mut changed = true;
    while changed {
        changed = false;
        for axis in axes {
            for stretch in cuts.longest_first(axis) {
                let was = cuts.kept(axis, stretch);
                let edge = stretch == 0 || stretch + 1 == cuts.axes[axis].kept.len();
                let least = if edge { EDGE } else { 0 };
                let tried = GAPS
                    .into_iter()
                    .filter(|&g| g < was && g >= least)
                    .find(|&g| {
                        cuts.set(axis, stretch, g);
                        acceptable(&cuts.layout(walkthrough))
                    });
                match tried {
                    Some(_) => changed = true,
                    None => cuts.set(axis, stretch, was),
                }
            }
        }
    }
    cuts.layout(walkthrough)
}

/// The width a box shrunk to `text` needs: [`FITTED_CHAR_WIDTH`] a
/// character and the padding, never less than [`text_width`].
fn fitted_width(text: &str) -> u32 {
    let chars = text.chars().count() as u32;
    (chars * FITTED_CHAR_WIDTH + 2 * u32::from(PADDING)).max(text_width(text))
}

/// The length of the shortest arrow drawn at any step.
fn shortest_arrow(layout: &Layout, states: &[SceneState]) -> f64 {
    states
        .iter()
        .flat_map(|state| layout.arrow_shapes(state))
        .filter(|(arrow, _)| arrow.from != arrow.to)
        .map(|(_, shape)| {
            let (dx, dy) = (shape.end.0 - shape.start.0, shape.end.1 - shape.start.1);
            dx.hypot(dy)
        })
        .fold(f64::INFINITY, f64::min)
}

/// Each actor's box shrunk to what it ever shows, centred where it was;
/// Account and Region boxes as written.
fn fitted(walkthrough: &Walkthrough, shown: &BTreeMap<&'static str, Shown>) -> Vec<Rect> {
    let actors = walkthrough.actors;
    let needs: Vec<(u32, u32)> = actors
        .iter()
        .map(|a| {
            let widest = widest_text(shown, a, fitted_width);
            (widest, actor_height(most_badges(shown, a)))
        })
        .collect();
    // One width a column, one height a row: the most any box there needs.
    let mut widths: BTreeMap<(u16, u16), u32> = BTreeMap::new();
    let mut heights: BTreeMap<(u16, u16), u32> = BTreeMap::new();
    for (a, &(w, h)) in actors.iter().zip(&needs) {
        let r = a.rect;
        let width = widths.entry((r.x, r.width)).or_default();
        *width = (*width).max(w);
        let height = heights.entry((r.y, r.height)).or_default();
        *height = (*height).max(h);
    }
    actors
        .iter()
        .map(|a| {
            let r = a.rect;
            if a.kind.is_container() {
                return r;
            }
            let width = widths[&(r.x, r.width)].min(u32::from(r.width));
            let height = heights[&(r.y, r.height)].min(u32::from(r.height));
            let x = u32::from(r.x) + (u32::from(r.width) - width) / 2;
            let y = u32::from(r.y) + (u32::from(r.height) - height) / 2;
            Rect::new(clamp(x), clamp(y), clamp(width), clamp(height))
        })
        .collect()
}

/// The boxes, and how much of each stretch no box needs is kept, across
/// (axis 0) and down (axis 1).
struct Cuts {
    boxes: Vec<Rect>,
    axes: [Cut; 2],
}

impl Cuts {
    /// Nothing cut yet: every stretch at its full length.
    fn new(walkthrough: &Walkthrough, boxes: Vec<Rect>) -> Cuts {
        let (mut xs, mut ys) = (Vec::new(), Vec::new());
        for (a, r) in walkthrough.actors.iter().zip(&boxes) {
            let (left, right, top, bottom) =
                (u32::from(r.x), r.right(), u32::from(r.y), r.bottom());
            if a.kind.is_container() {
                let (pad, band) = (u32::from(PADDING), u32::from(TITLE_BAND));
                xs.extend([(left, left + pad), (right - pad, right)]);
                ys.extend([(top, top + band), (bottom - pad, bottom)]);
            } else {
                xs.push((left, right));
                ys.push((top, bottom));
            }
        }
        let canvas = Layout::landscape(walkthrough).canvas;
        Cuts {
            boxes,
            axes: [Cut::new(xs, canvas.right()), Cut::new(ys, canvas.bottom())],
        }
    }

    /// The stretches of an axis, longest first (the first of equals).
    fn longest_first(&self, axis: usize) -> Vec<usize> {
        let cut = &self.axes[axis];
        let mut order: Vec<usize> = (0..cut.kept.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(cut.kept[i]));
        order
    }

    fn kept(&self, axis: usize, stretch: usize) -> u32 {
        self.axes[axis].kept[stretch]
    }

    fn set(&mut self, axis: usize, stretch: usize, kept: u32) {
        self.axes[axis].kept[stretch] = kept;
    }

    fn layout(&self, walkthrough: &Walkthrough) -> Layout {
        let [xs, ys] = &self.axes;
        let places = walkthrough
            .actors
            .iter()
            .zip(&self.boxes)
            .map(|(a, r)| {
                let (x, y) = (xs.at(u32::from(r.x)), ys.at(u32::from(r.y)));
                let (right, bottom) = (xs.at(r.right()), ys.at(r.bottom()));
                let rect = Rect::new(clamp(x), clamp(y), clamp(right - x), clamp(bottom - y));
                (a.id, rect)
            })
            .collect();
        Layout {
            orientation: Orientation::Presenter,
            canvas: Rect::new(0, 0, clamp(xs.at(xs.end)), clamp(ys.at(ys.end))),
            places,
        }
    }
}

/// Positions along one axis, from 0 to `end`, with each stretch that no
/// span needs cut down to its kept length.
struct Cut {
    /// The needed spans, merged and in order.
    spans: Vec<(u32, u32)>,
    /// What is kept of the stretch before each span, and of the one after
    /// the last.
    kept: Vec<u32>,
    end: u32,
}

impl Cut {
    fn new(mut spans: Vec<(u32, u32)>, end: u32) -> Cut {
        spans.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(spans.len());
        for (start, stop) in spans {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(stop),
                _ => merged.push((start, stop)),
            }
        }
        let mut free_from = 0;
        let mut kept = Vec::with_capacity(merged.len() + 1);
        for &(start, stop) in &merged {
            kept.push(start.saturating_sub(free_from));
            free_from = stop;
        }
        kept.push(end.saturating_sub(free_from));
        Cut {
            spans: merged,
            kept,
            end: end.max(free_from),
        }
    }

    /// Where `v` lies once the stretches are cut: unmoved relative to the
    /// span it is in, and no further into a stretch than is kept of it.
    fn at(&self, v: u32) -> u32 {
        let mut removed = 0;
        let mut free_from = 0;
        for (&(start, stop), &kept) in self.spans.iter().zip(&self.kept) {
            if v < start {
                let into = v.saturating_sub(free_from);
                return v - removed - into.saturating_sub(kept);
            }
            removed += (start - free_from).saturating_sub(kept);
            if v <= stop {
                return v - removed;
            }
            free_from = stop;
        }
        let kept = self.kept.last().copied().unwrap_or(0);
        let into = v.saturating_sub(free_from);
        v - removed - into.saturating_sub(kept)
    }
}

fn clamp(n: u32) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretches_no_span_needs_are_cut_to_what_is_kept() {
        let mut cut = Cut::new(vec![(100, 200), (150, 300), (400, 410)], 1200);
        assert_eq!(cut.kept, [100, 100, 790]);
        assert_eq!(
            (cut.at(0), cut.at(100), cut.at(410), cut.at(1200)),
            (0, 100, 410, 1200)
        );
        cut.kept = vec![32, 32, 16];
        // Before the first span: 100 units cut to 32.
        assert_eq!(
            (cut.at(0), cut.at(20), cut.at(90), cut.at(100)),
            (0, 20, 32, 32)
        );
        // The merged span 100..300 keeps its length.
        assert_eq!(cut.at(300), 232);
        // 300..400 is cut to 32: the next span starts 32 after.
        assert_eq!((cut.at(400), cut.at(410)), (264, 274));
        // Past the last span, 16 units.
        assert_eq!(cut.at(1200), 290);
    }
}
