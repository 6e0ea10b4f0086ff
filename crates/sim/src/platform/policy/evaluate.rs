//! The decision: explicit deny, allow, or implicit deny; which statement
//! decided it; and which kind of policy is to blame, which AWS names in its
//! AccessDeniedException message.

use super::condition::{evaluate, ConditionContext};
use super::document::{Effect, PolicyDocument, Statement};
use super::glob::glob_match;
use crate::platform::principal::Principal;

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

/// The policy a statement belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyRef {
    /// The key policy.
    Key,
    /// The caller's IAM policy at this position of the `identity` list
    /// given to [`authorize`].
    Identity(usize),
}

impl PolicyRef {
    pub fn source(self) -> PolicySource {
        match self {
            PolicyRef::Key => PolicySource::Resource,
            PolicyRef::Identity(_) => PolicySource::Identity,
        }
    }
}

/// A statement: its policy and its position in that policy's `Statement`
/// list, counting from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatementRef {
    pub policy: PolicyRef,
    pub index: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Allowed by this statement. When the key policy delegates to the
    /// account's IAM policies, the IAM statement is the one that allows;
    /// a root user needs none, so for it the key policy statement does.
    Allow(StatementRef),
    /// Denied by this statement, the first `Deny` that applies.
    ExplicitDeny(StatementRef),
    /// Nothing allowed the action; the source is the policy that would
    /// have had to.
    ImplicitDeny(PolicySource),
}

impl Decision {
    pub fn is_allow(self) -> bool {
        matches!(self, Decision::Allow(_))
    }
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

/// A statement that applies to the request, and where it is.
struct Applying<'d> {
    at: StatementRef,
    statement: &'d Statement,
}

fn applying<'d>(policy: PolicyRef, doc: &'d PolicyDocument, q: &Query<'_>) -> Vec<Applying<'d>> {
    doc.statements
        .iter()
        .enumerate()
        .filter(|(_, s)| applies(s, q.action, q.resource, q.conditions))
        .map(|(index, statement)| Applying {
            at: StatementRef { policy, index },
            statement,
        })
        .collect()
}

/// The first statement with `effect` whose coverage of the caller passes `covers`.
fn first(
    statements: &[Applying<'_>],
    effect: Effect,
    p: &Principal,
    covers: impl Fn(Coverage) -> bool,
) -> Option<StatementRef> {
    statements
        .iter()
        .find(|a| a.statement.effect == effect && covers(coverage(a.statement, p)))
        .map(|a| a.at)
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
    let key = applying(PolicyRef::Key, key_policy, q);
    let ids: Vec<Applying<'_>> = identity
        .iter()
        .enumerate()
        .flat_map(|(i, doc)| applying(PolicyRef::Identity(i), doc, q))
        .collect();
    let p = q.principal;
    let denies = |c: Coverage| c != Coverage::None;
    if let Some(deny) = first(&key, Effect::Deny, p, denies) {
        return Decision::ExplicitDeny(deny);
    }
    if let Some(deny) = first(&ids, Effect::Deny, p, denies).filter(|_| !p.is_root()) {
        return Decision::ExplicitDeny(deny);
    }
    allow(&key, &ids, q)
}

/// With no explicit deny: a key policy statement naming a caller of the
/// key's account allows alone; one naming the account (or, for a caller
/// from another account, any that covers it) needs an IAM allow as well,
/// except for a root user.
fn allow(key: &[Applying<'_>], ids: &[Applying<'_>], q: &Query<'_>) -> Decision {
    let p = q.principal;
    let direct = first(key, Effect::Allow, p, |c| c == Coverage::Direct);
    let account = first(key, Effect::Allow, p, |c| c == Coverage::Account);
    let same_account = p.account.as_str() == q.resource_account;
    if let Some(direct) = direct.filter(|_| same_account) {
        return Decision::Allow(direct);
    }
    let trusting = if same_account {
        account
    } else {
        direct.or(account)
    };
    let Some(trusting) = trusting else {
        return Decision::ImplicitDeny(PolicySource::Resource);
    };
    if p.is_root() {
        return Decision::Allow(trusting);
    }
    match first(ids, Effect::Allow, p, |_| true) {
        Some(s) => Decision::Allow(s),
        None => Decision::ImplicitDeny(PolicySource::Identity),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::account::AccountId;

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

    fn key_statement(index: usize) -> StatementRef {
        StatementRef {
            policy: PolicyRef::Key,
            index,
        }
    }

    fn iam_statement(policy: usize, index: usize) -> StatementRef {
        StatementRef {
            policy: PolicyRef::Identity(policy),
            index,
        }
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
            Decision::Allow(iam_statement(0, 0))
        );
        assert_eq!(
            decide(
                &doc(DEFAULT),
                &[],
                &Principal::root(&account("111122223333"))
            ),
            Decision::Allow(key_statement(0))
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
            Decision::Allow(iam_statement(0, 0))
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
            Decision::ExplicitDeny(key_statement(1))
        );
        let deny_id = identity(r#"{"Effect":"Deny","Action":"kms:Encrypt","Resource":"*"}"#);
        assert_eq!(
            decide(&doc(DEFAULT), &[identity(USER_ENCRYPT), deny_id], &alice),
            Decision::ExplicitDeny(iam_statement(1, 0))
        );
    }

    #[test]
    fn a_key_policy_naming_the_user_allows_without_iam() {
        let alice = Principal::user(&account("111122223333"), "alice");
        let naming = doc(
            r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"kms:Encrypt","Resource":"*"}"#,
        );
        assert_eq!(
            decide(&naming, &[], &alice),
            Decision::Allow(key_statement(0))
        );
    }
}
