//! Cross-account use of a KMS key takes two halves: the key policy must
//! allow the other account (or its principals), and an IAM policy in that
//! account must pass the permission on to the user or role that calls
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html>).
//! A `kms:EncryptionContext:<key>` condition narrows the permission to
//! requests with that context
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html>).

use keydeck_sim::platform::policy::{glob_match, Effect, Statement};
use keydeck_sim::{AccountId, Principal};

use super::calls::{calls, succeeded, Call};
use super::state::your_keys;
use super::{Check, PARTNER_ACCOUNT, YOUR_ACCOUNT};
use crate::session::Session;

pub(super) const CHECKS: &[(&str, Check)] = &[
    ("cross-account-decrypt-denied", cross_account_decrypt_denied),
    ("key-policy-allows-partner", key_policy_allows_partner),
    (
        "partner-iam-policy-allows-decrypt",
        partner_iam_policy_allows_decrypt,
    ),
    (
        "cross-account-decrypt-succeeded",
        cross_account_decrypt_succeeded,
    ),
];

/// The partner's IAM user that decrypts.
const PARTNER_USER: &str = "developer";
const DECRYPT: &str = "kms:Decrypt";
const CONTEXT_CONDITION: &str = "kms:encryptioncontext:";

/// A Decrypt by a principal of the partner account was denied.
fn cross_account_decrypt_denied(session: &Session) -> bool {
    calls(session, "Decrypt")
        .any(|c| c.account() == PARTNER_ACCOUNT && c.failed_with("AccessDeniedException"))
}

/// One of your keys' policies allows the partner account (its root, its ID
/// or one of its principals) `kms:Decrypt` under an encryption-context
/// condition.
fn key_policy_allows_partner(session: &Session) -> bool {
    your_keys(session).any(|k| {
        k.policy
            .document()
            .statements
            .iter()
            .any(|s| allows_decrypt(s) && names_partner(s) && has_context_condition(s))
    })
}

/// The partner's `developer` has an IAM policy that allows `kms:Decrypt` on
/// one of your keys. IAM policies are read from a copy of the simulator,
/// whose IAM state is reachable only mutably.
fn partner_iam_policy_allows_decrypt(session: &Session) -> bool {
    let Ok(partner) = PARTNER_ACCOUNT.parse::<AccountId>() else {
        return false;
    };
    let developer = Principal::user(&partner, PARTNER_USER);
    let policies = session.sim().clone().iam_mut().policies_for(&developer);
    let arns: Vec<String> = your_keys(session).map(|k| k.arn()).collect();
    policies.iter().flat_map(|p| &p.statements).any(|s| {
        allows_decrypt(s)
            && arns
                .iter()
                .any(|arn| s.resources.iter().any(|r| glob_match(r, arn)))
    })
}

/// A Decrypt with an encryption context by a principal of the partner
/// account succeeded on one of your keys.
fn cross_account_decrypt_succeeded(session: &Session) -> bool {
    succeeded(session, "Decrypt").any(|c| {
        c.account() == PARTNER_ACCOUNT && c.context().is_some() && on_your_key(session, &c)
    })
}

/// The call named one of your keys, or named none and the partner has no
/// key of its own that it could have opened.
fn on_your_key(session: &Session, call: &Call<'_>) -> bool {
    match call.string_param("keyId") {
        Some(id) => id.contains(&format!(":{YOUR_ACCOUNT}:")),
        None => !session
            .sim()
            .kms()
            .keys()
            .any(|k| k.account.as_str() == PARTNER_ACCOUNT),
    }
}

fn allows_decrypt(s: &Statement) -> bool {
    let named = s
        .actions
        .iter()
        .any(|a| glob_match(&a.to_ascii_lowercase(), &DECRYPT.to_ascii_lowercase()));
    s.effect == Effect::Allow && named != s.not_action
}

fn names_partner(s: &Statement) -> bool {
    s.principal.as_ref().is_some_and(|p| {
        p.aws
            .iter()
            .any(|a| a == PARTNER_ACCOUNT || a.contains(&format!("::{PARTNER_ACCOUNT}:")))
    })
}

fn has_context_condition(s: &Statement) -> bool {
    s.conditions
        .iter()
        .any(|c| c.key.to_ascii_lowercase().starts_with(CONTEXT_CONDITION))
}
