use crate::common::*;
use serde_json::json;

fn policy(statements: serde_json::Value) -> String {
    json!({"Version": "2012-10-17", "Statement": statements}).to_string()
}

fn read_by(principal: &str) -> String {
    policy(json!([{"Effect": "Allow", "Principal": {"AWS": principal},
                   "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]))
}

/// A customer managed key in A that B may decrypt with through Secrets Manager.
fn shared_key(s: &mut Sm) -> String {
    let statements = json!([
        {"Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{A}:root")}, "Action": "kms:*", "Resource": "*"},
        {"Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{B}:root")}, "Action": "kms:Decrypt", "Resource": "*",
         "Condition": {"StringEquals": {"kms:ViaService": "secretsmanager.us-east-1.amazonaws.com"}}}
    ]);
    let out = s
        .sim
        .call(
            "kms",
            "CreateKey",
            json!({"Policy": policy(statements)}),
            &root(),
        )
        .unwrap();
    out["KeyMetadata"]["Arn"].as_str().unwrap().to_owned()
}

#[test]
fn a_resource_policy_is_put_read_and_deleted() {
    let mut s = Sm::new();
    s.create("p", "v");
    let text = read_by(&format!("arn:aws:iam::{B}:root"));
    let out = s.ok(
        "PutResourcePolicy",
        json!({"SecretId": "p", "ResourcePolicy": text}),
    );
    assert_eq!(out["Name"], "p");
    let got = s.ok("GetResourcePolicy", json!({"SecretId": "p"}));
    assert_eq!(got["ResourcePolicy"], text);
    s.ok("DeleteResourcePolicy", json!({"SecretId": "p"}));
    assert!(s
        .ok("GetResourcePolicy", json!({"SecretId": "p"}))
        .get("ResourcePolicy")
        .is_none());
}

#[test]
fn public_and_malformed_policies_are_refused() {
    let mut s = Sm::new();
    s.create("p", "v");
    assert_error(
        &s.err("PutResourcePolicy", json!({"SecretId": "p", "ResourcePolicy": read_by("*"), "BlockPublicPolicy": true})),
        "PublicPolicyException",
        "The BlockPublicPolicy parameter is set to true, and the resource policy did not prevent broad access to the secret.",
    );
    s.ok(
        "PutResourcePolicy",
        json!({"SecretId": "p", "ResourcePolicy": read_by("*")}),
    );
    let e = s.err(
        "PutResourcePolicy",
        json!({"SecretId": "p", "ResourcePolicy": "{not json"}),
    );
    assert_eq!(e.code(), "MalformedPolicyDocumentException");
}

#[test]
fn in_its_own_account_either_policy_may_allow_and_a_deny_wins() {
    let mut s = Sm::new();
    s.create("p", "v");
    let alice = user(A, "alice");
    assert!(s
        .call_as(&alice, "GetSecretValue", json!({"SecretId": "p"}))
        .is_err());
    let alice_arn = format!("arn:aws:iam::{A}:user/alice");
    s.ok(
        "PutResourcePolicy",
        json!({"SecretId": "p", "ResourcePolicy": read_by(&alice_arn)}),
    );
    let got = s
        .call_as(&alice, "GetSecretValue", json!({"SecretId": "p"}))
        .unwrap();
    assert_eq!(got["SecretString"], "v");
    let deny = policy(json!([{"Effect": "Deny", "Principal": {"AWS": alice_arn},
                               "Action": "secretsmanager:*", "Resource": "*"}]));
    let arn = s.ok(
        "PutResourcePolicy",
        json!({"SecretId": "p", "ResourcePolicy": deny}),
    )["ARN"]
        .as_str()
        .unwrap()
        .to_owned();
    s.policy_for(
        &alice_arn,
        json!([{"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*"}]),
    );
    let e = s
        .call_as(&alice, "GetSecretValue", json!({"SecretId": "p"}))
        .unwrap_err();
    assert_error(&e, "AccessDeniedException", &format!("User: {alice_arn} is not authorized to perform: secretsmanager:GetSecretValue on resource: {arn} with an explicit deny in a resource-based policy"));
}

#[test]
fn another_account_reads_with_a_resource_policy_and_a_customer_managed_key() {
    let mut s = Sm::new();
    let key = shared_key(&mut s);
    let arn = s.ok(
        "CreateSecret",
        json!({"Name": "shared", "SecretString": "for-b", "KmsKeyId": key}),
    )["ARN"]
        .as_str()
        .unwrap()
        .to_owned();
    let b = root_of(B);
    let e = s
        .call_as(&b, "GetSecretValue", json!({"SecretId": arn}))
        .unwrap_err();
    assert_error(&e, "AccessDeniedException", &format!("User: arn:aws:iam::{B}:root is not authorized to perform: secretsmanager:GetSecretValue on resource: {arn} because no resource-based policy allows the secretsmanager:GetSecretValue action"));
    s.ok(
        "PutResourcePolicy",
        json!({"SecretId": "shared", "ResourcePolicy": read_by(&format!("arn:aws:iam::{B}:root"))}),
    );
    let got = s
        .call_as(&b, "GetSecretValue", json!({"SecretId": arn}))
        .unwrap();
    assert_eq!(got["SecretString"], "for-b");
    // By name, B finds only its own account's secrets.
    let e = s
        .call_as(&b, "GetSecretValue", json!({"SecretId": "shared"}))
        .unwrap_err();
    assert_eq!(e.code(), "ResourceNotFoundException");
    // A user in B needs its own IAM allow as well, for the secret and the key.
    let bob = user(B, "bob");
    assert!(s
        .call_as(&bob, "GetSecretValue", json!({"SecretId": arn}))
        .is_err());
    s.policy_for(
        &format!("arn:aws:iam::{B}:user/bob"),
        json!([{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": arn}]),
    );
    let e = s
        .call_as(&bob, "GetSecretValue", json!({"SecretId": arn}))
        .unwrap_err();
    assert_error(&e, "AccessDeniedException", "Access to KMS is not allowed");
    s.policy_for(
        &format!("arn:aws:iam::{B}:user/bob"),
        json!([{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": arn},
               {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": key}]),
    );
    let got = s
        .call_as(&bob, "GetSecretValue", json!({"SecretId": arn}))
        .unwrap();
    assert_eq!(got["SecretString"], "for-b");
    let decrypt = s
        .sim
        .events()
        .iter()
        .rev()
        .find(|e| e.event_name == "Decrypt")
        .unwrap();
    assert_eq!(decrypt.user_identity.account_id, B);
}

#[test]
fn another_account_cannot_read_a_secret_under_the_aws_managed_key() {
    let mut s = Sm::new();
    let arn = s.create("managed", "v")["ARN"].as_str().unwrap().to_owned();
    s.ok("PutResourcePolicy", json!({"SecretId": "managed", "ResourcePolicy": read_by(&format!("arn:aws:iam::{B}:root"))}));
    let e = s
        .call_as(&root_of(B), "GetSecretValue", json!({"SecretId": arn}))
        .unwrap_err();
    assert_error(&e, "AccessDeniedException", "Access to KMS is not allowed");
    let decrypt = s
        .sim
        .events()
        .iter()
        .rev()
        .find(|e| e.event_name == "Decrypt")
        .unwrap();
    assert_eq!(decrypt.error_code.as_deref(), Some("AccessDeniedException"));
}
