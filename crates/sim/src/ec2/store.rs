//! EBS's state: every volume and snapshot of every account and Region, in
//! the order they were made, and the lookups the operations share.
//!
//! Volumes and snapshots finish on their own: a new one is `creating` or
//! `pending` in the answer that makes it, and `available` or `completed`
//! (or `error`, when its KMS calls failed) from the next EC2 call on, or
//! as soon as the clock moves ([`Ec2::settle`]).

use crate::ec2::resources::{Snapshot, SnapshotState, Volume, VolumeState};
use crate::platform::env::Env;
use crate::platform::error::Error;

/// Every simulated account's and Region's volumes and snapshots.
#[derive(Debug, Clone, Default)]
pub struct Ec2 {
    pub volumes: Vec<Volume>,
    pub snapshots: Vec<Snapshot>,
}

/// `InvalidSnapshot.NotFound`, worded as EC2 words it.
pub fn snapshot_not_found(id: &str) -> Error {
    Error::InvalidSnapshotNotFound(format!("The snapshot '{id}' does not exist."))
}

/// `InvalidVolume.NotFound`, worded as EC2 words it.
pub fn volume_not_found(id: &str) -> Error {
    Error::InvalidVolumeNotFound(format!("The volume '{id}' does not exist."))
}

/// Whether `id` has EC2's form: `prefix-` and 8 or 17 hex digits.
fn well_formed(id: &str, prefix: &str) -> bool {
    id.strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|hex| {
            matches!(hex.len(), 8 | 17) && hex.bytes().all(|b| b.is_ascii_hexdigit())
        })
}

/// `Invalid id: "<id>" (expecting "<prefix>-...")`, unless `id` is well formed.
fn check_id(id: &str, prefix: &str, malformed: fn(String) -> Error) -> Result<(), Error> {
    if well_formed(id, prefix) {
        Ok(())
    } else {
        Err(malformed(format!(
            "Invalid id: \"{id}\" (expecting \"{prefix}-...\")"
        )))
    }
}

/// Fails with `InvalidSnapshotID.Malformed` unless `id` looks like a snapshot ID.
pub fn check_snapshot_id(id: &str) -> Result<(), Error> {
    check_id(id, "snap", Error::InvalidSnapshotIdMalformed)
}

/// Fails with `InvalidVolumeID.Malformed` unless `id` looks like a volume ID.
pub fn check_volume_id(id: &str) -> Result<(), Error> {
    check_id(id, "vol", Error::InvalidVolumeIdMalformed)
}

impl Ec2 {
    /// Finishes what was started: creating volumes become available,
    /// pending snapshots complete, and those whose KMS calls failed go to
    /// `error`.
    pub fn settle(&mut self) {
        for v in &mut self.volumes {
            if v.state == VolumeState::Creating {
                v.state = if v.failed {
                    VolumeState::Error
                } else {
                    VolumeState::Available
                };
            }
        }
        for s in &mut self.snapshots {
            if s.state == SnapshotState::Pending {
                match s.failure.take() {
                    Some(why) => {
                        s.state = SnapshotState::Error;
                        s.state_message = Some(why);
                    }
                    None => s.state = SnapshotState::Completed,
                }
            }
        }
    }

    /// The caller's volume `id` in the caller's Region.
    pub fn own_volume(&self, env: &Env<'_>, id: &str) -> Result<&Volume, Error> {
        check_volume_id(id)?;
        let (region, account) = (env.caller.region.as_str(), env.caller.account().as_str());
        self.volumes
            .iter()
            .find(|v| v.id == id && v.region == region && v.owner == account)
            .ok_or_else(|| volume_not_found(id))
    }

    /// Snapshot `id` in `region`, if the caller's account may use it.
    pub fn usable_snapshot(
        &self,
        env: &Env<'_>,
        region: &str,
        id: &str,
    ) -> Result<&Snapshot, Error> {
        check_snapshot_id(id)?;
        let account = env.caller.account().as_str();
        self.snapshots
            .iter()
            .find(|s| s.id == id && s.region == region && s.usable_by(account))
            .ok_or_else(|| snapshot_not_found(id))
    }

    /// The caller's own snapshot `id` in the caller's Region: only the
    /// owner may change, describe the attributes of, or delete a snapshot.
    pub fn own_snapshot_mut(&mut self, env: &Env<'_>, id: &str) -> Result<&mut Snapshot, Error> {
        check_snapshot_id(id)?;
        let (region, account) = (env.caller.region.as_str(), env.caller.account().as_str());
        self.snapshots
            .iter_mut()
            .find(|s| s.id == id && s.region == region && s.owner == account)
            .ok_or_else(|| snapshot_not_found(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_eight_or_seventeen_hex_digits() {
        assert!(check_snapshot_id("snap-0123456789abcdef0").is_ok());
        assert!(check_snapshot_id("snap-1234abcd").is_ok());
        assert_eq!(
            check_snapshot_id("snap-xyz").unwrap_err().message(),
            Some("Invalid id: \"snap-xyz\" (expecting \"snap-...\")")
        );
        assert_eq!(
            check_volume_id("snap-1234abcd").unwrap_err().code(),
            "InvalidVolumeID.Malformed"
        );
    }
}
