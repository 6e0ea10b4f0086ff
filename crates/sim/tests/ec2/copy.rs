//! The five steps of copying an encrypted snapshot to another account
//! (`content/decks/snapshot-copy.md`), with the copy failing first while
//! the key policy leaves account B out.

use crate::common::*;
use keydeck_sim::Caller;
use serde_json::{json, Value};

/// The key policy of A's key: A's account, and B's if `with_b`.
fn policy(with_b: bool) -> Value {
    let mut statements = vec![json!({
        "Sid": "Enable IAM policies", "Effect": "Allow",
        "Principal": {"AWS": format!("arn:aws:iam::{A}:root")}, "Action": "kms:*", "Resource": "*"
    })];
    if with_b {
        statements.push(json!({
            "Sid": "Account B may use the key for its copies", "Effect": "Allow",
            "Principal": {"AWS": format!("arn:aws:iam::{B}:root")},
            "Action": ["kms:DescribeKey", "kms:CreateGrant", "kms:Decrypt", "kms:ReEncrypt*",
                       "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext"],
            "Resource": "*"
        }));
    }
    json!({"Version": "2012-10-17", "Statement": statements})
}

/// Steps 1 and 3 (and B's side of 2): A's key, volume and snapshot shared
/// with B; B's copier user with IAM permissions for EC2 and KMS, and B's
/// own key. Returns (A's key, snapshot, copier, B's key).
fn shared_snapshot(w: &mut World) -> (String, String, Caller, String) {
    let a = root_of(A);
    let key_a = w.key(&a, Some(policy(false)));
    let volume = w.volume(&a, json!({"Encrypted": true, "KmsKeyId": key_a}));
    let snapshot = w.snapshot(&a, &volume);
    w.ok(
        &a,
        "ModifySnapshotAttribute",
        json!({"SnapshotId": snapshot, "Attribute": "createVolumePermission", "OperationType": "add", "UserIds": [B]}),
    );
    let copier = user_of(B, "copier");
    w.allow(&copier, &["ec2:*", "kms:*"]);
    let key_b = w.key(&root_of(B), None);
    (key_a, snapshot, copier, key_b)
}

fn copy(w: &mut World, who: &Caller, snapshot: &str, key: &str) -> String {
    let out = w.ok(
        who,
        "CopySnapshot",
        json!({"SourceSnapshotId": snapshot, "SourceRegion": "us-east-1", "Encrypted": true, "KmsKeyId": key}),
    );
    assert_eq!(out.as_object().unwrap().len(), 1, "{out}");
    out["SnapshotId"].as_str().unwrap().to_owned()
}

#[test]
fn the_copy_fails_while_the_key_policy_leaves_account_b_out() {
    let mut w = World::new();
    let (key_a, snapshot, copier, key_b) = shared_snapshot(&mut w);
    let before = w.sim.events().len();
    let failed = copy(&mut w, &copier, &snapshot, &key_b);
    let seen = w.describe_snapshot(&copier, &failed);
    assert_eq!(seen["State"], "error");
    assert_eq!(seen["StateMessage"], "Given key ID is not accessible");
    assert_eq!(seen["OwnerId"], B);
    let denied = w.sim.events()[before..]
        .iter()
        .find(|e| e.error_code.is_some())
        .unwrap();
    assert_eq!(
        (denied.event_name.as_str(), denied.error_code.as_deref()),
        ("Decrypt", Some("AccessDeniedException"))
    );
    assert_eq!(
        denied.error_message.as_deref(),
        Some(
            format!(
                "User: arn:aws:iam::{B}:user/copier is not authorized to perform: kms:Decrypt on resource: \
                 {key_a} because no resource-based policy allows the kms:Decrypt action"
            )
            .as_str()
        )
    );
    assert_eq!(
        denied.user_identity.invoked_by.as_deref(),
        Some("ec2.us-east-1.amazonaws.com")
    );
}

#[test]
fn five_steps_copy_an_encrypted_snapshot_to_another_account() {
    let mut w = World::new();
    // 1 and 3: A's encrypted snapshot, shared with B.
    let (key_a, snapshot, copier, key_b) = shared_snapshot(&mut w);
    // 2: A lets account B use its key.
    let put = json!({"KeyId": key_a, "PolicyName": "default", "Policy": policy(true).to_string()});
    w.sim.call("kms", "PutKeyPolicy", put, &root_of(A)).unwrap();
    // 4: B copies it under its own key.
    let before = w.kms_via_ec2().len();
    let copied = copy(&mut w, &copier, &snapshot, &key_b);
    assert_eq!(
        names(&w.kms_via_ec2()[before..]),
        [
            "DescribeKey",
            "Decrypt",
            "DescribeKey",
            "GenerateDataKeyWithoutPlaintext",
            "CreateGrant"
        ]
    );
    assert!(w.kms_via_ec2()[before..].iter().all(|(_, e)| e.is_none()));
    let seen = w.describe_snapshot(&copier, &copied);
    assert_eq!(seen["State"], "completed");
    assert_eq!(
        (&seen["OwnerId"], &seen["KmsKeyId"]),
        (&json!(B), &json!(key_b))
    );
    assert_eq!(seen["Encrypted"], true);
    assert_eq!(seen["VolumeId"], "vol-ffffffff");
    assert_eq!(
        seen["Description"],
        format!("[Copied {snapshot} from us-east-1]")
    );
    // 5: B makes a volume from its copy, which no longer needs A's key.
    let put = json!({"KeyId": key_a, "PolicyName": "default", "Policy": policy(false).to_string()});
    w.sim.call("kms", "PutKeyPolicy", put, &root_of(A)).unwrap();
    let volume = w.volume(&copier, json!({"SnapshotId": copied}));
    let out = w.ok(&copier, "DescribeVolumes", json!({"VolumeIds": [volume]}));
    let v = &out["Volumes"][0];
    assert_eq!(
        (&v["State"], &v["SnapshotId"]),
        (&json!("available"), &json!(copied))
    );
    assert_eq!(
        (&v["Encrypted"], &v["KmsKeyId"]),
        (&json!(true), &json!(key_b))
    );
    let own = w.ok(&copier, "DescribeSnapshots", json!({"OwnerIds": ["self"]}));
    assert_eq!(own["Snapshots"].as_array().unwrap().len(), 1);
}

