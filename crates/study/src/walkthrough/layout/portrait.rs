//! The portrait layout, derived from the scene alone so that every
//! walkthrough has one without writing a coordinate.
//!
//! - The canvas is [`WIDTH`] units wide, so that on a phone's 358 px wide
//!   stage the 16-unit type is at least 12 px, and as tall as its boxes
//!   need; validation refuses one taller than [`MAX_HEIGHT`], which leaves
//!   room for the narration on an 844 px tall phone.
//! - Account and Region boxes take the whole width, one below the other.
//!   The actors they hold, and those outside any, flow in rows: as many to
//!   a row as fit. A box is as wide as the longest label or badge it ever
//!   shows, the boxes of a row widen alike towards half the width, and the
//!   row is centred and as tall as the most badges any of its actors ever
//!   shows. Inside an Account or Region box the same rules apply below its
//!   title band and within its padding.
//! - Rows stand [`ROW_GAP`] apart, and the canvas leaves as much below the
//!   lowest box, so an arrow between two boxes of a row has room for its
//!   label above or below; boxes side by side stand [`COLUMN_GAP`] apart,
//!   and Account and Region boxes [`GAP`] from what is above or below them.
//! - The order starts as the landscape layout reads: Account and Region
//!   boxes left to right (by x, then y), each after the actors wholly above
//!   it there; the other actors top to bottom (by y, then x). Then the
//!   actors of each block (those outside any box, or those one box holds)
//!   are rearranged, Account and Region boxes keeping their order, while
//!   that leaves fewer arrow labels that validation would refuse (with the canvas too tall counted as one), then fewer
//!   arrows over other boxes and labels over a title, then the order
//!   nearer the reading one. A block of up to [`EVERY_ORDER`] actors is
//!   tried in every order, a larger one by moving one actor or swapping two
//!   at a time, block after block until none changes. Nothing is random:
//!   a scene always gets the same layout.
//!
//! A label or badge wider than the width left is not shrunk: its box takes
//! the whole width and validation reports the text as too wide.

use std::collections::BTreeMap;

use super::flaws;
use super::{Layout, Orientation};
use crate::walkthrough::canvas::{actor_height, text_width, Rect, GAP, PADDING, TITLE_BAND};
use crate::walkthrough::model::{Actor, Walkthrough};
use crate::walkthrough::state::{most_badges, shown_over, widest_text, SceneState, Shown};

/// Portrait canvas width in canvas units: at most 16 × 358 / 12 ≈ 477.
pub const WIDTH: u16 = 472;
/// The tallest portrait canvas that validates.
pub const MAX_HEIGHT: u16 = 640;
/// Between the canvas's edge and the outermost boxes.
pub const MARGIN: u16 = 8;
/// Between two rows of boxes: an arrow label's height and some air.
pub const ROW_GAP: u16 = 32;
/// Between two boxes of a row, so the arrow between them shows.
pub const COLUMN_GAP: u16 = 32;

/// How many times at most a block is rearranged, all blocks told.
const ROUNDS: usize = 12;
/// A block of at most this many actors is tried in every order (720); a
/// larger one is improved by moving its actors one or two at a time.
pub const EVERY_ORDER: usize = 6;

/// The portrait layout of a walkthrough (see the module's rules).
pub fn derive(walkthrough: &Walkthrough) -> Layout {
    let tree = Tree::new(walkthrough);
    let states: Vec<SceneState> = (0..walkthrough.steps.len())
        .filter_map(|i| walkthrough.state_at(i))
        .collect();
    let reading = tree.reading_order();
    let judge = |blocks: &Blocks| {
        let (problems, blemishes) = score(&tree.arrange(blocks), &states);
        let boxes_moved = tree.boxes_out_of_order(&reading, blocks);
        (boxes_moved, problems, blemishes, moved(&reading, blocks))
    };
    let mut blocks = reading.clone();
    let mut best = judge(&blocks);
    // A block is rearranged again only after another one has changed.
    let mut stale = vec![true; blocks.len()];
    for _ in 0..ROUNDS {
        let Some(b) = stale.iter().position(|&s| s) else {
            break;
        };
        stale[b] = false;
        let before = best;
        let mut better = |blocks: &Blocks| {
            let tried = judge(blocks);
            let better = tried < best;
            if better {
                best = tried;
            }
            better
        };
        if blocks[b].len() <= EVERY_ORDER {
            every_order(&mut blocks, b, &mut better);
        } else {
            moves(&mut blocks, b, &mut better);
        }
        if best != before {
            stale.iter_mut().enumerate().for_each(|(i, s)| *s |= i != b);
        }
    }
    tree.arrange(&blocks)
}

