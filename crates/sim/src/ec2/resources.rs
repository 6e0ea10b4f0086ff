//! Volumes and snapshots: what EBS keeps of each, and the API's `Volume`
//! and `Snapshot` structures
//! (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Snapshot.html>).
//!
//! Timestamps (`CreateTime`, `StartTime`) are epoch seconds, as in every
//! JSON answer of the simulator; the Query endpoint writes them as ISO 8601.

use crate::platform::aws_enum::aws_enum;
use crate::platform::clock::Timestamp;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

aws_enum!(
    /// EBS volume types (`VolumeType`).
    VolumeType {
        Standard => "standard",
        Io1 => "io1",
        Io2 => "io2",
        Gp2 => "gp2",
        Sc1 => "sc1",
        St1 => "st1",
        Gp3 => "gp3",
    }
);

aws_enum!(
    /// The states the simulation uses of `VolumeState`.
    VolumeState {
        Creating => "creating",
        Available => "available",
        Error => "error",
    }
);

aws_enum!(
    /// The states the simulation uses of `SnapshotState`.
    SnapshotState {
        Pending => "pending",
        Completed => "completed",
        Error => "error",
    }
);

impl VolumeType {
    /// The sizes the type allows, in GiB.
    pub fn sizes(self) -> (i64, i64) {
        match self {
            VolumeType::Standard => (1, 1024),
            VolumeType::Io1 => (4, 16_384),
            VolumeType::Io2 => (4, 65_536),
            VolumeType::Gp2 | VolumeType::Gp3 => (1, 16_384),
            VolumeType::Sc1 | VolumeType::St1 => (125, 16_384),
        }
    }

    /// The baseline IOPS of a volume of `size` GiB, where the type has one.
    fn iops(self, size: i64) -> Option<i64> {
        match self {
            VolumeType::Gp2 => Some((size * 3).clamp(100, 16_000)),
            VolumeType::Gp3 => Some(3000),
            VolumeType::Io1 | VolumeType::Io2 => Some(100),
            _ => None,
        }
    }
}

/// How a volume or snapshot is encrypted: the KMS key (by ARN), the data
/// key it sealed, as `GenerateDataKeyWithoutPlaintext` returned it, and the
/// ID in the data key's encryption context (`aws:ebs:id`): a snapshot
/// shares its volume's data key, so that of the volume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encryption {
    pub key_arn: String,
    pub data_key: String,
    pub bound_to: String,
}

/// An EBS volume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Volume {
    pub id: String,
    pub owner: String,
    pub region: String,
    pub zone: String,
    pub size: i64,
    pub kind: VolumeType,
    pub encryption: Option<Encryption>,
    pub snapshot_id: Option<String>,
    pub created: Timestamp,
    pub state: VolumeState,
    /// Set when a KMS call failed: the volume goes to `error`, not `available`.
    pub failed: bool,
}

/// An EBS snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub id: String,
    pub owner: String,
    pub region: String,
    pub volume_id: String,
    pub volume_size: i64,
    pub description: String,
    pub encryption: Option<Encryption>,
    pub started: Timestamp,
    pub state: SnapshotState,
    pub state_message: Option<String>,
    /// Why the snapshot will go to `error` instead of `completed`.
    pub failure: Option<String>,
    /// The accounts in its `createVolumePermission`.
    pub shared_with: BTreeSet<String>,
    /// `createVolumePermission` holds the group `all`.
    pub public: bool,
}

impl Volume {
    /// The API's `Volume` structure.
    pub fn view(&self) -> Value {
        let mut m = Map::new();
        m.insert("AvailabilityZone".into(), json!(self.zone));
        m.insert("CreateTime".into(), json!(self.created));
        m.insert("Encrypted".into(), json!(self.encryption.is_some()));
        if let Some(e) = &self.encryption {
            m.insert("KmsKeyId".into(), json!(e.key_arn));
        }
        m.insert("Size".into(), json!(self.size));
        m.insert(
            "SnapshotId".into(),
            json!(self.snapshot_id.as_deref().unwrap_or_default()),
        );
        m.insert("State".into(), json!(self.state.as_str()));
        m.insert("VolumeId".into(), json!(self.id));
        if let Some(iops) = self.kind.iops(self.size) {
            m.insert("Iops".into(), json!(iops));
        }
        m.insert("VolumeType".into(), json!(self.kind.as_str()));
        if self.kind == VolumeType::Gp3 {
            m.insert("Throughput".into(), json!(125));
        }
        m.insert("MultiAttachEnabled".into(), json!(false));
        m.insert("Attachments".into(), json!([]));
        Value::Object(m)
    }
}

impl Snapshot {
    /// The API's `Snapshot` structure.
    pub fn view(&self) -> Value {
        let mut m = Map::new();
        m.insert("Description".into(), json!(self.description));
        m.insert("Encrypted".into(), json!(self.encryption.is_some()));
        if let Some(e) = &self.encryption {
            m.insert("KmsKeyId".into(), json!(e.key_arn));
        }
        m.insert("OwnerId".into(), json!(self.owner));
        let progress = match self.state {
            SnapshotState::Completed => "100%",
            _ => "",
        };
        m.insert("Progress".into(), json!(progress));
        m.insert("SnapshotId".into(), json!(self.id));
        m.insert("StartTime".into(), json!(self.started));
        m.insert("State".into(), json!(self.state.as_str()));
        if let Some(message) = &self.state_message {
            m.insert("StateMessage".into(), json!(message));
        }
        m.insert("VolumeId".into(), json!(self.volume_id));
        m.insert("VolumeSize".into(), json!(self.volume_size));
        m.insert("StorageTier".into(), json!("standard"));
        Value::Object(m)
    }

    /// Whether `account` may see and use the snapshot: it owns it, it is
    /// in the snapshot's `createVolumePermission`, or the snapshot is public.
    pub fn usable_by(&self, account: &str) -> bool {
        self.owner == account || self.public || self.shared_with.contains(account)
    }
}

/// A volume's ARN (`arn:aws:ec2:<region>:<account>:volume/<id>`).
pub fn volume_arn(region: &str, account: &str, id: &str) -> String {
    format!("arn:aws:ec2:{region}:{account}:volume/{id}")
}

/// A snapshot's ARN. EC2 writes no account in it:
/// `arn:aws:ec2:<region>::snapshot/<id>`
/// (<https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html#amazonec2-resources-for-iam-policies>).
pub fn snapshot_arn(region: &str, id: &str) -> String {
    format!("arn:aws:ec2:{region}::snapshot/{id}")
}
