use crate::common::*;
use serde_json::json;

const TOKEN_1: &str = "11111111-1111-4111-8111-111111111111";
const TOKEN_2: &str = "22222222-2222-4222-8222-222222222222";

#[test]
fn a_secret_is_created_with_its_first_version_current() {
    let mut s = Sm::new();
    let out = s.create("prod/db", "hunter2");
    let arn = out["ARN"].as_str().unwrap();
    let (head, suffix) = arn.rsplit_once('-').unwrap();
    assert_eq!(
        head,
        format!("arn:aws:secretsmanager:us-east-1:{A}:secret:prod/db")
    );
    assert_eq!(suffix.len(), 6);
    assert_eq!(out["Name"], "prod/db");
    assert_eq!(s.value("prod/db"), "hunter2");
    assert_eq!(s.value(arn), "hunter2");
    // A partial ARN, without the six characters, finds it too.
    assert_eq!(s.value(head), "hunter2");
    let got = s.ok("GetSecretValue", json!({"SecretId": "prod/db"}));
    assert_eq!(got["VersionId"], out["VersionId"]);
    assert_eq!(got["VersionStages"], json!(["AWSCURRENT"]));
}

#[test]
fn binary_secrets_come_back_as_binary() {
    let mut s = Sm::new();
    s.ok(
        "CreateSecret",
        json!({"Name": "bin", "SecretBinary": "AAEC/w=="}),
    );
    let got = s.ok("GetSecretValue", json!({"SecretId": "bin"}));
    assert_eq!(got["SecretBinary"], "AAEC/w==");
    assert!(got.get("SecretString").is_none());
}

#[test]
fn a_second_create_of_the_same_name_is_refused() {
    let mut s = Sm::new();
    s.create("dup", "a");
    assert_error(
        &s.err("CreateSecret", json!({"Name": "dup", "SecretString": "b"})),
        "ResourceExistsException",
        "The operation failed because the secret dup already exists.",
    );
}

#[test]
fn a_repeated_client_request_token_is_idempotent_for_the_same_value_only() {
    let mut s = Sm::new();
    let req = json!({"Name": "idem", "SecretString": "v", "ClientRequestToken": TOKEN_1});
    let first = s.ok("CreateSecret", req.clone());
    assert_eq!(first["VersionId"], TOKEN_1);
    assert_eq!(s.ok("CreateSecret", req), first);
    let arn = first["ARN"].as_str().unwrap().to_owned();
    let e = s.err(
        "CreateSecret",
        json!({"Name": "idem", "SecretString": "other", "ClientRequestToken": TOKEN_1}),
    );
    assert_error(&e, "ResourceExistsException", &format!("You can't use ClientRequestToken {TOKEN_1} because that value is already in use for a version of secret {arn}"));
    let put = json!({"SecretId": "idem", "SecretString": "w", "ClientRequestToken": TOKEN_2});
    s.ok("PutSecretValue", put.clone());
    s.ok("PutSecretValue", put);
    let versions = s.ok("ListSecretVersionIds", json!({"SecretId": "idem"}));
    assert_eq!(versions["Versions"].as_array().unwrap().len(), 2);
}

#[test]
fn string_and_binary_together_and_bad_names_are_refused() {
    let mut s = Sm::new();
    assert_error(
        &s.err("CreateSecret", json!({"Name": "x", "SecretString": "a", "SecretBinary": "YQ=="})),
        "InvalidParameterException",
        "You can't specify both a binary secret value and a string secret value in the same secret.",
    );
    assert_error(
        &s.err("CreateSecret", json!({"Name": "bad name", "SecretString": "a"})),
        "ValidationException",
        "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!",
    );
    assert_error(
        &s.err("CreateSecret", json!({"Name": "x", "ClientRequestToken": "short"})),
        "ValidationException",
        "1 validation error detected: Value 'short' at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 32",
    );
}

#[test]
fn a_new_value_becomes_current_and_the_old_one_previous() {
    let mut s = Sm::new();
    let v1 = s.create("rot", "one")["VersionId"].clone();
    let put = s.ok(
        "PutSecretValue",
        json!({"SecretId": "rot", "SecretString": "two"}),
    );
    assert_eq!(put["VersionStages"], json!(["AWSCURRENT"]));
    let v2 = put["VersionId"].clone();
    let stages = s.stages("rot");
    assert_eq!(stages[v1.as_str().unwrap()], json!(["AWSPREVIOUS"]));
    assert_eq!(stages[v2.as_str().unwrap()], json!(["AWSCURRENT"]));
    s.ok(
        "PutSecretValue",
        json!({"SecretId": "rot", "SecretString": "three"}),
    );
    let stages = s.stages("rot");
    // The first version has no label left, so it is not listed.
    assert!(stages.get(v1.as_str().unwrap()).is_none());
    assert_eq!(stages[v2.as_str().unwrap()], json!(["AWSPREVIOUS"]));
    let prev = s.ok(
        "GetSecretValue",
        json!({"SecretId": "rot", "VersionStage": "AWSPREVIOUS"}),
    );
    assert_eq!(prev["SecretString"], "two");
}

