use crate::common::*;
use serde_json::json;

#[test]
fn tags_are_added_listed_and_removed() {
    let mut lab = Lab::new();
    let arn = lab.key(
        &root(A),
        json!({"Tags": [{"TagKey": "team", "TagValue": "blue"}]}),
    );
    lab.ok(
        &root(A),
        "TagResource",
        json!({"KeyId": arn, "Tags": [{"TagKey": "env", "TagValue": "prod"}]}),
    );
    let out = lab.ok(&root(A), "ListResourceTags", json!({"KeyId": arn}));
    assert_eq!(
        out["Tags"],
        json!([{"TagKey": "env", "TagValue": "prod"}, {"TagKey": "team", "TagValue": "blue"}])
    );
    lab.ok(
        &root(A),
        "UntagResource",
        json!({"KeyId": arn, "TagKeys": ["team"]}),
    );
    let out = lab.ok(&root(A), "ListResourceTags", json!({"KeyId": arn}));
    assert_eq!(out["Tags"], json!([{"TagKey": "env", "TagValue": "prod"}]));
}

#[test]
fn tag_limits_and_reserved_prefixes_give_aws_errors() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let e = lab.err(
        &root(A),
        "TagResource",
        json!({"KeyId": arn, "Tags": [{"TagKey": "AWS:x", "TagValue": "v"}]}),
    );
    assert_error(
        &e,
        "TagException",
        Some("Tags beginning with aws: are reserved"),
    );
    let e = lab.err(&root(A), "TagResource", json!({"KeyId": arn, "Tags": [{"TagKey": "k", "TagValue": "1"}, {"TagKey": "k", "TagValue": "2"}]}));
    assert_error(&e, "TagException", Some("Duplicate tag keys"));
    let many: Vec<_> = (0..51)
        .map(|i| json!({"TagKey": format!("k{i}"), "TagValue": ""}))
        .collect();
    let e = lab.err(&root(A), "TagResource", json!({"KeyId": arn, "Tags": many}));
    assert_error(&e, "TagException", Some("Too many tags"));
    let long = "a".repeat(129);
    let e = lab.err(
        &root(A),
        "CreateKey",
        json!({"Tags": [{"TagKey": long, "TagValue": "v"}]}),
    );
    assert_error(&e, "ValidationException", Some(&format!("1 validation error detected: Value '{long}' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128")));
}

#[test]
fn resource_tag_conditions_can_allow_by_tag() {
    let mut lab = Lab::new();
    let alice = format!("arn:aws:iam::{A}:user/alice");
    lab.put_identity_policy(&alice, r#"{"Effect":"Allow","Action":"kms:Encrypt","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"blue"}}}"#);
    let blue = lab.key(
        &root(A),
        json!({"Tags": [{"TagKey": "team", "TagValue": "blue"}]}),
    );
    let red = lab.key(
        &root(A),
        json!({"Tags": [{"TagKey": "team", "TagValue": "red"}]}),
    );
    lab.encrypt(&user(A, "alice"), &blue, b"x", json!({}));
    let e = lab.err(
        &user(A, "alice"),
        "Encrypt",
        json!({"KeyId": red, "Plaintext": b64(b"x")}),
    );
    assert_eq!(e.code(), "AccessDeniedException");
}
