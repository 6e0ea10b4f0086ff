//! Key rotation: automatic rotation on a period of 90–2560 days (365 by
//! default), on-demand rotation (at most 25 per key), and the rotation
//! history. New material versions are added, never replaced, so every
//! ciphertext made before a rotation still decrypts
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html>).

use crate::kms::authorization::key_state::{require_enabled, require_not_pending_deletion};
use crate::kms::authorization::{Access, Scope};
use crate::kms::model::keys::{KeyState, MultiRegionRole, Origin};
use crate::kms::model::rotation::{
    add_version, RotationRecord, RotationType, DEFAULT_PERIOD_DAYS, ON_DEMAND_LIMIT,
};
use crate::kms::model::wire::page;
use crate::kms::model::{Key, Kms};
use crate::platform::clock::{Timestamp, SECONDS_PER_DAY};
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::random::Entropy;
use crate::platform::request::Request;
use serde_json::{json, Value};

/// Rotates every key whose rotation date the clock has passed. A key that
/// is not enabled is not rotated; it rotates when next it is enabled and due.
pub fn rotate_due_keys(kms: &mut Kms, now: Timestamp, rng: &mut Entropy) {
    let enabled_sets: Vec<String> = kms
        .keys
        .values()
        .filter(|k| {
            k.state == KeyState::Enabled && k.multi_region != Some(MultiRegionRole::Replica)
        })
        .map(Key::backing_id)
        .collect();
    for id in enabled_sets {
        let Some(b) = kms.backings.get_mut(&id) else {
            continue;
        };
        while let Some(due) = b.rotation.next.filter(|&t| b.rotation.enabled && t <= now) {
            add_version(&mut b.material, due, rng);
            b.rotation.history.push(RotationRecord {
                date: due,
                kind: RotationType::Automatic,
            });
            let step = b.rotation.period_days * SECONDS_PER_DAY;
            b.rotation.next = Some(if due + step > now {
                due + step
            } else {
                now + step
            });
        }
    }
}

fn unsupported(message: String) -> Error {
    Error::UnsupportedOperationException(message)
}

/// Rotation applies to symmetric keys with AWS-made material only.
fn require_rotatable(key: &Key, operation: &str) -> Result<(), Error> {
    if !key.is_symmetric() {
        return Err(unsupported(format!(
            "{} key spec is {} which is not valid for {operation}.",
            key.arn(),
            key.spec
        )));
    }
    if key.origin == Origin::External {
        return Err(unsupported(format!(
            "{} origin is EXTERNAL which is not valid for this operation.",
            key.arn()
        )));
    }
    Ok(())
}

fn require_primary(key: &Key) -> Result<(), Error> {
    if key.multi_region == Some(MultiRegionRole::Replica) {
        return Err(unsupported(format!(
            "{} is a multi-Region replica key. Rotation is managed on its primary key.",
            key.arn()
        )));
    }
    Ok(())
}

fn key_only(
    kms: &mut Kms,
    env: &Env<'_>,
    body: &Value,
    scope: Scope,
    operation: &str,
) -> Result<String, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    r.finish()?;
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), scope)?;
    kms.authorize(env, &arn, &Access::to(operation))?;
    Ok(arn)
}

pub fn enable_key_rotation(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let period = r
        .int("RotationPeriodInDays", 90, 2560)
        .unwrap_or(DEFAULT_PERIOD_DAYS);
    r.finish()?;
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::SameAccount)?;
    kms.authorize(env, &arn, &Access::to("EnableKeyRotation"))?;
    let key = kms.key(&arn);
    require_enabled(key)?;
    require_rotatable(key, "EnableKeyRotation")?;
    require_primary(key)?;
    let backing = key.backing_id();
    kms.backing_mut(&backing).rotation.enable(env.now, period);
    Ok(json!({}))
}

pub fn disable_key_rotation(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let arn = key_only(kms, env, body, Scope::SameAccount, "DisableKeyRotation")?;
    let key = kms.key(&arn);
    require_enabled(key)?;
    require_rotatable(key, "DisableKeyRotation")?;
    require_primary(key)?;
    let backing = key.backing_id();
    kms.backing_mut(&backing).rotation.disable();
    Ok(json!({}))
}

pub fn get_key_rotation_status(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let arn = key_only(kms, env, body, Scope::CrossAccount, "GetKeyRotationStatus")?;
    let key = kms.key(&arn);
    require_not_pending_deletion(key)?;
    require_rotatable(key, "GetKeyRotationStatus")?;
    let rotation = &kms.backing(key).rotation;
    let mut out = json!({"KeyId": arn, "KeyRotationEnabled": rotation.enabled});
    if rotation.enabled {
        out["RotationPeriodInDays"] = json!(rotation.period_days);
        out["NextRotationDate"] = json!(rotation.next);
    }
    Ok(out)
}

pub fn rotate_key_on_demand(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let arn = key_only(kms, env, body, Scope::SameAccount, "RotateKeyOnDemand")?;
    let key = kms.key(&arn);
    require_enabled(key)?;
    if !key.is_symmetric() {
        // AWS answers this case with an empty message.
        return Err(unsupported(String::new()));
    }
    require_rotatable(key, "RotateKeyOnDemand")?;
    require_primary(key)?;
    let backing = kms.backing_mut(&key.backing_id());
    if backing.rotation.on_demand_used >= ON_DEMAND_LIMIT {
        return Err(Error::LimitExceededException(format!(
            "The on-demand rotations limit has been reached for the given keyId. \
             No more on-demand rotations can be performed for this key: {arn}"
        )));
    }
    backing.rotation.on_demand_used += 1;
    add_version(&mut backing.material, env.now, &mut env.rng());
    backing.rotation.history.push(RotationRecord {
        date: env.now,
        kind: RotationType::OnDemand,
    });
    Ok(json!({"KeyId": arn}))
}

pub fn list_key_rotations(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let limit = r.int("Limit", 1, 1000).unwrap_or(100) as usize;
    let marker = r.string("Marker", 1, 1024);
    r.finish()?;
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::SameAccount)?;
    kms.authorize(env, &arn, &Access::to("ListKeyRotations"))?;
    let key = kms.key(&arn);
    require_rotatable(key, "ListKeyRotations")?;
    let records: Vec<Value> = kms
        .backing(key)
        .rotation
        .history
        .iter()
        .map(|r| json!({"KeyId": arn, "RotationDate": r.date, "RotationType": r.kind.as_str()}))
        .collect();
    page(records, "Rotations", limit, marker.as_deref())
}
