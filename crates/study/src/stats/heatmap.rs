//! The review calendar: reviews per study day over the last year, for a
//! GitHub-style grid of weeks (columns) by weekdays (rows).

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};

use super::StudyDays;
use crate::day::LocalClock;
use crate::progress::Progress;

/// How many study days the calendar covers, today included.
pub const HEATMAP_DAYS: usize = 365;

/// Reviews per study day for the [`HEATMAP_DAYS`] days ending today.
///
/// Every logged answer counts, learning steps included, as in Anki's
/// "Calendar" graph (Anki manual, Statistics: <https://docs.ankiweb.net/stats.html>).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heatmap {
    /// Oldest first, one entry per study day (days without reviews hold 0);
    /// the last entry is today.
    pub days: Vec<(NaiveDate, usize)>,
    /// The largest count, 0 when nothing was reviewed.
    pub max: usize,
    /// The weekday of `days[0]`, to place the first column's first cell.
    pub first_weekday: Weekday,
}

impl Heatmap {
    pub fn new(progress: &Progress, now: DateTime<Utc>, clock: &impl LocalClock) -> Self {
        let days = StudyDays::new(progress, now, clock);
        let first = days.today - Days::new(HEATMAP_DAYS as u64 - 1);
        let mut counts = vec![0usize; HEATMAP_DAYS];
        for review in &progress.reviews {
            let ago = days.ago(days.of(review.at));
            // Reviews stamped in the future (another device's clock) are left out.
            if (0..HEATMAP_DAYS as i64).contains(&ago) {
                counts[HEATMAP_DAYS - 1 - ago as usize] += 1;
            }
        }
        Heatmap {
            max: counts.iter().copied().max().unwrap_or(0),
            days: first.iter_days().zip(counts).collect(),
            first_weekday: first.weekday(),
        }
    }

    /// The cell of `days[index]`: (week column, weekday row), in a grid
    /// whose rows start on `week_start` (Sunday on GitHub, Monday in ISO).
    pub fn cell(&self, index: usize, week_start: Weekday) -> (usize, usize) {
        let offset = self.lead(week_start) + index;
        (offset / 7, offset % 7)
    }

    /// The number of week columns the grid needs.
    pub fn weeks(&self, week_start: Weekday) -> usize {
        (self.lead(week_start) + self.days.len()).div_ceil(7)
    }

    /// An intensity from 0 (no reviews) to 4 (the busiest days), in
    /// quarters of [`Heatmap::max`], like GitHub's contribution colours.
    pub fn level(&self, count: usize) -> u8 {
        if count == 0 || self.max == 0 {
            return 0;
        }
        (count * 4).div_ceil(self.max).min(4) as u8
    }

    /// Empty cells before the first day in its week column.
    fn lead(&self, week_start: Weekday) -> usize {
        self.first_weekday.days_since(week_start) as usize
    }
}
