//! What the console view shows, read straight from the session's state:
//! every key with its aliases, policy, grants, tags and rotations, and the
//! CloudTrail-style event list. Reading never records an event; console
//! *actions* go through [`Session::console_call`] like any API call.

use keydeck_lab_protocol::{
    ConsoleView, EventRow, GrantRow, KeyRow, ProfileRow, RotationRow, RotationStatus,
};
use keydeck_sim::kms::model::keys::{KeyState, MultiRegionRole};
use keydeck_sim::kms::{EncryptionContext, Grant, Key, Kms};
use keydeck_sim::platform::clock::iso8601;
use serde_json::{json, Value};

use crate::cli;
use crate::session::Session;

/// The console's picture of the session. Keys are listed for every account
/// and Region; the page filters them by the chosen profile and Region.
pub fn view(session: &Session, _home_region: &str) -> ConsoleView {
    let sim = session.sim();
    let kms = sim.kms();
    ConsoleView {
        now: iso8601(sim.clock().now()),
        profiles: profile_rows(),
        keys: kms.keys().map(|k| key_row(kms, k)).collect(),
        events: sim
            .events()
            .iter()
            .rev()
            .map(|e| EventRow {
                time: e.event_time.clone(),
                principal: e.user_identity.arn.clone(),
                operation: e.event_name.clone(),
                region: e.aws_region.clone(),
                error_code: e.error_code.clone(),
                error_message: e.error_message.clone(),
            })
            .collect(),
    }
}

fn profile_rows() -> Vec<ProfileRow> {
    cli::profiles()
        .iter()
        .map(|p| ProfileRow {
            name: p.name.to_owned(),
            arn: p.arn(),
            account: p.account.to_owned(),
            description: p.description.to_owned(),
        })
        .collect()
}

fn key_row(kms: &Kms, key: &Key) -> KeyRow {
    let arn = key.arn();
    KeyRow {
        key_id: key.id.clone(),
        arn: arn.clone(),
        account: key.account.to_string(),
        region: key.region.to_string(),
        aliases: kms.aliases_of(key),
        description: key.description.clone(),
        state: key.state.as_str().to_owned(),
        spec: key.spec.as_str().to_owned(),
        usage: key.usage.as_str().to_owned(),
        origin: key.origin.as_str().to_owned(),
        manager: key.manager.as_str().to_owned(),
        multi_region: match key.multi_region {
            Some(MultiRegionRole::Primary) => "Primary".to_owned(),
            Some(MultiRegionRole::Replica) => "Replica".to_owned(),
            None => String::new(),
        },
        rotation: rotation_status(kms, key),
        created: iso8601(key.creation_date),
        deletion_date: key
            .deletion_date
            .filter(|_| key.state == KeyState::PendingDeletion)
            .map(iso8601),
        policy: pretty(key.policy.text()),
        grants: kms
            .grants()
            .filter(|g| g.key_arn == arn)
            .map(grant_row)
            .collect(),
        tags: key
            .tags
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        rotations: kms
            .backing(key)
            .rotation
            .history
            .iter()
            .map(|r| RotationRow {
                date: iso8601(r.date),
                kind: r.kind.as_str().to_owned(),
            })
            .collect(),
    }
}

fn rotation_status(kms: &Kms, key: &Key) -> RotationStatus {
    let r = &kms.backing(key).rotation;
    match () {
        _ if key.is_symmetric() && key.imported.is_none() => match (r.enabled, r.next) {
            (true, Some(next)) => RotationStatus::Enabled {
                period_days: r.period_days as u32,
                next: iso8601(next),
            },
            _ => RotationStatus::Disabled,
        },
        _ => RotationStatus::NotSupported,
    }
}

fn grant_row(g: &Grant) -> GrantRow {
    GrantRow {
        grant_id: g.id.clone(),
        name: g.name.clone().unwrap_or_default(),
        grantee: g.grantee.clone(),
        retiring: g.retiring.clone().unwrap_or_default(),
        operations: g.operations.clone(),
        constraints: g
            .constraints
            .as_ref()
            .map(|c| {
                let part = |name: &str, ctx: &Option<EncryptionContext>| {
                    ctx.as_ref()
                        .map(|ctx| format!("{name} {}", json!(ctx)))
                        .unwrap_or_default()
                };
                [
                    part("EncryptionContextSubset", &c.subset),
                    part("EncryptionContextEquals", &c.equals),
                ]
                .join(" ")
                .trim()
                .to_owned()
            })
            .unwrap_or_default(),
    }
}

/// A stored policy, re-indented for reading; left as it is if not JSON.
fn pretty(policy: &str) -> String {
    serde_json::from_str::<Value>(policy)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| policy.to_owned())
}

/// "Try a call": would `profile` be allowed `action` on `key_id`, and which
/// statement decided. Evaluated without recording an event.
pub fn explain(
    session: &Session,
    profile: &str,
    region: &str,
    action: &str,
    key_id: &str,
    context: Option<&Value>,
) -> Value {
    let caller = match cli::caller_for(profile, region) {
        Ok(c) => c,
        Err(message) => return json!({"__type": "ProfileNotFound", "message": message}),
    };
    let context: Option<EncryptionContext> = match context.cloned().map(serde_json::from_value) {
        None => None,
        Some(Ok(c)) => Some(c),
        Some(Err(_)) => {
            return json!({
                "__type": "ValidationException",
                "message": "The encryption context must be a JSON object of strings."
            })
        }
    };
    match session
        .sim()
        .explain_access(&caller, action, key_id, context.as_ref())
    {
        Ok(explanation) => json!(explanation),
        Err(e) => e.to_json(),
    }
}
