//! Authorizing a call on a key: key policy, IAM policies and grants
//! together, with the condition keys KMS supplies
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html>).

use crate::kms::model::grant::check_tokens;
use crate::kms::model::{EncryptionContext, Grant, Key, Kms};
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::identity::authorize_identity;
use crate::platform::policy::{authorize, ConditionContext, Decision, Query};

/// What a call wants to do with a key.
pub struct Access<'a> {
    /// The operation, such as `Encrypt`; the IAM action is `kms:<operation>`.
    pub operation: &'a str,
    pub context: Option<&'a EncryptionContext>,
    pub grant_tokens: &'a [String],
    /// Further condition keys, such as `kms:EncryptionAlgorithm`.
    pub conditions: Vec<(&'static str, String)>,
}

impl<'a> Access<'a> {
    pub fn to(operation: &'a str) -> Access<'a> {
        Access {
            operation,
            context: None,
            grant_tokens: &[],
            conditions: Vec::new(),
        }
    }

    pub fn with_context(mut self, context: &'a EncryptionContext) -> Self {
        self.context = Some(context);
        self
    }

    pub fn with_tokens(mut self, tokens: &'a [String]) -> Self {
        self.grant_tokens = tokens;
        self
    }

    pub fn with(mut self, key: &'static str, value: &str) -> Self {
        self.conditions.push((key, value.to_owned()));
        self
    }
}

fn condition_context(kms: &Kms, env: &Env<'_>, key: &Key, access: &Access<'_>) -> ConditionContext {
    let p = &env.caller.principal;
    let mut c = ConditionContext::default();
    c.set("kms:CallerAccount", p.account.as_str());
    c.set("aws:PrincipalArn", &p.policy_arn());
    c.set("aws:PrincipalAccount", p.account.as_str());
    c.set("aws:PrincipalType", p.identity_type());
    if let Some(via) = &env.caller.via_service {
        c.set("kms:ViaService", via);
    }
    c.set("kms:KeySpec", key.spec.as_str());
    c.set("kms:KeyUsage", key.usage.as_str());
    c.set("kms:KeyOrigin", key.origin.as_str());
    c.set("kms:MultiRegion", &key.multi_region.is_some().to_string());
    c.set_many("kms:ResourceAliases", kms.aliases_of(key));
    for (k, v) in &key.tags {
        c.set(&format!("aws:ResourceTag/{k}"), v);
    }
    if let Some(context) = access.context {
        for (k, v) in context {
            c.set(&format!("kms:EncryptionContext:{k}"), v);
        }
        c.set_many(
            "kms:EncryptionContextKeys",
            context.keys().cloned().collect(),
        );
    }
    for (k, v) in &access.conditions {
        c.set(k, v);
    }
    c
}

/// `User: <arn> is not authorized to perform: kms:<Op> on resource: <key arn> because …`
pub(crate) fn denied(env: &Env<'_>, action: &str, arn: &str, decision: Decision) -> Error {
    let who = env.caller.principal.caller_arn();
    let why = match decision {
        Decision::ExplicitDeny(at) => {
            format!("with an explicit deny in a {}", at.policy.source().words())
        }
        Decision::ImplicitDeny(source) => {
            format!("because no {} allows the {action} action", source.words())
        }
        Decision::Allow(_) => String::new(),
    };
    Error::AccessDeniedException(format!(
        "User: {who} is not authorized to perform: {action} on resource: {arn} {why}"
    ))
}

/// What decides a call on a key: the policies, or, where they only fail to
/// allow, a grant that allows.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Verdict<'k> {
    Policies(Decision),
    Grant(&'k Grant),
}

impl Kms {
    /// Checks that the caller may do `access` on the key `arn`.
    pub fn authorize(&self, env: &Env<'_>, arn: &str, access: &Access<'_>) -> Result<(), Error> {
        match self.verdict(env, arn, access)? {
            Verdict::Policies(d @ (Decision::ExplicitDeny(_) | Decision::ImplicitDeny(_))) => {
                Err(denied(env, &format!("kms:{}", access.operation), arn, d))
            }
            _ => Ok(()),
        }
    }

    /// Decides `access` on the key `arn`: the key policy and the caller's
    /// IAM policies together, then the key's grants.
    pub(crate) fn verdict(
        &self,
        env: &Env<'_>,
        arn: &str,
        access: &Access<'_>,
    ) -> Result<Verdict<'_>, Error> {
        check_tokens(access.grant_tokens)?;
        let key = self.key(arn);
        let action = format!("kms:{}", access.operation);
        let conditions = condition_context(self, env, key, access);
        let identity = env.iam.policies_for(&env.caller.principal);
        let decision = authorize(
            key.policy.document(),
            &identity,
            &Query {
                principal: &env.caller.principal,
                action: &action,
                resource: arn,
                resource_account: key.account.as_str(),
                conditions: &conditions,
            },
        );
        let grant = match decision {
            Decision::ImplicitDeny(_) => self.allowing_grant(env, arn, access),
            _ => None,
        };
        Ok(grant.map_or(Verdict::Policies(decision), Verdict::Grant))
    }

    /// The first grant that gives the caller `access` on the key.
    pub(crate) fn allowing_grant(
        &self,
        env: &Env<'_>,
        arn: &str,
        access: &Access<'_>,
    ) -> Option<&Grant> {
        let p = &env.caller.principal;
        let (policy_arn, caller_arn) = (p.policy_arn(), p.caller_arn());
        self.grants.iter().find(|g| {
            g.key_arn == arn
                && (g.grantee == policy_arn || g.grantee == caller_arn)
                && g.operations.iter().any(|o| o == access.operation)
                && g.permits(access.context)
        })
    }

    /// Checks an action that names no key (GenerateRandom): only the
    /// caller's IAM policies decide, so the account's root user may.
    pub fn authorize_account_action(&self, env: &Env<'_>, action: &str) -> Result<(), Error> {
        authorize_identity(env, action, None)
    }
}
