//! IAM-style policy evaluation, as KMS applies it to key policies, IAM
//! identity policies and grants.
//!
//! The rules follow the IAM policy evaluation logic and the KMS key-policy
//! documentation (<https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html>):
//! - an explicit `Deny` in any policy wins;
//! - a key policy statement that names the principal allows directly;
//! - a key policy statement that names the account (`arn:aws:iam::<account>:root`)
//!   delegates to that account's IAM policies;
//! - a caller from another account needs both the key policy and its own
//!   IAM policy;
//! - grants add permissions on their own (checked by the KMS layer).

mod condition;
mod document;
mod evaluate;
mod glob;

pub use condition::{normalize_key, ConditionContext};
pub use document::{Condition, Effect, PolicyDocument, PrincipalSpec, Statement};
pub use evaluate::{authorize, Decision, PolicyRef, PolicySource, Query, StatementRef};
pub use glob::glob_match;