#[test]
fn a_value_put_with_its_own_stages_leaves_current_alone() {
    let mut s = Sm::new();
    s.create("staged", "one");
    s.ok(
        "PutSecretValue",
        json!({"SecretId": "staged", "SecretString": "two", "VersionStages": ["TESTING"]}),
    );
    assert_eq!(s.value("staged"), "one");
    let t = s.ok(
        "GetSecretValue",
        json!({"SecretId": "staged", "VersionStage": "TESTING"}),
    );
    assert_eq!(t["SecretString"], "two");
}

#[test]
fn update_secret_changes_the_description_and_adds_a_current_version() {
    let mut s = Sm::new();
    s.create("upd", "one");
    let out = s.ok(
        "UpdateSecret",
        json!({"SecretId": "upd", "Description": "the app's"}),
    );
    assert!(out.get("VersionId").is_none());
    let out = s.ok(
        "UpdateSecret",
        json!({"SecretId": "upd", "SecretString": "two"}),
    );
    assert!(out["VersionId"].is_string());
    assert_eq!(s.value("upd"), "two");
    assert_eq!(s.describe("upd")["Description"], "the app's");
}

#[test]
fn a_secret_without_a_value_has_no_current_version() {
    let mut s = Sm::new();
    s.ok("CreateSecret", json!({"Name": "empty"}));
    assert_error(
        &s.err("GetSecretValue", json!({"SecretId": "empty"})),
        "ResourceNotFoundException",
        "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
    );
    s.ok(
        "PutSecretValue",
        json!({"SecretId": "empty", "SecretString": "now"}),
    );
    assert_eq!(s.value("empty"), "now");
    assert_error(
        &s.err("PutSecretValue", json!({"SecretId": "empty"})),
        "InvalidRequestException",
        "You must provide either SecretString or SecretBinary.",
    );
}

#[test]
fn an_unknown_secret_is_not_found() {
    let mut s = Sm::new();
    for op in [
        "GetSecretValue",
        "DescribeSecret",
        "PutSecretValue",
        "DeleteSecret",
    ] {
        let e = s.err(op, json!({"SecretId": "nothing", "SecretString": "x"}));
        assert_error(
            &e,
            "ResourceNotFoundException",
            "Secrets Manager can't find the specified secret.",
        );
    }
}

#[test]
fn the_trail_never_records_a_secret_value() {
    let mut s = Sm::new();
    s.create("quiet", "s3cr3t-value");
    s.ok(
        "PutSecretValue",
        json!({"SecretId": "quiet", "SecretBinary": "czNjcjN0"}),
    );
    s.ok("GetSecretValue", json!({"SecretId": "quiet"}));
    s.ok("GetRandomPassword", json!({}));
    let all = serde_json::to_string(s.sim.events()).unwrap();
    assert!(!all.contains("s3cr3t-value"));
    assert!(!all.contains("czNjcjN0"));
    let create = s
        .sim
        .events()
        .iter()
        .find(|e| e.event_name == "CreateSecret")
        .unwrap();
    assert_eq!(create.event_source, "secretsmanager.amazonaws.com");
    assert_eq!(create.request_parameters, json!({"name": "quiet"}));
}

#[test]
fn more_than_a_hundred_versions_drop_the_oldest_unlabelled_ones_after_a_day() {
    let mut s = Sm::new();
    s.create("many", "0");
    for i in 1..100 {
        s.ok(
            "PutSecretValue",
            json!({"SecretId": "many", "SecretString": i.to_string()}),
        );
    }
    let e = s.err(
        "PutSecretValue",
        json!({"SecretId": "many", "SecretString": "x"}),
    );
    assert_eq!(e.code(), "LimitExceededException");
    s.advance_days(1);
    s.ok(
        "PutSecretValue",
        json!({"SecretId": "many", "SecretString": "x"}),
    );
    let all = s.ok(
        "ListSecretVersionIds",
        json!({"SecretId": "many", "IncludeDeprecated": true}),
    );
    assert_eq!(all["Versions"].as_array().unwrap().len(), 100);
}
