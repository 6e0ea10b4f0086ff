use crate::common::*;
use serde_json::json;

#[test]
fn an_encrypted_volume_gets_a_data_key_and_a_grant_through_ec2() {
    let mut w = World::new();
    let a = root_of(A);
    let key = w.key(&a, None);
    let out = w.ok(
        &a,
        "CreateVolume",
        json!({"AvailabilityZone": "us-east-1a", "Size": 20, "VolumeType": "gp3", "Encrypted": true, "KmsKeyId": key}),
    );
    assert_eq!(out["State"], "creating");
    assert_eq!(out["Encrypted"], true);
    assert_eq!(out["KmsKeyId"], key.as_str());
    assert_eq!(
        (out["Size"].as_i64(), out["Iops"].as_i64()),
        (Some(20), Some(3000))
    );
    assert!(out["VolumeId"].as_str().unwrap().starts_with("vol-"));
    assert_eq!(out["VolumeId"].as_str().unwrap().len(), 21);
    assert_eq!(
        names(&w.kms_via_ec2()),
        [
            "DescribeKey",
            "GenerateDataKeyWithoutPlaintext",
            "CreateGrant"
        ]
    );
    let data_key = w
        .sim
        .events()
        .iter()
        .find(|e| e.event_name == "GenerateDataKeyWithoutPlaintext")
        .unwrap();
    assert_eq!(
        data_key.user_identity.invoked_by.as_deref(),
        Some("ec2.us-east-1.amazonaws.com")
    );
    assert_eq!(
        data_key.request_parameters["encryptionContext"]["aws:ebs:id"],
        out["VolumeId"]
    );
    let listed = w.ok(
        &a,
        "DescribeVolumes",
        json!({"VolumeIds": [out["VolumeId"]]}),
    );
    assert_eq!(listed["Volumes"][0]["State"], "available");
}

#[test]
fn encrypted_without_a_key_uses_the_aws_managed_key_and_unencrypted_calls_no_kms() {
    let mut w = World::new();
    let a = root_of(A);
    let plain = w.volume(&a, json!({}));
    assert!(w.kms_via_ec2().is_empty(), "encryption by default is off");
    let sealed = w.volume(&a, json!({"Encrypted": true}));
    let listed = w.ok(&a, "DescribeVolumes", json!({}));
    let volumes = listed["Volumes"].as_array().unwrap();
    assert_eq!(volumes[0]["VolumeId"], plain.as_str());
    assert_eq!(volumes[0]["Encrypted"], false);
    assert!(volumes[0].get("KmsKeyId").is_none());
    assert_eq!(volumes[1]["VolumeId"], sealed.as_str());
    let managed = volumes[1]["KmsKeyId"].as_str().unwrap();
    let meta = w
        .sim
        .call("kms", "DescribeKey", json!({"KeyId": "alias/aws/ebs"}), &a)
        .unwrap();
    assert_eq!(meta["KeyMetadata"]["Arn"], managed);
    assert_eq!(meta["KeyMetadata"]["KeyManager"], "AWS");
}

