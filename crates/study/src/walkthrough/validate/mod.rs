//! Validation of walkthroughs, with an error for each problem found rather
//! than a stop at the first.
//!
//! - [`text`]: ids, titles, narration length, sources, related cards.
//! - `layout`: parents, and on each layout the canvas, overlaps, room for
//!   labels and badges, arrow labels on the canvas and clear of boxes.
//! - `script`: the steps played in order against the canvas as it stands.
//!
//! A walkthrough is checked on its landscape layout and on its derived
//! portrait and presenter ones; problems of those are
//! [`Problem::InPortrait`] and [`Problem::InPresenter`].

mod error;
mod layout;
mod script;
pub mod text;

use std::collections::BTreeMap;

pub use error::{Problem, Reference, WalkthroughError};

use crate::content_file::FirstSeen;
use crate::deck::Deck;
use crate::walkthrough::layout::{Layout, Orientation};
use crate::walkthrough::model::Walkthrough;
use crate::walkthrough::state::{shown_over, Shown};
use script::Found;

impl Walkthrough {
    /// Every problem with this walkthrough, on all three layouts; related
    /// cards are looked up in `deck` (the shipped deck).
    pub fn validate(&self, deck: &Deck) -> Result<(), Vec<WalkthroughError>> {
        self.errors(self.problems(deck))
    }

    /// Every problem with where `layout` puts this walkthrough's boxes,
    /// arrow labels and text, and with its canvas.
    pub fn validate_layout(&self, layout: &Layout) -> Result<(), Vec<WalkthroughError>> {
        self.errors(self.layout_problems(layout, &shown_over(self)))
    }

    fn errors(&self, found: Vec<Found>) -> Result<(), Vec<WalkthroughError>> {
        if found.is_empty() {
            return Ok(());
        }
        Err(found
            .into_iter()
            .map(|(step, problem)| WalkthroughError {
                walkthrough: self.id.to_owned(),
                step,
                problem,
            })
            .collect())
    }

    fn problems(&self, deck: &Deck) -> Vec<Found> {
        let landscape = Layout::landscape(self);
        let mut found: Vec<Found> = Vec::new();
        let whole = text::check_heading(self)
            .into_iter()
            .chain(text::check_cards(self, deck))
            .chain(layout::check_actors(self))
            .chain(layout::check_canvas(self, &landscape))
            .chain(layout::check_places(self, &landscape));
        found.extend(whole.map(|p| (None, p)));
        let (played, shown) = script::play(self);
        found.extend(played);
        found.extend(layout::check_labels(self, &landscape));
        found.extend(
            layout::check_room(self, &landscape, &shown)
                .into_iter()
                .map(|p| (None, p)),
        );
        found.extend(self.layout_problems(&Layout::portrait(self), &shown));
        // A scene that breaks a rule as written is presented as written:
        // its problems are reported once, as the landscape layout's.
        let presenter = Layout::presenter(self);
        if (presenter.canvas, &presenter.places) != (landscape.canvas, &landscape.places) {
            found.extend(self.layout_problems(&presenter, &shown));
        }
        found
    }

    /// The problems of one layout; those of a portrait one are
    /// [`Problem::InPortrait`].
    fn layout_problems(
        &self,
        layout: &Layout,
        shown: &BTreeMap<&'static str, Shown>,
    ) -> Vec<Found> {
        let mut found: Vec<Found> = layout::check_canvas(self, layout)
            .into_iter()
            .chain(layout::check_places(self, layout))
            .map(|p| (None, p))
            .collect();
        found.extend(layout::check_labels(self, layout));
        found.extend(
            layout::check_room(self, layout, shown)
                .into_iter()
                .map(|p| (None, p)),
        );
        match layout.orientation {
            Orientation::Landscape => found,
            Orientation::Portrait => found
                .into_iter()
                .map(|(step, p)| (step, Problem::InPortrait(Box::new(p))))
                .collect(),
            Orientation::Presenter => found
                .into_iter()
                .map(|(step, p)| (step, Problem::InPresenter(Box::new(p))))
                .collect(),
        }
    }
}

/// Validates a set of walkthroughs together: each one, no id used twice,
/// and every card whose `walkthrough:` field names one is listed by it.
pub fn validate_all(
    walkthroughs: &[Walkthrough],
    deck: &Deck,
) -> Result<(), Vec<WalkthroughError>> {
    let mut errors: Vec<WalkthroughError> = walkthroughs
        .iter()
        .flat_map(|w| w.validate(deck).err().unwrap_or_default())
        .collect();
    let mut seen = FirstSeen::new();
    for w in walkthroughs {
        if seen.note(w.id, ()).is_some() {
            errors.push(whole(w.id, Problem::DuplicateWalkthrough));
        }
    }
    for card in deck.written_cards() {
        let Some(named) = card.walkthrough.as_deref() else {
            continue;
        };
        match walkthroughs.iter().find(|w| w.id == named) {
            None => errors.push(whole(
                named,
                Problem::CardNamesUnknownWalkthrough {
                    card: card.id.clone(),
                },
            )),
            Some(w) if !w.related_cards.contains(&card.id.as_str()) => {
                errors.push(whole(named, Problem::CardNotRelated(card.id.clone())));
            }
            Some(_) => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn whole(walkthrough: &str, problem: Problem) -> WalkthroughError {
    WalkthroughError {
        walkthrough: walkthrough.to_owned(),
        step: None,
        problem,
    }
}
