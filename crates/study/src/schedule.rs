//! FSRS scheduling through the `rs-fsrs` crate: KeyDeck chooses the desired
//! retention and reports intervals; the memory model is the crate's.

use crate::wording::decimal;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A card's FSRS memory state: stability, difficulty, due time and so on.
pub type Memory = rs_fsrs::Card;
pub use rs_fsrs::State as MemoryState;

/// The learner's answer, as in Anki: 1 Again, 2 Hard, 3 Good, 4 Easy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// The key that gives this grade (1–4).
    pub fn key(self) -> u8 {
        match self {
            Grade::Again => 1,
            Grade::Hard => 2,
            Grade::Good => 3,
            Grade::Easy => 4,
        }
    }

    pub fn from_key(key: u8) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }

    fn rating(self) -> rs_fsrs::Rating {
        match self {
            Grade::Again => rs_fsrs::Rating::Again,
            Grade::Hard => rs_fsrs::Rating::Hard,
            Grade::Good => rs_fsrs::Rating::Good,
            Grade::Easy => rs_fsrs::Rating::Easy,
        }
    }
}

/// The probability of recall FSRS aims for when it sets a due date.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct DesiredRetention(f64);

impl DesiredRetention {
    pub const MIN: f64 = 0.70;
    pub const MAX: f64 = 0.97;
    pub const DEFAULT: DesiredRetention = DesiredRetention(0.90);

    pub fn new(value: f64) -> Result<Self, String> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(DesiredRetention(value))
        } else {
            Err(format!(
                "desired retention must be between 0.70 and 0.97, not {value:.2}"
            ))
        }
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

impl Default for DesiredRetention {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl TryFrom<f64> for DesiredRetention {
    type Error = String;
    fn try_from(v: f64) -> Result<Self, String> {
        DesiredRetention::new(v)
    }
}

impl From<DesiredRetention> for f64 {
    fn from(r: DesiredRetention) -> f64 {
        r.0
    }
}

/// What one grade would do to a card.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub grade: Grade,
    pub memory: Memory,
    /// Time from the review to the next due date.
    pub interval: Duration,
}

#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: rs_fsrs::FSRS,
}

impl Scheduler {
    pub fn new(retention: DesiredRetention) -> Self {
        let parameters = rs_fsrs::Parameters {
            request_retention: retention.get(),
            // Fuzz would make the intervals on the buttons differ from the ones applied.
            enable_fuzz: false,
            ..Default::default()
        };
        Scheduler {
            fsrs: rs_fsrs::FSRS::new(parameters),
        }
    }

    /// The four possible outcomes, for the grade buttons.
    pub fn preview(&self, memory: Option<&Memory>, now: DateTime<Utc>) -> [Outcome; 4] {
        Grade::ALL.map(|grade| self.review(memory, grade, now))
    }

    /// Applies a grade; `None` is a card never studied.
    pub fn review(&self, memory: Option<&Memory>, grade: Grade, now: DateTime<Utc>) -> Outcome {
        let current = memory.cloned().unwrap_or_else(|| Memory {
            due: now,
            last_review: now,
            ..Default::default()
        });
        let next = self.fsrs.next(current, now, grade.rating()).card;
        Outcome {
            grade,
            interval: next.due - now,
            memory: next,
        }
    }
}

impl Default for Scheduler {
    fn default() -> Self {
        Scheduler::new(DesiredRetention::DEFAULT)
    }
}

/// An interval as Anki shows it on a button: 10m, 3h, 4d, 2.5mo, 1.2y.
pub struct Interval(pub Duration);

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let minutes = self.0.num_minutes().max(1);
        let days = self.0.num_seconds() as f64 / 86_400.0;
        if minutes < 60 {
            write!(f, "{minutes}m")
        } else if minutes < 24 * 60 {
            write!(f, "{}h", decimal(minutes as f64 / 60.0, 0))
        } else if days < 30.0 {
            write!(f, "{}d", decimal(days, 0))
        } else if days < 365.0 {
            write!(f, "{}mo", decimal(days / 30.0, 1))
        } else {
            write!(f, "{}y", decimal(days / 365.0, 1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn good_twice_lengthens_the_interval() {
        let s = Scheduler::default();
        let mut now = at("2026-01-01T09:00:00Z");
        let mut memory = None;
        let mut intervals = Vec::new();
        for _ in 0..4 {
            let outcome = s.review(memory.as_ref(), Grade::Good, now);
            intervals.push(outcome.interval);
            now = outcome.memory.due;
            memory = Some(outcome.memory);
        }
        assert!(intervals.windows(2).all(|w| w[1] > w[0]), "{intervals:?}");
        assert!(intervals[3] >= Duration::days(3), "{intervals:?}");
        assert_eq!(memory.unwrap().state, MemoryState::Review);
    }

    #[test]
    fn again_sends_a_review_card_to_relearning() {
        let s = Scheduler::default();
        let now = at("2026-01-01T09:00:00Z");
        let learned = s.review(None, Grade::Easy, now).memory;
        assert_eq!(learned.state, MemoryState::Review);
        let later = learned.due;
        let lapsed = s.review(Some(&learned), Grade::Again, later);
        assert_eq!(lapsed.memory.state, MemoryState::Relearning);
        assert_eq!(lapsed.memory.lapses, 1);
        assert!(
            lapsed.interval < Duration::hours(1),
            "{:?}",
            lapsed.interval
        );
    }

    #[test]
    fn a_higher_desired_retention_gives_shorter_intervals() {
        let now = at("2026-01-01T09:00:00Z");
        let easy = |r: f64| {
            Scheduler::new(DesiredRetention::new(r).unwrap())
                .review(None, Grade::Easy, now)
                .interval
        };
        assert!(easy(0.97) < easy(0.90) && easy(0.90) < easy(0.70));
    }

    #[test]
    fn desired_retention_stays_between_070_and_097() {
        assert!(DesiredRetention::new(0.69).is_err());
        assert!(DesiredRetention::new(0.98).is_err());
        assert_eq!(
            DesiredRetention::new(0.5).unwrap_err(),
            "desired retention must be between 0.70 and 0.97, not 0.50"
        );
        assert!(serde_json::from_str::<DesiredRetention>("1.5").is_err());
        assert_eq!(
            serde_json::from_str::<DesiredRetention>("0.85")
                .unwrap()
                .get(),
            0.85
        );
    }

    #[test]
    fn preview_matches_what_review_applies() {
        let s = Scheduler::default();
        let now = at("2026-03-01T09:00:00Z");
        for outcome in s.preview(None, now) {
            assert_eq!(outcome, s.review(None, outcome.grade, now));
        }
    }

    #[test]
    fn intervals_read_like_anki_buttons() {
        let show = |d: Duration| Interval(d).to_string();
        assert_eq!(show(Duration::seconds(20)), "1m");
        assert_eq!(show(Duration::minutes(10)), "10m");
        assert_eq!(show(Duration::hours(5)), "5h");
        assert_eq!(show(Duration::minutes(90)), "2h", "a half rounds up");
        assert_eq!(show(Duration::hours(36)), "2d");
        assert_eq!(show(Duration::days(30)), "1.0mo");
        assert_eq!(show(Duration::days(4)), "4d");
        assert_eq!(show(Duration::days(75)), "2.5mo");
        assert_eq!(show(Duration::days(438)), "1.2y");
    }
}
