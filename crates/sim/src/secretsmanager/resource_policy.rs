//! A secret's resource policy: PutResourcePolicy (with BlockPublicPolicy),
//! GetResourcePolicy and DeleteResourcePolicy. The policy is parsed once,
//! when stored, and `access` evaluates it with the caller's IAM policies
//! (<https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html>).

use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::policy::{Effect, PolicyDocument};
use crate::platform::request::Request;
use crate::secretsmanager::access::{only_secret_id, Target};
use crate::secretsmanager::replication;
use crate::secretsmanager::store::SecretsManager;
use serde_json::{json, Value};

/// Whether a policy grants access to anyone: an Allow to `*` with no
/// condition.
fn is_public(doc: &PolicyDocument) -> bool {
    doc.statements.iter().any(|s| {
        s.effect == Effect::Allow
            && s.principal.as_ref().is_some_and(|p| p.anyone)
            && s.conditions.is_empty()
    })
}

pub fn put_resource_policy(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    r.required_string("SecretId", 1, 2048);
    let text = r
        .required_string("ResourcePolicy", 1, 20_480)
        .unwrap_or_default();
    let block = r.bool("BlockPublicPolicy").unwrap_or(false);
    r.finish()?;
    let key = target.found()?;
    let doc = PolicyDocument::parse_key_policy(&text)?;
    if block && is_public(&doc) {
        // AWS documents the exception's description only; it is the message here.
        return Err(Error::PublicPolicyException(
            "The BlockPublicPolicy parameter is set to true, and the resource policy did not prevent broad access to the secret.".to_owned(),
        ));
    }
    let secret = sm.at(&key);
    secret.policy = Some((text, doc));
    let answer = secret.names();
    replication::sync(sm, env, via, &key);
    Ok(answer)
}

pub fn get_resource_policy(
    sm: &mut SecretsManager,
    _env: &Env<'_>,
    _via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let key = only_secret_id(request, target)?;
    let secret = sm.at(&key);
    let mut answer = secret.names();
    if let Some((text, _)) = &secret.policy {
        answer["ResourcePolicy"] = json!(text);
    }
    Ok(answer)
}

pub fn delete_resource_policy(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let key = only_secret_id(request, target)?;
    let secret = sm.at(&key);
    secret.policy = None;
    let answer = secret.names();
    replication::sync(sm, env, via, &key);
    Ok(answer)
}
