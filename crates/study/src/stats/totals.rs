//! The dashboard's headline numbers.

use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeSet;

use super::StudyDays;
use crate::day::LocalClock;
use crate::progress::Progress;
use crate::schedule::MemoryState;

/// Review and card counts, and the time the log spans.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Totals {
    /// Answers given today, learning steps included.
    pub reviews_today: usize,
    /// Every answer in the log.
    pub reviews: usize,
    /// Cards reviewed at least once.
    pub cards_studied: usize,
    /// Study days with at least one review.
    pub days_studied: usize,
    /// From the first to the last review, if there is any.
    pub range: Option<ReviewRange>,
}

/// The first and last review, as instants and as study days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewRange {
    pub first: DateTime<Utc>,
    pub last: DateTime<Utc>,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

impl Totals {
    pub fn new(progress: &Progress, now: DateTime<Utc>, clock: &impl LocalClock) -> Self {
        let days = StudyDays::new(progress, now, clock);
        let study_days: BTreeSet<NaiveDate> =
            progress.reviews.iter().map(|r| days.of(r.at)).collect();
        let first = progress.reviews.iter().map(|r| r.at).min();
        let last = progress.reviews.iter().map(|r| r.at).max();
        Totals {
            reviews_today: progress
                .reviews
                .iter()
                .filter(|r| days.of(r.at) == days.today)
                .count(),
            reviews: progress.reviews.len(),
            cards_studied: progress
                .cards
                .values()
                .filter(|m| m.state != MemoryState::New)
                .count(),
            days_studied: study_days.len(),
            range: first.zip(last).map(|(first, last)| ReviewRange {
                first,
                last,
                first_day: days.of(first),
                last_day: days.of(last),
            }),
        }
    }
}
