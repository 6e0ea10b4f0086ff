//! Accounts and Regions: the identifiers every ARN is built from.

use std::fmt;
use std::str::FromStr;

/// A 12-digit AWS account ID, such as `111122223333`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccountId(String);

/// An AWS Region code, such as `eu-west-1`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Region(String);

/// Why an account ID or Region code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("account ID {0:?} must be exactly 12 digits")]
    Account(String),
    #[error("{0:?} is not a Region code such as us-east-1")]
    Region(String),
}

impl FromStr for AccountId {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, IdError> {
        if s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(AccountId(s.to_owned()))
        } else {
            Err(IdError::Account(s.to_owned()))
        }
    }
}

impl FromStr for Region {
    type Err = IdError;

    /// Region codes are `<partition area>-<direction>-<number>`, optionally
    /// with a `gov` infix, as in `us-gov-west-1`.
    fn from_str(s: &str) -> Result<Self, IdError> {
        let parts: Vec<&str> = s.split('-').collect();
        let (area, rest) = parts
            .split_first()
            .ok_or_else(|| IdError::Region(s.to_owned()))?;
        let well_formed = (3..=4).contains(&parts.len())
            && area.len() == 2
            && area.bytes().all(|b| b.is_ascii_lowercase())
            && rest[..rest.len() - 1]
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
            && rest[rest.len() - 1].parse::<u8>().is_ok_and(|n| n > 0);
        if well_formed {
            Ok(Region(s.to_owned()))
        } else {
            Err(IdError::Region(s.to_owned()))
        }
    }
}

impl AccountId {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The account's root principal, as it appears in key policies.
    pub fn root_arn(&self) -> String {
        format!("arn:aws:iam::{}:root", self.0)
    }
}

impl Region {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_ids_are_twelve_digits() {
        let id: AccountId = "111122223333".parse().unwrap();
        assert_eq!(id.root_arn(), "arn:aws:iam::111122223333:root");
        for bad in ["11112222333", "1111222233334", "11112222333a", ""] {
            assert_eq!(
                bad.parse::<AccountId>(),
                Err(IdError::Account(bad.to_owned()))
            );
        }
    }

    #[test]
    fn region_codes_follow_the_aws_shape() {
        for good in ["us-east-1", "eu-west-3", "ap-southeast-2", "us-gov-west-1"] {
            assert_eq!(good.parse::<Region>().unwrap().as_str(), good);
        }
        for bad in [
            "us-east",
            "useast1",
            "US-EAST-1",
            "us-east-0",
            "u-east-1",
            "us--1",
            "",
        ] {
            assert!(bad.parse::<Region>().is_err(), "{bad} should be refused");
        }
    }
}