/// Tries block `b` in every order (Heap's method) and leaves it in the
/// last one that `better` took, the best.
fn every_order(blocks: &mut Blocks, b: usize, better: &mut impl FnMut(&Blocks) -> bool) {
    let n = blocks[b].len();
    let mut kept = blocks[b].clone();
    let mut counters = vec![0; n];
    let mut i = 1;
    while i < n {
        if counters[i] < i {
            let j = if i % 2 == 0 { 0 } else { counters[i] };
            blocks[b].swap(j, i);
            if better(blocks) {
                kept = blocks[b].clone();
            }
            counters[i] += 1;
            i = 1;
        } else {
            counters[i] = 0;
            i += 1;
        }
    }
    blocks[b] = kept;
}

/// Moves one actor of block `b` to another place, or swaps two, for as
/// long as `better` takes a move.
fn moves(blocks: &mut Blocks, b: usize, better: &mut impl FnMut(&Blocks) -> bool) {
    let n = blocks[b].len();
    let mut improved = true;
    while improved {
        improved = false;
        for (i, j) in (0..n).flat_map(|i| (0..n).map(move |j| (i, j))) {
            if i == j {
                continue;
            }
            let kept = blocks[b].clone();
            if i < j {
                blocks[b].swap(i, j);
            } else {
                let moved = blocks[b].remove(i);
                blocks[b].insert(j, moved);
            }
            if better(blocks) {
                improved = true;
            } else {
                blocks[b] = kept;
            }
        }
    }
}

/// How far the actors are from their place in reading order, all told.
fn moved(reading: &Blocks, blocks: &Blocks) -> usize {
    reading
        .iter()
        .zip(blocks)
        .flat_map(|(read, laid)| {
            laid.iter().enumerate().map(|(at, actor)| {
                let was = read.iter().position(|a| a == actor).unwrap_or(at);
                was.abs_diff(at)
            })
        })
        .sum()
}

/// How far a layout is from a good one, worst first: the problems
/// validation would find with its arrow labels and its height; then its
/// [`flaws`]' blemishes.
fn score(layout: &Layout, states: &[SceneState]) -> (usize, usize) {
    let (clashes, blemishes) = flaws(layout, states);
    (
        clashes + usize::from(layout.canvas.height > MAX_HEIGHT),
        blemishes,
    )
}

fn clamp(n: u32) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The scene as a tree of Account and Region boxes, and what its actors
/// show.
struct Tree<'a> {
    actors: &'a [Actor],
    shown: BTreeMap<&'static str, Shown>,
    /// Each actor's Account or Region box, by index; `None` for the actors
    /// outside any, and for those whose parent is unknown or not a box.
    parents: Vec<Option<usize>>,
}

/// The actors of each block in the order they are laid out: first those
/// outside any box, then what each Account or Region box holds, in the
/// order of the scene.
type Blocks = Vec<Vec<usize>>;

/// One line of a block: a row of actors, or an Account or Region box.
enum Line {
    Row(Vec<usize>),
    Container(usize),
}

