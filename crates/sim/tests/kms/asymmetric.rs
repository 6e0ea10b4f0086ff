use crate::common::*;
use serde_json::json;
use sha2::Digest;

#[test]
fn rsa_oaep_round_trips_within_its_limit_and_names_the_limit_beyond_it() {
    let mut lab = Lab::new();
    let arn = lab.key(
        &root(A),
        json!({"KeySpec": "RSA_2048", "KeyUsage": "ENCRYPT_DECRYPT"}),
    );
    for (alg, limit) in [("RSAES_OAEP_SHA_1", 214), ("RSAES_OAEP_SHA_256", 190)] {
        let out = lab.ok(
            &root(A),
            "Encrypt",
            json!({"KeyId": arn, "Plaintext": b64(&vec![1; limit]), "EncryptionAlgorithm": alg}),
        );
        let back = lab.ok(&root(A), "Decrypt", json!({"KeyId": arn, "CiphertextBlob": out["CiphertextBlob"], "EncryptionAlgorithm": alg}));
        assert_eq!(unb64(&back["Plaintext"]), vec![1; limit]);
        let e = lab.err(&root(A), "Encrypt", json!({"KeyId": arn, "Plaintext": b64(&vec![1; limit + 1]), "EncryptionAlgorithm": alg}));
        assert_error(&e, "ValidationException", Some(&format!("Algorithm {alg} and key spec RSA_2048 cannot encrypt data larger than {limit} bytes.")));
    }
    let e = lab.err(
        &root(A),
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x")}),
    );
    assert_error(
        &e,
        "InvalidKeyUsageException",
        Some("Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048."),
    );
    let e = lab.err(
        &root(A),
        "GenerateDataKey",
        json!({"KeyId": arn, "KeySpec": "AES_256"}),
    );
    assert_eq!(e.code(), "InvalidKeyUsageException");
    let public = lab.ok(&root(A), "GetPublicKey", json!({"KeyId": arn}));
    assert_eq!(
        public["EncryptionAlgorithms"],
        json!(["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"])
    );
    use rsa::pkcs8::DecodePublicKey;
    rsa::RsaPublicKey::from_public_key_der(&unb64(&public["PublicKey"])).unwrap();
}

#[test]
fn ecdsa_sign_and_verify_with_raw_and_digest_messages() {
    let mut lab = Lab::new();
    let arn = lab.key(
        &root(A),
        json!({"KeySpec": "ECC_NIST_P256", "KeyUsage": "SIGN_VERIFY"}),
    );
    let sig = lab.ok(
        &root(A),
        "Sign",
        json!({"KeyId": arn, "Message": b64(b"msg"), "SigningAlgorithm": "ECDSA_SHA_256"}),
    );
    assert_eq!(sig["SigningAlgorithm"], "ECDSA_SHA_256");
    let digest = sha2::Sha256::digest(b"msg").to_vec();
    let ok = lab.ok(&root(A), "Verify", json!({"KeyId": arn, "Message": b64(&digest), "MessageType": "DIGEST", "Signature": sig["Signature"], "SigningAlgorithm": "ECDSA_SHA_256"}));
    assert_eq!(ok["SignatureValid"], true);
    let e = lab.err(&root(A), "Verify", json!({"KeyId": arn, "Message": b64(b"other"), "Signature": sig["Signature"], "SigningAlgorithm": "ECDSA_SHA_256"}));
    assert_error(&e, "KMSInvalidSignatureException", None);
    let e = lab.err(&root(A), "Sign", json!({"KeyId": arn, "Message": b64(&[0; 31]), "MessageType": "DIGEST", "SigningAlgorithm": "ECDSA_SHA_256"}));
    assert_error(
        &e,
        "ValidationException",
        Some("Digest is invalid length for algorithm ECDSA_SHA_256."),
    );
    let e = lab.err(
        &root(A),
        "Sign",
        json!({"KeyId": arn, "Message": b64(b"m"), "SigningAlgorithm": "ECDSA_SHA_384"}),
    );
    assert_error(
        &e,
        "InvalidKeyUsageException",
        Some("Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256."),
    );
    let e = lab.err(
        &root(A),
        "Encrypt",
        json!({"KeyId": arn, "Plaintext": b64(b"x")}),
    );
    assert_error(
        &e,
        "InvalidKeyUsageException",
        Some(&format!(
            "{arn} key usage is SIGN_VERIFY which is not valid for Encrypt."
        )),
    );
    let public = lab.ok(&root(A), "GetPublicKey", json!({"KeyId": arn}));
    use p256::pkcs8::DecodePublicKey;
    let key = p256::PublicKey::from_public_key_der(&unb64(&public["PublicKey"])).unwrap();
    use p256::ecdsa::signature::Verifier;
    let der = p256::ecdsa::DerSignature::try_from(unb64(&sig["Signature"]).as_slice()).unwrap();
    p256::ecdsa::VerifyingKey::from(key)
        .verify(b"msg", &der)
        .unwrap();
}

