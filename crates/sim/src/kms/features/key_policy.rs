//! Key policies: the default policy, AWS managed keys' policies, the
//! lockout safety check, and PutKeyPolicy, GetKeyPolicy and
//! ListKeyPolicies.

use crate::kms::authorization::key_state::require_not_pending_deletion;
use crate::kms::authorization::{Access, Scope};
use crate::kms::model::key_policy::KeyPolicy;
use crate::kms::model::Kms;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::policy::{authorize, ConditionContext, Query};
use crate::platform::request::Request;
use serde_json::{json, Value};

/// Unless bypassed, refuses a new key policy that would lock the caller
/// out of PutKeyPolicy.
pub fn check_new_policy(
    env: &Env<'_>,
    policy: &KeyPolicy,
    key_arn: &str,
    key_account: &str,
    bypass: bool,
) -> Result<(), Error> {
    if bypass {
        return Ok(());
    }
    let mut conditions = ConditionContext::default();
    conditions.set("kms:CallerAccount", env.caller.account().as_str());
    conditions.set("aws:PrincipalArn", &env.caller.principal.policy_arn());
    let decision = authorize(
        policy.document(),
        &env.iam.policies_for(&env.caller.principal),
        &Query {
            principal: &env.caller.principal,
            action: "kms:PutKeyPolicy",
            resource: key_arn,
            resource_account: key_account,
            conditions: &conditions,
        },
    );
    if decision.is_allow() {
        Ok(())
    } else {
        Err(Error::MalformedPolicyDocumentException(
            "The new key policy will not allow you to update the key policy in the future."
                .to_owned(),
        ))
    }
}

fn policy_name(r: &mut Request<'_>) -> Option<String> {
    r.string("PolicyName", 1, 128)
}

fn require_default_name(name: Option<&str>) -> Result<(), Error> {
    match name {
        None | Some("default") => Ok(()),
        Some(_) => Err(Error::NotFoundException("No such policy exists".to_owned())),
    }
}

pub fn put_key_policy(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let name = policy_name(&mut r);
    let policy = r.required_string("Policy", 1, 32768);
    let bypass = r.bool("BypassPolicyLockoutSafetyCheck").unwrap_or(false);
    r.finish()?;
    let (key_id, text) = (key_id.unwrap_or_default(), policy.unwrap_or_default());
    let arn = kms.resolve(env, &key_id, Scope::SameAccount)?;
    kms.authorize(env, &arn, &Access::to("PutKeyPolicy"))?;
    require_default_name(name.as_deref())?;
    require_not_pending_deletion(kms.key(&arn))?;
    let account = kms.key(&arn).account.to_string();
    let policy = KeyPolicy::parse(&text)?;
    check_new_policy(env, &policy, &arn, &account, bypass)?;
    kms.key_mut(&arn).policy = policy;
    Ok(json!({}))
}

pub fn get_key_policy(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let name = policy_name(&mut r);
    r.finish()?;
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::SameAccount)?;
    kms.authorize(env, &arn, &Access::to("GetKeyPolicy"))?;
    require_default_name(name.as_deref())?;
    Ok(json!({"Policy": kms.key(&arn).policy.text(), "PolicyName": "default"}))
}

pub fn list_key_policies(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    r.int("Limit", 1, 1000);
    r.string("Marker", 1, 320);
    r.finish()?;
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::SameAccount)?;
    kms.authorize(env, &arn, &Access::to("ListKeyPolicies"))?;
    Ok(json!({"PolicyNames": ["default"], "Truncated": false}))
}
