use crate::common::*;
use serde_json::json;

#[test]
fn a_grant_lets_its_grantee_use_the_key_within_its_constraints() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let bob = user(B, "bob");
    let bob_arn = format!("arn:aws:iam::{B}:user/bob");
    let e = lab.err(
        &bob,
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x"), "EncryptionContext": {"app": "a"}}),
    );
    assert_eq!(e.code(), "AccessDeniedException");
    let out = lab.ok(
        &root(A),
        "CreateGrant",
        json!({
            "KeyId": arn, "GranteePrincipal": bob_arn, "Operations": ["Encrypt", "Decrypt"],
            "Constraints": {"EncryptionContextSubset": {"app": "a"}}
        }),
    );
    let token = out["GrantToken"].as_str().unwrap().to_owned();
    let grant_id = out["GrantId"].as_str().unwrap().to_owned();
    assert_eq!(grant_id.len(), 64);
    let blob = lab.ok(&bob, "Encrypt", json!({"KeyId": arn, "Plaintext": b64(b"x"), "EncryptionContext": {"app": "a", "more": "ok"}, "GrantTokens": [token]}));
    assert_eq!(blob["KeyId"], arn);
    let e = lab.err(
        &bob,
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x"), "EncryptionContext": {"app": "b"}}),
    );
    assert_eq!(e.code(), "AccessDeniedException");
    let e = lab.err(
        &bob,
        "GenerateDataKey",
        json!({"KeyId": arn, "KeySpec": "AES_256", "EncryptionContext": {"app": "a"}}),
    );
    assert_eq!(e.code(), "AccessDeniedException");
    let list = lab.ok(&root(A), "ListGrants", json!({"KeyId": arn}));
    assert_eq!(list["Grants"][0]["GrantId"], grant_id);
    assert_eq!(list["Grants"][0]["GranteePrincipal"], bob_arn);
    lab.ok(
        &root(A),
        "RevokeGrant",
        json!({"KeyId": arn, "GrantId": grant_id}),
    );
    let e = lab.err(
        &bob,
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x"), "EncryptionContext": {"app": "a"}}),
    );
    assert_eq!(e.code(), "AccessDeniedException");
}

#[test]
fn the_retiring_principal_retires_a_grant_by_its_token() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let out = lab.ok(
        &root(A),
        "CreateGrant",
        json!({
            "KeyId": arn, "GranteePrincipal": format!("arn:aws:iam::{A}:role/App"),
            "RetiringPrincipal": format!("arn:aws:iam::{A}:user/ops"), "Operations": ["Encrypt"]
        }),
    );
    let token = out["GrantToken"].clone();
    let e = lab.err(
        &user(A, "intruder"),
        "RetireGrant",
        json!({"GrantToken": token}),
    );
    assert_eq!(e.code(), "AccessDeniedException");
    lab.ok(&user(A, "ops"), "RetireGrant", json!({"GrantToken": token}));
    let list = lab.ok(&root(A), "ListGrants", json!({"KeyId": arn}));
    assert_eq!(list["Grants"], json!([]));
}

#[test]
fn malformed_grant_tokens_and_ids_are_refused() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let e = lab.err(
        &root(A),
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x"), "GrantTokens": ["nonsense"]}),
    );
    assert_error(
        &e,
        "InvalidGrantTokenException",
        Some("The grant token is invalid."),
    );
    let e = lab.err(
        &root(A),
        "RevokeGrant",
        json!({"KeyId": arn, "GrantId": "short"}),
    );
    assert_error(&e, "InvalidGrantIdException", Some("Invalid grant ID"));
    let e = lab.err(&root(A), "CreateGrant", json!({"KeyId": arn, "GranteePrincipal": "arn:aws:iam::111122223333:root", "Operations": ["Fly"]}));
    assert_eq!(e.code(), "ValidationException");
}
