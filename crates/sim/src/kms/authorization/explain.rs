//! Explaining an access decision without making the call: would this
//! principal be allowed this KMS action on this key, and which statement (or
//! grant) decides? The same evaluation [`Kms::authorize`] runs, read-only.
//!
//! The condition keys are those a call would supply from the caller, the
//! key and the encryption context; keys that depend on other request
//! members (`kms:EncryptionAlgorithm`, `kms:SigningAlgorithm`,
//! `kms:GrantOperations`, …) are absent.

use super::access::{denied, Access, Verdict};
use super::lookup::Scope;
use crate::kms::model::grant::GRANT_OPERATIONS;
use crate::kms::model::{EncryptionContext, Grant, Kms, Operation};
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::policy::{Decision, PolicyDocument, PolicyRef, StatementRef};
use serde::Serialize;
use serde_json::Value;

/// Operations whose IAM action names no key, or (ReEncrypt) is two actions.
const NOT_KEY_ACTIONS: &[Operation] = &[
    Operation::CreateKey,
    Operation::ListKeys,
    Operation::ListAliases,
    Operation::GenerateRandom,
    Operation::ReEncrypt,
];

/// Operations that send an encryption context (an empty one when the
/// request has none), so its condition keys are always present.
const CONTEXT_OPERATIONS: &[&str] = &[
    "Encrypt",
    "Decrypt",
    "ReEncryptFrom",
    "ReEncryptTo",
    "GenerateDataKey",
    "GenerateDataKeyWithoutPlaintext",
    "GenerateDataKeyPair",
    "GenerateDataKeyPairWithoutPlaintext",
];

/// The outcome, as IAM's evaluation logic names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AccessDecision {
    Allow,
    ExplicitDeny,
    ImplicitDeny,
}

/// The statement or grant that decided.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DecidedBy {
    /// `key policy`, `IAM policy <name>` or `grant <grant id>`.
    pub policy: String,
    /// The statement's position in its policy's `Statement` list, from 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement_index: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// The statement as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<Value>,
    /// The grant, as ListGrants shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grant: Option<Value>,
}

/// Whether a call would be allowed, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AccessExplanation {
    pub decision: AccessDecision,
    /// The IAM action, such as `kms:Decrypt`.
    pub action: String,
    pub key_arn: String,
    /// Absent for an implicit deny: no statement decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<DecidedBy>,
    /// For a deny, the AccessDeniedException message AWS gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The operation of a KMS action on a key (`kms:Decrypt` → `Decrypt`), in
/// its AWS spelling; action names are case-insensitive, as in IAM.
fn key_operation(action: &str) -> Result<&'static str, Error> {
    let name = action
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("kms:"))
        .map(|_| &action[4..]);
    Operation::ALL
        .iter()
        .chain(GRANT_OPERATIONS)
        .filter(|op| Operation::parse(op).is_none_or(|o| !NOT_KEY_ACTIONS.contains(&o)))
        .find(|op| name.is_some_and(|n| n.eq_ignore_ascii_case(op)))
        .copied()
        .ok_or_else(|| {
            Error::ValidationException(format!(
                "{action} is not a KMS action on a key, such as kms:Decrypt."
            ))
        })
}

fn statement(policy: &PolicyDocument, name: String, at: StatementRef) -> DecidedBy {
    let s = policy.statements.get(at.index);
    DecidedBy {
        policy: name,
        statement_index: Some(at.index),
        sid: s.and_then(|s| s.sid.clone()),
        statement: s.map(|s| s.raw.clone()),
        grant: None,
    }
}

impl Kms {
    /// Whether `caller` (in `env`) may do `action` (`kms:Decrypt`) on the key
    /// `key_id` (a key ID, key ARN, alias name or alias ARN), under an
    /// optional encryption context, and which statement or grant decides.
    /// Changes nothing.
    pub fn explain(
        &self,
        env: &Env<'_>,
        action: &str,
        key_id: &str,
        context: Option<&EncryptionContext>,
    ) -> Result<AccessExplanation, Error> {
        let operation = key_operation(action)?;
        let arn = self.lookup(env, key_id, Scope::CrossAccount)?;
        let empty = EncryptionContext::new();
        let context = context.or(CONTEXT_OPERATIONS.contains(&operation).then_some(&empty));
        let mut access = Access::to(operation);
        access.context = context;
        let action = format!("kms:{operation}");
        let (decision, decided_by, message) = match self.verdict(env, &arn, &access)? {
            Verdict::Grant(g) => (AccessDecision::Allow, Some(granted(g)), None),
            Verdict::Policies(d) => (
                kind(d),
                self.decider(env, &arn, d),
                deny_message(env, &action, &arn, d),
            ),
        };
        Ok(AccessExplanation {
            decision,
            action,
            key_arn: arn,
            decided_by,
            message,
        })
    }

    /// The statement behind a policy decision; none for an implicit deny.
    fn decider(&self, env: &Env<'_>, arn: &str, d: Decision) -> Option<DecidedBy> {
        let at = match d {
            Decision::Allow(at) | Decision::ExplicitDeny(at) => at,
            Decision::ImplicitDeny(_) => return None,
        };
        let principal = &env.caller.principal;
        Some(match at.policy {
            PolicyRef::Key => statement(self.key(arn).policy.document(), "key policy".into(), at),
            PolicyRef::Identity(i) => {
                let policy = env.iam.policies_for(principal).into_iter().nth(i)?;
                let name = env.iam.policy_name(principal, i)?;
                statement(&policy, format!("IAM policy {name}"), at)
            }
        })
    }
}

/// The AccessDeniedException message a denied call gets.
fn deny_message(env: &Env<'_>, action: &str, arn: &str, d: Decision) -> Option<String> {
    if d.is_allow() {
        return None;
    }
    denied(env, action, arn, d).message().map(str::to_owned)
}

fn kind(d: Decision) -> AccessDecision {
    match d {
        Decision::Allow(_) => AccessDecision::Allow,
        Decision::ExplicitDeny(_) => AccessDecision::ExplicitDeny,
        Decision::ImplicitDeny(_) => AccessDecision::ImplicitDeny,
    }
}

fn granted(g: &Grant) -> DecidedBy {
    DecidedBy {
        policy: format!("grant {}", g.id),
        statement_index: None,
        sid: None,
        statement: None,
        grant: Some(g.to_json()),
    }
}
