//! Where a walkthrough's actors sit: a canvas and one box per actor. The
//! landscape layout is the one each actor is written with, on the
//! 1200×675 [`CANVAS`]; the portrait one is derived from the scene for
//! narrow screens (see [`portrait`]), and the presenter one for projectors
//! (see [`presenter`]). Arrows, their labels and the text in
//! the boxes are placed from a layout, and every layout is validated.

use serde::Serialize;

use super::canvas::{Rect, CANVAS};
use super::model::Walkthrough;
use super::state::SceneState;

mod flaws;
pub mod portrait;
pub mod presenter;

pub(crate) use flaws::flaws;

/// The type on the stage, in canvas units: labels, badges and arrow
/// labels alike are set at 16 units, the size [`super::canvas::CHAR_WIDTH`]
/// budgets for.
pub const SMALLEST_TYPE: f64 = 16.0;

/// The least size, in CSS pixels, that type on the stage should be drawn at.
pub const MIN_TYPE_PX: f64 = 12.0;

/// Which arrangement of the scene a layout is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Orientation {
    /// The actors where the walkthrough puts them, on the 1200×675 canvas.
    Landscape,
    /// The same actors stacked for a narrow screen, [`portrait::WIDTH`]
    /// units wide.
    Portrait,
    /// The actors where the walkthrough puts them, with the room no box
    /// needs cut out, for a projector (see [`presenter`]).
    Presenter,
}

/// A canvas and where each actor's box sits on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Layout {
    pub orientation: Orientation,
    /// The whole canvas, from (0, 0); the renderer's `viewBox`.
    pub canvas: Rect,
    /// Each actor's id and box, in the order of the scene.
    pub places: Vec<(&'static str, Rect)>,
}

impl Layout {
    /// The actors' own boxes on the 1200×675 canvas.
    pub fn landscape(walkthrough: &Walkthrough) -> Layout {
        Layout {
            orientation: Orientation::Landscape,
            canvas: CANVAS,
            places: walkthrough.actors.iter().map(|a| (a.id, a.rect)).collect(),
        }
    }

    /// The portrait layout derived from the scene: see [`portrait`].
    pub fn portrait(walkthrough: &Walkthrough) -> Layout {
        portrait::derive(walkthrough)
    }

    /// The presenter layout derived from the scene: see [`presenter`].
    pub fn presenter(walkthrough: &Walkthrough) -> Layout {
        presenter::derive(walkthrough)
    }

    /// The landscape layout read from a scene state's own boxes.
    pub fn landscape_of(state: &SceneState) -> Layout {
        Layout {
            orientation: Orientation::Landscape,
            canvas: CANVAS,
            places: state.actors.iter().map(|a| (a.id, a.rect)).collect(),
        }
    }

    /// The box of the first actor with this id.
    pub fn rect(&self, id: &str) -> Option<Rect> {
        self.places.iter().find(|(i, _)| *i == id).map(|(_, r)| *r)
    }

    /// The box of the actor at `index` in the scene, whose id is `id`: the
    /// place at that index when it names the actor, otherwise the first
    /// with the id. Two actors with one id keep their own boxes.
    pub fn rect_at(&self, index: usize, id: &str) -> Option<Rect> {
        match self.places.get(index) {
            Some((i, rect)) if *i == id => Some(*rect),
            _ => self.rect(id),
        }
    }

    /// How much the canvas is scaled to fit a box `width` × `height` CSS
    /// pixels, keeping its proportions.
    pub fn scale_in(&self, width: f64, height: f64) -> f64 {
        let c = self.canvas;
        (width / f64::from(c.width)).min(height / f64::from(c.height))
    }

    /// The least height, in CSS pixels, at which this layout's type is
    /// still drawn at [`MIN_TYPE_PX`].
    pub fn readable_height(&self) -> f64 {
        f64::from(self.canvas.height) * MIN_TYPE_PX / SMALLEST_TYPE
    }

    /// Of `self` (landscape) and `portrait`, the one to draw in a box of
    /// `width` × `height` CSS pixels: landscape wherever its type reaches
    /// [`MIN_TYPE_PX`]; otherwise portrait, whose
    /// narrower and shorter canvas always draws larger.
    pub fn fitting<'a>(&'a self, portrait: &'a Layout, width: f64, height: f64) -> &'a Layout {
        if self.scale_in(width, height) * SMALLEST_TYPE >= MIN_TYPE_PX {
            self
        } else {
            portrait
        }
    }

    /// The SVG `viewBox` of the canvas.
    pub fn view_box(&self) -> String {
        let c = self.canvas;
        format!("{} {} {} {}", c.x, c.y, c.width, c.height)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_actors_with_one_id_keep_their_own_boxes() {
        let (first, second) = (Rect::new(0, 0, 10, 10), Rect::new(20, 0, 10, 10));
        let layout = Layout {
            orientation: Orientation::Landscape,
            canvas: CANVAS,
            places: vec![("key", first), ("key", second)],
        };
        assert_eq!(layout.rect("key"), Some(first));
        assert_eq!(layout.rect_at(1, "key"), Some(second));
        assert_eq!(layout.rect_at(5, "key"), Some(first), "past the end: by id");
        assert_eq!(layout.rect_at(0, "data"), None);
        assert_eq!(layout.view_box(), "0 0 1200 675");
    }
}
