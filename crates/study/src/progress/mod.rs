//! A learner's progress: each card's FSRS memory, the review log and the
//! study settings. Serialized as versioned JSON by the app's storage module.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::schedule::{DesiredRetention, Grade, Memory, Outcome};

mod merge;
mod migrate;

/// The progress format's version. A newer file is refused, never guessed at;
/// older ones are migrated (see `migrate.rs` for each step).
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub desired_retention: DesiredRetention,
    #[serde(default = "Settings::default_new_per_day")]
    pub new_per_day: u32,
    #[serde(default = "Settings::default_reviews_per_day")]
    pub reviews_per_day: u32,
    /// The local hour at which the study day begins.
    #[serde(default = "Settings::default_rollover_hour")]
    pub rollover_hour: u8,
}

impl Settings {
    fn default_new_per_day() -> u32 {
        20
    }
    fn default_reviews_per_day() -> u32 {
        200
    }
    fn default_rollover_hour() -> u8 {
        4
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            desired_retention: DesiredRetention::DEFAULT,
            new_per_day: Self::default_new_per_day(),
            reviews_per_day: Self::default_reviews_per_day(),
            rollover_hour: Self::default_rollover_hour(),
        }
    }
}

/// One answered card, as the review log keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub card: String,
    pub grade: Grade,
    pub at: DateTime<Utc>,
    /// The card had never been studied before this review.
    pub was_new: bool,
    /// The card's FSRS state before this review (New, Learning, Review or
    /// Relearning): true retention counts only reviews of Review cards.
    #[serde(default)]
    pub state_before: crate::schedule::MemoryState,
    /// Seconds until the card is due again.
    pub interval_secs: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub schema: u32,
    #[serde(default)]
    pub cards: BTreeMap<String, Memory>,
    #[serde(default)]
    pub reviews: Vec<Review>,
    #[serde(default)]
    pub settings: Settings,
    /// Cards made due by a missed quiz question, with when it was missed.
    /// A card stays due from then until its next review.
    #[serde(default)]
    pub missed: BTreeMap<String, DateTime<Utc>>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            schema: SCHEMA_VERSION,
            cards: BTreeMap::new(),
            reviews: Vec::new(),
            settings: Settings::default(),
            missed: BTreeMap::new(),
        }
    }
}

/// What it takes to take one review back.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    card: String,
    /// The grade given, for whatever counted it.
    grade: Grade,
    previous: Option<Memory>,
    was_missed: Option<DateTime<Utc>>,
}

impl Undo {
    pub fn card(&self) -> &str {
        &self.card
    }

    /// The grade this review gave.
    pub fn grade(&self) -> Grade {
        self.grade
    }
}

/// Why stored or imported progress could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProgressError {
    /// Not JSON, or not progress.
    #[error("this is not KeyDeck progress data ({0})")]
    Malformed(String),
    /// Written by a newer KeyDeck.
    #[error(
        "this progress was saved by a newer version of KeyDeck (format {0}; this one reads up to {max}); reload to update",
        max = SCHEMA_VERSION
    )]
    NewerSchema(u32),
}

impl Progress {
    /// Reads progress of this schema or any older one.
    pub fn from_json(text: &str) -> Result<Progress, ProgressError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ProgressError::Malformed(e.to_string()))?;
        migrate::to_current(value)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("progress always serializes")
    }

    pub fn memory(&self, card: &str) -> Option<&Memory> {
        self.cards.get(card)
    }

    /// Makes cards due now: their quiz question was missed.
    pub fn mark_missed(&mut self, cards: &[String], at: DateTime<Utc>) {
        for card in cards {
            self.missed.insert(card.clone(), at);
        }
    }

    /// When a quiz question on the card was missed, if that was after its
    /// last review: the card is due for it.
    pub fn missed_since_review(&self, card: &str) -> Option<&DateTime<Utc>> {
        let memory = self.cards.get(card);
        self.missed
            .get(card)
            .filter(|at| memory.is_none_or(|m| **at > m.last_review || m.reps == 0))
    }

    /// When the card must be shown: its FSRS due date, or earlier if a quiz
    /// question on it was missed since its last review. `None` for a card
    /// never studied and never missed.
    pub fn due(&self, card: &str) -> Option<DateTime<Utc>> {
        let memory = self.cards.get(card);
        let missed = self.missed_since_review(card);
        match (memory.map(|m| m.due), missed) {
            (Some(due), Some(at)) => Some(due.min(*at)),
            (due, at) => due.or(at.copied()),
        }
    }

    /// Stores a graded card's new memory and logs the review.
    pub fn record(&mut self, card: &str, outcome: &Outcome, at: DateTime<Utc>) -> Undo {
        let was_missed = self.missed.remove(card);
        let previous = self.cards.insert(card.to_owned(), outcome.memory.clone());
        self.reviews.push(Review {
            card: card.to_owned(),
            grade: outcome.grade,
            at,
            was_new: previous.is_none(),
            state_before: previous.as_ref().map(|m| m.state).unwrap_or_default(),
            interval_secs: outcome.interval.num_seconds(),
        });
        Undo {
            card: card.to_owned(),
            grade: outcome.grade,
            previous,
            was_missed,
        }
    }

    /// Takes back the review that produced `undo`, if it is still the last one.
    pub fn undo(&mut self, undo: Undo) -> bool {
        if self.reviews.last().is_none_or(|r| r.card != undo.card) {
            return false;
        }
        self.reviews.pop();
        if let Some(at) = undo.was_missed {
            self.missed.insert(undo.card.clone(), at);
        }
        match undo.previous {
            Some(memory) => self.cards.insert(undo.card, memory),
            None => self.cards.remove(&undo.card),
        };
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Scheduler;

    #[test]
    fn progress_round_trips_through_json() {
        let mut p = Progress::default();
        let now: DateTime<Utc> = "2026-05-01T10:00:00Z".parse().unwrap();
        let outcome = Scheduler::default().review(None, Grade::Good, now);
        p.record("kms-acronym", &outcome, now);
        let back = Progress::from_json(&p.to_json()).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn a_newer_schema_is_refused_with_a_message() {
        let err = Progress::from_json(r#"{"schema": 9, "cards": {}}"#).unwrap_err();
        assert_eq!(err, ProgressError::NewerSchema(9));
        assert!(err.to_string().contains("newer version of KeyDeck"));
        assert!(matches!(
            Progress::from_json("{not json"),
            Err(ProgressError::Malformed(_))
        ));
    }

    #[test]
    fn undo_restores_the_card_and_the_log() {
        let s = Scheduler::default();
        let mut p = Progress::default();
        let t0: DateTime<Utc> = "2026-05-01T10:00:00Z".parse().unwrap();
        let first = s.review(None, Grade::Good, t0);
        p.record("a", &first, t0);
        let before = p.clone();
        let second = s.review(p.memory("a"), Grade::Again, first.memory.due);
        let undo = p.record("a", &second, first.memory.due);
        assert!(p.undo(undo));
        assert_eq!(p, before);
        let undo_new = p.record("b", &first, t0);
        assert!(p.undo(undo_new));
        assert!(p.memory("b").is_none());
    }
}
