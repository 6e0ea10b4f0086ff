//! What the console view shows, read straight from the session's state:
//! every key with its aliases, policy, grants, tags and rotations; every
//! parameter, secret, snapshot and volume (never a parameter's or secret's
//! value); and the CloudTrail-style event list. Reading never records an event; console
//! *actions* go through [`Session::console_call`] like any API call.

use keydeck_lab_protocol::{
    ConsoleView, EventRow, GrantRow, KeyRow, ParameterPolicyRow, ParameterRow, ParameterVersionRow,
    ProfileRow, ReplicaRow, RotationRow, RotationStatus, SecretRotationRow, SecretRow,
    SecretVersionRow, SnapshotRow, VolumeRow,
};
use keydeck_sim::ec2::resources::{Encryption, Snapshot, Volume};
use keydeck_sim::kms::model::keys::{KeyState, MultiRegionRole};
use keydeck_sim::kms::{EncryptionContext, Grant, Key, Kms};
use keydeck_sim::platform::clock::iso8601;
use keydeck_sim::platform::lazy::lazy_slot;
use keydeck_sim::secretsmanager::secret::{Rotation, Secret};
use keydeck_sim::ssm::parameter::{Parameter, ParameterType};
use serde_json::{json, Value};

use crate::cli;
use crate::session::Session;

/// The console's picture of the session. Keys, parameters, secrets,
/// snapshots and volumes are listed for every account and Region; the page
/// keeps those of the chosen profile and Region.
pub fn view(session: &Session, _home_region: &str) -> ConsoleView {
    let sim = session.sim();
    let kms = sim.kms();
    ConsoleView {
        now: iso8601(sim.clock().now()),
        profiles: profile_rows(),
        keys: kms.keys().map(|k| key_row(kms, k)).collect(),
        parameters: sim
            .ssm()
            .all()
            .map(|((account, region), p)| parameter_row(account, region, p))
            .collect(),
        secrets: sim.secrets().all().map(secret_row).collect(),
        snapshots: sim.ec2().snapshots.iter().map(snapshot_row).collect(),
        volumes: sim.ec2().volumes.iter().map(volume_row).collect(),
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

/// A parameter as of its latest version; a SecureString's value stays out.
fn parameter_row(account: &str, region: &str, p: &Parameter) -> ParameterRow {
    let latest = p.latest();
    ParameterRow {
        name: p.name.clone(),
        arn: p.arn.clone(),
        account: account.to_owned(),
        region: region.to_owned(),
        kind: latest.kind.as_str().to_owned(),
        tier: latest.tier.as_str().to_owned(),
        version: latest.version,
        key_id: latest.key_id.clone(),
        value: match latest.kind {
            ParameterType::SecureString => "(encrypted)".to_owned(),
            _ => latest.value.clone(),
        },
        description: latest.description.clone().unwrap_or_default(),
        last_modified: iso8601(latest.last_modified),
        last_modified_user: latest.last_modified_user.clone(),
        versions: p
            .versions
            .iter()
            .rev()
            .map(|v| ParameterVersionRow {
                version: v.version,
                labels: v.labels.clone(),
                last_modified: iso8601(v.last_modified),
            })
            .collect(),
        policies: latest
            .policies
            .iter()
            .map(|policy| ParameterPolicyRow {
                kind: policy.kind.name().to_owned(),
                status: if policy.finished {
                    "Finished"
                } else {
                    "Pending"
                }
                .to_owned(),
                text: policy.text.clone(),
            })
            .collect(),
    }
}

/// A secret and its versions' staging labels, without any value.
fn secret_row(s: &Secret) -> SecretRow {
    SecretRow {
        name: s.name.clone(),
        arn: s.arn.clone(),
        account: s.account.clone(),
        region: s.region.clone(),
        description: s.description.clone().unwrap_or_default(),
        kms_key_id: s.key_id().to_owned(),
        rotation: secret_rotation(&s.rotation),
        created: iso8601(s.created),
        last_changed: iso8601(s.last_changed),
        deleted: s.deleted.map(iso8601),
        deletion_date: s.deletion_date.filter(|_| s.is_deleted()).map(iso8601),
        versions: s
            .versions
            .iter()
            .rev()
            .map(|v| SecretVersionRow {
                version_id: v.id.clone(),
                stages: v.stages.clone(),
                created: iso8601(v.created),
            })
            .collect(),
        primary_region: s.primary_region.clone(),
        replicas: s
            .replicas
            .iter()
            .map(|r| ReplicaRow {
                region: r.region.clone(),
                kms_key_id: r.kms_key_id.clone(),
                status: r.status.clone(),
                message: r.message.clone(),
            })
            .collect(),
    }
}

/// RotationRules as the API names its members, and the dates.
fn secret_rotation(r: &Rotation) -> SecretRotationRow {
    let rules = r.rules.as_ref().map(|rules| {
        let days = rules
            .automatically_after_days
            .map(|d| format!("AutomaticallyAfterDays={d}"));
        let expression = rules
            .schedule_expression
            .as_ref()
            .map(|e| format!("ScheduleExpression={e}"));
        let duration = rules.duration.as_ref().map(|d| format!("Duration={d}"));
        [days, expression, duration]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    });
    SecretRotationRow {
        enabled: r.enabled,
        lambda_arn: r.lambda_arn.clone(),
        rules,
        last_rotated: r.last_rotated.map(iso8601),
        next: r.next.filter(|_| r.enabled).map(iso8601),
    }
}

fn key_arn(e: &Option<Encryption>) -> Option<String> {
    e.as_ref().map(|e| e.key_arn.clone())
}

fn snapshot_row(s: &Snapshot) -> SnapshotRow {
    SnapshotRow {
        snapshot_id: s.id.clone(),
        owner: s.owner.clone(),
        region: s.region.clone(),
        volume_id: s.volume_id.clone(),
        volume_size: s.volume_size,
        description: s.description.clone(),
        state: s.state.as_str().to_owned(),
        state_message: s.state_message.clone(),
        encrypted: s.encryption.is_some(),
        kms_key_id: key_arn(&s.encryption),
        shared_with: s.shared_with.iter().cloned().collect(),
        public: s.public,
        started: iso8601(s.started),
    }
}

fn volume_row(v: &Volume) -> VolumeRow {
    VolumeRow {
        volume_id: v.id.clone(),
        owner: v.owner.clone(),
        region: v.region.clone(),
        zone: v.zone.clone(),
        size: v.size,
        volume_type: v.kind.as_str().to_owned(),
        state: v.state.as_str().to_owned(),
        encrypted: v.encryption.is_some(),
        kms_key_id: key_arn(&v.encryption),
        snapshot_id: v.snapshot_id.clone(),
        created: iso8601(v.created),
    }
}

/// A stored policy, re-indented for reading; left as it is if not JSON.
fn pretty(policy: &str) -> String {
    serde_json::from_str::<Value>(policy)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| policy.to_owned())
}

/// A call to try: would `profile` be allowed `action` on `key_id`?
pub struct TryCall<'a> {
    pub profile: &'a str,
    pub region: &'a str,
    pub action: &'a str,
    pub key_id: &'a str,
    pub context: Option<&'a Value>,
}

