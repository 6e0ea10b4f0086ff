use crate::common::*;
use serde_json::json;

#[test]
fn an_alias_names_its_key_in_every_operation() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    lab.alias("alias/app", &arn);
    let out = lab.ok(&root(A), "DescribeKey", json!({"KeyId": "alias/app"}));
    assert_eq!(out["KeyMetadata"]["Arn"], arn);
    let alias_arn = format!("arn:aws:kms:us-east-1:{A}:alias/app");
    lab.encrypt(&root(A), &alias_arn, b"x", json!({}));
    let list = lab.ok(&root(A), "ListAliases", json!({}));
    let aliases = list["Aliases"].as_array().unwrap();
    assert_eq!(aliases.len(), 1);
    assert_eq!(aliases[0]["AliasName"], "alias/app");
    assert_eq!(aliases[0]["AliasArn"], alias_arn);
}

#[test]
fn alias_names_need_the_prefix_and_may_not_use_the_aws_one() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let e = lab.err(
        &root(A),
        "CreateAlias",
        json!({"AliasName": "app", "TargetKeyId": arn}),
    );
    assert_error(&e, "ValidationException", Some("Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html"));
    let e = lab.err(
        &root(A),
        "CreateAlias",
        json!({"AliasName": "alias/aws/mine", "TargetKeyId": arn}),
    );
    assert_error(&e, "InvalidAliasNameException", Some("Alias name alias/aws/mine must not begin with alias/aws/. That prefix is reserved for AWS managed keys."));
    let e = lab.err(
        &root(A),
        "CreateAlias",
        json!({"AliasName": "alias/bad name", "TargetKeyId": arn}),
    );
    assert_eq!(e.code(), "InvalidAliasNameException");
}

#[test]
fn a_second_alias_with_the_same_name_already_exists() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    lab.alias("alias/app", &arn);
    let e = lab.err(
        &root(A),
        "CreateAlias",
        json!({"AliasName": "alias/app", "TargetKeyId": arn}),
    );
    assert_error(
        &e,
        "AlreadyExistsException",
        Some(&format!(
            "An alias with the name arn:aws:kms:us-east-1:{A}:alias/app already exists"
        )),
    );
}

#[test]
fn update_alias_repoints_and_delete_alias_removes() {
    let mut lab = Lab::new();
    let (k1, k2) = (lab.symmetric(), lab.symmetric());
    lab.alias("alias/app", &k1);
    lab.ok(
        &root(A),
        "UpdateAlias",
        json!({"AliasName": "alias/app", "TargetKeyId": k2}),
    );
    let out = lab.ok(&root(A), "DescribeKey", json!({"KeyId": "alias/app"}));
    assert_eq!(out["KeyMetadata"]["Arn"], k2);
    lab.ok(&root(A), "DeleteAlias", json!({"AliasName": "alias/app"}));
    let e = lab.err(&root(A), "DescribeKey", json!({"KeyId": "alias/app"}));
    assert_error(
        &e,
        "NotFoundException",
        Some(&format!(
            "Alias arn:aws:kms:us-east-1:{A}:alias/app is not found."
        )),
    );
    let e = lab.err(&root(A), "DeleteAlias", json!({"AliasName": "alias/app"}));
    assert_eq!(e.code(), "NotFoundException");
}

#[test]
fn an_aws_managed_key_appears_on_first_use_and_works_only_via_its_service() {
    let mut lab = Lab::new();
    let out = lab.ok(&root(A), "DescribeKey", json!({"KeyId": "alias/aws/ssm"}));
    assert_eq!(out["KeyMetadata"]["KeyManager"], "AWS");
    let alice = user(A, "alice");
    lab.put_identity_policy(
        &format!("arn:aws:iam::{A}:user/alice"),
        r#"{"Effect":"Allow","Action":"kms:*","Resource":"*"}"#,
    );
    let e = lab.err(
        &alice,
        "Encrypt",
        json!({"KeyId": "alias/aws/ssm", "Plaintext": b64(b"x")}),
    );
    assert_eq!(e.code(), "AccessDeniedException");
    let via_ssm = alice.clone().via("ssm.us-east-1.amazonaws.com");
    lab.encrypt(&via_ssm, "alias/aws/ssm", b"x", json!({}));
    let e = lab.err(
        &root(A),
        "DescribeKey",
        json!({"KeyId": "alias/aws/nothing"}),
    );
    assert_error(
        &e,
        "NotFoundException",
        Some(&format!(
            "Alias arn:aws:kms:us-east-1:{A}:alias/aws/nothing is not found."
        )),
    );
}
