//! Replication to other Regions: CreateSecret's AddReplicaRegions,
//! ReplicateSecretToRegions, RemoveRegionsFromReplication and
//! StopReplicationToReplica. A replica is a read-only secret of the same
//! name and versions in its Region, each version re-encrypted under that
//! Region's key (the replica's KmsKeyId, or its `aws/secretsmanager`); the
//! primary's changes reach it as they are made
//! (<https://docs.aws.amazon.com/secretsmanager/latest/userguide/create-manage-multi-region-secrets.html>).

use crate::kms::ViaService;
use crate::platform::account::Region;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::principal::Caller;
use crate::platform::request::Request;
use crate::secretsmanager::access::{only_secret_id, Target};
use crate::secretsmanager::envelope::{open, seal};
use crate::secretsmanager::secret::{arn_in, Replica, Secret, Version, DEFAULT_KEY};
use crate::secretsmanager::store::{Key, SecretsManager};
use serde_json::{json, Value};

const IN_SYNC: &str = "InSync";
const FAILED: &str = "Failed";

/// One Region asked for, with the key its replica should use.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplicaRequest {
    pub region: String,
    pub kms_key_id: Option<String>,
}

/// The message for a Region that can't hold a replica (moto's record of
/// AWS's answer).
fn invalid_region() -> Error {
    Error::InvalidParameterException("Invalid replica region.".to_owned())
}

/// Reads a list of `{"Region", "KmsKeyId"}`.
pub fn read_regions(raw: Option<&Value>) -> Result<Vec<ReplicaRequest>, Error> {
    raw.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|r| {
            let region = r["Region"].as_str().unwrap_or_default();
            region.parse::<Region>().map_err(|_| invalid_region())?;
            Ok(ReplicaRequest {
                region: region.to_owned(),
                kms_key_id: r["KmsKeyId"].as_str().map(str::to_owned),
            })
        })
        .collect()
}

/// Refuses the primary's own Region and a Region named twice.
pub fn check_regions(secret: &Secret, asked: &[ReplicaRequest]) -> Result<(), Error> {
    for (i, r) in asked.iter().enumerate() {
        if r.region == secret.region || asked[..i].iter().any(|o| o.region == r.region) {
            return Err(invalid_region());
        }
    }
    Ok(())
}

/// Starts replicating the primary at `key` to the Regions asked for. A
/// Region that already has a secret of that name fails unless `force`.
pub fn add(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    key: &Key,
    asked: &[ReplicaRequest],
    force: bool,
) -> Result<(), Error> {
    check_regions(sm.at(key), asked)?;
    for r in asked {
        let primary = sm.at(key);
        if primary.replicas.iter().any(|x| x.region == r.region) {
            continue;
        }
        let there: Key = (
            (primary.account.clone(), r.region.clone()),
            primary.name.clone(),
        );
        let kms_key_id = r
            .kms_key_id
            .clone()
            .unwrap_or_else(|| DEFAULT_KEY.to_owned());
        let taken = sm.get(&there).is_some();
        let (status, message) = if taken && !force {
            (
                FAILED,
                format!(
                    "Replication failed: Secret name {} already exists in region {}.",
                    key.1, r.region
                ),
            )
        } else {
            sm.remove(&there);
            (IN_SYNC, "Replication succeeded".to_owned())
        };
        sm.at(key).replicas.push(Replica {
            region: r.region.clone(),
            kms_key_id,
            status: status.to_owned(),
            message,
        });
    }
    sync(sm, env, via, key);
    Ok(())
}

/// Brings every in-sync replica of the primary at `key` up to date: new
/// versions opened in the primary's Region and sealed again in the
/// replica's, labels, description, tags, rotation and policy copied. A
/// replica that can't be sealed is marked Failed with KMS's reason.
pub fn sync(sm: &mut SecretsManager, env: &Env<'_>, via: &mut ViaService<'_>, key: &Key) {
    let Some(primary) = sm.get(key).cloned() else {
        return;
    };
    for (i, rep) in primary.replicas.iter().enumerate() {
        if rep.status != IN_SYNC {
            continue;
        }
        let there: Key = (
            (primary.account.clone(), rep.region.clone()),
            primary.name.clone(),
        );
        let old = sm.get(&there).cloned();
        match replica_of(&primary, rep, old.as_ref(), env, via) {
            Ok(replica) => sm.insert(replica),
            Err(e) => {
                let status = &mut sm.at(key).replicas[i];
                status.status = FAILED.to_owned();
                status.message = e.message().unwrap_or(e.code()).to_owned();
            }
        }
    }
}

