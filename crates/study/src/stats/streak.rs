//! The streak: consecutive study days with at least one review.

use chrono::{DateTime, Days, NaiveDate, Utc};
use std::collections::BTreeSet;

use super::StudyDays;
use crate::day::LocalClock;
use crate::progress::Progress;

/// The current and the longest run of study days with a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Streak {
    /// The run ending today, or ending yesterday while today has no review
    /// yet (the streak is not lost until the day ends); 0 otherwise.
    pub current: usize,
    /// The longest run ever, the current one included.
    pub longest: usize,
    /// Whether today already has a review, so the streak is safe for today.
    pub studied_today: bool,
}

impl Streak {
    pub fn new(progress: &Progress, now: DateTime<Utc>, clock: &impl LocalClock) -> Self {
        let days = StudyDays::new(progress, now, clock);
        let studied: BTreeSet<NaiveDate> = progress
            .reviews
            .iter()
            .map(|r| days.of(r.at))
            .filter(|d| *d <= days.today)
            .collect();
        let studied_today = studied.contains(&days.today);
        let end = if studied_today {
            days.today
        } else {
            days.today - Days::new(1)
        };
        Streak {
            current: run_ending(&studied, end),
            longest: longest_run(&studied),
            studied_today,
        }
    }
}

/// Consecutive days in `studied` ending with `end`.
fn run_ending(studied: &BTreeSet<NaiveDate>, end: NaiveDate) -> usize {
    let mut day = end;
    let mut run = 0;
    while studied.contains(&day) {
        run += 1;
        let Some(before) = day.pred_opt() else { break };
        day = before;
    }
    run
}

fn longest_run(studied: &BTreeSet<NaiveDate>) -> usize {
    let (mut longest, mut run) = (0, 0);
    let mut previous: Option<NaiveDate> = None;
    for &day in studied {
        run = match previous {
            Some(p) if p.succ_opt() == Some(day) => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        previous = Some(day);
    }
    longest
}