#[test]
fn the_copier_needs_iam_permission_for_ec2() {
    let mut w = World::new();
    let (_, snapshot, _, key_b) = shared_snapshot(&mut w);
    let intern = user_of(B, "intern");
    let e = w.err(
        &intern,
        "CopySnapshot",
        json!({"SourceSnapshotId": snapshot, "SourceRegion": "us-east-1", "Encrypted": true, "KmsKeyId": key_b}),
    );
    let arn = format!("arn:aws:ec2:us-east-1::snapshot/{snapshot}");
    assert_error(
        &e,
        "UnauthorizedOperation",
        &unauthorized(&intern, "ec2:CopySnapshot", Some(&arn)),
    );
}

#[test]
fn a_copy_across_regions_under_a_key_of_the_destination() {
    let mut w = World::new();
    let a = root_of(A);
    let key = w.key(&a, None);
    let volume = w.volume(&a, json!({"Encrypted": true, "KmsKeyId": key}));
    let snapshot = w.snapshot(&a, &volume);
    let there = in_region(&a, "eu-west-1");
    let key_there = w.key(&there, None);
    let out = w.ok(
        &there,
        "CopySnapshot",
        json!({"SourceSnapshotId": snapshot, "SourceRegion": "us-east-1", "Encrypted": true,
               "KmsKeyId": key_there, "Description": "DR copy"}),
    );
    let id = out["SnapshotId"].as_str().unwrap();
    let seen = w.describe_snapshot(&there, id);
    assert_eq!(
        (&seen["State"], &seen["KmsKeyId"]),
        (&json!("completed"), &json!(key_there))
    );
    assert_eq!(seen["Description"], "DR copy");
    let decrypt = w
        .sim
        .events()
        .iter()
        .rfind(|e| e.event_name == "Decrypt")
        .unwrap();
    assert_eq!(decrypt.aws_region, "us-east-1");
    assert_eq!(
        decrypt.user_identity.invoked_by.as_deref(),
        Some("ec2.us-east-1.amazonaws.com")
    );
    // The source is not in the destination Region.
    let e = w.err(
        &there,
        "DescribeSnapshots",
        json!({"SnapshotIds": [snapshot]}),
    );
    assert_eq!(e.code(), "InvalidSnapshot.NotFound");
}

#[test]
fn copies_under_the_same_key_re_encrypt_and_plain_copies_can_be_encrypted() {
    let mut w = World::new();
    let a = root_of(A);
    let key = w.key(&a, None);
    let sealed = w.volume(&a, json!({"Encrypted": true, "KmsKeyId": key}));
    let snapshot = w.snapshot(&a, &sealed);
    let before = w.kms_via_ec2().len();
    copy(&mut w, &a, &snapshot, &key);
    assert_eq!(
        names(&w.kms_via_ec2()[before..]),
        ["DescribeKey", "ReEncrypt", "CreateGrant"]
    );
    let plain = w.volume(&a, json!({}));
    let plain_snapshot = w.snapshot(&a, &plain);
    let out = w.ok(
        &a,
        "CopySnapshot",
        json!({"SourceSnapshotId": plain_snapshot, "SourceRegion": "us-east-1", "Encrypted": true}),
    );
    let seen = w.describe_snapshot(&a, out["SnapshotId"].as_str().unwrap());
    assert_eq!(seen["Encrypted"], true);
    let managed = w
        .sim
        .call("kms", "DescribeKey", json!({"KeyId": "alias/aws/ebs"}), &a)
        .unwrap();
    assert_eq!(seen["KmsKeyId"], managed["KeyMetadata"]["Arn"]);
}

#[test]
fn copy_snapshot_refuses_what_ec2_refuses() {
    let mut w = World::new();
    let a = root_of(A);
    w.fails(
        &a,
        "CopySnapshot",
        json!({"SourceRegion": "us-east-1"}),
        "MissingParameter",
        "The request must contain the parameter SourceSnapshotId",
    );
    w.fails(&a,
        "CopySnapshot",
        json!({"SourceSnapshotId": "snap-0123456789abcdef0", "SourceRegion": "us-east-1", "KmsKeyId": "alias/x"}), "InvalidParameterDependency",
        "The parameter KmsKeyId requires the parameter Encrypted to be set.");
    let theirs = {
        let b = root_of(B);
        let v = w.volume(&b, json!({}));
        w.snapshot(&b, &v)
    };
    w.fails(
        &a,
        "CopySnapshot",
        json!({"SourceSnapshotId": theirs, "SourceRegion": "us-east-1"}),
        "InvalidSnapshot.NotFound",
        &format!("The snapshot '{theirs}' does not exist."),
    );
}