/// "Try a call": whether the call would be allowed, and which statement
/// decided. Evaluated without recording an event.
///
/// The browser's labs worker fetches this with the policy evaluator's
/// explanations as the `explain` chunk, the first time Try a call is used.
pub fn explain(session: &Session, call: &TryCall) -> Value {
    match EXPLAIN.get() {
        Ok(explainer) => explainer.explain(session, call),
        // The lab host fetches the chunk and asks again; never shown.
        Err(missing) => json!({"__type": "KMSInternalException", "message": missing.to_string()}),
    }
}

/// Try a call's explanation.
pub trait Explain: Sync {
    fn explain(&self, session: &Session, call: &TryCall) -> Value;
}

/// The explanation as native builds link it and the `explain` chunk holds
/// it.
pub struct BuiltinExplain;

impl Explain for BuiltinExplain {
    fn explain(&self, session: &Session, call: &TryCall) -> Value {
        explain_now(session, call)
    }
}

lazy_slot! {
    /// [`Explain`], in the `explain` chunk in the browser.
    pub static EXPLAIN: dyn Explain = ("explain", &BuiltinExplain);
}

fn explain_now(session: &Session, call: &TryCall) -> Value {
    let caller = match cli::caller_for(call.profile, call.region) {
        Ok(c) => c,
        Err(message) => return json!({"__type": "ProfileNotFound", "message": message}),
    };
    let context: Option<EncryptionContext> = match call.context.cloned().map(serde_json::from_value)
    {
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
        .explain_access(&caller, call.action, call.key_id, context.as_ref())
    {
        Ok(explanation) => json!(explanation),
        Err(e) => e.to_json(),
    }
}
