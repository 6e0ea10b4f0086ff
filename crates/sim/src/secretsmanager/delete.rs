//! DeleteSecret and RestoreSecret: a recovery window of 7 to 30 days (30
//! by default) during which the secret can be restored and refuses most
//! operations, or ForceDeleteWithoutRecovery; the secret is gone once the
//! simulated clock passes its DeletionDate
//! (<https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html>).

use crate::kms::ViaService;
use crate::platform::clock::{Timestamp, SECONDS_PER_DAY};
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::request::Request;
use crate::secretsmanager::access::{only_secret_id, Target};
use crate::secretsmanager::store::SecretsManager;
use serde_json::{json, Value};

pub fn delete_secret(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    _via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    r.required_string("SecretId", 1, 2048);
    let window = r.int("RecoveryWindowInDays", i64::MIN, i64::MAX);
    let force = r.bool("ForceDeleteWithoutRecovery").unwrap_or(false);
    r.finish()?;
    // These two messages follow moto's record of AWS's answers.
    if window.is_some() && force {
        return Err(Error::InvalidParameterException(
            "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays."
                .to_owned(),
        ));
    }
    if window.is_some_and(|d| !(7..=30).contains(&d)) {
        return Err(Error::InvalidParameterException(
            "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).".to_owned(),
        ));
    }
    let key = target.found()?;
    let secret = sm.at(&key);
    if !secret.replicas.is_empty() {
        let regions: Vec<&str> = secret.replicas.iter().map(|r| r.region.as_str()).collect();
        // Recorded from AWS in public error logs (gruntwork-io/cloud-nuke#435).
        return Err(Error::InvalidParameterException(format!(
            "You can't delete secret {} that still has replica regions [{}].",
            secret.arn,
            regions.join(", ")
        )));
    }
    if secret.is_deleted() && !force {
        // Recorded from AWS in public error logs (localstack/awscli-local#83).
        return Err(Error::InvalidRequestException(
            "You tried to perform the operation on a secret that's currently marked deleted."
                .to_owned(),
        ));
    }
    let answer = secret.names();
    let when: Timestamp = if force {
        sm.remove(&key);
        env.now
    } else {
        let when = env.now + window.unwrap_or(30) * SECONDS_PER_DAY;
        secret.deleted = Some(env.now);
        secret.deletion_date = Some(when);
        when
    };
    let mut answer = answer;
    answer["DeletionDate"] = json!(when);
    Ok(answer)
}

pub fn restore_secret(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    _via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let key = only_secret_id(request, target)?;
    let secret = sm.at(&key);
    if secret.is_deleted() {
        secret.deleted = None;
        secret.deletion_date = None;
        secret.last_changed = env.now;
    }
    Ok(secret.names())
}

impl SecretsManager {
    /// Deletes the secrets whose recovery window has ended; their ARNs,
    /// Regions and accounts are returned for the trail.
    pub fn purge_deleted(&mut self, now: Timestamp) -> Vec<(String, String, String)> {
        let mut gone = Vec::new();
        for m in self.scopes.values_mut() {
            m.retain(|_, s| {
                let due = s.deletion_date.is_some_and(|d| d <= now);
                if due {
                    gone.push((s.arn.clone(), s.region.clone(), s.account.clone()));
                }
                !due
            });
        }
        gone
    }
}
