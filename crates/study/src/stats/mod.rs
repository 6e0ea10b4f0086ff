//! The numbers behind the progress dashboard (`/progress`): the review
//! calendar, the due forecast, true retention, mastery per topic, the streak
//! and the totals. The app draws them; everything here is plain arithmetic
//! over [`Progress`], so it is tested natively.
//!
//! Every count is made per study day: local wall-clock days that begin at the
//! learner's rollover hour (see [`crate::day`]), as Anki counts them.

use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashSet;

use crate::day::{study_day, LocalClock, Rollover};
use crate::deck::Deck;
use crate::progress::Progress;

pub mod forecast;
pub mod heatmap;
pub mod mastery;
pub mod pace;
pub mod retention;
pub mod sample;
pub mod streak;
pub mod totals;

pub use forecast::Forecast;
pub use heatmap::Heatmap;
pub use mastery::TopicMastery;
pub use pace::Pace;
pub use retention::{PassFail, Period, RetentionTable, TrueRetention};
pub use streak::Streak;
pub use totals::Totals;

/// Everything the dashboard shows, computed at one instant.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub heatmap: Heatmap,
    pub forecast: Forecast,
    pub retention: RetentionTable,
    pub mastery: Vec<TopicMastery>,
    pub streak: Streak,
    pub totals: Totals,
}

impl Dashboard {
    pub fn new(
        deck: &Deck,
        progress: &Progress,
        now: DateTime<Utc>,
        clock: &impl LocalClock,
    ) -> Self {
        Dashboard {
            heatmap: Heatmap::new(progress, now, clock),
            forecast: Forecast::new(deck, progress, now, clock),
            retention: RetentionTable::new(progress, now, clock),
            mastery: mastery::per_topic(deck, progress, now),
            streak: Streak::new(progress, now, clock),
            totals: Totals::new(progress, now, clock),
        }
    }
}

/// The learner's study days: their local clock and their rollover hour.
struct StudyDays<'a, C> {
    clock: &'a C,
    rollover: Rollover,
    today: NaiveDate,
}

impl<'a, C: LocalClock> StudyDays<'a, C> {
    fn new(progress: &Progress, now: DateTime<Utc>, clock: &'a C) -> Self {
        // A stored hour outside 0–23 falls back to 4 a.m., as the queue does.
        let rollover = Rollover::new(progress.settings.rollover_hour).unwrap_or_default();
        StudyDays {
            clock,
            rollover,
            today: study_day(clock, now, rollover),
        }
    }

    fn of(&self, at: DateTime<Utc>) -> NaiveDate {
        study_day(self.clock, at, self.rollover)
    }

    /// How many study days `day` lies before today (negative if after).
    fn ago(&self, day: NaiveDate) -> i64 {
        (self.today - day).num_days()
    }
}

/// The ids of every card the deck can show, reverses included.
fn deck_card_ids(deck: &Deck) -> HashSet<String> {
    deck.study_cards().map(|c| c.id).collect()
}
