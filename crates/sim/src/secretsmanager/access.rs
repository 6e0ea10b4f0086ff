//! Authorizing a Secrets Manager call: the IAM action is
//! `secretsmanager:<operation>` on the secret's ARN (ListSecrets and
//! GetRandomPassword name none), decided by the caller's IAM policies
//! together with the secret's resource policy: in the secret's account
//! either may allow, from another account both must
//! (<https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access.html>).
//!
//! The state every operation shares is checked here too: a secret
//! scheduled for deletion, and a replica that only its primary's Region
//! may change.

use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::identity::authorize_resource;
use crate::platform::request::Request;
use crate::secretsmanager::operation::Operation;
use crate::secretsmanager::secret::arn;
use crate::secretsmanager::store::{not_found, Key, SecretsManager};
use serde_json::Value;

/// The secret a call is about: where it is if it exists, and the ARN the
/// call is authorized on (for a new secret, the ARN it will have).
#[derive(Debug, Clone, Default)]
pub struct Target {
    pub key: Option<Key>,
    pub arn: Option<String>,
}

impl Target {
    /// Where the secret is, or ResourceNotFoundException.
    pub fn found(&self) -> Result<Key, Error> {
        self.key.clone().ok_or_else(not_found)
    }
}

/// Reads a request whose one member is SecretId, and finds the secret.
pub fn only_secret_id(request: &Value, target: &Target) -> Result<Key, Error> {
    let mut r = Request::new(request)?;
    r.required_string("SecretId", 1, 2048);
    r.finish()?;
    target.found()
}

/// Finds the secret the request names.
pub fn target(sm: &SecretsManager, env: &Env<'_>, op: Operation, request: &Value) -> Target {
    if op.names_no_secret() {
        return Target::default();
    }
    let member = if op == Operation::CreateSecret {
        "Name"
    } else {
        "SecretId"
    };
    let Some(id) = request[member].as_str() else {
        return Target::default();
    };
    if let Some(key) = sm.locate(env, id) {
        let arn = sm.get(&key).map(|s| s.arn.clone());
        return Target {
            key: Some(key),
            arn,
        };
    }
    let (region, account) = (env.caller.region.as_str(), env.caller.account().as_str());
    let arn = if op == Operation::CreateSecret {
        arn(region, account, id, &mut env.rng())
    } else if id.starts_with("arn:") {
        id.to_owned()
    } else {
        format!("arn:aws:secretsmanager:{region}:{account}:secret:{id}")
    };
    Target {
        key: None,
        arn: Some(arn),
    }
}

/// Fails with AccessDeniedException unless the policies allow the call,
/// then with AWS's errors for a secret scheduled for deletion or a
/// replica changed outside its primary's Region.
pub fn authorize(
    sm: &SecretsManager,
    env: &Env<'_>,
    op: Operation,
    target: &Target,
) -> Result<(), Error> {
    let action = format!("secretsmanager:{op}");
    let secret = target.key.as_ref().and_then(|k| sm.get(k));
    let account = secret.map_or(env.caller.account().as_str(), |s| s.account.as_str());
    let policy = secret.and_then(|s| s.policy.as_ref()).map(|(_, doc)| doc);
    authorize_resource(env, &action, target.arn.as_deref(), account, policy)?;
    let Some(secret) = secret else {
        return Ok(());
    };
    if op.refuses_deleted() && secret.is_deleted() {
        // Recorded from AWS in public error logs (external-secrets#114, #415).
        return Err(Error::InvalidRequestException(
            "You can't perform this operation on the secret because it was marked for deletion."
                .to_owned(),
        ));
    }
    if op.primary_only() && secret.primary_region.is_some() {
        // Recorded from AWS in public error logs (gruntwork-io/cloud-nuke#435).
        return Err(Error::InvalidParameterException(
            "Operation not permitted on a replica secret. Call must be made in primary secret's region.".to_owned(),
        ));
    }
    Ok(())
}
