use crate::common::*;
use serde_json::json;

#[test]
fn encrypt_then_decrypt_with_the_same_context_round_trips() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let blob = lab.encrypt(&root(A), &arn, b"hello", json!({"purpose": "test"}));
    let out = lab.ok(
        &root(A),
        "Decrypt",
        json!({"CiphertextBlob": b64(&blob), "EncryptionContext": {"purpose": "test"}}),
    );
    assert_eq!(unb64(&out["Plaintext"]), b"hello");
    assert_eq!(out["KeyId"], arn);
    assert_eq!(out["EncryptionAlgorithm"], "SYMMETRIC_DEFAULT");
}

#[test]
fn decrypt_with_a_different_context_is_invalid_ciphertext() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let blob = lab.encrypt(&root(A), &arn, b"hello", json!({"ab": "c"}));
    for wrong in [json!({"a": "bc"}), json!({}), json!({"ab": "c", "x": "y"})] {
        let e = lab.err(
            &root(A),
            "Decrypt",
            json!({"CiphertextBlob": b64(&blob), "EncryptionContext": wrong}),
        );
        assert_error(&e, "InvalidCiphertextException", None);
    }
}

#[test]
fn a_tampered_blob_is_invalid_ciphertext() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let mut blob = lab.encrypt(&root(A), &arn, b"hello", json!({}));
    let last = blob.len() - 1;
    blob[last] ^= 1;
    let e = lab.err(&root(A), "Decrypt", json!({"CiphertextBlob": b64(&blob)}));
    assert_error(&e, "InvalidCiphertextException", None);
    let e = lab.err(
        &root(A),
        "Decrypt",
        json!({"CiphertextBlob": b64(b"not a blob at all")}),
    );
    assert_error(&e, "InvalidCiphertextException", None);
}

#[test]
fn decrypt_naming_another_key_is_incorrect_key() {
    let mut lab = Lab::new();
    let (k1, k2) = (lab.symmetric(), lab.symmetric());
    let blob = lab.encrypt(&root(A), &k1, b"x", json!({}));
    let e = lab.err(
        &root(A),
        "Decrypt",
        json!({"CiphertextBlob": b64(&blob), "KeyId": k2}),
    );
    assert_error(
        &e,
        "IncorrectKeyException",
        Some("The key ID in the request does not identify a CMK that can perform this operation."),
    );
    let out = lab.ok(
        &root(A),
        "Decrypt",
        json!({"CiphertextBlob": b64(&blob), "KeyId": k1}),
    );
    assert_eq!(unb64(&out["Plaintext"]), b"x");
}

#[test]
fn encrypt_limits_plaintext_to_4096_bytes() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    lab.encrypt(&root(A), &arn, &[7; 4096], json!({}));
    let e = lab.err(
        &root(A),
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(&[7; 4097])}),
    );
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096"));
}

#[test]
fn re_encrypt_moves_a_ciphertext_to_another_key_and_context() {
    let mut lab = Lab::new();
    let (k1, k2) = (lab.symmetric(), lab.symmetric());
    let blob = lab.encrypt(&root(A), &k1, b"move me", json!({"a": "1"}));
    let out = lab.ok(
        &root(A),
        "ReEncrypt",
        json!({
            "CiphertextBlob": b64(&blob), "SourceEncryptionContext": {"a": "1"},
            "DestinationKeyId": k2, "DestinationEncryptionContext": {"b": "2"}
        }),
    );
    assert_eq!(out["SourceKeyId"], k1);
    assert_eq!(out["KeyId"], k2);
    let moved = unb64(&out["CiphertextBlob"]);
    let back = lab.ok(
        &root(A),
        "Decrypt",
        json!({"CiphertextBlob": b64(&moved), "EncryptionContext": {"b": "2"}}),
    );
    assert_eq!(unb64(&back["Plaintext"]), b"move me");
    let e = lab.err(
        &root(A),
        "ReEncrypt",
        json!({"CiphertextBlob": b64(&blob), "DestinationKeyId": k2}),
    );
    assert_error(&e, "InvalidCiphertextException", None);
    let e = lab.err(
        &root(A),
        "ReEncrypt",
        json!({"CiphertextBlob": b64(&blob), "SourceKeyId": k2, "DestinationKeyId": k2}),
    );
    assert_error(
        &e,
        "IncorrectKeyException",
        Some("The key ID in the request does not identify a CMK that can perform this operation."),
    );
}

#[test]
fn generate_data_key_returns_a_plaintext_key_and_its_sealed_copy() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let out = lab.ok(
        &root(A),
        "GenerateDataKey",
        json!({"KeyId": arn, "KeySpec": "AES_256", "EncryptionContext": {"k": "v"}}),
    );
    let key = unb64(&out["Plaintext"]);
    assert_eq!(key.len(), 32);
    let back = lab.ok(
        &root(A),
        "Decrypt",
        json!({"CiphertextBlob": out["CiphertextBlob"], "EncryptionContext": {"k": "v"}}),
    );
    assert_eq!(unb64(&back["Plaintext"]), key);
    let out = lab.ok(
        &root(A),
        "GenerateDataKey",
        json!({"KeyId": arn, "NumberOfBytes": 1}),
    );
    assert_eq!(unb64(&out["Plaintext"]).len(), 1);
    let out = lab.ok(
        &root(A),
        "GenerateDataKey",
        json!({"KeyId": arn, "KeySpec": "AES_128"}),
    );
    assert_eq!(unb64(&out["Plaintext"]).len(), 16);
}

#[test]
fn generate_data_key_takes_key_spec_or_number_of_bytes_never_both() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    for req in [
        json!({"KeyId": arn, "KeySpec": "AES_256", "NumberOfBytes": 32}),
        json!({"KeyId": arn}),
    ] {
        let e = lab.err(&root(A), "GenerateDataKey", req);
        assert_error(
            &e,
            "ValidationException",
            Some("Please specify either number of bytes or key spec."),
        );
    }
    let e = lab.err(
        &root(A),
        "GenerateDataKey",
        json!({"KeyId": arn, "NumberOfBytes": 1025}),
    );
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024"));
}

#[test]
fn generate_data_key_without_plaintext_returns_only_the_sealed_key() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let out = lab.ok(
        &root(A),
        "GenerateDataKeyWithoutPlaintext",
        json!({"KeyId": arn, "KeySpec": "AES_256"}),
    );
    assert!(out.get("Plaintext").is_none());
    let back = lab.ok(
        &root(A),
        "Decrypt",
        json!({"CiphertextBlob": out["CiphertextBlob"]}),
    );
    assert_eq!(unb64(&back["Plaintext"]).len(), 32);
}

#[test]
fn dry_run_checks_everything_and_does_nothing() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let e = lab.err(
        &root(A),
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x"), "DryRun": true}),
    );
    assert_error(
        &e,
        "DryRunOperationException",
        Some("The request would have succeeded, but the DryRun option is set."),
    );
}
