//! Authorizing an action on a resource that is not a KMS key: a Parameter
//! Store parameter or KMS's GenerateRandom (IAM policies alone), or a
//! Secrets Manager secret (IAM policies together with the secret's resource
//! policy). In its own account, a principal needs either policy to allow
//! and an account's root user needs none; from another account, both the
//! resource policy and the caller's IAM policies must allow
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html>).

use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::policy::{
    authorize, ConditionContext, Decision, PolicyDocument, Query, StatementRef,
};
use serde_json::json;

/// Allows `action` on `resource` (`None` for an action that names none) if
/// the caller's IAM policies do, else fails with AccessDeniedException in
/// AWS's words: `User: <arn> is not authorized to perform: <action> on
/// resource: <arn> because no identity-based policy allows the <action>
/// action`.
pub fn authorize_identity(
    env: &Env<'_>,
    action: &str,
    resource: Option<&str>,
) -> Result<(), Error> {
    let account = env.caller.account().as_str();
    authorize_resource(env, action, resource, account, None)
}

/// Why the caller's IAM policies do not allow `action` on `resource`, in
/// IAM's words, or `None` if they do. Services that word a denial their
/// own way (EC2's UnauthorizedOperation) wrap this sentence.
pub fn identity_denial(env: &Env<'_>, action: &str, resource: Option<&str>) -> Option<String> {
    let account = env.caller.account().as_str();
    denial(env, action, resource, account, None).expect("the account's trust policy is well formed")
}

/// Allows `action` on `resource`, owned by `resource_account`, if the
/// caller's IAM policies and the resource's own policy (if any) allow it
/// together, as IAM evaluates them; else AccessDeniedException, naming the
/// kind of policy that denied or would have had to allow.
pub fn authorize_resource(
    env: &Env<'_>,
    action: &str,
    resource: Option<&str>,
    resource_account: &str,
    resource_policy: Option<&PolicyDocument>,
) -> Result<(), Error> {
    match denial(env, action, resource, resource_account, resource_policy)? {
        None => Ok(()),
        Some(message) => Err(Error::AccessDeniedException(message)),
    }
}

/// The AccessDeniedException message for `action` on `resource`, or `None`
/// if the policies allow it.
fn denial(
    env: &Env<'_>,
    action: &str,
    resource: Option<&str>,
    resource_account: &str,
    resource_policy: Option<&PolicyDocument>,
) -> Result<Option<String>, Error> {
    // The resource's account trusts its own IAM policies; the resource
    // policy's statements follow.
    let mut statements = vec![json!({
        "Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{resource_account}:root")},
        "Action": "*", "Resource": "*"
    })];
    if let Some(policy) = resource_policy {
        statements.extend(policy.statements.iter().map(|s| s.raw.clone()));
    }
    let trust = json!({"Version": "2012-10-17", "Statement": statements});
    let trust = PolicyDocument::parse_key_policy(&trust.to_string())?;
    let p = &env.caller.principal;
    let mut conditions = ConditionContext::default();
    conditions.set("aws:PrincipalArn", &p.policy_arn());
    conditions.set("aws:PrincipalAccount", p.account.as_str());
    let decision = authorize(
        &trust,
        &env.iam.policies_for(p),
        &Query {
            principal: p,
            action,
            resource: resource.unwrap_or("*"),
            resource_account,
            conditions: &conditions,
        },
    );
    let why = match decision {
        Decision::Allow(_) => return Ok(None),
        Decision::ExplicitDeny(StatementRef { policy, .. }) => {
            format!("with an explicit deny in a {}", policy.source().words())
        }
        Decision::ImplicitDeny(source) => {
            format!("because no {} allows the {action} action", source.words())
        }
    };
    let on = resource
        .map(|r| format!(" on resource: {r}"))
        .unwrap_or_default();
    Ok(Some(format!(
        "User: {} is not authorized to perform: {action}{on} {why}",
        p.caller_arn()
    )))
}
