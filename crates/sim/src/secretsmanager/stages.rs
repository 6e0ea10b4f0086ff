//! UpdateSecretVersionStage: moving a staging label to another version, or
//! removing it; moving AWSCURRENT moves AWSPREVIOUS to the version it left
//! (<https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_UpdateSecretVersionStage.html>).

use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::request::Request;
use crate::secretsmanager::access::Target;
use crate::secretsmanager::replication;
use crate::secretsmanager::secret::{CURRENT, MAX_STAGES_PER_VERSION};
use crate::secretsmanager::store::SecretsManager;
use serde_json::Value;

fn invalid(message: String) -> Error {
    Error::InvalidParameterException(message)
}

pub fn update_secret_version_stage(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    r.required_string("SecretId", 1, 2048);
    let stage = r
        .required_string("VersionStage", 1, 256)
        .unwrap_or_default();
    let remove_from = r.string("RemoveFromVersionId", 32, 64);
    let move_to = r.string("MoveToVersionId", 32, 64);
    r.finish()?;
    let key = target.found()?;
    let secret = sm.at(&key);
    // The messages below follow moto's record of AWS's answers.
    for id in remove_from.iter().chain(move_to.iter()) {
        if secret.version(id).is_none() {
            return Err(invalid(format!("Not a valid version: {id}")));
        }
    }
    let holder = secret.staged(&stage).map(|v| v.id.clone());
    if let Some(from) = &remove_from {
        if holder.as_ref() != Some(from) {
            return Err(invalid(format!(
                "Version stage {stage} not found in version {from}"
            )));
        }
    }
    match (&move_to, &holder, &remove_from) {
        (Some(to), Some(h), None) if to != h => {
            return Err(invalid(format!(
                "The parameter RemoveFromVersionId can't be empty. Staging label {stage} is currently attached to version {h}, so you must explicitly reference that version in RemoveFromVersionId."
            )));
        }
        (None, _, Some(_)) if stage == CURRENT => {
            // AWS documents that AWSCURRENT can only be moved; the message
            // follows its form.
            return Err(invalid(
                "You can only move staging label AWSCURRENT to a different secret version. It can't be completely removed.".to_owned(),
            ));
        }
        _ => {}
    }
    match &move_to {
        Some(to) => {
            let full = secret
                .version(to)
                .is_some_and(|v| v.stages.len() >= MAX_STAGES_PER_VERSION && !v.has(&stage));
            if full {
                // AWS documents the quota of 20 labels; the message follows its form.
                return Err(Error::LimitExceededException(format!(
                    "A version can have at most {MAX_STAGES_PER_VERSION} staging labels."
                )));
            }
            secret.move_stage(&stage, to);
        }
        None => {
            for v in &mut secret.versions {
                v.stages.retain(|s| *s != stage);
            }
        }
    }
    secret.last_changed = env.now;
    let answer = secret.names();
    replication::sync(sm, env, via, &key);
    Ok(answer)
}
