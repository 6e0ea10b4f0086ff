//! `Simulator::explain_access`: the decision a call would get, the
//! statement or grant behind it, and nothing recorded or changed.

use crate::common::*;
use keydeck_sim::kms::EncryptionContext;
use keydeck_sim::Caller;
use serde_json::{json, Value};

fn explain(lab: &Lab, caller: &Caller, action: &str, key: &str) -> Value {
    explain_in(lab, caller, action, key, None)
}

fn explain_in(
    lab: &Lab,
    caller: &Caller,
    action: &str,
    key: &str,
    context: Option<&EncryptionContext>,
) -> Value {
    let out = lab
        .sim
        .explain_access(caller, action, key, context)
        .unwrap();
    serde_json::to_value(out).unwrap()
}

fn context(pairs: &[(&str, &str)]) -> EncryptionContext {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn the_default_key_policy_allows_the_account_root_by_its_first_statement() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let out = explain(&lab, &root(A), "kms:Decrypt", &arn);
    assert_eq!(
        out,
        json!({
            "Decision": "Allow",
            "Action": "kms:Decrypt",
            "KeyArn": arn,
            "DecidedBy": {
                "Policy": "key policy",
                "StatementIndex": 0,
                "Sid": "Enable IAM User Permissions",
                "Statement": {
                    "Sid": "Enable IAM User Permissions",
                    "Effect": "Allow",
                    "Principal": {"AWS": format!("arn:aws:iam::{A}:root")},
                    "Action": "kms:*",
                    "Resource": "*"
                }
            }
        })
    );
}

#[test]
fn a_user_without_an_iam_policy_is_implicitly_denied_with_the_calls_message() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let alice = user(A, "alice");
    let out = explain(&lab, &alice, "kms:Encrypt", &arn);
    let call = lab.err(
        &alice,
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x")}),
    );
    assert_eq!(out["Decision"], "ImplicitDeny");
    assert_eq!(out.get("DecidedBy"), None);
    assert_eq!(out["Message"].as_str(), call.message());
    assert!(call
        .message()
        .unwrap()
        .ends_with("because no identity-based policy allows the kms:Encrypt action"));
}

#[test]
fn an_iam_policy_statement_that_allows_is_named_by_its_policy() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let alice_arn = format!("arn:aws:iam::{A}:user/alice");
    lab.put_identity_policy(
        &alice_arn,
        r#"{"Sid":"Use","Effect":"Allow","Action":"kms:Encrypt","Resource":"*"}"#,
    );
    let out = explain(&lab, &user(A, "alice"), "kms:encrypt", &arn);
    assert_eq!(out["Decision"], "Allow");
    assert_eq!(out["Action"], "kms:Encrypt");
    assert_eq!(out["DecidedBy"]["Policy"], "IAM policy p");
    assert_eq!(out["DecidedBy"]["StatementIndex"], 0);
    assert_eq!(out["DecidedBy"]["Sid"], "Use");
}

#[test]
fn an_explicit_deny_names_its_statement_and_sid() {
    let mut lab = Lab::new();
    let alice_arn = format!("arn:aws:iam::{A}:user/alice");
    let deny = json!({"Sid": "NoDecryptForAlice", "Effect": "Deny", "Principal": {"AWS": alice_arn}, "Action": "kms:Decrypt", "Resource": "*"});
    let policy = json!({"Statement": [
        {"Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{A}:root")}, "Action": "kms:*", "Resource": "*"},
        deny
    ]});
    let arn = lab.key(&root(A), json!({"Policy": policy.to_string()}));
    lab.put_identity_policy(
        &alice_arn,
        r#"{"Effect":"Allow","Action":"kms:*","Resource":"*"}"#,
    );
    let alice = user(A, "alice");
    let blob = lab.encrypt(&alice, &arn, b"x", json!({}));
    let call = lab.err(&alice, "Decrypt", json!({"CiphertextBlob": b64(&blob)}));
    let out = explain(&lab, &alice, "kms:Decrypt", &arn);
    assert_eq!(out["Decision"], "ExplicitDeny");
    assert_eq!(
        out["DecidedBy"],
        json!({"Policy": "key policy", "StatementIndex": 1, "Sid": "NoDecryptForAlice", "Statement": deny})
    );
    assert_eq!(out["Message"].as_str(), call.message());
}

