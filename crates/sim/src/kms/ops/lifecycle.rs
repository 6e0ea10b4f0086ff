//! Creating, describing, listing, enabling, disabling and deleting keys.

use crate::kms::authorization::key_state::{require_not_pending_deletion, state_error};
use crate::kms::authorization::{Access, Scope};
use crate::kms::features::key_policy::check_new_policy;
use crate::kms::features::tags::{apply, parse_tags};
use crate::kms::model::key_id::new_key_id;
use crate::kms::model::key_policy::{default_policy, KeyPolicy};
use crate::kms::model::keys::{
    key_arn, Key, KeyManager, KeySpec, KeyState, KeyUsage, MultiRegionRole, Origin,
};
use crate::kms::model::wire::page;
use crate::kms::model::{Backing, Kms, Material, Rotation};
use crate::platform::clock::SECONDS_PER_DAY;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::request::Request;
use serde_json::{json, Value};

const ORIGINS: &[&str] = &["AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE"];

fn validation(message: String) -> Error {
    Error::ValidationException(message)
}

/// Works out the spec, usage and origin of a new key, as CreateKey checks them.
fn shape(
    spec: Option<String>,
    legacy: Option<String>,
    usage: Option<String>,
    origin: Option<String>,
) -> Result<(KeySpec, KeyUsage, Origin), Error> {
    if spec.is_some() && legacy.is_some() {
        return Err(validation(
            "You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.".to_owned(),
        ));
    }
    let spec = spec
        .or(legacy)
        .and_then(|s| KeySpec::parse(&s))
        .unwrap_or(KeySpec::SymmetricDefault);
    let usage = match usage.and_then(|u| KeyUsage::parse(&u)) {
        Some(u) => u,
        None if spec == KeySpec::SymmetricDefault => KeyUsage::EncryptDecrypt,
        None => {
            return Err(validation(
                "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.".to_owned(),
            ))
        }
    };
    if !spec.usages().contains(&usage) {
        return Err(validation(format!(
            "KeyUsage {usage} is not compatible with KeySpec {spec}"
        )));
    }
    let origin = match origin.as_deref() {
        None | Some("AWS_KMS") => Origin::AwsKms,
        Some("EXTERNAL") if spec == KeySpec::SymmetricDefault => Origin::External,
        Some("EXTERNAL") => {
            return Err(Error::UnsupportedOperationException(format!(
                "KeySpec {spec} is not supported for Origin EXTERNAL in the KeyDeck simulator; import works for SYMMETRIC_DEFAULT keys."
            )))
        }
        Some(other) => {
            return Err(Error::UnsupportedOperationException(format!(
                "Origin {other} needs a custom key store, which the KeyDeck simulator does not have."
            )))
        }
    };
    Ok((spec, usage, origin))
}

pub fn create_key(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let policy = r.string("Policy", 1, 32768);
    let description = r.string("Description", 0, 8192).unwrap_or_default();
    let usage = r.enumeration("KeyUsage", KeyUsage::ALL);
    let legacy = r.enumeration("CustomerMasterKeySpec", KeySpec::ALL);
    let spec = r.enumeration("KeySpec", KeySpec::ALL);
    let origin = r.enumeration("Origin", ORIGINS);
    let bypass = r.bool("BypassPolicyLockoutSafetyCheck").unwrap_or(false);
    let multi_region = r.bool("MultiRegion").unwrap_or(false);
    let tags = parse_tags(r.raw("Tags"))?;
    r.finish()?;
    let (spec, usage, origin) = shape(spec, legacy, usage, origin)?;

    let (account, region) = (env.caller.account().clone(), env.caller.region.clone());
    let id = new_key_id(multi_region, &mut env.rng());
    let arn = key_arn(&region, &account, &id);
    let policy = match policy {
        Some(text) => KeyPolicy::parse(&text)?,
        None => default_policy(&account),
    };
    check_new_policy(env, &policy, &arn, account.as_str(), bypass)?;
    let mut key = Key {
        id,
        account,
        region,
        description,
        creation_date: env.now,
        state: if origin == Origin::External {
            KeyState::PendingImport
        } else {
            KeyState::Enabled
        },
        deletion_date: None,
        pending_window_days: None,
        spec,
        usage,
        origin,
        manager: KeyManager::Customer,
        policy,
        tags: Default::default(),
        multi_region: multi_region.then_some(MultiRegionRole::Primary),
        imported: None,
    };
    apply(&mut key.tags, tags)?;
    let material = match origin {
        Origin::External => Material::Symmetric(Vec::new()),
        Origin::AwsKms => Material::generate(spec, env.now, &mut env.rng())?,
    };
    kms.backings.insert(
        key.backing_id(),
        Backing {
            material,
            rotation: Rotation::default(),
        },
    );
    let metadata = kms.metadata(&key);
    kms.keys.insert(arn, key);
    Ok(json!({ "KeyMetadata": metadata }))
}

