//! A key's rotation schedule and history. New material versions are added,
//! never replaced, so every ciphertext made before a rotation still
//! decrypts (<https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html>).

use super::crypto::{Material, SymmetricVersion};
use crate::platform::clock::{Timestamp, SECONDS_PER_DAY};
use crate::platform::random::Entropy;

/// On-demand rotations allowed in a key's lifetime (a quota AWS does not
/// adjust; it was 10 when on-demand rotation launched).
pub const ON_DEMAND_LIMIT: u32 = 25;
pub const DEFAULT_PERIOD_DAYS: i64 = 365;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RotationType {
    Automatic,
    OnDemand,
}

impl RotationType {
    pub fn as_str(self) -> &'static str {
        match self {
            RotationType::Automatic => "AUTOMATIC",
            RotationType::OnDemand => "ON_DEMAND",
        }
    }
}

/// A completed rotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RotationRecord {
    pub date: Timestamp,
    pub kind: RotationType,
}

/// A key's rotation schedule and history.
#[derive(Debug, Clone, Default)]
pub struct Rotation {
    pub enabled: bool,
    pub period_days: i64,
    pub next: Option<Timestamp>,
    pub on_demand_used: u32,
    pub history: Vec<RotationRecord>,
}

impl Rotation {
    pub fn enable(&mut self, now: Timestamp, period_days: i64) {
        self.enabled = true;
        self.period_days = period_days;
        self.next = Some(now + period_days * SECONDS_PER_DAY);
    }

    pub fn disable(&mut self) {
        self.enabled = false;
        self.next = None;
    }
}

/// Adds a new version of symmetric material.
pub fn add_version(material: &mut Material, at: Timestamp, rng: &mut Entropy) {
    if let Material::Symmetric(versions) = material {
        let number = versions.last().map_or(1, |v| v.number + 1);
        versions.push(SymmetricVersion {
            number,
            key: rng.key(),
            created: at,
        });
    }
}
