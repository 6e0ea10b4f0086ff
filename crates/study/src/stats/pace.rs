//! How long a card takes this learner, for the home page's "about 4
//! minutes". The review log keeps when each answer was given, not how long
//! it took, so the pace is the median gap between answers given in one
//! sitting (at most [`SITTING_GAP`] apart).

use chrono::Duration;

use crate::progress::Progress;

/// Two answers further apart than this were not given in one sitting.
pub const SITTING_GAP: Duration = Duration::minutes(5);
/// The pace assumed until the log has [`MIN_GAPS`] gaps to measure.
pub const DEFAULT_SECONDS: i64 = 15;
/// How many in-sitting gaps the measured pace needs.
pub const MIN_GAPS: usize = 10;
/// How far back the pace looks, in answers.
const RECENT: usize = 200;

/// Seconds per card: the learner's own median, or [`DEFAULT_SECONDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    pub seconds_per_card: i64,
    /// Whether the figure was measured from the learner's log.
    pub measured: bool,
}

impl Pace {
    pub fn of(progress: &Progress) -> Pace {
        let recent = &progress.reviews[progress.reviews.len().saturating_sub(RECENT)..];
        // Gaps are whole seconds up to SITTING_GAP: counted per second, the
        // median needs no sort (and the home page ships no sorting code).
        let longest = SITTING_GAP.num_seconds() as usize;
        let mut per_second = vec![0usize; longest + 1];
        let mut gaps = 0;
        for w in recent.windows(2) {
            let gap = w[1].at - w[0].at;
            if gap > Duration::zero() && gap <= SITTING_GAP {
                per_second[gap.num_seconds().max(1) as usize] += 1;
                gaps += 1;
            }
        }
        if gaps < MIN_GAPS {
            return Pace {
                seconds_per_card: DEFAULT_SECONDS,
                measured: false,
            };
        }
        // The upper median, as gaps[len / 2] of the sorted gaps.
        let mut seen = 0;
        let median = per_second
            .iter()
            .position(|n| {
                seen += n;
                seen > gaps / 2
            })
            .unwrap_or(longest);
        Pace {
            seconds_per_card: median as i64,
            measured: true,
        }
    }

    /// How long `cards` take, in words: "under a minute", "about 1
    /// minute", "about 12 minutes".
    pub fn estimate(self, cards: usize) -> String {
        let seconds = self.seconds_per_card.saturating_mul(cards as i64);
        match (seconds + 59) / 60 {
            0 => "no time".to_owned(),
            1 if seconds < 60 => "under a minute".to_owned(),
            minutes => format!("about {}", crate::wording::count(minutes, "minute")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Grade, Scheduler};
    use chrono::{DateTime, Utc};

    fn answered_at(times: &[DateTime<Utc>]) -> Progress {
        let mut p = Progress::default();
        for (i, at) in times.iter().enumerate() {
            let card = format!("c{i}");
            let outcome = Scheduler::default().review(None, Grade::Good, *at);
            p.record(&card, &outcome, *at);
        }
        p
    }

    fn t0() -> DateTime<Utc> {
        "2026-06-01T08:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_new_learner_gets_the_default_pace() {
        let pace = Pace::of(&Progress::default());
        assert_eq!(
            pace,
            Pace {
                seconds_per_card: DEFAULT_SECONDS,
                measured: false
            }
        );
        assert_eq!(pace.estimate(20), "about 5 minutes");
    }

    #[test]
    fn the_pace_is_the_median_gap_within_a_sitting() {
        // Twelve answers 8 s apart, then one the next day: the day's
        // gap is not a card's time.
        let mut times: Vec<_> = (0..12).map(|i| t0() + Duration::seconds(8 * i)).collect();
        times.push(t0() + Duration::days(1));
        let pace = Pace::of(&answered_at(&times));
        assert_eq!(
            pace,
            Pace {
                seconds_per_card: 8,
                measured: true
            }
        );
        assert_eq!(pace.estimate(7), "under a minute");
        assert_eq!(pace.estimate(8), "about 2 minutes");
        assert_eq!(pace.estimate(0), "no time");
    }

    #[test]
    fn the_median_is_the_middle_gap_whatever_the_order() {
        // Gaps of 3, 40, 5, 9, 100, 7, 2, 60, 11, 6 and 8 s: sorted, the
        // middle one is 8.
        let mut at = t0();
        let mut times = vec![at];
        for gap in [3, 40, 5, 9, 100, 7, 2, 60, 11, 6, 8] {
            at += Duration::seconds(gap);
            times.push(at);
        }
        assert_eq!(Pace::of(&answered_at(&times)).seconds_per_card, 8);
    }

    #[test]
    fn too_few_gaps_keep_the_default() {
        let times: Vec<_> = (0..MIN_GAPS as i64)
            .map(|i| t0() + Duration::seconds(30 * i))
            .collect();
        assert!(!Pace::of(&answered_at(&times)).measured);
    }
}
