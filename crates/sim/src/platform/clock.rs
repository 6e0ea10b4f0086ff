//! The simulated clock. Nothing in the simulator reads the wall clock: key
//! rotation, deletion windows, import-token expiry and CloudTrail times all
//! follow this clock, which labs and tests move forward on purpose.

/// Seconds since the Unix epoch, as AWS's JSON timestamps count them.
pub type Timestamp = i64;

pub const SECONDS_PER_DAY: i64 = 86_400;

/// A clock that only moves when told to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    now: Timestamp,
}

/// 2026-01-01T00:00:00Z: a fixed start, so that runs are reproducible.
pub const DEFAULT_START: Timestamp = 1_767_225_600;

impl Default for Clock {
    fn default() -> Self {
        Clock::starting_at(DEFAULT_START)
    }
}

impl Clock {
    pub fn starting_at(now: Timestamp) -> Clock {
        Clock { now }
    }

    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// Moves the clock forward; a negative step is ignored, since time in the
    /// simulator, as in AWS, never runs backwards.
    pub fn advance_seconds(&mut self, seconds: i64) {
        self.now += seconds.max(0);
    }

    pub fn advance_days(&mut self, days: i64) {
        self.advance_seconds(days.saturating_mul(SECONDS_PER_DAY));
    }
}

/// Formats a timestamp as CloudTrail does: `2026-01-01T00:00:00Z`.
pub fn iso8601(t: Timestamp) -> String {
    let days = t.div_euclid(SECONDS_PER_DAY);
    let secs = t.rem_euclid(SECONDS_PER_DAY);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// Reads `2026-05-13T00:00:00Z` or `2026-05-13T00:00:00.000Z` (UTC, the
/// form AWS policy documents use); `None` for anything else.
pub fn parse_iso8601(s: &str) -> Option<Timestamp> {
    let s = s.strip_suffix('Z')?;
    let (date, time) = s.split_once('T')?;
    let time = time.split('.').next()?;
    let num = |p: &str| p.parse::<i64>().ok();
    let d: Vec<i64> = date.split('-').map(num).collect::<Option<_>>()?;
    let t: Vec<i64> = time.split(':').map(num).collect::<Option<_>>()?;
    let ([y, m, day], [h, min, sec]) = (d.as_slice(), t.as_slice()) else {
        return None;
    };
    let valid = (1..=12).contains(m) && (1..=31).contains(day) && *h < 24 && *min < 60 && *sec < 60;
    valid.then(|| days_from_civil(*y, *m, *day) * SECONDS_PER_DAY + h * 3600 + min * 60 + sec)
}

/// Days since 1970-01-01 of a proleptic Gregorian date: Howard Hinnant's
/// civil-to-days algorithm, the inverse of [`civil_from_days`].
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date `(year, month, day)` of a day since
/// 1970-01-01: Howard Hinnant's days-to-civil algorithm.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_undoes_formatting() {
        for t in [0, DEFAULT_START, 951_782_400, 4_102_444_799] {
            assert_eq!(parse_iso8601(&iso8601(t)), Some(t));
        }
        assert_eq!(
            parse_iso8601("2026-01-01T00:00:00.000Z"),
            Some(DEFAULT_START)
        );
        assert_eq!(parse_iso8601("2026-13-01T00:00:00Z"), None);
        assert_eq!(parse_iso8601("tomorrow"), None);
    }

    #[test]
    fn the_clock_starts_fixed_and_only_moves_forward() {
        let mut clock = Clock::default();
        assert_eq!(iso8601(clock.now()), "2026-01-01T00:00:00Z");
        clock.advance_days(365);
        clock.advance_seconds(-10);
        assert_eq!(iso8601(clock.now()), "2027-01-01T00:00:00Z");
    }

    #[test]
    fn iso8601_handles_leap_days() {
        assert_eq!(iso8601(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
    }
}
