//! Secrets Manager rotation: a secret under a customer managed key, a
//! rotation by a Lambda function's four steps, the staging labels
//! AWSCURRENT, AWSPENDING and AWSPREVIOUS, a rotation that fails at
//! testSecret and its reattempt, and a rotation on schedule
//! (<https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_how.html>,
//! <https://docs.aws.amazon.com/secretsmanager/latest/userguide/troubleshoot_rotation.html>).
//!
//! Each rotation is framed in the log by `RotationStarted` and
//! `RotationSucceeded` or `RotationFailed` events from
//! `secretsmanager.amazonaws.com`; a RotateSecret call's own event comes
//! right after the rotation it ran.

use keydeck_sim::platform::trail::TrailEvent;
use serde_json::{json, Value};

use super::calls::succeeded;
use super::services::Probe;
use super::state::names_customer_key;
use super::{Check, YOUR_ACCOUNT};
use crate::session::Session;

pub(super) const CHECKS: &[(&str, Check)] = &[
    ("secret-under-customer-key", secret_under_customer_key),
    ("secret-rotated", secret_rotated),
    ("previous-version-read", previous_version_read),
    ("rotation-failed", rotation_failed),
    ("rotation-recovered", rotation_recovered),
    ("scheduled-rotation-happened", scheduled_rotation_happened),
];

const SUCCEEDED: &str = "RotationSucceeded";
const FAILED: &str = "RotationFailed";
const SERVICE: &str = "secretsmanager";

/// Your secrets, as ListSecrets shows them.
fn your_secrets(probe: &mut Probe) -> Vec<Value> {
    probe.list(
        YOUR_ACCOUNT,
        SERVICE,
        "ListSecrets",
        json!({"MaxResults": 100}),
        "SecretList",
    )
}

/// One of your secrets is encrypted under one of your customer managed
/// keys, and its value names a database user (JSON with `username` and
/// `password`), which the rotation function rotates.
fn secret_under_customer_key(session: &Session) -> bool {
    let mut probe = Probe::new(session);
    your_secrets(&mut probe).iter().any(|s| {
        s["KmsKeyId"]
            .as_str()
            .is_some_and(|k| names_customer_key(session, YOUR_ACCOUNT, k))
            && database_user(&mut probe, s).is_some()
    })
}

/// A rotation of one of your secrets succeeded.
fn secret_rotated(session: &Session) -> bool {
    rotation_events(session, SUCCEEDED).next().is_some()
}

/// GetSecretValue read AWSPREVIOUS after a successful rotation.
fn previous_version_read(session: &Session) -> bool {
    let Some((first, _)) = rotation_events(session, SUCCEEDED).next() else {
        return false;
    };
    succeeded(session, "GetSecretValue")
        .any(|c| c.index > first && c.string_param("versionStage") == Some("AWSPREVIOUS"))
}

/// A rotation of one of your secrets failed.
fn rotation_failed(session: &Session) -> bool {
    rotation_events(session, FAILED).next().is_some()
}

/// A failed rotation was reattempted and succeeded (the same version, by
/// its client request token), and every secret of yours whose database
/// user the rotation changed is consistent again: AWSCURRENT holds the
/// database's password, and no version is AWSPENDING without being
/// AWSCURRENT.
fn rotation_recovered(session: &Session) -> bool {
    let reattempted = rotation_events(session, FAILED).any(|(failed, f)| {
        rotation_events(session, SUCCEEDED).any(|(done, s)| {
            done > failed
                && s.request_parameters["clientRequestToken"]
                    == f.request_parameters["clientRequestToken"]
        })
    });
    reattempted && {
        let mut probe = Probe::new(session);
        your_secrets(&mut probe)
            .iter()
            .all(|s| database_user(&mut probe, s).is_none() || consistent(&mut probe, s))
    }
}

/// A rotation succeeded that no RotateSecret call ran: the event right
/// after it is not a RotateSecret call, so the clock's schedule (or a
/// reattempt on it) started it.
fn scheduled_rotation_happened(session: &Session) -> bool {
    let events = session.sim().events();
    rotation_events(session, SUCCEEDED).any(|(i, _)| {
        events
            .get(i + 1)
            .is_none_or(|next| next.event_name != "RotateSecret")
    })
}

/// The events named `name` that Secrets Manager itself logged for your
/// secrets, with their place in the log.
fn rotation_events<'a>(
    session: &'a Session,
    name: &'a str,
) -> impl Iterator<Item = (usize, &'a TrailEvent)> + 'a {
    session
        .sim()
        .events()
        .iter()
        .enumerate()
        .filter(move |(_, e)| {
            e.event_name == name
                && e.event_source == "secretsmanager.amazonaws.com"
                && e.user_identity.account_id == YOUR_ACCOUNT
        })
}

/// The simulated database user behind a secret.
fn database_user(probe: &mut Probe, secret: &Value) -> Option<Value> {
    let id = secret["ARN"].as_str()?;
    probe.ask(
        YOUR_ACCOUNT,
        "keydeck",
        "GetSecretDatabaseUser",
        json!({"SecretId": id}),
    )
}

/// AWSCURRENT holds the database user's password, and AWSPENDING, if any,
/// is on the AWSCURRENT version.
fn consistent(probe: &mut Probe, secret: &Value) -> bool {
    let (Some(id), Some(db)) = (secret["ARN"].as_str(), database_user(probe, secret)) else {
        return false;
    };
    let current = probe
        .ask(
            YOUR_ACCOUNT,
            SERVICE,
            "GetSecretValue",
            json!({"SecretId": id}),
        )
        .and_then(|v| serde_json::from_str::<Value>(v["SecretString"].as_str()?).ok());
    let stages = secret["SecretVersionsToStages"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let pending_alone = stages.values().any(|labels| {
        let has = |label: &str| {
            labels
                .as_array()
                .is_some_and(|l| l.iter().any(|x| x == label))
        };
        has("AWSPENDING") && !has("AWSCURRENT")
    });
    current.is_some_and(|c| c["password"] == db["Password"]) && !pending_alone
}
