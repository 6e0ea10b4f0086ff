use crate::common::*;
use serde_json::json;

#[test]
fn create_key_returns_aws_metadata_for_a_symmetric_key() {
    let mut lab = Lab::new();
    let out = lab.ok(&root(A), "CreateKey", json!({"Description": "app"}));
    let m = &out["KeyMetadata"];
    let id = m["KeyId"].as_str().unwrap();
    assert_eq!(m["Arn"], format!("arn:aws:kms:us-east-1:{A}:key/{id}"));
    assert_eq!(m["AWSAccountId"], A);
    assert_eq!(m["KeyState"], "Enabled");
    assert_eq!(m["Enabled"], true);
    assert_eq!(m["KeyUsage"], "ENCRYPT_DECRYPT");
    assert_eq!(m["KeySpec"], "SYMMETRIC_DEFAULT");
    assert_eq!(m["CustomerMasterKeySpec"], "SYMMETRIC_DEFAULT");
    assert_eq!(m["Origin"], "AWS_KMS");
    assert_eq!(m["KeyManager"], "CUSTOMER");
    assert_eq!(m["MultiRegion"], false);
    assert_eq!(m["EncryptionAlgorithms"], json!(["SYMMETRIC_DEFAULT"]));
    assert_eq!(m["Description"], "app");
}

#[test]
fn create_key_refuses_usages_the_spec_cannot_have() {
    let mut lab = Lab::new();
    let e = lab.err(
        &root(A),
        "CreateKey",
        json!({"KeySpec": "HMAC_256", "KeyUsage": "ENCRYPT_DECRYPT"}),
    );
    assert_error(
        &e,
        "ValidationException",
        Some("KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec HMAC_256"),
    );
    let e = lab.err(
        &root(A),
        "CreateKey",
        json!({"KeySpec": "ECC_NIST_P256", "KeyUsage": "ENCRYPT_DECRYPT"}),
    );
    assert_error(
        &e,
        "ValidationException",
        Some("KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec ECC_NIST_P256"),
    );
    let e = lab.err(&root(A), "CreateKey", json!({"KeySpec": "HMAC_256"}));
    assert_error(&e, "ValidationException", Some("You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys."));
}

#[test]
fn create_key_names_unknown_enum_values_in_aws_order() {
    let mut lab = Lab::new();
    let e = lab.err(&root(A), "CreateKey", json!({"KeySpec": "HMAC_random"}));
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value 'HMAC_random' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, ECC_NIST_P384, ECC_NIST_P256, ECC_NIST_P521, HMAC_384, RSA_3072, ECC_SECG_P256K1, RSA_4096, SYMMETRIC_DEFAULT, HMAC_256, HMAC_224, HMAC_512]"));
    let e = lab.err(&root(A), "CreateKey", json!({"KeyUsage": "RANDOM"}));
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value 'RANDOM' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: [ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC]"));
}

#[test]
fn describe_key_of_an_unknown_or_malformed_id_is_not_found() {
    let mut lab = Lab::new();
    let id = "1234abcd-12ab-34cd-56ef-1234567890ab";
    let e = lab.err(&root(A), "DescribeKey", json!({"KeyId": id}));
    assert_error(
        &e,
        "NotFoundException",
        Some(&format!(
            "Key 'arn:aws:kms:us-east-1:{A}:key/{id}' does not exist"
        )),
    );
    let e = lab.err(&root(A), "DescribeKey", json!({"KeyId": "fake-key-id"}));
    assert_error(&e, "NotFoundException", Some("Invalid keyId 'fake-key-id'"));
    let e = lab.err(&root(A), "DescribeKey", json!({}));
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null"));
}

#[test]
fn a_key_arn_from_another_region_is_an_invalid_arn() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let west = caller_in(keydeck_sim::Principal::root(&account(A)), "eu-west-1");
    let e = lab.err(&west, "DescribeKey", json!({"KeyId": arn}));
    assert_error(&e, "NotFoundException", Some("Invalid arn us-east-1"));
}

#[test]
fn list_keys_pages_through_the_callers_keys_only() {
    let mut lab = Lab::new();
    for _ in 0..3 {
        lab.symmetric();
    }
    lab.key(&root(B), json!({}));
    let first = lab.ok(&root(A), "ListKeys", json!({"Limit": 2}));
    assert_eq!(first["Keys"].as_array().unwrap().len(), 2);
    assert_eq!(first["Truncated"], true);
    let rest = lab.ok(&root(A), "ListKeys", json!({"Marker": first["NextMarker"]}));
    assert_eq!(rest["Keys"].as_array().unwrap().len(), 1);
    assert_eq!(rest["Truncated"], false);
}

#[test]
fn update_key_description_changes_what_describe_key_shows() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    lab.ok(
        &root(A),
        "UpdateKeyDescription",
        json!({"KeyId": arn, "Description": "new"}),
    );
    let out = lab.ok(&root(A), "DescribeKey", json!({"KeyId": arn}));
    assert_eq!(out["KeyMetadata"]["Description"], "new");
}