#[test]
fn every_curve_and_rsa_signing_algorithm_signs() {
    let mut lab = Lab::new();
    for (spec, alg) in [
        ("ECC_NIST_P384", "ECDSA_SHA_384"),
        ("ECC_NIST_P521", "ECDSA_SHA_512"),
        ("ECC_SECG_P256K1", "ECDSA_SHA_256"),
    ] {
        let arn = lab.key(
            &root(A),
            json!({"KeySpec": spec, "KeyUsage": "SIGN_VERIFY"}),
        );
        let sig = lab.ok(
            &root(A),
            "Sign",
            json!({"KeyId": arn, "Message": b64(b"m"), "SigningAlgorithm": alg}),
        );
        lab.ok(&root(A), "Verify", json!({"KeyId": arn, "Message": b64(b"m"), "Signature": sig["Signature"], "SigningAlgorithm": alg}));
    }
    let rsa = lab.key(
        &root(A),
        json!({"KeySpec": "RSA_2048", "KeyUsage": "SIGN_VERIFY"}),
    );
    for alg in [
        "RSASSA_PSS_SHA_256",
        "RSASSA_PSS_SHA_384",
        "RSASSA_PSS_SHA_512",
        "RSASSA_PKCS1_V1_5_SHA_256",
        "RSASSA_PKCS1_V1_5_SHA_384",
        "RSASSA_PKCS1_V1_5_SHA_512",
    ] {
        let sig = lab.ok(
            &root(A),
            "Sign",
            json!({"KeyId": rsa, "Message": b64(b"m"), "SigningAlgorithm": alg}),
        );
        lab.ok(&root(A), "Verify", json!({"KeyId": rsa, "Message": b64(b"m"), "Signature": sig["Signature"], "SigningAlgorithm": alg}));
    }
    let e = lab.err(&root(A), "Sign", json!({"KeyId": rsa, "Message": b64(&[0; 32]), "MessageType": "DIGEST", "SigningAlgorithm": "RSASSA_PSS_SHA_512"}));
    assert_error(
        &e,
        "ValidationException",
        Some("Digest is invalid length for algorithm RSASSA_PSS_SHA_512."),
    );
}

#[test]
fn hmac_keys_generate_and_verify_macs() {
    let mut lab = Lab::new();
    let arn = lab.key(
        &root(A),
        json!({"KeySpec": "HMAC_256", "KeyUsage": "GENERATE_VERIFY_MAC"}),
    );
    let mac = lab.ok(
        &root(A),
        "GenerateMac",
        json!({"KeyId": arn, "Message": b64(b"m"), "MacAlgorithm": "HMAC_SHA_256"}),
    );
    assert_eq!(unb64(&mac["Mac"]).len(), 32);
    let ok = lab.ok(&root(A), "VerifyMac", json!({"KeyId": arn, "Message": b64(b"m"), "Mac": mac["Mac"], "MacAlgorithm": "HMAC_SHA_256"}));
    assert_eq!(ok["MacValid"], true);
    let e = lab.err(&root(A), "VerifyMac", json!({"KeyId": arn, "Message": b64(b"n"), "Mac": mac["Mac"], "MacAlgorithm": "HMAC_SHA_256"}));
    assert_error(&e, "KMSInvalidMacException", None);
    let truncated = b64(&unb64(&mac["Mac"])[..16]);
    let e = lab.err(&root(A), "VerifyMac", json!({"KeyId": arn, "Message": b64(b"m"), "Mac": truncated, "MacAlgorithm": "HMAC_SHA_256"}));
    assert_error(&e, "KMSInvalidMacException", None);
    let e = lab.err(
        &root(A),
        "GenerateMac",
        json!({"KeyId": arn, "Message": b64(b"m"), "MacAlgorithm": "HMAC_SHA_512"}),
    );
    assert_error(
        &e,
        "InvalidKeyUsageException",
        Some("Algorithm HMAC_SHA_512 is incompatible with key spec HMAC_256."),
    );
    let e = lab.err(
        &root(A),
        "GenerateMac",
        json!({"KeyId": arn, "Message": b64(b"m"), "MacAlgorithm": "INVALID"}),
    );
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]"));
    let sym = lab.symmetric();
    let e = lab.err(
        &root(A),
        "GenerateMac",
        json!({"KeyId": sym, "Message": b64(b"m"), "MacAlgorithm": "HMAC_SHA_256"}),
    );
    assert_error(
        &e,
        "InvalidKeyUsageException",
        Some(&format!(
            "{sym} key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac."
        )),
    );
    let e = lab.err(&root(A), "GetPublicKey", json!({"KeyId": sym}));
    assert_eq!(e.code(), "UnsupportedOperationException");
}

#[test]
fn data_key_pairs_come_with_the_private_key_sealed_under_the_context() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    let out = lab.ok(
        &root(A),
        "GenerateDataKeyPair",
        json!({"KeyId": arn, "KeyPairSpec": "ECC_NIST_P256", "EncryptionContext": {"k": "v"}}),
    );
    let private = unb64(&out["PrivateKeyPlaintext"]);
    use p256::pkcs8::{DecodePrivateKey, DecodePublicKey};
    let secret = p256::SecretKey::from_pkcs8_der(&private).unwrap();
    let public = p256::PublicKey::from_public_key_der(&unb64(&out["PublicKey"])).unwrap();
    assert_eq!(secret.public_key(), public);
    let back = lab.ok(
        &root(A),
        "Decrypt",
        json!({"CiphertextBlob": out["PrivateKeyCiphertextBlob"], "EncryptionContext": {"k": "v"}}),
    );
    assert_eq!(unb64(&back["Plaintext"]), private);
    let out = lab.ok(
        &root(A),
        "GenerateDataKeyPairWithoutPlaintext",
        json!({"KeyId": arn, "KeyPairSpec": "ECC_SECG_P256K1"}),
    );
    assert!(out.get("PrivateKeyPlaintext").is_none());
    assert_eq!(out["KeyPairSpec"], "ECC_SECG_P256K1");
}
