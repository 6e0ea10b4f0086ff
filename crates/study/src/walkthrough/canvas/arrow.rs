//! Where a step's arrows and their labels are drawn on a [`Layout`]. An
//! arrow runs between the edges of its two boxes (pushed aside when the
//! step also has one going back), and its label sits at the midpoint or,
//! when that covers a box, at the nearest spot along the arrow's normal
//! that covers none, nor a label placed before it, and stays on the
//! layout's canvas.

use super::{Rect, CANVAS, CHAR_WIDTH, TITLE_BAND};
use crate::walkthrough::layout::Layout;
use crate::walkthrough::model::Arrow;
use crate::walkthrough::state::{ActorState, SceneState};

/// A point on the canvas, in canvas units.
pub type Point = (f64, f64);

/// How far an arrow stops short of the box it points at.
const EDGE_MARGIN: f64 = 4.0;
/// How far apart two arrows between the same boxes, one each way, are drawn.
const RETURN_OFFSET: f64 = 10.0;
/// A label's background: padding beside the text, its height, and how far
/// its top and bottom lie from the point it is placed at.
const LABEL_PADDING: f64 = 14.0;
pub const LABEL_HEIGHT: f64 = 24.0;
const LABEL_ABOVE: f64 = 13.0;
/// From the label's point to its text's baseline.
pub const LABEL_BASELINE: f64 = 4.0;
/// The label is tried this far apart along the arrow's normal, up to
/// `LABEL_TRIES` times on each side.
const LABEL_STEP: f64 = 8.0;
const LABEL_TRIES: u32 = 12;

/// An arrow as drawn: its line and its label's box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArrowShape {
    pub start: Point,
    pub end: Point,
    pub label: LabelBox,
}

/// An arrow label's background box, centred on `center`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    pub center: Point,
    pub width: f64,
}

impl LabelBox {
    pub fn left(self) -> f64 {
        self.center.0 - self.width / 2.0
    }

    pub fn right(self) -> f64 {
        self.center.0 + self.width / 2.0
    }

    pub fn top(self) -> f64 {
        self.center.1 - LABEL_ABOVE
    }

    pub fn bottom(self) -> f64 {
        self.top() + LABEL_HEIGHT
    }

    /// Where the label's text sits: centred, on this baseline.
    pub fn baseline(self) -> f64 {
        self.center.1 + LABEL_BASELINE
    }

    /// Whether the label lies on the landscape canvas.
    pub fn is_on_canvas(self) -> bool {
        self.is_within(CANVAS)
    }

    /// Whether the label lies within `canvas` (a layout's canvas).
    pub fn is_within(self, canvas: Rect) -> bool {
        self.left() >= f64::from(canvas.x)
            && self.right() <= f64::from(canvas.right())
            && self.top() >= f64::from(canvas.y)
            && self.bottom() <= f64::from(canvas.bottom())
    }

    /// Whether the label and the box share any area.
    pub fn covers(self, rect: Rect) -> bool {
        let (left, top) = (f64::from(rect.x), f64::from(rect.y));
        let (right, bottom) = (f64::from(rect.right()), f64::from(rect.bottom()));
        self.overlaps(left, top, right, bottom)
    }

    /// Whether two labels share any area.
    pub fn meets(self, other: LabelBox) -> bool {
        self.overlaps(other.left(), other.top(), other.right(), other.bottom())
    }

    fn overlaps(self, left: f64, top: f64, right: f64, bottom: f64) -> bool {
        !(self.right() < left || self.left() > right || self.bottom() < top || self.top() > bottom)
    }
}

