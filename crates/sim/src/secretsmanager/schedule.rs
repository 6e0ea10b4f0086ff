//! Rotation schedules: `AutomaticallyAfterDays`, `rate(N hours|days)` (at
//! least every four hours, at most every 1000 days) and `cron(minutes
//! hours day-of-month month day-of-week year)`, and when each next falls
//! due on the simulated clock
//! (<https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_schedule.html>).
//!
//! Cron fields take numbers, `*`, `?`, lists (`1,15`), ranges (`MON-FRI`)
//! and steps (`*/2`, `0/6`); day-of-week counts SUN as 1 as AWS does, and
//! `L`, `W` and `#` are not read.

use crate::platform::clock::{civil_from_days, Timestamp, SECONDS_PER_DAY};
use crate::platform::error::Error;

const HOUR: i64 = 3_600;

/// When a rotation comes due again.
#[derive(Debug, Clone, PartialEq)]
pub enum Schedule {
    /// A fixed period after the last rotation, in seconds.
    Every(i64),
    Cron(Cron),
}

/// The fields of a cron expression, each the set of values it allows.
#[derive(Debug, Clone, PartialEq)]
pub struct Cron {
    minutes: Vec<u32>,
    hours: Vec<u32>,
    days: Vec<u32>,
    months: Vec<u32>,
    weekdays: Vec<u32>,
    years: Option<Vec<u32>>,
}

fn invalid(expression: &str) -> Error {
    // AWS documents the rules, not the message; this follows its form.
    Error::InvalidParameterException(format!(
        "The schedule expression {expression} is not valid. Use rate(N hours), rate(N days) or cron() with at least four hours between rotations."
    ))
}

/// Reads `rate(...)` or `cron(...)`.
pub fn parse(expression: &str) -> Result<Schedule, Error> {
    let bad = || invalid(expression);
    if let Some(inner) = expression
        .strip_prefix("rate(")
        .and_then(|s| s.strip_suffix(')'))
    {
        let (n, unit) = inner.trim().split_once(' ').ok_or_else(bad)?;
        let n: i64 = n.parse().map_err(|_| bad())?;
        let seconds = match unit.trim() {
            "hour" | "hours" if (4..=24_000).contains(&n) => n * HOUR,
            "day" | "days" if (1..=1000).contains(&n) => n * SECONDS_PER_DAY,
            _ => return Err(bad()),
        };
        return Ok(Schedule::Every(seconds));
    }
    let inner = expression
        .strip_prefix("cron(")
        .and_then(|s| s.strip_suffix(')'))
        .ok_or_else(bad)?;
    let fields: Vec<&str> = inner.split_whitespace().collect();
    let [min, hour, dom, mon, dow, year] = fields.as_slice() else {
        return Err(bad());
    };
    let any = |f: &str| f == "?" || f == "*";
    // One of day-of-month and day-of-week is `?`, as in every AWS cron.
    if (*dom == "?") == (*dow == "?") {
        return Err(bad());
    }
    let months = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    let days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    let cron = Cron {
        minutes: field(min, 0, 59, &[]).ok_or_else(bad)?,
        hours: field(hour, 0, 23, &[]).ok_or_else(bad)?,
        days: field(dom, 1, 31, &[]).ok_or_else(bad)?,
        months: field(mon, 1, 12, &months).ok_or_else(bad)?,
        weekdays: field(dow, 1, 7, &days).ok_or_else(bad)?,
        years: if any(year) {
            None
        } else {
            Some(field(year, 1970, 2199, &[]).ok_or_else(bad)?)
        },
    };
    // At least four hours apart: no more than six times a day.
    if cron.hours.len() > 6 || cron.minutes.len() > 1 {
        return Err(bad());
    }
    Ok(Schedule::Cron(cron))
}

/// The values one cron field allows, from `lo` to `hi`; `names` spell
/// the values from `lo` on.
fn field(text: &str, lo: u32, hi: u32, names: &[&str]) -> Option<Vec<u32>> {
    let value = |s: &str| -> Option<u32> {
        let n = names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(s))
            .map(|i| lo + i as u32)
            .or_else(|| s.parse().ok())?;
        (lo..=hi).contains(&n).then_some(n)
    };
    let mut out = Vec::new();
    for part in text.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((r, s)) => (r, s.parse::<u32>().ok().filter(|s| *s > 0)?),
            None => (part, 1),
        };
        let (a, b) = match range {
            "*" | "?" => (lo, hi),
            r => match r.split_once('-') {
                Some((a, b)) => (value(a)?, value(b)?),
                None if step > 1 => (value(r)?, hi),
                None => (value(r)?, value(r)?),
            },
        };
        out.extend((a..=b).step_by(step as usize));
    }
    out.sort_unstable();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

