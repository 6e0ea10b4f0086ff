//! Copying an encrypted EBS snapshot to another account: a snapshot under
//! `aws/ebs` cannot be shared; one under a customer managed key can, and
//! the other account copies it under a key of its own once the source
//! key's policy lets it use that key; a copy EBS cannot decrypt goes to
//! `error`
//! (<https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html>,
//! <https://docs.aws.amazon.com/ebs/latest/userguide/share-kms-key.html>,
//! <https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CopySnapshot.html>).

use keydeck_sim::ec2::KEY_NOT_ACCESSIBLE;
use keydeck_sim::kms::AccessDecision;
use keydeck_sim::{Caller, Principal};
use serde_json::{json, Value};

use super::calls::{any_succeeded, calls};
use super::services::Probe;
use super::state::{names_customer_key, your_keys};
use super::{Check, PARTNER_ACCOUNT, YOUR_ACCOUNT};
use crate::cli::{ADMIN_ROLE, ADMIN_SESSION};
use crate::session::Session;

pub(super) const CHECKS: &[(&str, Check)] = &[
    (
        "ebs-default-key-share-refused",
        ebs_default_key_share_refused,
    ),
    ("snapshot-under-customer-key", snapshot_under_customer_key),
    ("snapshot-shared-with-partner", snapshot_shared_with_partner),
    ("partner-copy-failed", partner_copy_failed),
    ("key-policy-lets-partner-copy", key_policy_lets_partner_copy),
    ("partner-copy-completed", partner_copy_completed),
    ("partner-volume-from-copy", partner_volume_from_copy),
];

/// ModifySnapshotAttribute was refused with OperationNotPermitted, as it is
/// for a snapshot under `aws/ebs`.
fn ebs_default_key_share_refused(session: &Session) -> bool {
    calls(session, "ModifySnapshotAttribute").any(|c| c.failed_with("OperationNotPermitted"))
}

/// One of your snapshots is encrypted under one of your customer managed
/// keys.
fn snapshot_under_customer_key(session: &Session) -> bool {
    !snapshots_under_your_keys(session, &mut Probe::new(session)).is_empty()
}

/// One of your snapshots under your customer managed key lets the partner
/// account create volumes from it.
fn snapshot_shared_with_partner(session: &Session) -> bool {
    let mut probe = Probe::new(session);
    snapshots_under_your_keys(session, &mut probe)
        .iter()
        .any(|id| {
            probe
                .list(
                    YOUR_ACCOUNT,
                    "ec2",
                    "DescribeSnapshotAttribute",
                    json!({"SnapshotId": id, "Attribute": "createVolumePermission"}),
                    "CreateVolumePermissions",
                )
                .iter()
                .any(|p| p["UserId"] == PARTNER_ACCOUNT)
        })
}

/// The partner owns a copy in state `error` because EBS could not use a
/// key ("Given key ID is not accessible").
fn partner_copy_failed(session: &Session) -> bool {
    partner_snapshots(session)
        .iter()
        .any(|s| s["State"] == "error" && s["StateMessage"] == KEY_NOT_ACCESSIBLE)
}

/// One of your keys lets the partner's administrator decrypt with it, as
/// EBS does for the partner to copy a snapshot under it: the key policy
/// names the partner, and the partner's IAM policy allows it.
fn key_policy_lets_partner_copy(session: &Session) -> bool {
    let (Ok(partner), Ok(region)) = (PARTNER_ACCOUNT.parse(), "us-east-1".parse()) else {
        return false;
    };
    let admin = Caller::new(Principal::role(&partner, ADMIN_ROLE, ADMIN_SESSION), region);
    your_keys(session).any(|k| {
        session
            .sim()
            .explain_access(&admin, "kms:Decrypt", &k.arn(), None)
            .is_ok_and(|e| e.decision == AccessDecision::Allow)
    })
}

/// A CopySnapshot by the partner succeeded and the partner owns a copy
/// that did not fail, encrypted under one of the partner's own customer
/// managed keys.
fn partner_copy_completed(session: &Session) -> bool {
    let copied =
        calls(session, "CopySnapshot").any(|c| c.succeeded() && c.account() == PARTNER_ACCOUNT);
    copied
        && partner_snapshots(session)
            .iter()
            .any(|s| s["State"] != "error" && under_partner_key(session, s))
}

/// The partner owns a volume made from one of its snapshots, encrypted
/// under one of the partner's own customer managed keys.
fn partner_volume_from_copy(session: &Session) -> bool {
    let partner_snapshots: Vec<Value> = partner_snapshots(session)
        .into_iter()
        .filter(|s| s["State"] != "error")
        .map(|s| s["SnapshotId"].clone())
        .collect();
    any_succeeded(session, "CreateVolume")
        && Probe::new(session)
            .list(
                PARTNER_ACCOUNT,
                "ec2",
                "DescribeVolumes",
                json!({}),
                "Volumes",
            )
            .iter()
            .any(|v| {
                v["State"] != "error"
                    && partner_snapshots.contains(&v["SnapshotId"])
                    && under_partner_key(session, v)
            })
}

/// The IDs of your snapshots encrypted under your customer managed keys.
fn snapshots_under_your_keys(session: &Session, probe: &mut Probe) -> Vec<String> {
    probe
        .list(
            YOUR_ACCOUNT,
            "ec2",
            "DescribeSnapshots",
            json!({"OwnerIds": ["self"]}),
            "Snapshots",
        )
        .iter()
        .filter(|s| {
            s["KmsKeyId"]
                .as_str()
                .is_some_and(|k| names_customer_key(session, YOUR_ACCOUNT, k))
        })
        .filter_map(|s| s["SnapshotId"].as_str().map(str::to_owned))
        .collect()
}

/// The snapshots the partner account owns.
fn partner_snapshots(session: &Session) -> Vec<Value> {
    Probe::new(session).list(
        PARTNER_ACCOUNT,
        "ec2",
        "DescribeSnapshots",
        json!({"OwnerIds": ["self"]}),
        "Snapshots",
    )
}

/// A snapshot or volume encrypted under a customer managed key of the
/// partner's.
fn under_partner_key(session: &Session, resource: &Value) -> bool {
    resource["Encrypted"] == true
        && resource["KmsKeyId"]
            .as_str()
            .is_some_and(|k| names_customer_key(session, PARTNER_ACCOUNT, k))
}
