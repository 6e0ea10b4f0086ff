//! The decision: explicit deny, allow, or implicit deny, and which kind of
//! policy is to blame, which AWS names in its AccessDeniedException message.

use super::condition::{evaluate, ConditionContext};
use super::document::{Effect, PolicyDocument, Statement};
use super::glob::glob_match;
use crate::principal::Principal;

/// The kind of policy AWS names in an access-denied message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicySource {
    /// A key policy: "resource-based policy".
    Resource,
    /// An IAM policy: "identity-based policy".
    Identity,
}

impl PolicySource {
    pub fn words(self) -> &'static str {
        match self {
            PolicySource::Resource => "resource-based policy",
            PolicySource::Identity => "identity-based policy",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    ExplicitDeny(PolicySource),
    /// Nothing allowed the action; the source is the policy that would
    /// have had to.
    ImplicitDeny(PolicySource),
}

/// How a statement's `Principal` element covers the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Coverage {
    None,
    /// Names the caller (or `*`): the key policy alone can allow.
    Direct,
    /// Names the caller's account: the account's IAM policies decide.
    Account,
}

fn coverage(s: &Statement, p: &Principal) -> Coverage {
    let Some(spec) = &s.principal else {
        return Coverage::Direct;
    };
    if spec.anyone {
        return Coverage::Direct;
    }
    let (policy_arn, caller_arn) = (p.policy_arn(), p.caller_arn());
    let root = p.account.root_arn();
    let mut result = Coverage::None;
    for entry in &spec.aws {
        if *entry == policy_arn || *entry == caller_arn {
            if !p.is_root() {
                return Coverage::Direct;
            }
            result = Coverage::Account;
        } else if *entry == root || entry == p.account.as_str() {
            result = Coverage::Account;
        }
    }
    result
}

fn applies(s: &Statement, action: &str, resource: &str, ctx: &ConditionContext) -> bool {
    let named = s
        .actions
        .iter()
        .any(|a| glob_match(&a.to_ascii_lowercase(), &action.to_ascii_lowercase()));
    named != s.not_action
        && s.resources.iter().any(|r| glob_match(r, resource))
        && s.conditions.iter().all(|c| evaluate(c, ctx))
}

/// The request being authorized.
pub struct Query<'a> {
    pub principal: &'a Principal,
    pub action: &'a str,
    pub resource: &'a str,
    pub resource_account: &'a str,
    pub conditions: &'a ConditionContext,
}

