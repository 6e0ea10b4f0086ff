//! True retention as Anki defines it: the share of reviews of graduated
//! cards that the learner recalled.
//!
//! Anki manual, Statistics, "True Retention" (<https://docs.ankiweb.net/stats.html>),
//! and Anki's `rslib/src/stats/graphs/retention.rs`:
//! - only reviews of cards in the Review state count; new cards and
//!   learning and relearning steps are left out;
//! - Again is a fail; Hard, Good and Easy are passes;
//! - a review is *young* when the card's interval before it was under
//!   21 days, and *mature* from 21 days on.

use chrono::{DateTime, Days, NaiveDate, Utc};
use std::collections::HashMap;

use super::StudyDays;
use crate::day::LocalClock;
use crate::progress::{Progress, Review};
use crate::schedule::{Grade, MemoryState};

/// The interval, in days, from which a card counts as mature in Anki.
pub const MATURE_INTERVAL_DAYS: i64 = 21;

/// Passed and failed reviews, with the retention rate they give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PassFail {
    pub passed: usize,
    pub failed: usize,
}

impl PassFail {
    pub fn total(self) -> usize {
        self.passed + self.failed
    }

    /// passed / (passed + failed), or `None` without reviews.
    pub fn rate(self) -> Option<f64> {
        (self.total() > 0).then(|| self.passed as f64 / self.total() as f64)
    }

    fn count(&mut self, grade: Grade) {
        if grade == Grade::Again {
            self.failed += 1;
        } else {
            self.passed += 1;
        }
    }
}

/// True retention over one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TrueRetention {
    /// Reviews whose previous interval was under [`MATURE_INTERVAL_DAYS`].
    pub young: PassFail,
    /// Reviews whose previous interval was [`MATURE_INTERVAL_DAYS`] or more.
    pub mature: PassFail,
    /// Every counted review. It can exceed young + mature when the log lacks
    /// a card's previous review (an imported partial log), so its interval
    /// before the review is unknown.
    pub total: PassFail,
}

impl TrueRetention {
    pub fn passed(&self) -> usize {
        self.total.passed
    }

    pub fn failed(&self) -> usize {
        self.total.failed
    }

    pub fn rate(&self) -> Option<f64> {
        self.total.rate()
    }
}

/// The rows of Anki's True Retention table, in study days ending today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Today,
    Yesterday,
    /// The last 7 study days, today included.
    Week,
    /// The last 30 study days, today included.
    Month,
    /// The last 365 study days, today included.
    Year,
    AllTime,
}

impl Period {
    pub const ALL: [Period; 6] = [
        Period::Today,
        Period::Yesterday,
        Period::Week,
        Period::Month,
        Period::Year,
        Period::AllTime,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Period::Today => "Today",
            Period::Yesterday => "Yesterday",
            Period::Week => "Last 7 days",
            Period::Month => "Last 30 days",
            Period::Year => "Last 365 days",
            Period::AllTime => "All time",
        }
    }

    /// Whether a review `ago` study days before today falls in the period.
    /// Reviews dated after today (another device's clock) fall in none.
    pub fn includes(self, ago: i64) -> bool {
        match self {
            Period::Today => ago == 0,
            Period::Yesterday => ago == 1,
            Period::Week => (0..7).contains(&ago),
            Period::Month => (0..30).contains(&ago),
            Period::Year => (0..365).contains(&ago),
            Period::AllTime => ago >= 0,
        }
    }

    /// The first study day of the period, if it has one.
    pub fn first_day(self, today: NaiveDate) -> Option<NaiveDate> {
        let back = match self {
            Period::Today => 0,
            Period::Yesterday => 1,
            Period::Week => 6,
            Period::Month => 29,
            Period::Year => 364,
            Period::AllTime => return None,
        };
        Some(today - Days::new(back))
    }
}

/// True retention for every [`Period`], in [`Period::ALL`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct RetentionTable {
    pub rows: Vec<(Period, TrueRetention)>,
}

impl RetentionTable {
    pub fn new(progress: &Progress, now: DateTime<Utc>, clock: &impl LocalClock) -> Self {
        let days = StudyDays::new(progress, now, clock);
        let mut rows: Vec<(Period, TrueRetention)> = Period::ALL
            .into_iter()
            .map(|p| (p, TrueRetention::default()))
            .collect();
        for (review, before) in with_previous_interval(&progress.reviews) {
            if review.state_before != MemoryState::Review {
                continue;
            }
            let ago = days.ago(days.of(review.at));
            for (_, retention) in rows.iter_mut().filter(|(p, _)| p.includes(ago)) {
                retention.total.count(review.grade);
                match before {
                    Some(secs) if secs < MATURE_INTERVAL_DAYS * 86_400 => {
                        retention.young.count(review.grade)
                    }
                    Some(_) => retention.mature.count(review.grade),
                    None => {}
                }
            }
        }
        RetentionTable { rows }
    }

    pub fn get(&self, period: Period) -> TrueRetention {
        self.rows
            .iter()
            .find(|(p, _)| *p == period)
            .map(|(_, r)| *r)
            .unwrap_or_default()
    }
}

/// Each review with the card's interval before it (in seconds): the interval
/// that the card's previous review set, as Anki's `last_interval`.
fn with_previous_interval(reviews: &[Review]) -> Vec<(&Review, Option<i64>)> {
    // Logs merged from two tabs may interleave, so walk them in time order.
    let mut order: Vec<&Review> = reviews.iter().collect();
    order.sort_by_key(|r| r.at);
    let mut last: HashMap<&str, i64> = HashMap::new();
    order
        .into_iter()
        .map(|r| (r, last.insert(r.card.as_str(), r.interval_secs)))
        .collect()
}