impl<'a> Tree<'a> {
    fn new(walkthrough: &'a Walkthrough) -> Tree<'a> {
        let actors = walkthrough.actors;
        let parents = actors
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let p = actors.iter().position(|p| Some(p.id) == a.parent)?;
                (p != i && actors[p].kind.is_container()).then_some(p)
            })
            .collect();
        Tree {
            actors,
            shown: shown_over(walkthrough),
            parents,
        }
    }

    /// The block that holds what actor `c` holds, if it is a box.
    fn block_of(&self, c: usize) -> Option<usize> {
        let boxes = (0..c).filter(|&i| self.actors[i].kind.is_container());
        self.actors[c]
            .kind
            .is_container()
            .then(|| 1 + boxes.count())
    }

    /// Each block in reading order: Account and Region boxes by x then y,
    /// each after the other actors wholly above it; the other actors by y
    /// then x.
    fn reading_order(&self) -> Blocks {
        let holders = (0..self.actors.len()).filter(|&i| self.actors[i].kind.is_container());
        let parents: Vec<Option<usize>> = [None].into_iter().chain(holders.map(Some)).collect();
        parents
            .into_iter()
            .map(|parent| {
                let items: Vec<usize> = (0..self.actors.len())
                    .filter(|&i| self.parents[i] == parent)
                    .collect();
                self.in_reading_order(&items)
            })
            .collect()
    }

    fn in_reading_order(&self, items: &[usize]) -> Vec<usize> {
        let rect = |i: usize| self.actors[i].rect;
        let (mut boxes, mut others): (Vec<usize>, Vec<usize>) = items
            .iter()
            .partition(|&&i| self.actors[i].kind.is_container());
        boxes.sort_by_key(|&i| (rect(i).x, rect(i).y, i));
        others.sort_by_key(|&i| (rect(i).y, rect(i).x, i));
        let mut order = Vec::with_capacity(items.len());
        for b in boxes {
            let top = u32::from(rect(b).y);
            order.extend(others.iter().filter(|&&i| rect(i).bottom() <= top));
            others.retain(|&i| rect(i).bottom() > top);
            order.push(b);
        }
        order.extend(others);
        order
    }

    /// How many Account and Region boxes of a block stand before one that
    /// reads before them: the boxes stack in reading order whatever else
    /// moves.
    fn boxes_out_of_order(&self, reading: &Blocks, blocks: &Blocks) -> usize {
        let is_box = |i: &&usize| self.actors[**i].kind.is_container();
        reading
            .iter()
            .zip(blocks)
            .map(|(read, laid)| {
                let order: Vec<usize> = laid
                    .iter()
                    .filter(is_box)
                    .map(|b| read.iter().position(|r| r == b).unwrap_or(0))
                    .collect();
                order.windows(2).filter(|w| w[0] > w[1]).count()
            })
            .sum()
    }

    /// The layout of the blocks in their order.
    fn arrange(&self, blocks: &Blocks) -> Layout {
        let mut flow = Flow {
            tree: self,
            blocks,
            rects: vec![None; self.actors.len()],
        };
        let width = u32::from(WIDTH - 2 * MARGIN);
        let roots = blocks.first().map_or(&[][..], Vec::as_slice);
        let mut bottom = flow.block(roots, u32::from(MARGIN), u32::from(MARGIN), width);
        // Actors whose parents hold each other are reached from no root:
        // each such actor left is laid out below the rest, with what it
        // holds.
        while let Some(i) = flow.rects.iter().position(Option::is_none) {
            bottom = flow.block(&[i], u32::from(MARGIN), bottom + u32::from(GAP), width);
        }
        let places: Vec<(&'static str, Rect)> = self
            .actors
            .iter()
            .zip(&flow.rects)
            .map(|(a, r)| (a.id, r.unwrap_or(Rect::new(0, 0, 0, 0))))
            .collect();
        let height = places
            .iter()
            .zip(self.actors)
            .map(|((_, r), a)| {
                let below = if a.kind.is_container() {
                    MARGIN
                } else {
                    ROW_GAP
                };
                r.bottom() + u32::from(below)
            })
            .max()
            .unwrap_or(u32::from(2 * MARGIN));
        Layout {
            orientation: Orientation::Portrait,
            canvas: Rect::new(0, 0, WIDTH, clamp(height)),
            places,
        }
    }

    /// Actors in rows: each row as many as fit the width, in order.
    fn rows(&self, actors: &[usize], width: u32) -> Vec<Vec<usize>> {
        let mut rows: Vec<Vec<usize>> = Vec::new();
        let mut used = 0;
        for &i in actors {
            let w = self.wanted_width(i, width);
            match rows.last_mut() {
                Some(row) if used + u32::from(COLUMN_GAP) + w <= width => {
                    row.push(i);
                    used += u32::from(COLUMN_GAP) + w;
                }
                _ => {
                    rows.push(vec![i]);
                    used = w;
                }
            }
        }
        rows
    }

    /// The width of the longest text the actor ever shows, within `width`.
    fn wanted_width(&self, i: usize, width: u32) -> u32 {
        widest_text(&self.shown, &self.actors[i], text_width).min(width)
    }

    fn badges(&self, i: usize) -> usize {
        most_badges(&self.shown, &self.actors[i])
    }
}

/// The boxes placed so far while the blocks are laid out.
struct Flow<'t> {
    tree: &'t Tree<'t>,
    blocks: &'t Blocks,
    rects: Vec<Option<Rect>>,
}

