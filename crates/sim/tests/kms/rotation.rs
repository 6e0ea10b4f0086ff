use crate::common::*;
use serde_json::json;

#[test]
fn automatic_rotation_follows_the_clock_and_old_ciphertext_still_decrypts() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let old = lab.encrypt(&root(A), &arn, b"before", json!({}));
    lab.ok(
        &root(A),
        "EnableKeyRotation",
        json!({"KeyId": arn, "RotationPeriodInDays": 90}),
    );
    let status = lab.ok(&root(A), "GetKeyRotationStatus", json!({"KeyId": arn}));
    assert_eq!(status["KeyRotationEnabled"], true);
    assert_eq!(status["RotationPeriodInDays"], 90);
    lab.sim.advance_days(90);
    let rotations = lab.ok(&root(A), "ListKeyRotations", json!({"KeyId": arn}));
    assert_eq!(rotations["Rotations"][0]["RotationType"], "AUTOMATIC");
    let new = lab.encrypt(&root(A), &arn, b"after", json!({}));
    assert_ne!(
        old[14 + 36..18 + 36],
        new[14 + 36..18 + 36],
        "a new material version"
    );
    for (blob, text) in [(old, &b"before"[..]), (new, &b"after"[..])] {
        let out = lab.ok(&root(A), "Decrypt", json!({"CiphertextBlob": b64(&blob)}));
        assert_eq!(unb64(&out["Plaintext"]), text);
    }
    lab.ok(&root(A), "DisableKeyRotation", json!({"KeyId": arn}));
    let status = lab.ok(&root(A), "GetKeyRotationStatus", json!({"KeyId": arn}));
    assert_eq!(status["KeyRotationEnabled"], false);
}

#[test]
fn the_rotation_period_is_90_to_2560_days() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let e = lab.err(
        &root(A),
        "EnableKeyRotation",
        json!({"KeyId": arn, "RotationPeriodInDays": 89}),
    );
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value '89' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 90"));
    let e = lab.err(
        &root(A),
        "EnableKeyRotation",
        json!({"KeyId": arn, "RotationPeriodInDays": 2561}),
    );
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value '2561' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 2560"));
    lab.ok(&root(A), "EnableKeyRotation", json!({"KeyId": arn}));
    let status = lab.ok(&root(A), "GetKeyRotationStatus", json!({"KeyId": arn}));
    assert_eq!(status["RotationPeriodInDays"], 365);
}

#[test]
fn on_demand_rotation_stops_at_its_limit() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    for _ in 0..25 {
        lab.ok(&root(A), "RotateKeyOnDemand", json!({"KeyId": arn}));
    }
    let e = lab.err(&root(A), "RotateKeyOnDemand", json!({"KeyId": arn}));
    assert_error(&e, "LimitExceededException", Some(&format!("The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: {arn}")));
    let rotations = lab.ok(
        &root(A),
        "ListKeyRotations",
        json!({"KeyId": arn, "Limit": 100}),
    );
    assert_eq!(rotations["Rotations"].as_array().unwrap().len(), 25);
    assert_eq!(rotations["Rotations"][0]["RotationType"], "ON_DEMAND");
}

#[test]
fn rotation_is_for_symmetric_keys_with_aws_material_only() {
    let mut lab = Lab::new();
    let hmac = lab.key(
        &root(A),
        json!({"KeySpec": "HMAC_224", "KeyUsage": "GENERATE_VERIFY_MAC"}),
    );
    let e = lab.err(&root(A), "EnableKeyRotation", json!({"KeyId": hmac}));
    assert_eq!(e.code(), "UnsupportedOperationException");
    let e = lab.err(&root(A), "RotateKeyOnDemand", json!({"KeyId": hmac}));
    assert_error(&e, "UnsupportedOperationException", Some(""));
    let external = lab.key(&root(A), json!({"Origin": "EXTERNAL"}));
    let e = lab.err(&root(A), "EnableKeyRotation", json!({"KeyId": external}));
    assert_error(
        &e,
        "KMSInvalidStateException",
        Some(&format!("{external} is pending import.")),
    );
    let disabled = lab.symmetric();
    lab.ok(&root(A), "DisableKey", json!({"KeyId": disabled}));
    let e = lab.err(&root(A), "RotateKeyOnDemand", json!({"KeyId": disabled}));
    assert_error(
        &e,
        "DisabledException",
        Some(&format!("{disabled} is disabled.")),
    );
}
