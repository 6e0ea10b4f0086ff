//! The streak: consecutive study days with at least one review.

use chrono::{DateTime, Utc};

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
        // Which days before today had a review, by how many days ago: a
        // list of flags, not a set or a sort, as the home page links this
        // and either would be code to ship.
        let mut studied: Vec<bool> = Vec::new();
        for r in &progress.reviews {
            let Ok(ago) = usize::try_from(days.ago(days.of(r.at))) else {
                continue;
            };
            if studied.len() <= ago {
                studied.resize(ago + 1, false);
            }
            studied[ago] = true;
        }
        let studied_today = studied.first() == Some(&true);
        let since = usize::from(!studied_today);
        let current = studied
            .iter()
            .skip(since)
            .take_while(|studied| **studied)
            .count();
        Streak {
            current,
            longest: longest_run(&studied),
            studied_today,
        }
    }
}

/// The longest run of consecutive `true`s.
fn longest_run(studied: &[bool]) -> usize {
    studied
        .split(|studied| !studied)
        .map(<[bool]>::len)
        .max()
        .unwrap_or(0)
}
