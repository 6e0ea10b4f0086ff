//! Authorizing an action on a resource that has no resource policy (a
//! Parameter Store parameter, KMS's GenerateRandom): the caller's IAM
//! identity policies alone decide, and an account's root user needs none
//! in its own account
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html>).

use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::policy::{authorize, ConditionContext, Decision, PolicyDocument, Query};
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
    match identity_denial(env, action, resource) {
        None => Ok(()),
        Some(message) => Err(Error::AccessDeniedException(message)),
    }
}

/// Why the caller's IAM policies do not allow `action` on `resource`, in
/// IAM's words, or `None` if they do. Services that word a denial their
/// own way (EC2's UnauthorizedOperation) wrap this sentence.
pub fn identity_denial(env: &Env<'_>, action: &str, resource: Option<&str>) -> Option<String> {
    let account = env.caller.account();
    // The account trusts its own IAM policies, as a KMS default key policy does.
    let trust = json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": account.root_arn()}, "Action": "*", "Resource": "*"
    }]});
    let trust = PolicyDocument::parse_key_policy(&trust.to_string())
        .expect("the account's trust policy is well formed");
    let p = &env.caller.principal;
    let mut conditions = ConditionContext::default();
    conditions.set("aws:PrincipalArn", &p.policy_arn());
    conditions.set("aws:PrincipalAccount", account.as_str());
    let decision = authorize(
        &trust,
        &env.iam.policies_for(p),
        &Query {
            principal: p,
            action,
            resource: resource.unwrap_or("*"),
            resource_account: account.as_str(),
            conditions: &conditions,
        },
    );
    if decision.is_allow() {
        return None;
    }
    let why = match decision {
        Decision::ExplicitDeny(_) => "with an explicit deny in an identity-based policy".to_owned(),
        _ => format!("because no identity-based policy allows the {action} action"),
    };
    let on = resource
        .map(|r| format!(" on resource: {r}"))
        .unwrap_or_default();
    Some(format!(
        "User: {} is not authorized to perform: {action}{on} {why}",
        p.caller_arn()
    ))
}
