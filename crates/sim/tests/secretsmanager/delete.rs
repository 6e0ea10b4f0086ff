use crate::common::*;
use serde_json::json;

const MARKED: &str =
    "You can't perform this operation on the secret because it was marked for deletion.";

#[test]
fn a_deleted_secret_waits_out_its_window_refusing_reads_then_goes() {
    let mut s = Sm::new();
    s.create("old", "v");
    let now = s.now();
    let out = s.ok(
        "DeleteSecret",
        json!({"SecretId": "old", "RecoveryWindowInDays": 7}),
    );
    assert_eq!(out["DeletionDate"], now + 7 * 86_400);
    assert_eq!(s.describe("old")["DeletedDate"], now);
    for (op, extra) in [
        ("GetSecretValue", json!({})),
        ("PutSecretValue", json!({"SecretString": "w"})),
        ("UpdateSecret", json!({"Description": "d"})),
        ("RotateSecret", json!({"RotationLambdaARN": FUNCTION})),
        ("UpdateSecretVersionStage", json!({"VersionStage": "X"})),
    ] {
        let mut req = extra;
        req["SecretId"] = json!("old");
        assert_error(&s.err(op, req), "InvalidRequestException", MARKED);
    }
    assert_error(
        &s.err("DeleteSecret", json!({"SecretId": "old"})),
        "InvalidRequestException",
        "You tried to perform the operation on a secret that's currently marked deleted.",
    );
    assert_error(
        &s.err("CreateSecret", json!({"Name": "old", "SecretString": "v"})),
        "InvalidRequestException",
        "You can't create this secret because a secret with this name is already scheduled for deletion.",
    );
    s.advance_days(6);
    assert!(s.call("DescribeSecret", json!({"SecretId": "old"})).is_ok());
    s.advance_days(1);
    assert_error(
        &s.err("DescribeSecret", json!({"SecretId": "old"})),
        "ResourceNotFoundException",
        "Secrets Manager can't find the specified secret.",
    );
    assert!(s
        .events_from("secretsmanager.amazonaws.com")
        .contains(&"EndSecretVersionDelete".to_owned()));
    s.create("old", "new");
}

#[test]
fn restore_brings_a_secret_back_within_its_window() {
    let mut s = Sm::new();
    s.create("back", "v");
    let out = s.ok("DeleteSecret", json!({"SecretId": "back"}));
    assert_eq!(out["DeletionDate"], s.now() + 30 * 86_400);
    s.advance_days(29);
    let restored = s.ok("RestoreSecret", json!({"SecretId": "back"}));
    assert_eq!(restored["Name"], "back");
    assert!(s.describe("back").get("DeletedDate").is_none());
    s.advance_days(5);
    assert_eq!(s.value("back"), "v");
}

#[test]
fn force_delete_removes_at_once_and_the_window_is_checked() {
    let mut s = Sm::new();
    s.create("now", "v");
    assert_error(
        &s.err("DeleteSecret", json!({"SecretId": "now", "RecoveryWindowInDays": 7, "ForceDeleteWithoutRecovery": true})),
        "InvalidParameterException",
        "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
    );
    for days in [6, 31] {
        assert_error(
            &s.err(
                "DeleteSecret",
                json!({"SecretId": "now", "RecoveryWindowInDays": days}),
            ),
            "InvalidParameterException",
            "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).",
        );
    }
    let out = s.ok(
        "DeleteSecret",
        json!({"SecretId": "now", "ForceDeleteWithoutRecovery": true}),
    );
    assert_eq!(out["DeletionDate"], s.now());
    assert_eq!(
        s.err("DescribeSecret", json!({"SecretId": "now"})).code(),
        "ResourceNotFoundException"
    );
    // A secret already scheduled can still be force-deleted.
    s.create("later", "v");
    s.ok("DeleteSecret", json!({"SecretId": "later"}));
    s.ok(
        "DeleteSecret",
        json!({"SecretId": "later", "ForceDeleteWithoutRecovery": true}),
    );
    assert_eq!(
        s.err("DescribeSecret", json!({"SecretId": "later"})).code(),
        "ResourceNotFoundException"
    );
}
