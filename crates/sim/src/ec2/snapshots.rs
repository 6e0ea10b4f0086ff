//! CreateSnapshot, DescribeSnapshots and DeleteSnapshot
//! (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSnapshots.html>).
//!
//! A snapshot of an encrypted volume is encrypted under the volume's key
//! with the volume's data key; taking it calls KMS for nothing. A caller
//! sees its own snapshots and those shared with its account.

use crate::ec2::access::authorize;
use crate::ec2::input::{passes, Input};
use crate::ec2::operation::Operation;
use crate::ec2::resources::{snapshot_arn, volume_arn, Snapshot, SnapshotState};
use crate::ec2::store::{check_snapshot_id, snapshot_not_found, Ec2};
use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use serde_json::{json, Value};

pub fn create_snapshot(
    ec2: &mut Ec2,
    env: &Env<'_>,
    _via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let input = Input::new(request)?;
    let volume_id = input.required("VolumeId")?;
    let description = input.string("Description")?.unwrap_or_default();
    let (region, account) = (env.caller.region.as_str(), env.caller.account().as_str());
    let id = env.rng().resource_id("snap");
    let resources = [
        volume_arn(region, account, &volume_id),
        snapshot_arn(region, &id),
    ];
    authorize(env, Operation::CreateSnapshot, &resources)?;
    input.dry_run()?;
    let volume = ec2.own_volume(env, &volume_id)?;
    let snapshot = Snapshot {
        id,
        owner: account.to_owned(),
        region: region.to_owned(),
        volume_id,
        volume_size: volume.size,
        description,
        encryption: volume.encryption.clone(),
        started: env.now,
        state: SnapshotState::Pending,
        state_message: None,
        failure: None,
        shared_with: Default::default(),
        public: false,
    };
    let view = snapshot.view();
    ec2.snapshots.push(snapshot);
    Ok(view)
}

/// Whether `owners` (`OwnerIds`: account IDs, `self`, `amazon`) includes
/// the snapshot's owner.
fn owned_by(s: &Snapshot, owners: &[String], me: &str) -> bool {
    owners.is_empty()
        || owners
            .iter()
            .any(|o| o == &s.owner || (o == "self" && s.owner == me))
}

/// Whether every account in `users` (`RestorableByUserIds`: account IDs,
/// `self`, `all`) may create volumes from the snapshot.
fn restorable_by(s: &Snapshot, users: &[String], me: &str) -> bool {
    users.iter().all(|u| match u.as_str() {
        "all" => s.public,
        "self" => s.usable_by(me),
        account => s.usable_by(account),
    })
}

pub fn describe_snapshots(
    ec2: &mut Ec2,
    env: &Env<'_>,
    _via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let input = Input::new(request)?;
    let ids = input.strings("SnapshotIds")?;
    let owners = input.strings("OwnerIds")?;
    let restorable = input.strings("RestorableByUserIds")?;
    let filters = input.filters()?;
    authorize(env, Operation::DescribeSnapshots, &[])?;
    input.dry_run()?;
    let (region, me) = (env.caller.region.as_str(), env.caller.account().as_str());
    for id in &ids {
        ec2.usable_snapshot(env, region, id)?;
    }
    let mut found = Vec::new();
    for s in &ec2.snapshots {
        let wanted = s.region == region
            && s.usable_by(me)
            && (ids.is_empty() || ids.contains(&s.id))
            && owned_by(s, &owners, me)
            && restorable_by(s, &restorable, me);
        if !wanted {
            continue;
        }
        let values = |name: &str| -> Option<Vec<String>> {
            Some(vec![match name {
                "snapshot-id" => s.id.clone(),
                "status" => s.state.as_str().to_owned(),
                "encrypted" => s.encryption.is_some().to_string(),
                "volume-id" => s.volume_id.clone(),
                "owner-id" => s.owner.clone(),
                "description" => s.description.clone(),
                "volume-size" => s.volume_size.to_string(),
                "kms-key-id" => s
                    .encryption
                    .as_ref()
                    .map(|e| e.key_arn.clone())
                    .unwrap_or_default(),
                _ => return None,
            }])
        };
        if passes(&filters, values)? {
            found.push(s.view());
        }
    }
    input.page("Snapshots", found, 5, 1000)
}

pub fn delete_snapshot(
    ec2: &mut Ec2,
    env: &Env<'_>,
    _via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let input = Input::new(request)?;
    let id = input.required("SnapshotId")?;
    check_snapshot_id(&id)?;
    let region = env.caller.region.as_str();
    authorize(env, Operation::DeleteSnapshot, &[snapshot_arn(region, &id)])?;
    input.dry_run()?;
    let account = env.caller.account().as_str();
    let at = ec2
        .snapshots
        .iter()
        .position(|s| s.id == id && s.region == region && s.owner == account)
        .ok_or_else(|| snapshot_not_found(&id))?;
    ec2.snapshots.remove(at);
    Ok(json!({}))
}