#[test]
fn a_disabled_key_refuses_encrypt_with_disabled_exception() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    lab.ok(&root(A), "DisableKey", json!({"KeyId": arn}));
    let out = lab.ok(&root(A), "DescribeKey", json!({"KeyId": arn}));
    assert_eq!(out["KeyMetadata"]["KeyState"], "Disabled");
    let e = lab.err(
        &root(A),
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x")}),
    );
    assert_error(
        &e,
        "DisabledException",
        Some(&format!("{arn} is disabled.")),
    );
    lab.ok(&root(A), "EnableKey", json!({"KeyId": arn}));
    lab.encrypt(&root(A), &arn, b"x", json!({}));
}

#[test]
fn scheduled_deletion_gives_invalid_state_and_cancel_leaves_the_key_disabled() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let out = lab.ok(&root(A), "ScheduleKeyDeletion", json!({"KeyId": arn}));
    assert_eq!(out["KeyState"], "PendingDeletion");
    assert_eq!(out["PendingWindowInDays"], 30);
    assert_eq!(
        out["DeletionDate"].as_i64().unwrap() - lab.sim.clock().now(),
        30 * 86_400
    );
    let e = lab.err(
        &root(A),
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x")}),
    );
    assert_error(
        &e,
        "KMSInvalidStateException",
        Some(&format!("{arn} is pending deletion.")),
    );
    let e = lab.err(&root(A), "EnableKey", json!({"KeyId": arn}));
    assert_error(
        &e,
        "KMSInvalidStateException",
        Some(&format!("{arn} is pending deletion.")),
    );
    let out = lab.ok(&root(A), "CancelKeyDeletion", json!({"KeyId": arn}));
    assert_eq!(out["KeyId"], arn);
    let out = lab.ok(&root(A), "DescribeKey", json!({"KeyId": arn}));
    assert_eq!(out["KeyMetadata"]["KeyState"], "Disabled");
    let e = lab.err(&root(A), "CancelKeyDeletion", json!({"KeyId": arn}));
    assert_error(
        &e,
        "KMSInvalidStateException",
        Some(&format!("{arn} is not pending deletion.")),
    );
}

#[test]
fn the_deletion_window_is_seven_to_thirty_days_and_the_clock_deletes() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let e = lab.err(
        &root(A),
        "ScheduleKeyDeletion",
        json!({"KeyId": arn, "PendingWindowInDays": 6}),
    );
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value '6' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value greater than or equal to 7"));
    let e = lab.err(
        &root(A),
        "ScheduleKeyDeletion",
        json!({"KeyId": arn, "PendingWindowInDays": 31}),
    );
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value '31' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 30"));
    lab.ok(
        &root(A),
        "ScheduleKeyDeletion",
        json!({"KeyId": arn, "PendingWindowInDays": 7}),
    );
    lab.sim.advance_days(6);
    lab.ok(&root(A), "DescribeKey", json!({"KeyId": arn}));
    lab.sim.advance_days(1);
    let e = lab.err(&root(A), "DescribeKey", json!({"KeyId": arn}));
    assert_error(
        &e,
        "NotFoundException",
        Some(&format!("Key '{arn}' does not exist")),
    );
}

#[test]
fn unknown_operations_are_refused_as_json_1_1_does() {
    let mut lab = Lab::new();
    let e = lab.err(&root(A), "MakeCoffee", json!({}));
    assert_error(&e, "UnknownOperationException", None);
    let e = lab
        .sim
        .call("lambda", "Invoke", json!({}), &root(A))
        .unwrap_err();
    assert_error(&e, "UnknownOperationException", None);
    let e = lab
        .sim
        .call("secretsmanager", "MakeCoffee", json!({}), &root(A))
        .unwrap_err();
    assert_error(&e, "UnknownOperationException", None);
}

#[test]
fn generate_random_gives_one_to_1024_bytes() {
    let mut lab = Lab::new();
    let out = lab.ok(&root(A), "GenerateRandom", json!({"NumberOfBytes": 1024}));
    assert_eq!(unb64(&out["Plaintext"]).len(), 1024);
    let e = lab.err(&root(A), "GenerateRandom", json!({"NumberOfBytes": 1025}));
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024"));
    let e = lab.err(&root(A), "GenerateRandom", json!({"NumberOfBytes": 0}));
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    let e = lab.err(&root(A), "GenerateRandom", json!({}));
    assert_error(
        &e,
        "ValidationException",
        Some("NumberOfBytes is required."),
    );
}

#[test]
fn generate_random_needs_an_iam_permission_for_users() {
    let mut lab = Lab::new();
    let e = lab.err(
        &user(A, "alice"),
        "GenerateRandom",
        json!({"NumberOfBytes": 8}),
    );
    assert_error(&e, "AccessDeniedException", Some(&format!("User: arn:aws:iam::{A}:user/alice is not authorized to perform: kms:GenerateRandom because no identity-based policy allows the kms:GenerateRandom action")));
    lab.put_identity_policy(
        &format!("arn:aws:iam::{A}:user/alice"),
        r#"{"Effect":"Allow","Action":"kms:GenerateRandom","Resource":"*"}"#,
    );
    lab.ok(
        &user(A, "alice"),
        "GenerateRandom",
        json!({"NumberOfBytes": 8}),
    );
}
