//! CreateVolume and DescribeVolumes
//! (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html>).
//!
//! Encryption by default is off: a volume is encrypted when the request
//! says `Encrypted` (under `KmsKeyId`, or `aws/ebs` without one) or when
//! it is made from an encrypted snapshot (under that snapshot's key unless
//! `KmsKeyId` names another).

use crate::ec2::access::authorize;
use crate::ec2::encryption::{rewrap, seal, Source, DEFAULT_KEY};
use crate::ec2::input::{missing, passes, Input};
use crate::ec2::operation::Operation;
use crate::ec2::resources::{
    snapshot_arn, volume_arn, Encryption, Volume, VolumeState, VolumeType,
};
use crate::ec2::store::{check_volume_id, volume_not_found, Ec2};
use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use serde_json::Value;

/// The Availability Zone must be one of the caller's Region (`a` to `f`).
fn check_zone(env: &Env<'_>, zone: &str) -> Result<(), Error> {
    let region = env.caller.region.as_str();
    let ok = zone
        .strip_prefix(region)
        .is_some_and(|z| z.len() == 1 && ('a'..='f').contains(&z.chars().next().unwrap_or(' ')));
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidParameterValue(format!(
            "Invalid availability zone: [{zone}]"
        )))
    }
}

fn check_size(size: i64, min: i64, max: i64) -> Result<(), Error> {
    if size < min {
        return Err(Error::InvalidParameterValue(format!(
            "Volume of {size}GiB is too small; minimum is {min}GiB."
        )));
    }
    if size > max {
        return Err(Error::InvalidParameterValue(format!(
            "Volume of {size}GiB is too large; maximum is {max}GiB."
        )));
    }
    Ok(())
}

/// The encryption a new resource ends with: when its KMS calls failed, it
/// still names the key it asked for, and is marked to fail.
pub fn settled(
    sealed: Option<Result<Encryption, Error>>,
    wanted: String,
) -> (Option<Encryption>, bool) {
    match sealed {
        None => (None, false),
        Some(Ok(e)) => (Some(e), false),
        Some(Err(_)) => (
            Some(Encryption {
                key_arn: wanted,
                data_key: String::new(),
                bound_to: String::new(),
            }),
            true,
        ),
    }
}

pub fn create_volume(
    ec2: &mut Ec2,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let input = Input::new(request)?;
    let zone = input.required("AvailabilityZone")?;
    let size = input.int("Size")?;
    let snapshot_id = input.string("SnapshotId")?;
    let (encrypted, key_id) = input.encryption()?;
    let kind = match input.string("VolumeType")? {
        None => VolumeType::Gp2,
        Some(t) => VolumeType::parse(&t).ok_or_else(|| {
            Error::InvalidParameterValue(format!(
                "Value ({t}) for parameter volumeType is invalid. Allowed values are: [{}]",
                VolumeType::ALL.join(", ")
            ))
        })?,
    };
    if size.is_none() && snapshot_id.is_none() {
        return Err(missing("size or snapshotId"));
    }
    check_zone(env, &zone)?;
    let (region, account) = (env.caller.region.clone(), env.caller.account().clone());
    let id = env.rng().resource_id("vol");
    let mut resources = vec![volume_arn(region.as_str(), account.as_str(), &id)];
    if let Some(s) = &snapshot_id {
        resources.push(snapshot_arn(region.as_str(), s));
    }
    authorize(env, Operation::CreateVolume, &resources)?;
    input.dry_run()?;
    let source = match &snapshot_id {
        Some(s) => Some(ec2.usable_snapshot(env, region.as_str(), s)?.clone()),
        None => None,
    };
    let (min, max) = kind.sizes();
    let min = min.max(source.as_ref().map_or(0, |s| s.volume_size));
    let size = size
        .or(source.as_ref().map(|s| s.volume_size))
        .unwrap_or(min);
    check_size(size, min, max)?;
    let sealed = match source.as_ref().and_then(|s| s.encryption.as_ref()) {
        Some(e) => {
            let from = Source {
                region: &region,
                encryption: e,
            };
            Some(rewrap(via, env, &from, key_id.as_deref(), &id))
        }
        None if encrypted => Some(seal(
            via,
            env,
            key_id.as_deref().unwrap_or(DEFAULT_KEY),
            &id,
        )),
        None => None,
    };
    let wanted = key_id
        .clone()
        .or_else(|| {
            source
                .as_ref()?
                .encryption
                .as_ref()
                .map(|e| e.key_arn.clone())
        })
        .unwrap_or_else(|| DEFAULT_KEY.to_owned());
    let (encryption, failed) = settled(sealed, wanted);
    let volume = Volume {
        id,
        owner: account.to_string(),
        region: region.to_string(),
        zone,
        size,
        kind,
        encryption,
        snapshot_id,
        created: env.now,
        state: VolumeState::Creating,
        failed,
    };
    let view = volume.view();
    ec2.volumes.push(volume);
    Ok(view)
}

pub fn describe_volumes(
    ec2: &mut Ec2,
    env: &Env<'_>,
    _via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let input = Input::new(request)?;
    let ids = input.strings("VolumeIds")?;
    let filters = input.filters()?;
    authorize(env, Operation::DescribeVolumes, &[])?;
    input.dry_run()?;
    let (region, account) = (env.caller.region.as_str(), env.caller.account().as_str());
    let mine = |v: &&Volume| v.region == region && v.owner == account;
    for id in &ids {
        check_volume_id(id)?;
        if !ec2.volumes.iter().filter(mine).any(|v| &v.id == id) {
            return Err(volume_not_found(id));
        }
    }
    let mut found = Vec::new();
    for v in ec2.volumes.iter().filter(mine) {
        if !ids.is_empty() && !ids.contains(&v.id) {
            continue;
        }
        let values = |name: &str| -> Option<Vec<String>> {
            Some(vec![match name {
                "volume-id" => v.id.clone(),
                "status" => v.state.as_str().to_owned(),
                "encrypted" => v.encryption.is_some().to_string(),
                "availability-zone" => v.zone.clone(),
                "snapshot-id" => v.snapshot_id.clone().unwrap_or_default(),
                "size" => v.size.to_string(),
                "volume-type" => v.kind.as_str().to_owned(),
                _ => return None,
            }])
        };
        if passes(&filters, values)? {
            found.push(v.view());
        }
    }
    input.page("Volumes", found, 5, 500)
}