/// What an arrow label runs into where it is placed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Clash<'a> {
    /// It leaves the canvas.
    OffCanvas,
    /// It covers this actor's box.
    Covers(&'a ActorState),
    /// It meets the label of this arrow, drawn before it.
    Meets(&'static Arrow),
}

/// The width of an arrow label's background: the text at [`CHAR_WIDTH`]
/// per character, and padding.
/// A length or coordinate as the stage writes it into SVG and CSS: at most
/// two decimals, none that are zero (`wording::decimal`, which keeps Rust's
/// float formatter off the walkthroughs' pages).
pub fn coordinate(value: f64) -> String {
    let written = crate::wording::decimal(value, 2);
    written
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_owned()
}

pub fn label_width(label: &str) -> f64 {
    label.chars().count() as f64 * f64::from(CHAR_WIDTH) + LABEL_PADDING
}

/// The step's arrows as drawn on the landscape layout: see
/// [`Layout::arrow_shapes`].
pub fn arrow_shapes(state: &SceneState) -> Vec<(&'static Arrow, ArrowShape)> {
    Layout::landscape_of(state).arrow_shapes(state)
}

/// The actors an arrow label must not cover: every actor on the canvas but
/// the Account and Region boxes, which hold the arrows. Their boxes are
/// the layout's: see [`Layout::label_obstacles`].
pub fn label_obstacles(state: &SceneState) -> impl Iterator<Item = &ActorState> {
    state.present().filter(|a| !a.kind.is_container())
}

impl Layout {
    /// The step's arrows as drawn on this layout, in order, each label
    /// placed clear of the ones before it; an arrow whose end is not in the
    /// scene is left out.
    pub fn arrow_shapes(&self, state: &SceneState) -> Vec<(&'static Arrow, ArrowShape)> {
        let mut shapes: Vec<(&'static Arrow, ArrowShape)> = Vec::new();
        for arrow in state.arrows {
            let Some((start, end)) = self.arrow_line(state, arrow) else {
                continue;
            };
            let placed: Vec<LabelBox> = shapes.iter().map(|(_, s)| s.label).collect();
            let label = self.label_spot(state, &placed, (start, end), label_width(arrow.label));
            shapes.push((arrow, ArrowShape { start, end, label }));
        }
        shapes
    }

    /// The boxes an arrow label must not cover on this layout: those of
    /// [`label_obstacles`], each with its actor.
    pub fn label_obstacles<'a>(
        &'a self,
        state: &'a SceneState,
    ) -> impl Iterator<Item = (&'a ActorState, Rect)> + 'a {
        self.on_canvas(state)
            .filter(|(a, _)| !a.kind.is_container())
    }

    /// Each actor on the canvas at this step, with its box on this layout.
    pub(crate) fn on_canvas<'a>(
        &'a self,
        state: &'a SceneState,
    ) -> impl Iterator<Item = (&'a ActorState, Rect)> + 'a {
        state
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.present)
            .filter_map(|(i, a)| Some((a, self.rect_at(i, a.id)?)))
    }

    /// What each arrow label of the step runs into where it is placed, in
    /// the order of the arrows: the canvas's edge, then the boxes it
    /// covers, then the labels before it that it meets. An arrow to
    /// itself, which has no line to place a label on, is left out.
    pub fn label_clashes<'a>(&'a self, state: &'a SceneState) -> Vec<(&'static Arrow, Clash<'a>)> {
        self.clashes(state, &self.arrow_shapes(state))
    }

    /// [`Layout::label_clashes`] of the step's arrows as drawn.
    pub(crate) fn clashes<'a>(
        &'a self,
        state: &'a SceneState,
        shapes: &[(&'static Arrow, ArrowShape)],
    ) -> Vec<(&'static Arrow, Clash<'a>)> {
        let mut clashes = Vec::new();
        for (n, (arrow, shape)) in shapes.iter().enumerate() {
            if arrow.from == arrow.to {
                continue;
            }
            let label = shape.label;
            if !label.is_within(self.canvas) {
                clashes.push((*arrow, Clash::OffCanvas));
            }
            let covered = self
                .label_obstacles(state)
                .filter(|(_, rect)| label.covers(*rect));
            clashes.extend(covered.map(|(actor, _)| (*arrow, Clash::Covers(actor))));
            let met = shapes[..n].iter().filter(|(_, s)| s.label.meets(label));
            clashes.extend(met.map(|(other, _)| (*arrow, Clash::Meets(other))));
        }
        clashes
    }

    /// The box of the first actor of the scene with this id.
    fn actor_rect(&self, state: &SceneState, id: &str) -> Option<Rect> {
        let index = state.actors.iter().position(|a| a.id == id)?;
        self.rect_at(index, id)
    }

    /// The arrow's line, pushed aside when the step also has one going back.
    fn arrow_line(&self, state: &SceneState, arrow: &Arrow) -> Option<(Point, Point)> {
        let from = self.actor_rect(state, arrow.from)?;
        let to = self.actor_rect(state, arrow.to)?;
        let (mut a, mut b) = (edge_point(from, center(to)), edge_point(to, center(from)));
        let returning = state
            .arrows
            .iter()
            .any(|r| r.from == arrow.to && r.to == arrow.from);
        if returning {
            let (nx, ny) = normal(a, b);
            let (ox, oy) = (nx * RETURN_OFFSET, ny * RETURN_OFFSET);
            a = (a.0 + ox, a.1 + oy);
            b = (b.0 + ox, b.1 + oy);
        }
        Some((a, b))
    }

    /// The label at the line's midpoint, or the nearest spot along its
    /// normal that is on the canvas and covers no box and no label in
    /// `placed`, preferring one that also leaves the titles of Accounts and
    /// Regions readable; the midpoint if there is none.
    fn label_spot(
        &self,
        state: &SceneState,
        placed: &[LabelBox],
        (a, b): (Point, Point),
        width: f64,
    ) -> LabelBox {
        let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let (nx, ny) = normal(a, b);
        let at = |center: Point| LabelBox { center, width };
        let clear = |label: &LabelBox| {
            label.is_within(self.canvas)
                && self
                    .label_obstacles(state)
                    .all(|(_, rect)| !label.covers(rect))
                && placed.iter().all(|other| !label.meets(*other))
        };
        let titles: Vec<Rect> = self.title_bands(state).collect();
        let spots = || {
            (0..=LABEL_TRIES)
                .flat_map(|k| {
                    let d = f64::from(k) * LABEL_STEP;
                    [d, -d]
                })
                .map(|d| at((mid.0 + nx * d, mid.1 + ny * d)))
        };
        spots()
            .find(|label| clear(label) && titles.iter().all(|t| !label.covers(*t)))
            .or_else(|| spots().find(clear))
            .unwrap_or(at(mid))
    }

    /// The bands at the top of the Accounts and Regions on the canvas that
    /// hold their titles.
    fn title_bands<'a>(&'a self, state: &'a SceneState) -> impl Iterator<Item = Rect> + 'a {
        self.on_canvas(state)
            .filter(|(a, _)| a.kind.is_container())
            .map(|(_, r)| Rect::new(r.x, r.y, r.width, TITLE_BAND))
    }
}

fn center(rect: Rect) -> Point {
    (
        f64::from(rect.x) + f64::from(rect.width) / 2.0,
        f64::from(rect.y) + f64::from(rect.height) / 2.0,
    )
}

/// Where a line from `rect`'s centre toward `target` leaves the rectangle,
/// a little outside it.
fn edge_point(rect: Rect, target: Point) -> Point {
    let (cx, cy) = center(rect);
    let (dx, dy) = (target.0 - cx, target.1 - cy);
    if dx == 0.0 && dy == 0.0 {
        return (cx, cy);
    }
    let half_width = f64::from(rect.width) / 2.0 + EDGE_MARGIN;
    let half_height = f64::from(rect.height) / 2.0 + EDGE_MARGIN;
    let scale = (half_width / dx.abs()).min(half_height / dy.abs());
    (cx + dx * scale, cy + dy * scale)
}

/// The unit normal of the line from `a` to `b`.
fn normal(a: Point, b: Point) -> Point {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    (-dy / len, dx / len)
}
