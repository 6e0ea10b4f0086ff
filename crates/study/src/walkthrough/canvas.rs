//! The landscape canvas that every walkthrough is written on, and the type
//! metrics that every layout assumes (the portrait layout is derived from
//! the landscape one: see [`crate::walkthrough::layout`]). The renderer
//! scales the canvas as a whole (an SVG `viewBox`), so it never computes a
//! position and nothing shifts between steps.

use serde::Serialize;

mod arrow;
mod markup;

pub use markup::{ActorLook, Arrows};

pub use arrow::{
    arrow_shapes, coordinate, label_obstacles, label_width, ArrowShape, Clash, LabelBox, Point,
};

/// Landscape canvas width in canvas units.
pub const WIDTH: u16 = 1200;
/// Landscape canvas height in canvas units (16:9 with [`WIDTH`]).
pub const HEIGHT: u16 = 675;
/// The whole landscape canvas.
pub const CANVAS: Rect = Rect::new(0, 0, WIDTH, HEIGHT);

/// Inner padding of every box, on each side.
pub const PADDING: u16 = 12;
/// The strip at the top of an Account or Region box that holds its title;
/// the actors inside start below it.
pub const TITLE_BAND: u16 = 40;
/// The least space between two boxes that are not nested, so arrows and
/// their labels have room.
pub const GAP: u16 = 16;
/// Width budgeted per character of a label, badge or arrow label: type of
/// 16 canvas units whose characters average at most 0.56 em.
pub const CHAR_WIDTH: u16 = 9;
/// Height of one line: the label, or one badge below it.
pub const LINE_HEIGHT: u16 = 24;
/// The longest arrow label, in characters; longer ones crowd short arrows.
pub const MAX_ARROW_LABEL: usize = 30;

/// A box on the canvas, in canvas units from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Rect {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Rect {
    pub const fn new(x: u16, y: u16, width: u16, height: u16) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    /// The x just past the right edge (wide enough that no sum overflows).
    pub const fn right(self) -> u32 {
        self.x as u32 + self.width as u32
    }

    pub const fn bottom(self) -> u32 {
        self.y as u32 + self.height as u32
    }

    /// The middle point, where the renderer aims arrows.
    pub const fn center(self) -> (u32, u32) {
        (
            self.x as u32 + self.width as u32 / 2,
            self.y as u32 + self.height as u32 / 2,
        )
    }

    /// Whether `inner` lies wholly inside this box.
    pub const fn contains(self, inner: Rect) -> bool {
        inner.x >= self.x
            && inner.y >= self.y
            && inner.right() <= self.right()
            && inner.bottom() <= self.bottom()
    }

    /// Whether the two boxes come closer than `gap` units to each other
    /// (with a gap of 0: whether they share any area).
    pub const fn crowds(self, other: Rect, gap: u16) -> bool {
        let gap = gap as u32;
        (self.x as u32) < other.right() + gap
            && (other.x as u32) < self.right() + gap
            && (self.y as u32) < other.bottom() + gap
            && (other.y as u32) < self.bottom() + gap
    }

    /// The area a container leaves for the actors inside it: below its
    /// title band and within its padding. `None` if the box is too small to
    /// hold anything.
    pub const fn content(self) -> Option<Rect> {
        if self.width <= 2 * PADDING || self.height <= TITLE_BAND + PADDING {
            return None;
        }
        Some(Rect::new(
            self.x + PADDING,
            self.y + TITLE_BAND,
            self.width - 2 * PADDING,
            self.height - TITLE_BAND - PADDING,
        ))
    }
}

/// The width a line of text needs inside a box, padding included.
pub fn text_width(text: &str) -> u32 {
    text.chars().count() as u32 * CHAR_WIDTH as u32 + 2 * PADDING as u32
}

/// The height an actor box needs for its label and `badges` badges.
pub const fn actor_height(badges: usize) -> u32 {
    (1 + badges as u32) * LINE_HEIGHT as u32 + 2 * PADDING as u32
}

/// The baseline of an actor's label: centred in an Account or Region box's
/// title band, or on the first line inside any other box.
pub const fn label_baseline(rect: Rect, container: bool) -> u32 {
    if container {
        rect.y as u32 + TITLE_BAND as u32 / 2 + 6
    } else {
        rect.y as u32 + PADDING as u32 + 16
    }
}

/// The baseline of an actor's badge `index` (from 0), one line apiece
/// below its label.
pub const fn badge_baseline(rect: Rect, container: bool, index: usize) -> u32 {
    label_baseline(rect, container) + (index as u32 + 1) * LINE_HEIGHT as u32
}

/// Where the text of an actor's label and badges starts.
pub const fn text_left(rect: Rect) -> u32 {
    rect.x as u32 + PADDING as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_have_at_most_two_decimals_and_no_zero_ones() {
        assert_eq!(coordinate(120.0), "120");
        assert_eq!(coordinate(12.5), "12.5");
        assert_eq!(coordinate(7.0 / 3.0), "2.33");
        assert_eq!(coordinate(-4.004), "-4");
        assert_eq!(coordinate(0.0), "0");
        assert_eq!(coordinate(99.999), "100");
    }

    #[test]
    fn boxes_that_touch_crowd_each_other_only_within_the_gap() {
        let a = Rect::new(0, 0, 100, 100);
        let beside = Rect::new(100, 0, 100, 100);
        let apart = Rect::new(116, 0, 100, 100);
        assert!(!a.crowds(beside, 0), "touching edges share no area");
        assert!(a.crowds(beside, GAP));
        assert!(!a.crowds(apart, GAP));
        assert!(a.crowds(Rect::new(50, 50, 10, 10), 0));
    }

    #[test]
    fn a_container_keeps_its_title_band_free() {
        let account = Rect::new(16, 16, 576, 643);
        let content = account.content().unwrap();
        assert_eq!(content, Rect::new(28, 56, 552, 591));
        assert!(account.contains(content));
        assert_eq!(Rect::new(0, 0, 20, 20).content(), None);
    }

    #[test]
    fn labels_and_badges_sit_a_line_apart_and_arrow_labels_use_the_same_type() {
        let key = Rect::new(40, 80, 200, 100);
        assert_eq!((text_left(key), label_baseline(key, false)), (52, 108));
        assert_eq!(badge_baseline(key, false, 1), 108 + 2 * 24);
        assert_eq!(
            label_baseline(Rect::new(16, 16, 576, 643), true),
            16 + 20 + 6
        );
        assert_eq!(label_width("kms:Decrypt"), f64::from(11 * CHAR_WIDTH + 14));
    }

    #[test]
    fn text_and_badges_set_the_room_a_box_needs() {
        assert_eq!(text_width("KMS key"), 7 * 9 + 24);
        assert_eq!(actor_height(0), 48);
        assert_eq!(actor_height(2), 96);
    }
}
