use crate::common::*;
use serde_json::json;

#[test]
fn sharing_adds_and_removes_accounts_in_either_request_form() {
    let mut w = World::new();
    let (a, b) = (root_of(A), root_of(B));
    let volume = w.volume(&a, json!({}));
    let id = w.snapshot(&a, &volume);
    w.fails(
        &b,
        "DescribeSnapshots",
        json!({"SnapshotIds": [id]}),
        "InvalidSnapshot.NotFound",
        &format!("The snapshot '{id}' does not exist."),
    );
    w.ok(
        &a,
        "ModifySnapshotAttribute",
        json!({"SnapshotId": id, "Attribute": "createVolumePermission", "OperationType": "add", "UserIds": [B]}),
    );
    let attr = w.ok(
        &a,
        "DescribeSnapshotAttribute",
        json!({"SnapshotId": id, "Attribute": "createVolumePermission"}),
    );
    assert_eq!(
        attr,
        json!({"SnapshotId": id, "CreateVolumePermissions": [{"UserId": B}]})
    );
    let seen = w.describe_snapshot(&b, &id);
    assert_eq!(seen["OwnerId"], A);
    let restorable = w.ok(
        &b,
        "DescribeSnapshots",
        json!({"RestorableByUserIds": ["self"], "OwnerIds": [A]}),
    );
    assert_eq!(restorable["Snapshots"][0]["SnapshotId"], id.as_str());
    let own = w.ok(&b, "DescribeSnapshots", json!({"OwnerIds": ["self"]}));
    assert_eq!(own["Snapshots"], json!([]));
    w.ok(
        &a,
        "ModifySnapshotAttribute",
        json!({"SnapshotId": id, "CreateVolumePermission": {"Remove": [{"UserId": B}]}}),
    );
    let e = w.err(&b, "DescribeSnapshots", json!({"SnapshotIds": [id]}));
    assert_eq!(e.code(), "InvalidSnapshot.NotFound");
    w.ok(
        &a,
        "ModifySnapshotAttribute",
        json!({"SnapshotId": id, "CreateVolumePermission": {"Add": [{"Group": "all"}]}}),
    );
    let attr = w.ok(
        &a,
        "DescribeSnapshotAttribute",
        json!({"SnapshotId": id, "Attribute": "createVolumePermission"}),
    );
    assert_eq!(attr["CreateVolumePermissions"], json!([{"Group": "all"}]));
}

#[test]
fn a_snapshot_under_the_aws_managed_key_cannot_be_shared() {
    let mut w = World::new();
    let a = root_of(A);
    let volume = w.volume(&a, json!({"Encrypted": true}));
    let id = w.snapshot(&a, &volume);
    w.fails(
        &a,
        "ModifySnapshotAttribute",
        json!({"SnapshotId": id, "CreateVolumePermission": {"Add": [{"UserId": B}]}}),
        "OperationNotPermitted",
        "Encrypted snapshots with EBS default key cannot be shared",
    );
    assert_eq!(names(&w.kms_via_ec2()).last(), Some(&"DescribeKey"));
    w.fails(&a,
        "ModifySnapshotAttribute",
        json!({"SnapshotId": id, "Attribute": "createVolumePermission", "OperationType": "add", "GroupNames": ["all"]}), "OperationNotPermitted",
        "Encrypted snapshots cannot be shared publicly.");
}

#[test]
fn only_the_owner_changes_or_reads_the_permissions() {
    let mut w = World::new();
    let (a, b) = (root_of(A), root_of(B));
    let volume = w.volume(&a, json!({}));
    let id = w.snapshot(&a, &volume);
    w.ok(
        &a,
        "ModifySnapshotAttribute",
        json!({"SnapshotId": id, "CreateVolumePermission": {"Add": [{"UserId": B}]}}),
    );
    let not_found = format!("The snapshot '{id}' does not exist.");
    w.fails(
        &b,
        "ModifySnapshotAttribute",
        json!({"SnapshotId": id, "CreateVolumePermission": {"Add": [{"UserId": "777788889999"}]}}),
        "InvalidSnapshot.NotFound",
        &not_found,
    );
    w.fails(
        &b,
        "DescribeSnapshotAttribute",
        json!({"SnapshotId": id, "Attribute": "createVolumePermission"}),
        "InvalidSnapshot.NotFound",
        &not_found,
    );
    w.fails(
        &b,
        "DeleteSnapshot",
        json!({"SnapshotId": id}),
        "InvalidSnapshot.NotFound",
        &not_found,
    );
}

#[test]
fn malformed_permission_requests() {
    let mut w = World::new();
    let a = root_of(A);
    let volume = w.volume(&a, json!({}));
    let id = w.snapshot(&a, &volume);
    w.fails(&a,
        "ModifySnapshotAttribute",
        json!({"SnapshotId": id, "Attribute": "productCodes", "OperationType": "add"}), "InvalidParameterValue",
        "Value (productCodes) for parameter attribute is invalid. Expected one of: [productCodes, createVolumePermission]");
    w.fails(
        &a,
        "ModifySnapshotAttribute",
        json!({"SnapshotId": id, "Attribute": "createVolumePermission", "UserIds": [B]}),
        "MissingParameter",
        "The request must contain the parameter OperationType",
    );
    w.fails(
        &a,
        "ModifySnapshotAttribute",
        json!({"SnapshotId": id, "CreateVolumePermission": {"Add": [{"UserId": "bob"}]}}),
        "InvalidUserID.Malformed",
        "User ID 'bob' is invalid",
    );
    w.fails(
        &a,
        "DescribeSnapshotAttribute",
        json!({"SnapshotId": id}),
        "MissingParameter",
        "The request must contain the parameter Attribute",
    );
    let codes = w.ok(
        &a,
        "DescribeSnapshotAttribute",
        json!({"SnapshotId": id, "Attribute": "productCodes"}),
    );
    assert_eq!(codes, json!({"SnapshotId": id, "ProductCodes": []}));
}
