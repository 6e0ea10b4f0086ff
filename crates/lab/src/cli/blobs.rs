//! Blob and timestamp values.
//!
//! Blobs: with the default `cli_binary_format` of `base64`
//! (<https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html#cli-config-cli_binary_format>),
//! a blob typed on the command line or read with `file://` is base64 text,
//! decoded with Python's `base64.b64decode`: characters outside the base64
//! alphabet are skipped, decoding stops at complete padding, and a wrong
//! length fails with `Invalid base64: "<value>"`
//! (aws-cli `awscli/customizations/binaryformat.py`). That leniency is
//! Python's own (`binascii.a2b_base64` in non-strict mode), which no base64
//! crate reproduces, so the decoding loop is written out here.
//!
//! Timestamps: ISO 8601 or epoch seconds, sent as epoch seconds.

use keydeck_sim::platform::clock::{civil_from_days, days_from_civil};

use super::errors::CliError;

/// `base64.b64decode(value)` as the CLI calls it.
pub fn decode_base64(value: &str) -> Result<Vec<u8>, CliError> {
    if !value.is_ascii() {
        return Err(CliError::General(
            "string argument should contain only ASCII characters".to_owned(),
        ));
    }
    lenient_decode(value.as_bytes())
        .ok_or_else(|| CliError::General(format!("Invalid base64: \"{value}\"")))
}

fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// `binascii.a2b_base64(data, strict_mode=False)`.
fn lenient_decode(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    let (mut quad, mut left, mut pads) = (0u8, 0u8, 0u8);
    for &c in data {
        if c == b'=' {
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    return Some(out);
                }
            }
            continue;
        }
        let Some(v) = sextet(c) else { continue };
        pads = 0;
        match quad {
            0 => {
                left = v;
                quad = 1;
            }
            1 => {
                out.push((left << 2) | (v >> 4));
                left = v & 0x0f;
                quad = 2;
            }
            2 => {
                out.push((left << 4) | (v >> 2));
                left = v & 0x03;
                quad = 3;
            }
            _ => {
                out.push((left << 6) | v);
                quad = 0;
            }
        }
    }
    (quad == 0).then_some(out)
}

/// A timestamp as the CLI prints it by default (`cli_timestamp_format
/// = iso8601`, Python's `isoformat()`), in UTC: `2026-01-01T00:00:00+00:00`.
pub fn iso8601(epoch: i64) -> String {
    let (days, secs) = (epoch.div_euclid(86_400), epoch.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+00:00",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

fn number(s: &str) -> Option<i64> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Epoch seconds of a timestamp typed on the command line: epoch seconds,
/// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`.
pub fn parse_timestamp(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(n) = s.parse::<f64>() {
        return Some(n as i64);
    }
    let (date, time) = s.split_once(['T', ' ']).unwrap_or((s, "00:00:00"));
    let mut ymd = date.split('-');
    let (y, m, d) = (
        number(ymd.next()?)?,
        number(ymd.next()?)?,
        number(ymd.next()?)?,
    );
    if ymd.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let (clock, offset) = split_offset(time)?;
    let mut hms = clock.split(':');
    let h = number(hms.next()?)?;
    let min = number(hms.next().unwrap_or("0"))?;
    let sec = hms
        .next()
        .map_or(Some(0), |x| number(x.split('.').next()?))?;
    if h > 23 || min > 59 || sec > 60 {
        return None;
    }
    Some(days_from_civil(y, m, d) * 86_400 + h * 3600 + min * 60 + sec - offset)
}

/// Splits `HH:MM:SS+02:00` into the clock and the offset in seconds.
fn split_offset(time: &str) -> Option<(&str, i64)> {
    if let Some(clock) = time.strip_suffix('Z') {
        return Some((clock, 0));
    }
    match time.rfind(['+', '-']) {
        Some(at) => {
            let sign = if &time[at..=at] == "-" { -1 } else { 1 };
            let (h, m) = time[at + 1..]
                .split_once(':')
                .unwrap_or((&time[at + 1..], "0"));
            Some((&time[..at], sign * (number(h)? * 3600 + number(m)? * 60)))
        }
        None => Some((time, 0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_decoded_as_python_decodes_it() {
        assert_eq!(decode_base64("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decode_base64("aGVs\nbG8=\n").unwrap(), b"hello");
        assert_eq!(decode_base64("aGVsbG8=trailing").unwrap(), b"hello");
        assert_eq!(decode_base64("").unwrap(), b"");
        assert!(decode_base64("hello").is_err());
        assert!(decode_base64("aGk").is_err());
    }

    #[test]
    fn timestamps_round_trip() {
        assert_eq!(iso8601(1_767_225_600), "2026-01-01T00:00:00+00:00");
        assert_eq!(parse_timestamp("2026-01-01"), Some(1_767_225_600));
        assert_eq!(
            parse_timestamp("2026-01-01T01:00:00+01:00"),
            Some(1_767_225_600)
        );
        assert_eq!(parse_timestamp("1767225600"), Some(1_767_225_600));
        assert_eq!(parse_timestamp("soon"), None);
    }
}
