//! Which of the console's rows the chosen profile sees in the chosen
//! Region, as the AWS console of that account and Region lists them.

use crate::{ConsoleView, KeyRow, ParameterRow, SecretRow, SnapshotRow, VolumeRow};

fn kept<T: Clone>(rows: &[T], keep: impl Fn(&T) -> bool) -> Vec<T> {
    rows.iter().filter(|r| keep(r)).cloned().collect()
}

impl ConsoleView {
    /// The keys of `account` in `region`.
    pub fn keys_in(&self, account: &str, region: &str) -> Vec<KeyRow> {
        kept(&self.keys, |k| k.account == account && k.region == region)
    }

    /// The parameters of `account` in `region`.
    pub fn parameters_in(&self, account: &str, region: &str) -> Vec<ParameterRow> {
        kept(&self.parameters, |p| {
            p.account == account && p.region == region
        })
    }

    /// The secrets of `account` in `region`, replicas included.
    pub fn secrets_in(&self, account: &str, region: &str) -> Vec<SecretRow> {
        kept(&self.secrets, |s| {
            s.account == account && s.region == region
        })
    }

    /// The snapshots `account` can use in `region`: its own, those shared
    /// with it, and public ones.
    pub fn snapshots_for(&self, account: &str, region: &str) -> Vec<SnapshotRow> {
        kept(&self.snapshots, |s| {
            s.region == region && s.usable_by(account)
        })
    }

    /// The volumes of `account` in `region`.
    pub fn volumes_in(&self, account: &str, region: &str) -> Vec<VolumeRow> {
        kept(&self.volumes, |v| v.owner == account && v.region == region)
    }
}

impl SnapshotRow {
    /// Whether `account` owns the snapshot, is in its
    /// `createVolumePermission`, or may use it because it is public.
    pub fn usable_by(&self, account: &str) -> bool {
        self.owner == account || self.public || self.shared_with.iter().any(|a| a == account)
    }
}
