//! Grants: CreateGrant gives a grantee principal grant operations on one
//! key, optionally only for requests with a given encryption context
//! (EncryptionContextSubset or EncryptionContextEquals); the grant token
//! lets the grantee use it before it is eventually consistent; a grant ends
//! when it is retired or revoked
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/grants.html>,
//! <https://docs.aws.amazon.com/kms/latest/developerguide/using-grant-token.html>).

use serde_json::Value;

use super::calls::{any_succeeded, succeeded, Call};
use super::Check;
use crate::session::Session;

pub(super) const CHECKS: &[(&str, Check)] = &[
    (
        "grant-with-context-constraint",
        grant_with_context_constraint,
    ),
    ("grant-token-used", grant_token_used),
    ("grant-retired", grant_retired),
    ("grant-revoked", grant_revoked),
];

const CONSTRAINTS: [&str; 2] = ["encryptioncontextsubset", "encryptioncontextequals"];

/// A grant with an encryption-context constraint was created.
fn grant_with_context_constraint(session: &Session) -> bool {
    succeeded(session, "CreateGrant").any(|c| has_context_constraint(&c))
}

/// A grantee of a grant made a successful call with a grant token.
fn grant_token_used(session: &Session) -> bool {
    let grantees: Vec<&str> = succeeded(session, "CreateGrant")
        .filter_map(|c| c.string_param("granteePrincipal"))
        .collect();
    session.sim().events().iter().any(|e| {
        let tokens = e
            .request_parameters
            .get("grantTokens")
            .and_then(Value::as_array);
        e.error_code.is_none()
            && tokens.is_some_and(|t| !t.is_empty())
            && grantees.contains(&e.user_identity.arn.as_str())
    })
}

/// A grant was retired.
fn grant_retired(session: &Session) -> bool {
    any_succeeded(session, "RetireGrant")
}

/// A grant was revoked.
fn grant_revoked(session: &Session) -> bool {
    any_succeeded(session, "RevokeGrant")
}

fn has_context_constraint(call: &Call<'_>) -> bool {
    call.param("constraints")
        .and_then(Value::as_object)
        .is_some_and(|constraints| {
            constraints.iter().any(|(name, pairs)| {
                CONSTRAINTS.contains(&name.to_ascii_lowercase().as_str())
                    && pairs.as_object().is_some_and(|p| !p.is_empty())
            })
        })
}
