use crate::common::*;
use serde_json::json;

#[test]
fn a_snapshot_inherits_the_volume_key_and_completes_at_the_next_call() {
    let mut w = World::new();
    let a = root_of(A);
    let key = w.key(&a, None);
    let volume = w.volume(&a, json!({"Encrypted": true, "KmsKeyId": key}));
    let before = w.kms_via_ec2().len();
    let out = w.ok(
        &a,
        "CreateSnapshot",
        json!({"VolumeId": volume, "Description": "nightly"}),
    );
    assert_eq!(
        w.kms_via_ec2().len(),
        before,
        "taking a snapshot calls no KMS"
    );
    assert_eq!(out["State"], "pending");
    assert_eq!(out["Progress"], "");
    assert_eq!(
        (
            &out["Encrypted"],
            &out["KmsKeyId"],
            &out["VolumeId"],
            &out["VolumeSize"]
        ),
        (&json!(true), &json!(key), &json!(volume), &json!(8))
    );
    assert_eq!(
        (&out["OwnerId"], &out["Description"]),
        (&json!(A), &json!("nightly"))
    );
    let id = out["SnapshotId"].as_str().unwrap();
    let seen = w.describe_snapshot(&a, id);
    assert_eq!(
        (&seen["State"], &seen["Progress"]),
        (&json!("completed"), &json!("100%"))
    );
}

#[test]
fn the_clock_moving_completes_a_snapshot_too() {
    let mut w = World::new();
    let a = root_of(A);
    let volume = w.volume(&a, json!({}));
    let id = w.snapshot(&a, &volume);
    w.sim.advance_seconds(1);
    let listed = w
        .sim
        .call("ec2", "DescribeSnapshots", json!({}), &a)
        .unwrap();
    assert_eq!(listed["Snapshots"][0]["SnapshotId"], id.as_str());
    assert_eq!(listed["Snapshots"][0]["State"], "completed");
}

#[test]
fn describe_snapshots_by_owner_and_filters() {
    let mut w = World::new();
    let a = root_of(A);
    let v1 = w.volume(&a, json!({}));
    let v2 = w.volume(&a, json!({"Encrypted": true}));
    let s1 = w.snapshot(&a, &v1);
    let s2 = w.snapshot(&a, &v2);
    let ids = |out: serde_json::Value| -> Vec<String> {
        out["Snapshots"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["SnapshotId"].as_str().unwrap().to_owned())
            .collect()
    };
    let all = w.ok(&a, "DescribeSnapshots", json!({"OwnerIds": ["self"]}));
    assert_eq!(ids(all), [s1.clone(), s2.clone()]);
    let encrypted = w.ok(
        &a,
        "DescribeSnapshots",
        json!({"Filters": [{"Name": "encrypted", "Values": ["true"]}]}),
    );
    assert_eq!(ids(encrypted), [s2.as_str()]);
    let by_volume = w.ok(
        &a,
        "DescribeSnapshots",
        json!({"Filters": [{"Name": "volume-id", "Values": [v1]}, {"Name": "status", "Values": ["completed"]}]}),
    );
    assert_eq!(ids(by_volume), [s1.as_str()]);
    let by_id = w.ok(&a, "DescribeSnapshots", json!({"SnapshotIds": [s2]}));
    assert_eq!(by_id["Snapshots"].as_array().unwrap().len(), 1);
    let others = w.ok(&a, "DescribeSnapshots", json!({"OwnerIds": [B]}));
    assert_eq!(others["Snapshots"], json!([]));
    w.fails(
        &a,
        "DescribeSnapshots",
        json!({"Filters": [{"Name": "colour", "Values": ["red"]}]}),
        "InvalidParameterValue",
        "The filter 'colour' is invalid",
    );
}

#[test]
fn describe_snapshots_pages_by_next_token() {
    let mut w = World::new();
    let a = root_of(A);
    let volume = w.volume(&a, json!({}));
    let made: Vec<String> = (0..7).map(|_| w.snapshot(&a, &volume)).collect();
    let first = w.ok(&a, "DescribeSnapshots", json!({"MaxResults": 5}));
    assert_eq!(first["Snapshots"].as_array().unwrap().len(), 5);
    let token = first["NextToken"].clone();
    let rest = w.ok(
        &a,
        "DescribeSnapshots",
        json!({"MaxResults": 5, "NextToken": token}),
    );
    assert_eq!(rest["Snapshots"][1]["SnapshotId"], made[6].as_str());
    assert!(rest.get("NextToken").is_none());
    w.fails(
        &a,
        "DescribeSnapshots",
        json!({"MaxResults": 2}),
        "InvalidParameterValue",
        "Value ( 2 ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.",
    );
}

#[test]
fn unknown_malformed_and_deleted_snapshots() {
    let mut w = World::new();
    let a = root_of(A);
    w.fails(
        &a,
        "DescribeSnapshots",
        json!({"SnapshotIds": ["snap-0123456789abcdef0"]}),
        "InvalidSnapshot.NotFound",
        "The snapshot 'snap-0123456789abcdef0' does not exist.",
    );
    w.fails(
        &a,
        "DeleteSnapshot",
        json!({"SnapshotId": "snapshot-1"}),
        "InvalidSnapshotID.Malformed",
        "Invalid id: \"snapshot-1\" (expecting \"snap-...\")",
    );
    w.fails(
        &a,
        "DeleteSnapshot",
        json!({}),
        "MissingParameter",
        "The request must contain the parameter SnapshotId",
    );
    let volume = w.volume(&a, json!({}));
    let id = w.snapshot(&a, &volume);
    assert_eq!(
        w.ok(&a, "DeleteSnapshot", json!({"SnapshotId": id})),
        json!({})
    );
    w.fails(
        &a,
        "DeleteSnapshot",
        json!({"SnapshotId": id}),
        "InvalidSnapshot.NotFound",
        &format!("The snapshot '{id}' does not exist."),
    );
    let e = w.err(&a, "DescribeSnapshots", json!({"SnapshotIds": [id]}));
    assert_eq!(e.code(), "InvalidSnapshot.NotFound");
}

#[test]
fn an_unknown_action_is_invalid() {
    let mut w = World::new();
    w.fails(
        &root_of(A),
        "RunInstances",
        json!({}),
        "InvalidAction",
        "The action RunInstances is not valid for this web service.",
    );
}

#[test]
fn snapshot_arns_have_no_account_in_iam_checks() {
    let mut w = World::new();
    let a = root_of(A);
    let volume = w.volume(&a, json!({}));
    let id = w.snapshot(&a, &volume);
    let bob = user_of(A, "bob");
    let arn = format!("arn:aws:ec2:us-east-1::snapshot/{id}");
    let message = unauthorized(&bob, "ec2:DeleteSnapshot", Some(&arn));
    assert!(message.contains(&format!("on resource: {arn} because")));
    w.fails(
        &bob,
        "DeleteSnapshot",
        json!({"SnapshotId": id}),
        "UnauthorizedOperation",
        &message,
    );
}