impl Cron {
    fn matches(&self, t: Timestamp) -> bool {
        let days = t.div_euclid(SECONDS_PER_DAY);
        let (y, m, d) = civil_from_days(days);
        // 1970-01-01 was a Thursday, day 5 counting Sunday as 1.
        let weekday = ((days + 4).rem_euclid(7) + 1) as u32;
        let secs = t.rem_euclid(SECONDS_PER_DAY);
        let (hour, minute) = ((secs / HOUR) as u32, (secs / 60 % 60) as u32);
        self.minutes.contains(&minute)
            && self.hours.contains(&hour)
            && self.days.contains(&d)
            && self.months.contains(&m)
            && self.weekdays.contains(&weekday)
            && self
                .years
                .as_ref()
                .is_none_or(|ys| u32::try_from(y).is_ok_and(|y| ys.contains(&y)))
    }

    /// The first matching minute after `after`, looking five years ahead.
    fn next(&self, after: Timestamp) -> Option<Timestamp> {
        let minute = self.minutes[0] as i64 * 60;
        let mut t = after - after.rem_euclid(HOUR) + minute;
        if t <= after {
            t += HOUR;
        }
        let limit = after + 5 * 366 * SECONDS_PER_DAY;
        while t <= limit {
            if self.matches(t) {
                return Some(t);
            }
            t += HOUR;
        }
        None
    }
}

impl Schedule {
    /// When the rotation after one at `last` is due.
    pub fn next(&self, last: Timestamp) -> Option<Timestamp> {
        match self {
            Schedule::Every(seconds) => Some(last + seconds),
            Schedule::Cron(c) => c.next(last),
        }
    }
}

/// Reads a Duration (`"3h"`, 1 to 24 hours), the rotation window's length.
pub fn check_duration(duration: &str) -> Result<(), Error> {
    let hours = duration
        .strip_suffix('h')
        .and_then(|h| h.parse::<u32>().ok());
    match hours {
        Some(1..=24) => Ok(()),
        _ => Err(Error::InvalidParameterException(format!(
            "The rotation window duration {duration} is not valid. Specify a number of hours from 1h to 24h."
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::clock::parse_iso8601;

    fn at(s: &str) -> Timestamp {
        parse_iso8601(s).unwrap()
    }

    #[test]
    fn rates_go_down_to_four_hours() {
        assert_eq!(parse("rate(4 hours)"), Ok(Schedule::Every(4 * HOUR)));
        assert_eq!(
            parse("rate(10 days)"),
            Ok(Schedule::Every(10 * SECONDS_PER_DAY))
        );
        assert!(parse("rate(3 hours)").is_err());
        assert!(parse("rate(1001 days)").is_err());
        assert!(parse("every day").is_err());
    }

    #[test]
    fn cron_finds_the_next_matching_hour() {
        let daily = parse("cron(0 16 * * ? *)").unwrap();
        assert_eq!(
            daily.next(at("2026-01-01T00:00:00Z")),
            Some(at("2026-01-01T16:00:00Z"))
        );
        // 2026-01-01 is a Thursday; the next Monday is the 5th.
        let mondays = parse("cron(0 8 ? * MON *)").unwrap();
        assert_eq!(
            mondays.next(at("2026-01-01T00:00:00Z")),
            Some(at("2026-01-05T08:00:00Z"))
        );
        let first = parse("cron(30 0/6 1 * ? *)").unwrap();
        assert_eq!(
            first.next(at("2026-01-01T06:30:00Z")),
            Some(at("2026-01-01T12:30:00Z"))
        );
    }

    #[test]
    fn cron_refuses_more_than_every_four_hours_and_bad_fields() {
        assert!(parse("cron(0 * * * ? *)").is_err());
        assert!(parse("cron(0 8 * * *)").is_err());
        assert!(parse("cron(0 25 * * ? *)").is_err());
    }
}