fn key_request(
    kms: &mut Kms,
    env: &Env<'_>,
    body: &Value,
    operation: &str,
    scope: Scope,
) -> Result<String, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let tokens = r.string_list("GrantTokens", 10).unwrap_or_default();
    r.finish()?;
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), scope)?;
    kms.authorize(env, &arn, &Access::to(operation).with_tokens(&tokens))?;
    Ok(arn)
}

pub fn describe_key(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let arn = key_request(kms, env, body, "DescribeKey", Scope::CrossAccount)?;
    Ok(json!({ "KeyMetadata": kms.metadata(kms.key(&arn)) }))
}

pub fn list_keys(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let limit = r.int("Limit", 1, 1000).unwrap_or(100) as usize;
    let marker = r.string("Marker", 1, 320);
    r.finish()?;
    let keys: Vec<Value> = kms
        .keys
        .values()
        .filter(|k| k.account == *env.caller.account() && k.region == env.caller.region)
        .map(|k| json!({"KeyId": k.id, "KeyArn": k.arn()}))
        .collect();
    page(keys, "Keys", limit, marker.as_deref())
}

pub fn update_key_description(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let description = r.required_string("Description", 0, 8192);
    r.finish()?;
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::SameAccount)?;
    kms.authorize(env, &arn, &Access::to("UpdateKeyDescription"))?;
    require_not_pending_deletion(kms.key(&arn))?;
    kms.key_mut(&arn).description = description.unwrap_or_default();
    Ok(json!({}))
}

/// EnableKey and DisableKey move between Enabled and Disabled only.
fn set_enabled(
    kms: &mut Kms,
    env: &Env<'_>,
    body: &Value,
    operation: &str,
    enabled: bool,
) -> Result<Value, Error> {
    let arn = key_request(kms, env, body, operation, Scope::SameAccount)?;
    let key = kms.key_mut(&arn);
    match key.state {
        KeyState::Enabled | KeyState::Disabled => {
            key.state = if enabled {
                KeyState::Enabled
            } else {
                KeyState::Disabled
            };
            Ok(json!({}))
        }
        _ => Err(state_error(key)),
    }
}

pub fn enable_key(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    set_enabled(kms, env, body, "EnableKey", true)
}

pub fn disable_key(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    set_enabled(kms, env, body, "DisableKey", false)
}

pub fn schedule_key_deletion(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let days = r.int("PendingWindowInDays", 7, 30).unwrap_or(30);
    r.finish()?;
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::SameAccount)?;
    kms.authorize(env, &arn, &Access::to("ScheduleKeyDeletion"))?;
    require_not_pending_deletion(kms.key(&arn))?;
    let has_replicas = {
        let key = kms.key(&arn);
        key.multi_region == Some(MultiRegionRole::Primary) && kms.related_keys(key).len() > 1
    };
    let key = kms.key_mut(&arn);
    key.pending_window_days = Some(days);
    if has_replicas {
        key.state = KeyState::PendingReplicaDeletion;
        return Ok(
            json!({"KeyId": arn, "KeyState": "PendingReplicaDeletion", "PendingWindowInDays": days}),
        );
    }
    let deletion = env.now + days * SECONDS_PER_DAY;
    key.state = KeyState::PendingDeletion;
    key.deletion_date = Some(deletion);
    Ok(
        json!({"KeyId": arn, "DeletionDate": deletion, "KeyState": "PendingDeletion", "PendingWindowInDays": days}),
    )
}

pub fn cancel_key_deletion(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let arn = key_request(kms, env, body, "CancelKeyDeletion", Scope::SameAccount)?;
    let key = kms.key_mut(&arn);
    if !matches!(
        key.state,
        KeyState::PendingDeletion | KeyState::PendingReplicaDeletion
    ) {
        return Err(Error::KMSInvalidStateException(format!(
            "{arn} is not pending deletion."
        )));
    }
    // AWS leaves a key whose deletion is cancelled Disabled (PendingImport
    // if it has no imported material).
    key.state = if key.origin == Origin::External && key.imported.is_none() {
        KeyState::PendingImport
    } else {
        KeyState::Disabled
    };
    key.deletion_date = None;
    key.pending_window_days = None;
    Ok(json!({ "KeyId": arn }))
}