/// Evaluates a key policy and the caller's IAM policies together.
///
/// The root user of an account needs no IAM policy in its own account:
/// `identity` is ignored for it.
pub fn authorize(
    key_policy: &PolicyDocument,
    identity: &[PolicyDocument],
    q: &Query<'_>,
) -> Decision {
    let applying = |doc: &'_ PolicyDocument| -> Vec<Statement> {
        doc.statements
            .iter()
            .filter(|s| applies(s, q.action, q.resource, q.conditions))
            .cloned()
            .collect()
    };
    let key_statements = applying(key_policy);
    let identity_statements: Vec<Statement> = identity.iter().flat_map(applying).collect();

    let denies =
        |s: &Statement| s.effect == Effect::Deny && coverage(s, q.principal) != Coverage::None;
    if key_statements.iter().any(denies) {
        return Decision::ExplicitDeny(PolicySource::Resource);
    }
    if !q.principal.is_root() && identity_statements.iter().any(denies) {
        return Decision::ExplicitDeny(PolicySource::Identity);
    }

    let allows = |kind: Coverage| {
        key_statements
            .iter()
            .any(|s| s.effect == Effect::Allow && coverage(s, q.principal) == kind)
    };
    let (direct, account) = (allows(Coverage::Direct), allows(Coverage::Account));
    let identity_allows = q.principal.is_root()
        || identity_statements
            .iter()
            .any(|s| s.effect == Effect::Allow);
    let same_account = q.principal.account.as_str() == q.resource_account;

    let allowed = if same_account {
        direct || (account && identity_allows)
    } else {
        (direct || account) && identity_allows
    };
    match (allowed, direct || account) {
        (true, _) => Decision::Allow,
        (false, false) => Decision::ImplicitDeny(PolicySource::Resource),
        (false, true) => Decision::ImplicitDeny(PolicySource::Identity),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::AccountId;

    const KEY: &str = "arn:aws:kms:us-east-1:111122223333:key/k";

    fn doc(statements: &str) -> PolicyDocument {
        PolicyDocument::parse_key_policy(&format!(r#"{{"Statement":[{statements}]}}"#)).unwrap()
    }

    fn identity(statements: &str) -> PolicyDocument {
        PolicyDocument::parse_identity_policy(&format!(r#"{{"Statement":[{statements}]}}"#))
            .unwrap()
    }

    fn decide(key: &PolicyDocument, ids: &[PolicyDocument], p: &Principal) -> Decision {
        let ctx = ConditionContext::default();
        authorize(
            key,
            ids,
            &Query {
                principal: p,
                action: "kms:Encrypt",
                resource: KEY,
                resource_account: "111122223333",
                conditions: &ctx,
            },
        )
    }

    fn account(id: &str) -> AccountId {
        id.parse().unwrap()
    }

    const DEFAULT: &str = r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}"#;
    const USER_ENCRYPT: &str = r#"{"Effect":"Allow","Action":"kms:Encrypt","Resource":"*"}"#;

    #[test]
    fn the_default_key_policy_delegates_to_iam() {
        let alice = Principal::user(&account("111122223333"), "alice");
        assert_eq!(
            decide(&doc(DEFAULT), &[], &alice),
            Decision::ImplicitDeny(PolicySource::Identity)
        );
        assert_eq!(
            decide(&doc(DEFAULT), &[identity(USER_ENCRYPT)], &alice),
            Decision::Allow
        );
        assert_eq!(
            decide(
                &doc(DEFAULT),
                &[],
                &Principal::root(&account("111122223333"))
            ),
            Decision::Allow
        );
    }

    #[test]
    fn cross_account_needs_both_policies() {
        let bob = Principal::user(&account("444455556666"), "bob");
        assert_eq!(
            decide(&doc(DEFAULT), &[identity(USER_ENCRYPT)], &bob),
            Decision::ImplicitDeny(PolicySource::Resource)
        );
        let trusting = doc(&format!(
            r#"{DEFAULT},{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::444455556666:root"}},"Action":"kms:Encrypt","Resource":"*"}}"#
        ));
        assert_eq!(
            decide(&trusting, &[], &bob),
            Decision::ImplicitDeny(PolicySource::Identity)
        );
        assert_eq!(
            decide(&trusting, &[identity(USER_ENCRYPT)], &bob),
            Decision::Allow
        );
    }

    #[test]
    fn an_explicit_deny_wins_over_any_allow() {
        let alice = Principal::user(&account("111122223333"), "alice");
        let denying = doc(&format!(
            r#"{DEFAULT},{{"Effect":"Deny","Principal":{{"AWS":"arn:aws:iam::111122223333:user/alice"}},"Action":"kms:*","Resource":"*"}}"#
        ));
        assert_eq!(
            decide(&denying, &[identity(USER_ENCRYPT)], &alice),
            Decision::ExplicitDeny(PolicySource::Resource)
        );
        let deny_id = identity(r#"{"Effect":"Deny","Action":"kms:Encrypt","Resource":"*"}"#);
        assert_eq!(
            decide(&doc(DEFAULT), &[identity(USER_ENCRYPT), deny_id], &alice),
            Decision::ExplicitDeny(PolicySource::Identity)
        );
    }

    #[test]
    fn a_key_policy_naming_the_user_allows_without_iam() {
        let alice = Principal::user(&account("111122223333"), "alice");
        let naming = doc(
            r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"kms:Encrypt","Resource":"*"}"#,
        );
        assert_eq!(decide(&naming, &[], &alice), Decision::Allow);
    }
}