#[test]
fn a_grant_allows_what_the_policies_do_not_and_is_named_by_its_id() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let bob = user(B, "bob");
    let grant = lab.ok(
        &root(A),
        "CreateGrant",
        json!({"KeyId": arn, "GranteePrincipal": format!("arn:aws:iam::{B}:user/bob"), "Operations": ["Decrypt"]}),
    );
    let id = grant["GrantId"].as_str().unwrap();
    let out = explain(&lab, &bob, "kms:Decrypt", &arn);
    assert_eq!(out["Decision"], "Allow");
    assert_eq!(out["DecidedBy"]["Policy"], format!("grant {id}"));
    assert_eq!(out["DecidedBy"]["Grant"]["GrantId"], id);
    assert_eq!(out["DecidedBy"].get("StatementIndex"), None);
    let out = explain(&lab, &bob, "kms:Encrypt", &arn);
    assert_eq!(out["Decision"], "ImplicitDeny");
    assert!(out["Message"]
        .as_str()
        .unwrap()
        .ends_with("because no resource-based policy allows the kms:Encrypt action"));
}

#[test]
fn an_encryption_context_condition_flips_the_decision() {
    let mut lab = Lab::new();
    let alice_arn = format!("arn:aws:iam::{A}:user/alice");
    let policy = json!({"Statement": [
        {"Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{A}:root")}, "Action": "kms:*", "Resource": "*"},
        {"Sid": "ITOnly", "Effect": "Allow", "Principal": {"AWS": alice_arn}, "Action": "kms:Encrypt", "Resource": "*",
         "Condition": {"StringEquals": {"kms:EncryptionContext:Dept": "IT"}}}
    ]});
    let arn = lab.key(&root(A), json!({"Policy": policy.to_string()}));
    let alice = user(A, "alice");
    let it = context(&[("Dept", "IT")]);
    let out = explain_in(&lab, &alice, "kms:Encrypt", &arn, Some(&it));
    assert_eq!(out["Decision"], "Allow");
    assert_eq!(out["DecidedBy"]["Sid"], "ITOnly");
    let hr = context(&[("Dept", "HR")]);
    let out = explain_in(&lab, &alice, "kms:Encrypt", &arn, Some(&hr));
    assert_eq!(out["Decision"], "ImplicitDeny");
    let call = lab.err(
        &alice,
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x"), "EncryptionContext": {"Dept": "HR"}}),
    );
    assert_eq!(out["Message"].as_str(), call.message());
    let out = explain(&lab, &alice, "kms:Encrypt", &arn);
    assert_eq!(out["Decision"], "ImplicitDeny");
}

#[test]
fn explaining_records_nothing_and_changes_nothing() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    lab.alias("alias/app", &arn);
    let (events, keys) = (lab.sim.events().len(), lab.sim.kms().keys().count());
    let out = explain(&lab, &user(A, "alice"), "kms:Decrypt", "alias/app");
    assert_eq!(out["KeyArn"], arn);
    let e = lab
        .sim
        .explain_access(&root(A), "kms:Encrypt", "alias/aws/ssm", None)
        .unwrap_err();
    assert_eq!(e.code(), "NotFoundException");
    let e = lab
        .sim
        .explain_access(&root(A), "kms:CreateKey", &arn, None)
        .unwrap_err();
    assert_eq!(e.code(), "ValidationException");
    assert_eq!(lab.sim.events().len(), events);
    assert_eq!(lab.sim.kms().keys().count(), keys);
    let aliases = lab.ok(&root(A), "ListAliases", json!({}));
    assert_eq!(aliases["Aliases"].as_array().unwrap().len(), 1);
}
