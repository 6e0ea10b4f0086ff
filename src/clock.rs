//! The browser's clock and time zone, through JavaScript's `Date`, for the
//! study crate's day arithmetic and its wording of times.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use keydeck_study::day::{self, LocalClock};

/// The learner's wall clock, as the browser knows it.
pub struct BrowserClock;

pub fn now() -> DateTime<Utc> {
    from_millis(js_sys::Date::now())
}

fn from_millis(ms: f64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms as i64).unwrap_or_default()
}

impl LocalClock for BrowserClock {
    fn to_local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        let d = js_sys::Date::new(&(at.timestamp_millis() as f64).into());
        NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
            .and_then(|day| day.and_hms_opt(d.get_hours(), d.get_minutes(), d.get_seconds()))
            .unwrap_or_default()
    }

    /// `Date` moves a time inside a spring-forward gap past the gap.
    fn to_utc(&self, local: NaiveDateTime) -> DateTime<Utc> {
        use chrono::{Datelike, Timelike};
        let d = js_sys::Date::new_with_year_month_day_hr_min_sec(
            local.year() as u32,
            local.month0() as i32,
            local.day() as i32,
            local.hour() as i32,
            local.minute() as i32,
            local.second() as i32,
        );
        from_millis(d.get_time())
    }
}

/// "in 5 minutes", "tomorrow at 09:30", "on 14 March 2026": when something is due.
pub fn describe_due(due: DateTime<Utc>, now: DateTime<Utc>) -> String {
    day::describe_due(&BrowserClock, due, now)
}

/// "5 minutes ago", "yesterday at 18:02", "on 2 March 2026".
pub fn describe_past(at: DateTime<Utc>) -> String {
    day::describe_past(&BrowserClock, at, now())
}
