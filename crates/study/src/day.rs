//! The study day: like Anki, KeyDeck rolls the day over at a local hour
//! (4 a.m. by default), so a session past midnight still counts as "today".
//!
//! Days are computed on local wall-clock time and converted to instants only
//! through a [`LocalClock`], so a daylight-saving change never shifts a day.

use chrono::{
    DateTime, Datelike, Duration, Month, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike,
    Utc,
};

use crate::wording::count;

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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the day must start at an hour from 0 to 23, not {0}")]
pub struct RolloverError(pub u8);

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

/// When something is due, from `now`, on the learner's wall clock: "now",
/// "in 5 minutes", "today at 18:30", "tomorrow at 09:30", "on 14 March 2026".
/// Today and tomorrow are calendar days, not study days.
pub fn describe_due(clock: &impl LocalClock, due: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (due - now).num_minutes();
    if minutes < 1 {
        return "now".to_owned();
    }
    if minutes < 60 {
        return format!("in {}", count(minutes, "minute"));
    }
    let (local, today) = (clock.to_local(due), clock.to_local(now).date());
    match (local.date() - today).num_days() {
        0 => format!("today at {}", clock_time(local)),
        1 => format!("tomorrow at {}", clock_time(local)),
        _ => format!("on {}", calendar_date(local.date())),
    }
}

/// When something happened, from `now`: "just now", "5 minutes ago",
/// "today at 08:15", "yesterday at 18:02", "on 2 March 2026".
pub fn describe_past(clock: &impl LocalClock, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (now - at).num_minutes();
    if minutes < 1 {
        return "just now".to_owned();
    }
    if minutes < 60 {
        return format!("{} ago", count(minutes, "minute"));
    }
    let (local, today) = (clock.to_local(at), clock.to_local(now).date());
    match (today - local.date()).num_days() {
        0 => format!("today at {}", clock_time(local)),
        1 => format!("yesterday at {}", clock_time(local)),
        _ => format!("on {}", calendar_date(local.date())),
    }
}

/// A wall-clock time as "09:30". Written from its fields rather than
/// through chrono's `format`, whose pattern interpreter would be the only
/// thing the study page needs from chrono's formatting code.
fn clock_time(local: NaiveDateTime) -> String {
    format!("{:02}:{:02}", local.hour(), local.minute())
}

/// A date as "14 March 2026" (chrono's `%-d %B %Y`), from its fields for
/// the same reason as [`clock_time`].
fn calendar_date(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month_name(date), date.year())
}

/// A date's month as "March", chrono's name for it.
fn month_name(date: NaiveDate) -> &'static str {
    u8::try_from(date.month())
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .map_or("", |m| m.name())
}

/// A date as "Mon 3 Mar" (chrono's `%a %-d %b`), for the progress
/// page's charts, from its fields for the same reason as [`clock_time`].
pub fn short_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        weekday_short(date),
        date.day(),
        month_short(date)
    )
}

/// A date as "Mon 3 Mar 2026" (chrono's `%a %-d %b %Y`).
pub fn short_date_with_year(date: NaiveDate) -> String {
    format!("{} {}", short_date(date), date.year())
}

/// A date's month as "Mar" (chrono's `%b`).
pub fn month_short(date: NaiveDate) -> &'static str {
    month_name(date).get(..3).unwrap_or_default()
}

/// A date as "2026-03-14" (chrono's `%Y-%m-%d`).
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

fn weekday_short(date: NaiveDate) -> &'static str {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    DAYS[date.weekday().num_days_from_monday() as usize]
}

/// How many calendar days on the learner's wall clock lie between `at`
/// and `now`: 0 the same day, 1 for yesterday.
pub fn calendar_days_ago(clock: &impl LocalClock, at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (clock.to_local(now).date() - clock.to_local(at).date()).num_days()
}

