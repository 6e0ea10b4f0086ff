//! Multi-Region keys: ReplicateKey and UpdatePrimaryRegion. Related keys
//! share their `mrk-` key ID, key material and rotation; policies,
//! aliases, tags, grants and key state belong to each Region
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html>).

use super::key_policy::check_new_policy;
use super::tags::{apply, parse_tags, tags_json};
use crate::kms::authorization::key_state::require_not_pending_deletion;
use crate::kms::authorization::lookup::not_found;
use crate::kms::authorization::{Access, Scope};
use crate::kms::model::key_policy::{default_policy, KeyPolicy};
use crate::kms::model::keys::{key_arn, KeyState, MultiRegionRole, Origin};
use crate::kms::model::{Key, Kms};
use crate::platform::account::Region;
use crate::platform::clock::{Timestamp, SECONDS_PER_DAY};
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::request::Request;
use serde_json::{json, Value};

fn not_primary(arn: &str) -> Error {
    Error::UnsupportedOperationException(format!("{arn} is not a multi-region primary key."))
}

fn primary(kms: &mut Kms, env: &Env<'_>, key_id: &str, operation: &str) -> Result<String, Error> {
    let arn = kms.resolve(env, key_id, Scope::SameAccount)?;
    kms.authorize(env, &arn, &Access::to(operation))?;
    let key = kms.key(&arn);
    if key.multi_region != Some(MultiRegionRole::Primary) {
        return Err(not_primary(&arn));
    }
    require_not_pending_deletion(key)?;
    Ok(arn)
}

fn region(r: &mut Request<'_>, member: &str) -> Result<Option<Region>, Error> {
    let Some(name) = r.required_string(member, 1, 32) else {
        return Ok(None);
    };
    name.parse()
        .map(Some)
        .map_err(|_| Error::ValidationException(format!("{name} is not a valid Region.")))
}

pub fn replicate_key(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let replica_region = region(&mut r, "ReplicaRegion")?;
    let policy = r.string("Policy", 1, 32768);
    let bypass = r.bool("BypassPolicyLockoutSafetyCheck").unwrap_or(false);
    let description = r.string("Description", 0, 8192);
    let tags = parse_tags(r.raw("Tags"))?;
    r.finish()?;
    let arn = primary(kms, env, &key_id.unwrap_or_default(), "ReplicateKey")?;
    let replica_region = replica_region.expect("required member checked");
    let source = kms.key(&arn).clone();
    let replica_arn = key_arn(&replica_region, &source.account, &source.id);
    if replica_region == source.region || kms.keys.contains_key(&replica_arn) {
        return Err(Error::AlreadyExistsException(format!(
            "{replica_arn} already exists"
        )));
    }
    let policy = match policy {
        Some(text) => KeyPolicy::parse(&text)?,
        None => default_policy(&source.account),
    };
    check_new_policy(env, &policy, &replica_arn, source.account.as_str(), bypass)?;
    let mut replica = source.clone();
    replica.region = replica_region;
    replica.multi_region = Some(MultiRegionRole::Replica);
    replica.policy = policy;
    replica.creation_date = env.now;
    replica.description = description.unwrap_or(source.description);
    replica.tags = Default::default();
    apply(&mut replica.tags, tags)?;
    replica.deletion_date = None;
    replica.pending_window_days = None;
    replica.imported = None;
    replica.state = if replica.origin == Origin::External {
        KeyState::PendingImport
    } else {
        KeyState::Enabled
    };
    kms.keys.insert(replica_arn.clone(), replica);
    let replica = kms.key(&replica_arn);
    Ok(json!({
        "ReplicaKeyMetadata": kms.metadata(replica),
        "ReplicaPolicy": replica.policy.text(),
        "ReplicaTags": tags_json(&replica.tags),
    }))
}

pub fn update_primary_region(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let new_region = region(&mut r, "PrimaryRegion")?;
    r.finish()?;
    let arn = primary(kms, env, &key_id.unwrap_or_default(), "UpdatePrimaryRegion")?;
    let new_region = new_region.expect("required member checked");
    let (account, id) = (kms.key(&arn).account.clone(), kms.key(&arn).id.clone());
    let target = key_arn(&new_region, &account, &id);
    if target == arn {
        return Ok(json!({}));
    }
    if !kms.keys.contains_key(&target) {
        return Err(not_found(&target));
    }
    kms.key_mut(&arn).multi_region = Some(MultiRegionRole::Replica);
    kms.key_mut(&target).multi_region = Some(MultiRegionRole::Primary);
    Ok(json!({}))
}

/// A primary key scheduled for deletion waits in PendingReplicaDeletion
/// until its replicas are gone, then starts its own waiting period.
pub fn start_waiting_primaries(kms: &mut Kms, now: Timestamp) {
    let waiting: Vec<String> = kms
        .keys
        .values()
        .filter(|k| k.state == KeyState::PendingReplicaDeletion)
        .filter(|k| kms.related_keys(k).len() == 1)
        .map(Key::arn)
        .collect();
    for arn in waiting {
        let key = kms.key_mut(&arn);
        key.state = KeyState::PendingDeletion;
        key.deletion_date = Some(now + key.pending_window_days.unwrap_or(30) * SECONDS_PER_DAY);
    }
}
