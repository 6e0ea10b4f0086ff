use crate::common::*;
use serde_json::json;

fn denied(who: &str, action: &str, arn: &str, why: &str) -> String {
    format!("User: {who} is not authorized to perform: {action} on resource: {arn} {why}")
}

#[test]
fn an_iam_user_without_a_policy_is_denied_by_the_default_key_policy() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let alice = user(A, "alice");
    let who = format!("arn:aws:iam::{A}:user/alice");
    let e = lab.err(
        &alice,
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x")}),
    );
    assert_error(
        &e,
        "AccessDeniedException",
        Some(&denied(
            &who,
            "kms:Encrypt",
            &arn,
            "because no identity-based policy allows the kms:Encrypt action",
        )),
    );
    lab.put_identity_policy(
        &who,
        r#"{"Effect":"Allow","Action":"kms:Encrypt","Resource":"*"}"#,
    );
    lab.encrypt(&alice, &arn, b"x", json!({}));
}

#[test]
fn cross_account_access_needs_the_key_policy_and_the_callers_iam_policy() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let bob = user(B, "bob");
    let bob_arn = format!("arn:aws:iam::{B}:user/bob");
    lab.put_identity_policy(
        &bob_arn,
        r#"{"Effect":"Allow","Action":"kms:Encrypt","Resource":"*"}"#,
    );
    let e = lab.err(
        &bob,
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x")}),
    );
    assert_error(
        &e,
        "AccessDeniedException",
        Some(&denied(
            &bob_arn,
            "kms:Encrypt",
            &arn,
            "because no resource-based policy allows the kms:Encrypt action",
        )),
    );
    let policy = json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{A}:root")}, "Action": "kms:*", "Resource": "*"},
        {"Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{B}:root")}, "Action": "kms:Encrypt", "Resource": "*"}
    ]});
    lab.ok(
        &root(A),
        "PutKeyPolicy",
        json!({"KeyId": arn, "PolicyName": "default", "Policy": policy.to_string()}),
    );
    lab.encrypt(&bob, &arn, b"x", json!({}));
    let carol = user(B, "carol");
    let e = lab.err(
        &carol,
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x")}),
    );
    assert_error(
        &e,
        "AccessDeniedException",
        Some(&denied(
            &format!("arn:aws:iam::{B}:user/carol"),
            "kms:Encrypt",
            &arn,
            "because no identity-based policy allows the kms:Encrypt action",
        )),
    );
}

#[test]
fn an_explicit_deny_in_the_key_policy_beats_an_iam_allow() {
    let mut lab = Lab::new();
    let alice_arn = format!("arn:aws:iam::{A}:user/alice");
    let policy = json!({"Statement": [
        {"Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{A}:root")}, "Action": "kms:*", "Resource": "*"},
        {"Effect": "Deny", "Principal": {"AWS": alice_arn}, "Action": "kms:Decrypt", "Resource": "*"}
    ]});
    let arn = lab.key(&root(A), json!({"Policy": policy.to_string()}));
    lab.put_identity_policy(
        &alice_arn,
        r#"{"Effect":"Allow","Action":"kms:*","Resource":"*"}"#,
    );
    let blob = lab.encrypt(&user(A, "alice"), &arn, b"x", json!({}));
    let e = lab.err(
        &user(A, "alice"),
        "Decrypt",
        json!({"CiphertextBlob": b64(&blob)}),
    );
    assert_error(
        &e,
        "AccessDeniedException",
        Some(&denied(
            &alice_arn,
            "kms:Decrypt",
            &arn,
            "with an explicit deny in a resource-based policy",
        )),
    );
}

#[test]
fn encryption_context_conditions_limit_a_key_policy_allow() {
    let mut lab = Lab::new();
    let alice_arn = format!("arn:aws:iam::{A}:user/alice");
    let policy = json!({"Statement": [
        {"Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{A}:root")}, "Action": "kms:*", "Resource": "*"},
        {"Effect": "Allow", "Principal": {"AWS": alice_arn}, "Action": "kms:Encrypt", "Resource": "*",
         "Condition": {"StringEquals": {"kms:EncryptionContext:Dept": "IT"}, "StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:user/al*"}}}
    ]});
    let arn = lab.key(&root(A), json!({"Policy": policy.to_string()}));
    lab.encrypt(&user(A, "alice"), &arn, b"x", json!({"Dept": "IT"}));
    let e = lab.err(
        &user(A, "alice"),
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x"), "EncryptionContext": {"Dept": "HR"}}),
    );
    assert_eq!(e.code(), "AccessDeniedException");
}

#[test]
fn caller_account_and_via_service_conditions_are_evaluated() {
    let mut lab = Lab::new();
    let policy = json!({"Statement": [
        {"Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{A}:root")}, "Action": "kms:*", "Resource": "*"},
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Encrypt", "Resource": "*",
         "Condition": {"StringEquals": {"kms:CallerAccount": A, "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com"}}},
        {"Effect": "Deny", "Principal": "*", "Action": "kms:Encrypt", "Resource": "*",
         "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:user/mallory"}}}
    ]});
    let arn = lab.key(&root(A), json!({"Policy": policy.to_string()}));
    let dave = user(A, "dave");
    let e = lab.err(
        &dave,
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x")}),
    );
    assert_eq!(e.code(), "AccessDeniedException");
    lab.encrypt(
        &dave.clone().via("secretsmanager.us-east-1.amazonaws.com"),
        &arn,
        b"x",
        json!({}),
    );
    let mallory = user(A, "mallory").via("secretsmanager.us-east-1.amazonaws.com");
    let e = lab.err(
        &mallory,
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x")}),
    );
    assert!(e
        .message()
        .unwrap()
        .ends_with("with an explicit deny in a resource-based policy"));
}

#[test]
fn a_key_policy_that_locks_out_the_caller_is_refused_unless_bypassed() {
    let mut lab = Lab::new();
    let policy = json!({"Statement": [{"Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{B}:root")}, "Action": "kms:*", "Resource": "*"}]});
    let e = lab.err(&root(A), "CreateKey", json!({"Policy": policy.to_string()}));
    assert_error(
        &e,
        "MalformedPolicyDocumentException",
        Some("The new key policy will not allow you to update the key policy in the future."),
    );
    lab.key(
        &root(A),
        json!({"Policy": policy.to_string(), "BypassPolicyLockoutSafetyCheck": true}),
    );
    let e = lab.err(&root(A), "CreateKey", json!({"Policy": "{not json"}));
    assert_eq!(e.code(), "MalformedPolicyDocumentException");
}

#[test]
fn get_key_policy_and_list_key_policies_show_the_default_policy() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let out = lab.ok(
        &root(A),
        "GetKeyPolicy",
        json!({"KeyId": arn, "PolicyName": "default"}),
    );
    let policy: serde_json::Value = serde_json::from_str(out["Policy"].as_str().unwrap()).unwrap();
    assert_eq!(
        policy["Statement"][0]["Principal"]["AWS"],
        format!("arn:aws:iam::{A}:root")
    );
    let out = lab.ok(&root(A), "ListKeyPolicies", json!({"KeyId": arn}));
    assert_eq!(out["PolicyNames"], json!(["default"]));
}