/// [`calendar_days_ago`] in words, for "since you last studied":
/// "earlier today", "yesterday", "3 days ago".
pub fn describe_days_ago(days: i64) -> String {
    match days {
        ..=0 => "earlier today".to_owned(),
        1 => "yesterday".to_owned(),
        n => format!("{} ago", count(n, "day")),
    }
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

    /// The charts' dates, written from their fields, read as chrono's
    /// patterns write them, on every day of four years, a leap year too.
    #[test]
    fn short_dates_read_as_chronos_patterns() {
        let mut day = date("2024-01-01");
        while day < date("2028-01-01") {
            assert_eq!(short_date(day), day.format("%a %-d %b").to_string());
            assert_eq!(
                short_date_with_year(day),
                day.format("%a %-d %b %Y").to_string()
            );
            assert_eq!(month_short(day), day.format("%b").to_string());
            assert_eq!(iso_date(day), day.format("%Y-%m-%d").to_string());
            day = day.succ_opt().unwrap();
        }
        assert_eq!(short_date_with_year(date("2024-02-29")), "Thu 29 Feb 2024");
        assert_eq!(iso_date(date("2026-03-04")), "2026-03-04");
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

    #[test]
    fn a_due_time_reads_in_minutes_then_by_calendar_day() {
        let now = utc("2026-01-10T09:00:00Z"); // 10:00 in Berlin
        let due = |minutes: i64| describe_due(&Berlin, now + Duration::minutes(minutes), now);
        assert_eq!(due(-5), "now");
        assert_eq!(due(0), "now");
        assert_eq!(due(1), "in 1 minute");
        assert_eq!(due(59), "in 59 minutes");
        assert_eq!(due(60 * 8), "today at 18:00");
        assert_eq!(
            due(60 * 14),
            "tomorrow at 00:00",
            "midnight starts a new calendar day"
        );
        assert_eq!(due(60 * 24 * 3), "on 13 January 2026");
    }

    #[test]
    fn a_past_time_reads_in_minutes_then_by_calendar_day() {
        let now = utc("2026-01-10T09:00:00Z");
        let past = |minutes: i64| describe_past(&Berlin, now - Duration::minutes(minutes), now);
        assert_eq!(past(0), "just now");
        assert_eq!(past(1), "1 minute ago");
        assert_eq!(past(45), "45 minutes ago");
        assert_eq!(past(60 * 2), "today at 08:00");
        assert_eq!(past(60 * 2 + 7), "today at 07:53");
        assert_eq!(past(60 * 12), "yesterday at 22:00");
        assert_eq!(past(60 * 24 * 8), "on 2 January 2026");
    }

    #[test]
    fn days_ago_count_calendar_days_on_the_local_clock() {
        // 09:00 UTC is 10:00 in Berlin.
        let now = utc("2026-01-10T09:00:00Z");
        let ago = |hours: i64| {
            describe_days_ago(calendar_days_ago(
                &Berlin,
                now - Duration::hours(hours),
                now,
            ))
        };
        assert_eq!(ago(9), "earlier today");
        assert_eq!(ago(11), "yesterday");
        assert_eq!(ago(24 * 3), "3 days ago");
    }

    #[test]
    fn wall_clock_times_hold_across_daylight_saving_changes() {
        // Berlin springs forward at 02:00 on 29 March 2026: 21:30 CET on the
        // 28th plus 24 hours is 22:30 CEST on the 29th, tomorrow.
        let now = utc("2026-03-28T20:30:00Z");
        assert_eq!(
            describe_due(&Berlin, now + Duration::hours(24), now),
            "tomorrow at 22:30"
        );
        // It falls back at 03:00 on 25 October: 25 hours after 00:30 CEST
        // on the 25th is 00:30 CET on the 26th.
        let now = utc("2026-10-24T22:30:00Z");
        assert_eq!(
            describe_due(&Berlin, now + Duration::hours(25), now),
            "tomorrow at 00:30"
        );
        assert_eq!(
            describe_past(&Berlin, now, now + Duration::hours(25)),
            "yesterday at 00:30"
        );
    }
}
