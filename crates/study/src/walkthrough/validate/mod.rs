//! Validation of walkthroughs, with an error for each problem found rather
//! than a stop at the first.
//!
//! - [`text`]: ids, titles, narration length, sources, related cards.
//! - `layout`: parents, canvas bounds, overlaps, room for labels and badges,
//!   arrow labels on the canvas and clear of boxes.
//! - `script`: the steps played in order against the canvas as it stands.

mod error;
mod layout;
mod script;
pub mod text;

pub use error::{Problem, Reference, WalkthroughError};

use crate::content_file::FirstSeen;
use crate::deck::Deck;
use crate::walkthrough::model::Walkthrough;

impl Walkthrough {
    /// Every problem with this walkthrough; related cards are looked up in
    /// `deck` (the shipped deck).
    pub fn validate(&self, deck: &Deck) -> Result<(), Vec<WalkthroughError>> {
        let errors = self.problems(deck);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn problems(&self, deck: &Deck) -> Vec<WalkthroughError> {
        let mut found: Vec<(Option<usize>, Problem)> = Vec::new();
        let whole = text::check_heading(self)
            .into_iter()
            .chain(text::check_cards(self, deck))
            .chain(layout::check_actors(self))
            .chain(layout::check_places(self));
        found.extend(whole.map(|p| (None, p)));
        let (played, shown) = script::play(self);
        found.extend(played);
        found.extend(layout::check_labels(self));
        found.extend(
            layout::check_room(self, &shown)
                .into_iter()
                .map(|p| (None, p)),
        );
        found
            .into_iter()
            .map(|(step, problem)| WalkthroughError {
                walkthrough: self.id.to_owned(),
                step,
                problem,
            })
            .collect()
    }
}

/// Validates a set of walkthroughs together: each one, no id used twice,
/// and every card whose `walkthrough:` field names one is listed by it.
pub fn validate_all(
    walkthroughs: &[Walkthrough],
    deck: &Deck,
) -> Result<(), Vec<WalkthroughError>> {
    let mut errors: Vec<WalkthroughError> =
        walkthroughs.iter().flat_map(|w| w.problems(deck)).collect();
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
