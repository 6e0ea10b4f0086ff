//! Key policies: the default policy, AWS managed keys' policies, the
//! lockout safety check, and PutKeyPolicy, GetKeyPolicy and
//! ListKeyPolicies.

use super::resolve::{require_not_pending_deletion, Scope};
use super::{Access, Env, Kms};
use crate::platform::account::{AccountId, Region};
use crate::platform::error::Error;
use crate::platform::policy::{authorize, ConditionContext, PolicyDocument, Query};
use crate::platform::request::Request;
use serde_json::{json, Value};

/// The default key policy, which gives the account's root user full access
/// and so lets IAM policies in the account allow use of the key
/// (<https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html>).
pub fn default_policy(account: &AccountId) -> String {
    json!({
        "Version": "2012-10-17",
        "Id": "key-default-1",
        "Statement": [{
            "Sid": "Enable IAM User Permissions",
            "Effect": "Allow",
            "Principal": {"AWS": account.root_arn()},
            "Action": "kms:*",
            "Resource": "*"
        }]
    })
    .to_string()
}

/// The policy of an AWS managed key: usable by principals of the account
/// only through the service, and readable by the account.
pub fn aws_managed(account: &AccountId, region: &Region, service: &str) -> String {
    json!({
        "Version": "2012-10-17",
        "Id": format!("auto-{service}-1"),
        "Statement": [{
            "Sid": format!("Allow access through {service} for all principals in the account that are authorized to use {service}"),
            "Effect": "Allow",
            "Principal": {"AWS": "*"},
            "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"],
            "Resource": "*",
            "Condition": {"StringEquals": {
                "kms:CallerAccount": account.as_str(),
                "kms:ViaService": format!("{service}.{region}.amazonaws.com")
            }}
        }, {
            "Sid": "Allow direct access to key metadata to the account",
            "Effect": "Allow",
            "Principal": {"AWS": account.root_arn()},
            "Action": ["kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"],
            "Resource": "*"
        }]
    })
    .to_string()
}

/// Parses a new key policy and, unless bypassed, refuses one that would
/// lock the caller out of PutKeyPolicy.
pub fn check_new_policy(
    env: &Env<'_>,
    text: &str,
    key_arn: &str,
    key_account: &str,
    bypass: bool,
) -> Result<(), Error> {
    let doc = PolicyDocument::parse_key_policy(text)?;
    if bypass {
        return Ok(());
    }
    let mut conditions = ConditionContext::default();
    conditions.set("kms:CallerAccount", env.caller.account().as_str());
    conditions.set("aws:PrincipalArn", &env.caller.principal.policy_arn());
    let decision = authorize(
        &doc,
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
    let (key_id, policy) = (key_id.unwrap_or_default(), policy.unwrap_or_default());
    let arn = kms.resolve(env, &key_id, Scope::SameAccount)?;
    kms.authorize(env, &arn, &Access::to("PutKeyPolicy"))?;
    require_default_name(name.as_deref())?;
    require_not_pending_deletion(kms.key(&arn))?;
    let account = kms.key(&arn).account.to_string();
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
    Ok(json!({"Policy": kms.key(&arn).policy, "PolicyName": "default"}))
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
