use crate::common::*;
use rsa::pkcs8::DecodePublicKey;
use serde_json::{json, Value};

fn wrap(params: &Value, material: &[u8]) -> String {
    let public = rsa::RsaPublicKey::from_public_key_der(&unb64(&params["PublicKey"])).unwrap();
    let wrapped = public
        .encrypt(
            &mut rand_core::OsRng,
            rsa::Oaep::new::<sha2::Sha256>(),
            material,
        )
        .unwrap();
    b64(&wrapped)
}

#[test]
fn imported_material_moves_a_key_from_pending_import_to_enabled_and_expires_on_the_clock() {
    let mut lab = Lab::new();
    let arn = lab.key(&root(A), json!({"Origin": "EXTERNAL"}));
    let m = lab.ok(&root(A), "DescribeKey", json!({"KeyId": arn}));
    assert_eq!(m["KeyMetadata"]["KeyState"], "PendingImport");
    let e = lab.err(
        &root(A),
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x")}),
    );
    assert_error(
        &e,
        "KMSInvalidStateException",
        Some(&format!("{arn} is pending import.")),
    );
    let params = lab.ok(&root(A), "GetParametersForImport", json!({"KeyId": arn, "WrappingAlgorithm": "RSAES_OAEP_SHA_256", "WrappingKeySpec": "RSA_2048"}));
    let material = [42u8; 32];
    let e = lab.err(&root(A), "ImportKeyMaterial", json!({"KeyId": arn, "ImportToken": params["ImportToken"], "EncryptedKeyMaterial": wrap(&params, &material), "ExpirationModel": "KEY_MATERIAL_EXPIRES"}));
    assert_error(
        &e,
        "ValidationException",
        Some("A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES"),
    );
    let valid_to = lab.sim.clock().now() + 10 * 86_400;
    lab.ok(&root(A), "ImportKeyMaterial", json!({"KeyId": arn, "ImportToken": params["ImportToken"], "EncryptedKeyMaterial": wrap(&params, &material), "ExpirationModel": "KEY_MATERIAL_EXPIRES", "ValidTo": valid_to}));
    let m = lab.ok(&root(A), "DescribeKey", json!({"KeyId": arn}));
    assert_eq!(m["KeyMetadata"]["KeyState"], "Enabled");
    assert_eq!(m["KeyMetadata"]["ExpirationModel"], "KEY_MATERIAL_EXPIRES");
    assert_eq!(m["KeyMetadata"]["ValidTo"], valid_to);
    let blob = lab.encrypt(&root(A), &arn, b"x", json!({}));
    lab.sim.advance_days(10);
    let e = lab.err(&root(A), "Decrypt", json!({"CiphertextBlob": b64(&blob)}));
    assert_error(
        &e,
        "KMSInvalidStateException",
        Some(&format!("{arn} is pending import.")),
    );
    let fresh = lab.ok(&root(A), "GetParametersForImport", json!({"KeyId": arn, "WrappingAlgorithm": "RSAES_OAEP_SHA_256", "WrappingKeySpec": "RSA_2048"}));
    let e = lab.err(&root(A), "ImportKeyMaterial", json!({"KeyId": arn, "ImportToken": fresh["ImportToken"], "EncryptedKeyMaterial": wrap(&fresh, &[1; 32])}));
    assert_eq!(e.code(), "IncorrectKeyMaterialException");
    lab.ok(&root(A), "ImportKeyMaterial", json!({"KeyId": arn, "ImportToken": fresh["ImportToken"], "EncryptedKeyMaterial": wrap(&fresh, &material), "ExpirationModel": "KEY_MATERIAL_DOES_NOT_EXPIRE"}));
    let out = lab.ok(&root(A), "Decrypt", json!({"CiphertextBlob": b64(&blob)}));
    assert_eq!(unb64(&out["Plaintext"]), b"x");
    lab.ok(&root(A), "DeleteImportedKeyMaterial", json!({"KeyId": arn}));
    let m = lab.ok(&root(A), "DescribeKey", json!({"KeyId": arn}));
    assert_eq!(m["KeyMetadata"]["KeyState"], "PendingImport");
}

#[test]
fn import_parameters_are_only_for_external_keys_and_tokens_expire() {
    let mut lab = Lab::new();
    let aws = lab.symmetric();
    let e = lab.err(&root(A), "GetParametersForImport", json!({"KeyId": aws, "WrappingAlgorithm": "RSAES_OAEP_SHA_256", "WrappingKeySpec": "RSA_2048"}));
    assert_error(
        &e,
        "UnsupportedOperationException",
        Some(&format!(
            "{aws} origin is AWS_KMS which is not valid for this operation."
        )),
    );
    let arn = lab.key(&root(A), json!({"Origin": "EXTERNAL"}));
    let params = lab.ok(&root(A), "GetParametersForImport", json!({"KeyId": arn, "WrappingAlgorithm": "RSAES_OAEP_SHA_1", "WrappingKeySpec": "RSA_2048"}));
    lab.sim.advance_days(1);
    let e = lab.err(&root(A), "ImportKeyMaterial", json!({"KeyId": arn, "ImportToken": params["ImportToken"], "EncryptedKeyMaterial": b64(&[0; 256])}));
    assert_eq!(e.code(), "ExpiredImportTokenException");
    let e = lab.err(
        &root(A),
        "ImportKeyMaterial",
        json!({"KeyId": arn, "ImportToken": b64(b"bogus"), "EncryptedKeyMaterial": b64(&[0; 256])}),
    );
    assert_eq!(e.code(), "InvalidImportTokenException");
}