#[test]
fn describe_volumes_filters_by_status_and_encryption() {
    let mut w = World::new();
    let a = root_of(A);
    w.volume(&a, json!({}));
    let sealed = w.volume(&a, json!({"Encrypted": true}));
    let out = w.ok(
        &a,
        "DescribeVolumes",
        json!({"Filters": [{"Name": "encrypted", "Values": ["true"]}, {"Name": "status", "Values": ["available", "creating"]}]}),
    );
    let ids: Vec<_> = out["Volumes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["VolumeId"].clone())
        .collect();
    assert_eq!(ids, [json!(sealed)]);
    w.fails(
        &a,
        "DescribeVolumes",
        json!({"Filters": [{"Name": "colour", "Values": ["red"]}]}),
        "InvalidParameterValue",
        "The filter 'colour' is invalid",
    );
}

#[test]
fn create_volume_refuses_what_ec2_refuses() {
    let mut w = World::new();
    let a = root_of(A);
    w.fails(
        &a,
        "CreateVolume",
        json!({"AvailabilityZone": "us-east-1a"}),
        "MissingParameter",
        "The request must contain the parameter size or snapshotId",
    );
    w.fails(
        &a,
        "CreateVolume",
        json!({"Size": 8}),
        "MissingParameter",
        "The request must contain the parameter AvailabilityZone",
    );
    w.fails(
        &a,
        "CreateVolume",
        json!({"AvailabilityZone": "us-east-1a", "Size": 8, "KmsKeyId": "alias/aws/ebs"}),
        "InvalidParameterDependency",
        "The parameter KmsKeyId requires the parameter Encrypted to be set.",
    );
    w.fails(
        &a,
        "CreateVolume",
        json!({"AvailabilityZone": "eu-west-1a", "Size": 8}),
        "InvalidParameterValue",
        "Invalid availability zone: [eu-west-1a]",
    );
    let e = w.err(
        &a,
        "CreateVolume",
        json!({"AvailabilityZone": "us-east-1a", "Size": 20000}),
    );
    assert_error(
        &e,
        "InvalidParameterValue",
        "Volume of 20000GiB is too large; maximum is 16384GiB.",
    );
    let e = w.err(
        &a,
        "CreateVolume",
        json!({"AvailabilityZone": "us-east-1a", "Size": 8, "VolumeType": "st1"}),
    );
    assert_error(
        &e,
        "InvalidParameterValue",
        "Volume of 8GiB is too small; minimum is 125GiB.",
    );
    w.fails(&a,
        "CreateVolume",
        json!({"AvailabilityZone": "us-east-1a", "Size": 8, "VolumeType": "ssd"}), "InvalidParameterValue",
        "Value (ssd) for parameter volumeType is invalid. Allowed values are: [standard, io1, io2, gp2, sc1, st1, gp3]");
}

#[test]
fn unknown_and_malformed_volume_ids() {
    let mut w = World::new();
    let a = root_of(A);
    w.fails(
        &a,
        "DescribeVolumes",
        json!({"VolumeIds": ["vol-0123456789abcdef0"]}),
        "InvalidVolume.NotFound",
        "The volume 'vol-0123456789abcdef0' does not exist.",
    );
    w.fails(
        &a,
        "CreateSnapshot",
        json!({"VolumeId": "vol-12"}),
        "InvalidVolumeID.Malformed",
        "Invalid id: \"vol-12\" (expecting \"vol-...\")",
    );
    // Another account's volume is not found either.
    let theirs = w.volume(&root_of(B), json!({}));
    w.fails(
        &a,
        "CreateSnapshot",
        json!({"VolumeId": theirs}),
        "InvalidVolume.NotFound",
        &format!("The volume '{theirs}' does not exist."),
    );
}

#[test]
fn a_volume_whose_key_is_denied_goes_to_error() {
    let mut w = World::new();
    let a = root_of(A);
    let policy = json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{A}:root")},
        "Action": ["kms:DescribeKey", "kms:PutKeyPolicy"], "Resource": "*"}]});
    let out = w
        .sim
        .call(
            "kms",
            "CreateKey",
            json!({"Policy": policy.to_string(), "BypassPolicyLockoutSafetyCheck": true}),
            &a,
        )
        .unwrap();
    let key = out["KeyMetadata"]["Arn"].as_str().unwrap().to_owned();
    let id = w.volume(&a, json!({"Encrypted": true, "KmsKeyId": key}));
    let events = w.kms_via_ec2();
    assert_eq!(
        events.last().unwrap(),
        &(
            "GenerateDataKeyWithoutPlaintext".to_owned(),
            Some("AccessDeniedException".to_owned())
        )
    );
    let out = w.ok(&a, "DescribeVolumes", json!({"VolumeIds": [id]}));
    assert_eq!(out["Volumes"][0]["State"], "error");
}

#[test]
fn iam_decides_for_users_and_dry_run_answers_without_acting() {
    let mut w = World::new();
    let bob = user_of(A, "bob");
    w.fails(&bob, "DescribeVolumes", json!({}), "UnauthorizedOperation",
        "You are not authorized to perform this operation. User: arn:aws:iam::111122223333:user/bob \
         is not authorized to perform: ec2:DescribeVolumes because no identity-based policy allows the ec2:DescribeVolumes action");
    w.allow(&bob, &["ec2:DescribeVolumes", "ec2:CreateVolume"]);
    w.fails(
        &bob,
        "CreateVolume",
        json!({"AvailabilityZone": "us-east-1a", "Size": 8, "DryRun": true}),
        "DryRunOperation",
        "Request would have succeeded, but DryRun flag is set.",
    );
    let out = w.ok(&bob, "DescribeVolumes", json!({}));
    assert_eq!(out["Volumes"], json!([]));
}
