use crate::common::*;
use keydeck_sim::Principal;
use serde_json::json;

fn in_region(region: &str) -> keydeck_sim::Caller {
    caller_in(Principal::root(&account(A)), region)
}

#[test]
fn a_replica_shares_id_and_material_but_not_state() {
    let mut lab = Lab::new();
    let arn = lab.key(&root(A), json!({"MultiRegion": true}));
    let id = arn.rsplit('/').next().unwrap().to_owned();
    assert!(id.starts_with("mrk-") && id.len() == 36);
    let out = lab.ok(
        &root(A),
        "ReplicateKey",
        json!({"KeyId": arn, "ReplicaRegion": "eu-west-1"}),
    );
    let replica = out["ReplicaKeyMetadata"]["Arn"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(replica, format!("arn:aws:kms:eu-west-1:{A}:key/{id}"));
    assert_eq!(
        out["ReplicaKeyMetadata"]["MultiRegionConfiguration"]["MultiRegionKeyType"],
        "REPLICA"
    );
    assert_eq!(
        out["ReplicaKeyMetadata"]["MultiRegionConfiguration"]["PrimaryKey"]["Region"],
        "us-east-1"
    );
    let blob = lab.encrypt(&root(A), &arn, b"everywhere", json!({}));
    let west = in_region("eu-west-1");
    let out = lab.ok(&west, "Decrypt", json!({"CiphertextBlob": b64(&blob)}));
    assert_eq!(unb64(&out["Plaintext"]), b"everywhere");
    assert_eq!(out["KeyId"], replica);
    lab.ok(&west, "DisableKey", json!({"KeyId": id}));
    let e = lab.err(&west, "Decrypt", json!({"CiphertextBlob": b64(&blob)}));
    assert_error(
        &e,
        "DisabledException",
        Some(&format!("{replica} is disabled.")),
    );
    lab.ok(&root(A), "Decrypt", json!({"CiphertextBlob": b64(&blob)}));
}

#[test]
fn a_replica_cannot_be_replicated_and_a_region_holds_one_replica() {
    let mut lab = Lab::new();
    let arn = lab.key(&root(A), json!({"MultiRegion": true}));
    let out = lab.ok(
        &root(A),
        "ReplicateKey",
        json!({"KeyId": arn, "ReplicaRegion": "eu-west-1"}),
    );
    let replica = out["ReplicaKeyMetadata"]["Arn"]
        .as_str()
        .unwrap()
        .to_owned();
    let e = lab.err(
        &in_region("eu-west-1"),
        "ReplicateKey",
        json!({"KeyId": replica, "ReplicaRegion": "ap-southeast-2"}),
    );
    assert_error(
        &e,
        "UnsupportedOperationException",
        Some(&format!("{replica} is not a multi-region primary key.")),
    );
    let e = lab.err(
        &root(A),
        "ReplicateKey",
        json!({"KeyId": arn, "ReplicaRegion": "eu-west-1"}),
    );
    assert_eq!(e.code(), "AlreadyExistsException");
    let single = lab.symmetric();
    let e = lab.err(
        &root(A),
        "ReplicateKey",
        json!({"KeyId": single, "ReplicaRegion": "eu-west-1"}),
    );
    assert_error(
        &e,
        "UnsupportedOperationException",
        Some(&format!("{single} is not a multi-region primary key.")),
    );
}

#[test]
fn update_primary_region_swaps_roles_and_rotation_is_shared() {
    let mut lab = Lab::new();
    let arn = lab.key(&root(A), json!({"MultiRegion": true}));
    let out = lab.ok(
        &root(A),
        "ReplicateKey",
        json!({"KeyId": arn, "ReplicaRegion": "eu-west-1"}),
    );
    let replica = out["ReplicaKeyMetadata"]["Arn"]
        .as_str()
        .unwrap()
        .to_owned();
    let west = in_region("eu-west-1");
    let e = lab.err(&west, "EnableKeyRotation", json!({"KeyId": replica}));
    assert_eq!(e.code(), "UnsupportedOperationException");
    lab.ok(&root(A), "EnableKeyRotation", json!({"KeyId": arn}));
    let status = lab.ok(&west, "GetKeyRotationStatus", json!({"KeyId": replica}));
    assert_eq!(status["KeyRotationEnabled"], true);
    lab.ok(
        &root(A),
        "UpdatePrimaryRegion",
        json!({"KeyId": arn, "PrimaryRegion": "eu-west-1"}),
    );
    let m = lab.ok(&west, "DescribeKey", json!({"KeyId": replica}));
    assert_eq!(
        m["KeyMetadata"]["MultiRegionConfiguration"]["MultiRegionKeyType"],
        "PRIMARY"
    );
    let m = lab.ok(&root(A), "DescribeKey", json!({"KeyId": arn}));
    assert_eq!(
        m["KeyMetadata"]["MultiRegionConfiguration"]["MultiRegionKeyType"],
        "REPLICA"
    );
}

#[test]
fn a_primary_with_replicas_waits_for_them_before_its_deletion_window() {
    let mut lab = Lab::new();
    let arn = lab.key(&root(A), json!({"MultiRegion": true}));
    let out = lab.ok(
        &root(A),
        "ReplicateKey",
        json!({"KeyId": arn, "ReplicaRegion": "eu-west-1"}),
    );
    let replica = out["ReplicaKeyMetadata"]["Arn"]
        .as_str()
        .unwrap()
        .to_owned();
    let out = lab.ok(
        &root(A),
        "ScheduleKeyDeletion",
        json!({"KeyId": arn, "PendingWindowInDays": 7}),
    );
    assert_eq!(out["KeyState"], "PendingReplicaDeletion");
    lab.ok(
        &in_region("eu-west-1"),
        "ScheduleKeyDeletion",
        json!({"KeyId": replica, "PendingWindowInDays": 7}),
    );
    lab.sim.advance_days(7);
    let m = lab.ok(&root(A), "DescribeKey", json!({"KeyId": arn}));
    assert_eq!(m["KeyMetadata"]["KeyState"], "PendingDeletion");
    lab.sim.advance_days(7);
    assert_eq!(
        lab.err(&root(A), "DescribeKey", json!({"KeyId": arn}))
            .code(),
        "NotFoundException"
    );
}