fn replica_of(
    primary: &Secret,
    rep: &Replica,
    old: Option<&Secret>,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
) -> Result<Secret, Error> {
    let region: Region = rep.region.parse().map_err(|_| invalid_region())?;
    let caller = Caller {
        region,
        ..env.caller.clone()
    };
    let there = env.as_caller(&caller);
    let arn = arn_in(&primary.arn, &primary.region, &rep.region);
    let mut versions = Vec::new();
    for v in &primary.versions {
        let kept = old.and_then(|o| o.version(&v.id));
        let version = match kept {
            Some(kept) => Version {
                stages: v.stages.clone(),
                ..kept.clone()
            },
            None => {
                let plain = open(via, env, &primary.arn, &v.id, &v.sealed)?;
                Version {
                    sealed: seal(via, &there, &rep.kms_key_id, &arn, &v.id, &plain)?,
                    kms_key_id: rep.kms_key_id.clone(),
                    ..v.clone()
                }
            }
        };
        versions.push(version);
    }
    Ok(Secret {
        arn,
        region: rep.region.clone(),
        kms_key_id: Some(rep.kms_key_id.clone()).filter(|k| k != DEFAULT_KEY),
        versions,
        last_accessed: old.and_then(|o| o.last_accessed),
        replicas: Vec::new(),
        primary_region: Some(primary.region.clone()),
        database: None,
        ..primary.clone()
    })
}

fn status_answer(secret: &Secret) -> Value {
    json!({"ARN": secret.arn, "ReplicationStatus": secret.replication_view()})
}

pub fn replicate_secret_to_regions(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    r.required_string("SecretId", 1, 2048);
    let asked = read_regions(r.raw("AddReplicaRegions"))?;
    let force = r.bool("ForceOverwriteReplicaSecret").unwrap_or(false);
    if asked.is_empty() {
        r.required_string_list("AddReplicaRegions", usize::MAX);
    }
    r.finish()?;
    let key = target.found()?;
    add(sm, env, via, &key, &asked, force)?;
    Ok(status_answer(sm.at(&key)))
}

pub fn remove_regions_from_replication(
    sm: &mut SecretsManager,
    _env: &Env<'_>,
    _via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    r.required_string("SecretId", 1, 2048);
    let regions = r
        .required_string_list("RemoveReplicaRegions", usize::MAX)
        .unwrap_or_default();
    r.finish()?;
    let key = target.found()?;
    let secret = sm.at(&key);
    if let Some(r) = regions
        .iter()
        .find(|r| !secret.replicas.iter().any(|x| &x.region == *r))
    {
        // AWS documents the refusal; the message follows its form.
        return Err(Error::InvalidParameterException(format!(
            "The secret isn't replicated to the Region {r}."
        )));
    }
    let replicated: Vec<bool> = regions
        .iter()
        .map(|r| {
            secret
                .replicas
                .iter()
                .any(|x| &x.region == r && x.status == IN_SYNC)
        })
        .collect();
    secret.replicas.retain(|x| !regions.contains(&x.region));
    let answer = status_answer(secret);
    for (region, ours) in regions.iter().zip(replicated) {
        if ours {
            sm.remove(&((key.0 .0.clone(), region.clone()), key.1.clone()));
        }
    }
    Ok(answer)
}

pub fn stop_replication_to_replica(
    sm: &mut SecretsManager,
    _env: &Env<'_>,
    _via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let key = only_secret_id(request, target)?;
    let replica = sm.at(&key);
    let Some(primary_region) = replica.primary_region.take() else {
        // AWS documents that this is called on a replica; the message follows its form.
        return Err(Error::InvalidRequestException(
            "This operation can only be called on a replica secret, in the replica's Region."
                .to_owned(),
        ));
    };
    let answer = json!({"ARN": replica.arn});
    let primary: Key = ((key.0 .0.clone(), primary_region), key.1.clone());
    if let Some(p) = sm.get_mut(&primary) {
        p.replicas.retain(|x| x.region != key.0 .1);
    }
    Ok(answer)
}
