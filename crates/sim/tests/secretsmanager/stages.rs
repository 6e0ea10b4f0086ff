use crate::common::*;
use serde_json::json;

#[test]
fn moving_current_moves_previous_to_the_version_it_left() {
    let mut s = Sm::new();
    let v1 = s.create("lbl", "one")["VersionId"]
        .as_str()
        .unwrap()
        .to_owned();
    let v2 = s.ok(
        "PutSecretValue",
        json!({"SecretId": "lbl", "SecretString": "two", "VersionStages": ["NEXT"]}),
    )["VersionId"]
        .as_str()
        .unwrap()
        .to_owned();
    let out = s.ok(
        "UpdateSecretVersionStage",
        json!({"SecretId": "lbl", "VersionStage": "AWSCURRENT", "MoveToVersionId": v2, "RemoveFromVersionId": v1}),
    );
    assert_eq!(out["Name"], "lbl");
    let stages = s.stages("lbl");
    assert_eq!(stages[&v1], json!(["AWSPREVIOUS"]));
    assert_eq!(stages[&v2], json!(["NEXT", "AWSCURRENT"]));
    assert_eq!(s.value("lbl"), "two");
    // A custom label can be removed outright.
    s.ok(
        "UpdateSecretVersionStage",
        json!({"SecretId": "lbl", "VersionStage": "NEXT", "RemoveFromVersionId": v2}),
    );
    assert_eq!(s.stages("lbl")[&v2], json!(["AWSCURRENT"]));
}

#[test]
fn moving_a_label_that_is_attached_elsewhere_needs_remove_from() {
    let mut s = Sm::new();
    let v1 = s.create("lbl", "one")["VersionId"]
        .as_str()
        .unwrap()
        .to_owned();
    let v2 = s.ok(
        "PutSecretValue",
        json!({"SecretId": "lbl", "SecretString": "two", "VersionStages": ["NEXT"]}),
    )["VersionId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_error(
        &s.err("UpdateSecretVersionStage", json!({"SecretId": "lbl", "VersionStage": "AWSCURRENT", "MoveToVersionId": v2})),
        "InvalidParameterException",
        &format!("The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version {v1}, so you must explicitly reference that version in RemoveFromVersionId."),
    );
    assert_error(
        &s.err(
            "UpdateSecretVersionStage",
            json!({"SecretId": "lbl", "VersionStage": "NEXT", "RemoveFromVersionId": v1}),
        ),
        "InvalidParameterException",
        &format!("Version stage NEXT not found in version {v1}"),
    );
    assert_error(
        &s.err("UpdateSecretVersionStage", json!({"SecretId": "lbl", "VersionStage": "AWSCURRENT", "RemoveFromVersionId": v1})),
        "InvalidParameterException",
        "You can only move staging label AWSCURRENT to a different secret version. It can't be completely removed.",
    );
    let unknown = "99999999-9999-4999-8999-999999999999";
    assert_error(
        &s.err(
            "UpdateSecretVersionStage",
            json!({"SecretId": "lbl", "VersionStage": "X", "MoveToVersionId": unknown}),
        ),
        "InvalidParameterException",
        &format!("Not a valid version: {unknown}"),
    );
}
