//! The study day: like Anki, KeyDeck rolls the day over at a local hour
//! (4 a.m. by default), so a session past midnight still counts as "today".
//!
//! Days are computed on local wall-clock time and converted to instants only
//! through a [`LocalClock`], so a daylight-saving change never shifts a day.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use std::fmt;

/// The hour at which a new study day begins, 0–23.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rollover(u8);

impl Rollover {
    /// Anki's default: the day changes at 4 a.m. local time.
    pub const DEFAULT: Rollover = Rollover(4);

    pub fn new(hour: u8) -> Result<Self, RolloverError> {
        if hour < 24 {
            Ok(Rollover(hour))
        } else {
            Err(RolloverError(hour))
        }
    }

    pub fn hour(self) -> u8 {
        self.0
    }
}

impl Default for Rollover {
    fn default() -> Self {
        Rollover::DEFAULT
    }
}

/// A rollover hour outside 0–23.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RolloverError(pub u8);

impl fmt::Display for RolloverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the day must start at an hour from 0 to 23, not {}",
            self.0
        )
    }
}

impl std::error::Error for RolloverError {}

/// Converts between instants and the learner's wall-clock time.
///
/// The browser implements it with `Date`; tests use any chrono time zone.
pub trait LocalClock {
    fn to_local(&self, at: DateTime<Utc>) -> NaiveDateTime;
    /// The first instant whose local time is at or after `local`
    /// (a time inside a spring-forward gap maps to the end of the gap).
    fn to_utc(&self, local: NaiveDateTime) -> DateTime<Utc>;
}

impl<Tz: TimeZone> LocalClock for Tz {
    fn to_local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        at.with_timezone(self).naive_local()
    }

    fn to_utc(&self, local: NaiveDateTime) -> DateTime<Utc> {
        // A gap is at most a few hours; step forward a minute at a time until
        // the wall clock exists again.
        let mut probe = local;
        loop {
            if let Some(at) = self.from_local_datetime(&probe).earliest() {
                return at.with_timezone(&Utc);
            }
            probe += Duration::minutes(1);
        }
    }
}

/// The study day that the instant `at` belongs to.
pub fn study_day(clock: &impl LocalClock, at: DateTime<Utc>, rollover: Rollover) -> NaiveDate {
    (clock.to_local(at) - Duration::hours(i64::from(rollover.0))).date()
}

/// The instant at which the study day `day` begins.
pub fn day_start(clock: &impl LocalClock, day: NaiveDate, rollover: Rollover) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(u32::from(rollover.0), 0, 0).expect("hour is below 24");
    clock.to_utc(day.and_time(time))
}

/// The instant at which the study day after the one containing `at` begins:
/// anything due before it is due "today".
pub fn next_day_start(
    clock: &impl LocalClock,
    at: DateTime<Utc>,
    rollover: Rollover,
) -> DateTime<Utc> {
    let today = study_day(clock, at, rollover);
    day_start(clock, today.succ_opt().expect("date in range"), rollover)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Berlin;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_review_after_midnight_counts_for_the_previous_day() {
        // 02:30 in Berlin (CET, UTC+1) on 10 January is before the 4 a.m. rollover.
        let at = utc("2026-01-10T01:30:00Z");
        assert_eq!(
            study_day(&Berlin, at, Rollover::DEFAULT),
            date("2026-01-09")
        );
        assert_eq!(
            study_day(&Berlin, at, Rollover::new(0).unwrap()),
            date("2026-01-10")
        );
    }

    #[test]
    fn the_day_starts_at_the_rollover_hour_local_time() {
        assert_eq!(
            day_start(&Berlin, date("2026-01-10"), Rollover::DEFAULT),
            utc("2026-01-10T03:00:00Z")
        );
        assert_eq!(
            day_start(&Berlin, date("2026-07-10"), Rollover::DEFAULT),
            utc("2026-07-10T02:00:00Z")
        );
    }

    #[test]
    fn the_boundary_holds_across_the_spring_forward_change() {
        // Berlin moves from 02:00 CET to 03:00 CEST on 29 March 2026, so the
        // study day of 28 March is 23 hours long and 4 a.m. stays 4 a.m.
        let start_28 = day_start(&Berlin, date("2026-03-28"), Rollover::DEFAULT);
        let next = next_day_start(&Berlin, utc("2026-03-28T12:00:00Z"), Rollover::DEFAULT);
        assert_eq!(start_28, utc("2026-03-28T03:00:00Z"));
        assert_eq!(next, utc("2026-03-29T02:00:00Z"));
        assert_eq!((next - start_28).num_hours(), 23);
        assert_eq!(
            study_day(&Berlin, utc("2026-03-29T01:59:00Z"), Rollover::DEFAULT),
            date("2026-03-28")
        );
        assert_eq!(
            study_day(&Berlin, utc("2026-03-29T02:00:00Z"), Rollover::DEFAULT),
            date("2026-03-29")
        );
    }

    #[test]
    fn the_boundary_holds_across_the_fall_back_change() {
        // On 25 October 2026 Berlin repeats 02:00–03:00, so the study day of
        // 24 October is 25 hours long; 4 a.m. on the 25th is in CET.
        let start_24 = day_start(&Berlin, date("2026-10-24"), Rollover::DEFAULT);
        let next = next_day_start(&Berlin, utc("2026-10-24T12:00:00Z"), Rollover::DEFAULT);
        assert_eq!(next, utc("2026-10-25T03:00:00Z"));
        assert_eq!((next - start_24).num_hours(), 25);
    }

    #[test]
    fn a_rollover_inside_the_dst_gap_starts_when_the_clock_resumes() {
        // 02:30 does not exist in Berlin on 29 March 2026; the day begins at 03:00 CEST.
        let rollover = Rollover::new(2).unwrap();
        assert_eq!(
            day_start(&Berlin, date("2026-03-29"), rollover),
            utc("2026-03-29T01:00:00Z")
        );
    }

    #[test]
    fn rollover_hours_outside_the_day_are_refused() {
        assert_eq!(Rollover::new(24), Err(RolloverError(24)));
        assert_eq!(
            Rollover::new(30).unwrap_err().to_string(),
            "the day must start at an hour from 0 to 23, not 30"
        );
    }
}
