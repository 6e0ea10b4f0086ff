//! CopySnapshot: a copy in the caller's account and Region of a snapshot
//! it owns or that is shared with it, from any Region, re-encrypted under
//! `KmsKeyId` if given
//! (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CopySnapshot.html>).
//!
//! The copy's KMS calls are made as the caller while it answers (see
//! `encryption`). As in AWS, the call itself succeeds with the new
//! snapshot's ID, which is `pending`; if a KMS call failed (a key policy
//! that does not let the caller's account use the source key, say), the
//! copy then goes to `error` with the state message "Given key ID is not
//! accessible", and the trail shows which KMS call was denied.

use crate::ec2::access::authorize;
use crate::ec2::encryption::{rewrap, seal, Source, DEFAULT_KEY};
use crate::ec2::input::Input;
use crate::ec2::operation::Operation;
use crate::ec2::resources::{snapshot_arn, Snapshot, SnapshotState};
use crate::ec2::store::Ec2;
use crate::ec2::volumes::settled;
use crate::kms::ViaService;
use crate::platform::account::Region;
use crate::platform::env::Env;
use crate::platform::error::Error;
use serde_json::{json, Value};

/// The state message of a copy whose KMS calls failed.
pub const KEY_NOT_ACCESSIBLE: &str = "Given key ID is not accessible";

/// The volume ID every copy carries: "an arbitrary volume ID that should
/// not be used for any purpose".
const COPY_VOLUME_ID: &str = "vol-ffffffff";

pub fn copy_snapshot(
    ec2: &mut Ec2,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let input = Input::new(request)?;
    let source_id = input.required("SourceSnapshotId")?;
    let source_region = input.required("SourceRegion")?;
    let description = input.string("Description")?;
    let (encrypted, key_id) = input.encryption()?;
    let from: Region = source_region.parse().map_err(|_| {
        Error::InvalidParameterValue(format!(
            "Value ({source_region}) for parameter sourceRegion is invalid."
        ))
    })?;
    let (region, account) = (env.caller.region.clone(), env.caller.account().clone());
    let id = env.rng().resource_id("snap");
    let resources = [
        snapshot_arn(from.as_str(), &source_id),
        snapshot_arn(region.as_str(), &id),
    ];
    authorize(env, Operation::CopySnapshot, &resources)?;
    input.dry_run()?;
    let source = ec2.usable_snapshot(env, from.as_str(), &source_id)?.clone();
    if source.state != SnapshotState::Completed {
        return Err(Error::IncorrectState(format!(
            "Snapshot '{source_id}' is not in the 'completed' state."
        )));
    }
    let sealed = match &source.encryption {
        Some(e) => {
            let from = Source {
                region: &from,
                encryption: e,
            };
            let key = key_id.as_deref().unwrap_or(DEFAULT_KEY);
            Some(rewrap(via, env, &from, Some(key), &id))
        }
        None if encrypted => Some(seal(
            via,
            env,
            key_id.as_deref().unwrap_or(DEFAULT_KEY),
            &id,
        )),
        None => None,
    };
    let wanted = key_id.unwrap_or_else(|| DEFAULT_KEY.to_owned());
    let (encryption, failed) = settled(sealed, wanted);
    let copy = Snapshot {
        id: id.clone(),
        owner: account.to_string(),
        region: region.to_string(),
        volume_id: COPY_VOLUME_ID.to_owned(),
        volume_size: source.volume_size,
        description: description
            .unwrap_or_else(|| format!("[Copied {source_id} from {}]", source.region)),
        encryption,
        started: env.now,
        state: SnapshotState::Pending,
        state_message: None,
        failure: failed.then(|| KEY_NOT_ACCESSIBLE.to_owned()),
        shared_with: Default::default(),
        public: false,
    };
    ec2.snapshots.push(copy);
    Ok(json!({"SnapshotId": id}))
}
