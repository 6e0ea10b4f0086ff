//! Quiz seeds, written in base 36 for short `?seed=` links.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The seed of a quiz: the same seed and spec give the same quiz everywhere.
/// Printed and parsed as lowercase base 36 (`0-9a-z`, at most 13 characters),
/// and serialized as that string so no JavaScript number rounds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Seed(pub u64);

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Why a `?seed=` value is not a seed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SeedError {
    #[error("the quiz link has an empty seed")]
    Empty,
    /// A character outside `0-9a-z`.
    #[error("the quiz seed may hold only letters and digits, not \"{0}\"")]
    BadCharacter(char),
    #[error("the quiz seed is too long")]
    TooLarge,
}

impl fmt::Display for Seed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut digits = Vec::with_capacity(13);
        let mut n = self.0;
        loop {
            digits.push(DIGITS[(n % 36) as usize]);
            n /= 36;
            if n == 0 {
                break;
            }
        }
        digits.reverse();
        f.write_str(std::str::from_utf8(&digits).expect("base-36 digits are ASCII"))
    }
}

impl FromStr for Seed {
    type Err = SeedError;

    /// Reads base 36, ignoring case and surrounding spaces.
    fn from_str(s: &str) -> Result<Seed, SeedError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(SeedError::Empty);
        }
        s.chars().try_fold(Seed(0), |Seed(n), c| {
            let digit = c.to_digit(36).ok_or(SeedError::BadCharacter(c))?;
            n.checked_mul(36)
                .and_then(|n| n.checked_add(u64::from(digit)))
                .map(Seed)
                .ok_or(SeedError::TooLarge)
        })
    }
}

impl From<u64> for Seed {
    fn from(n: u64) -> Seed {
        Seed(n)
    }
}

impl Serialize for Seed {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Seed {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Seed, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_prints_as_short_base_36_and_reads_back() {
        for n in [0, 35, 36, 1_234_567_890, u64::MAX] {
            let text = Seed(n).to_string();
            assert!(text.len() <= 13, "{text}");
            assert_eq!(text.parse::<Seed>(), Ok(Seed(n)));
        }
        assert_eq!(Seed(36).to_string(), "10");
        assert_eq!(Seed(u64::MAX).to_string(), "3w5e11264sgsf");
        assert_eq!("  KeyDeck ".parse::<Seed>(), Ok("keydeck".parse().unwrap()));
    }

    #[test]
    fn a_bad_seed_says_why() {
        assert_eq!("".parse::<Seed>(), Err(SeedError::Empty));
        assert_eq!("ab-c".parse::<Seed>(), Err(SeedError::BadCharacter('-')));
        assert_eq!("3w5e11264sgsg".parse::<Seed>(), Err(SeedError::TooLarge));
        assert_eq!("é".parse::<Seed>(), Err(SeedError::BadCharacter('é')));
    }

    #[test]
    fn a_seed_is_stored_as_its_text() {
        let json = serde_json::to_string(&Seed(u64::MAX)).unwrap();
        assert_eq!(json, "\"3w5e11264sgsf\"");
        assert_eq!(serde_json::from_str::<Seed>(&json).unwrap(), Seed(u64::MAX));
    }
}
