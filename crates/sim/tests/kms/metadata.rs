//! KeyMetadata as KMS writes it: member names, their order, and the members
//! left out for a key they do not apply to.

use super::common::*;
use keydeck_sim::Principal;
use serde_json::{json, Value};

/// DescribeKey's `KeyMetadata` of `arn`, as the JSON text on the wire.
fn described(lab: &mut Lab, arn: &str) -> String {
    let region = arn.split(':').nth(3).unwrap();
    let caller = caller_in(Principal::root(&account(A)), region);
    let out = lab.ok(&caller, "DescribeKey", json!({ "KeyId": arn }));
    serde_json::to_string(&out["KeyMetadata"]).unwrap()
}

fn arn_of(out: &Value, member: &str) -> String {
    out[member]["Arn"].as_str().unwrap().to_owned()
}

fn every_kind_of_key() -> Vec<String> {
    let mut lab = Lab::seeded(7);
    let mut arns = vec![
        lab.key(&root(A), json!({"Description": "orders"})),
        lab.key(
            &root(A),
            json!({"KeySpec": "RSA_2048", "KeyUsage": "ENCRYPT_DECRYPT"}),
        ),
        lab.key(
            &root(A),
            json!({"KeySpec": "ECC_NIST_P256", "KeyUsage": "SIGN_VERIFY"}),
        ),
        lab.key(
            &root(A),
            json!({"KeySpec": "HMAC_256", "KeyUsage": "GENERATE_VERIFY_MAC"}),
        ),
        lab.key(&root(A), json!({"Origin": "EXTERNAL"})),
    ];
    let doomed = lab.key(&root(A), json!({}));
    lab.ok(
        &root(A),
        "ScheduleKeyDeletion",
        json!({"KeyId": doomed, "PendingWindowInDays": 7}),
    );
    arns.push(doomed);
    let primary = lab.key(&root(A), json!({"MultiRegion": true}));
    let out = lab.ok(
        &root(A),
        "ReplicateKey",
        json!({"KeyId": primary, "ReplicaRegion": "eu-west-1"}),
    );
    let replica = arn_of(&out, "ReplicaKeyMetadata");
    arns.push(primary.clone());
    let mut texts: Vec<String> = arns.iter().map(|arn| described(&mut lab, arn)).collect();
    texts.push(described(&mut lab, &replica));
    lab.ok(
        &root(A),
        "ScheduleKeyDeletion",
        json!({"KeyId": primary, "PendingWindowInDays": 7}),
    );
    texts.push(described(&mut lab, &primary));
    texts
}

#[test]
fn key_metadata_members_keep_kms_names_order_and_omissions() {
    // One line a key: symmetric with a description, RSA, ECC, HMAC, EXTERNAL
    // awaiting material, pending deletion, a multi-Region primary and its
    // replica, then the primary pending its replica's deletion.
    let expected: Vec<&str> = include_str!("key_metadata.jsonl").lines().collect();
    assert_eq!(every_kind_of_key(), expected);
}