impl Flow<'_> {
    /// Lays out `items` and what they hold from (`x`, `y`) in a column
    /// `width` wide; returns the y just below the last line.
    fn block(&mut self, items: &[usize], x: u32, y: u32, width: u32) -> u32 {
        let mut top = y;
        let mut previous: Option<bool> = None;
        for line in self.lines(items, width) {
            let is_row = matches!(line, Line::Row(_));
            top += match previous {
                None => 0,
                Some(true) if is_row => u32::from(ROW_GAP),
                Some(_) => u32::from(GAP),
            };
            previous = Some(is_row);
            top = match line {
                Line::Row(row) => self.row(&row, x, top, width),
                Line::Container(c) => self.container(c, x, top, width),
            };
        }
        top
    }

    /// `items` in their order, cut into rows and Account or Region boxes.
    fn lines(&self, items: &[usize], width: u32) -> Vec<Line> {
        let mut lines = Vec::new();
        let mut run: Vec<usize> = Vec::new();
        for &i in items {
            if self.tree.actors[i].kind.is_container() {
                lines.extend(self.tree.rows(&run, width).into_iter().map(Line::Row));
                run.clear();
                lines.push(Line::Container(i));
            } else {
                run.push(i);
            }
        }
        lines.extend(self.tree.rows(&run, width).into_iter().map(Line::Row));
        lines
    }

    /// An Account or Region box the width of the column, around its actors.
    fn container(&mut self, c: usize, x: u32, y: u32, width: u32) -> u32 {
        // Placed before what it holds, so a loop of parents ends here.
        self.rects[c] = Some(Rect::new(clamp(x), clamp(y), clamp(width), 0));
        let blocks = self.blocks;
        let inside: Vec<usize> = self
            .tree
            .block_of(c)
            .and_then(|b| blocks.get(b))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| self.rects[i].is_none())
            .collect();
        let (pad, band) = (u32::from(PADDING), u32::from(TITLE_BAND));
        let content_top = y + band;
        let content_bottom = if inside.is_empty() {
            content_top
        } else {
            self.block(&inside, x + pad, content_top, width.saturating_sub(2 * pad))
        };
        let bottom = content_bottom + pad;
        self.rects[c] = Some(Rect::new(
            clamp(x),
            clamp(y),
            clamp(width),
            clamp(bottom - y),
        ));
        bottom
    }

    /// One row of actors, centred in the column.
    fn row(&mut self, row: &[usize], x: u32, y: u32, width: u32) -> u32 {
        let wanted: Vec<u32> = row
            .iter()
            .map(|&i| self.tree.wanted_width(i, width))
            .collect();
        let widths = widen(&wanted, width);
        let height = row
            .iter()
            .map(|&i| actor_height(self.tree.badges(i)))
            .max()
            .unwrap_or(0);
        let total = widths.iter().sum::<u32>() + gaps(row.len());
        let mut left = x + width.saturating_sub(total) / 2;
        for (&i, w) in row.iter().zip(widths) {
            self.rects[i] = Some(Rect::new(clamp(left), clamp(y), clamp(w), clamp(height)));
            left += w + u32::from(COLUMN_GAP);
        }
        y + height
    }
}

fn gaps(boxes: usize) -> u32 {
    boxes.saturating_sub(1) as u32 * u32::from(COLUMN_GAP)
}

/// The widths of a row's boxes: each at least what it wants, the narrow
/// ones raised alike towards half the column while the row fits.
fn widen(wanted: &[u32], width: u32) -> Vec<u32> {
    let room = width.saturating_sub(gaps(wanted.len()));
    let half = width.saturating_sub(u32::from(COLUMN_GAP)) / 2;
    let fits = |level: u32| wanted.iter().map(|&w| w.max(level)).sum::<u32>() <= room;
    // The highest level that fits, by halving the range (it is monotonic).
    let (mut low, mut high) = (0, half);
    while low < high {
        let mid = (low + high).div_ceil(2);
        if fits(mid) {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    wanted.iter().map(|&w| w.max(low)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_boxes_widen_alike_up_to_half_the_column() {
        assert_eq!(widen(&[100, 120], 432), [200, 200]);
        assert_eq!(widen(&[123, 222], 432), [178, 222]);
        assert_eq!(widen(&[60], 432), [200]);
        assert_eq!(widen(&[50, 50, 50], 432), [122, 122, 122]);
        assert_eq!(widen(&[300], 432), [300]);
    }
}
