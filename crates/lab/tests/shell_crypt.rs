//! keydeck-crypt: envelope encryption with a data key, and offline
//! signature checks and RSA encryption with a KMS public key made and used
//! by the simulator.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use keydeck_lab::Session;
use keydeck_sim::{Caller, Principal, Simulator};
use serde_json::{json, Value};

/// Writes bytes into a session's files the way a learner would: base64
/// text through `base64 --decode`.
fn put(s: &mut Session, name: &str, bytes: &[u8]) {
    let out = s.run(&format!(
        "echo {} | base64 --decode > {name}",
        STANDARD.encode(bytes)
    ));
    assert_eq!(out.status, 0, "{}", out.stderr);
}

fn session_with_key() -> Session {
    let mut s = Session::new(11);
    put(&mut s, "datakey", &[7u8; 32]);
    s.run("echo 'the launch codes' > plans.txt");
    s
}

#[test]
fn encrypt_then_decrypt_gives_the_file_back() {
    let mut s = session_with_key();
    let out = s.run("keydeck-crypt encrypt --key fileb://datakey --in plans.txt --out plans.enc");
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    let sealed = s.files().read("plans.enc").unwrap();
    // nonce (12) + ciphertext (17) + tag (16)
    assert_eq!(sealed.len(), 12 + 17 + 16);
    assert!(
        !sealed.windows(6).any(|w| w == b"launch"),
        "the plaintext does not show"
    );
    let out = s.run("keydeck-crypt decrypt --key datakey --in fileb://plans.enc --out back.txt");
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(s.run("cat back.txt").stdout, "the launch codes\n");
}

#[test]
fn each_encryption_draws_a_fresh_nonce() {
    let mut s = session_with_key();
    s.run("keydeck-crypt encrypt --key datakey --in plans.txt --out a.enc");
    s.run("keydeck-crypt encrypt --key datakey --in plans.txt --out b.enc");
    assert_ne!(s.files().read("a.enc"), s.files().read("b.enc"));
}

#[test]
fn the_wrong_key_is_reported_and_writes_nothing() {
    let mut s = session_with_key();
    s.run("keydeck-crypt encrypt --key datakey --in plans.txt --out plans.enc");
    put(&mut s, "otherkey", &[8u8; 32]);
    let out = s.run("keydeck-crypt decrypt --key otherkey --in plans.enc --out back.txt");
    assert_eq!(
        out.stderr,
        "keydeck-crypt: decryption failed: wrong key or tampered file\n"
    );
    assert_eq!(out.status, 1);
    assert!(!s.files().contains("back.txt"));
}

#[test]
fn a_changed_byte_fails_decryption() {
    let mut s = session_with_key();
    s.run("keydeck-crypt encrypt --key datakey --in plans.txt --out plans.enc");
    let mut sealed = s.files().read("plans.enc").unwrap().to_vec();
    sealed[20] ^= 1;
    put(&mut s, "plans.enc", &sealed);
    let out = s.run("keydeck-crypt decrypt --key datakey --in plans.enc --out back.txt");
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("wrong key or tampered file"));
}

#[test]
fn a_key_file_of_base64_text_is_named_as_such() {
    let mut s = session_with_key();
    s.run(&format!(
        "echo {} > datakey.txt",
        STANDARD.encode([7u8; 32])
    ));
    let out = s.run("keydeck-crypt encrypt --key fileb://datakey.txt --in plans.txt --out p.enc");
    assert_eq!(
        out.stderr,
        "keydeck-crypt: datakey.txt holds base64 text, not the 32-byte key; decode it first: \
         base64 --decode datakey.txt > datakey.txt.bin\n"
    );
    assert_eq!(out.status, 1);
    let out = s.run("keydeck-crypt encrypt --key plans.txt --in plans.txt --out p.enc");
    assert_eq!(
        out.stderr,
        "keydeck-crypt: plans.txt is 17 bytes; a data key is 32 bytes (AES-256)\n"
    );
}

#[test]
fn usage_errors_say_what_is_missing() {
    let mut s = session_with_key();
    let out = s.run("keydeck-crypt encrypt --key datakey --in plans.txt");
    assert_eq!(out.stderr, "keydeck-crypt: missing --out\n");
    let out = s.run("keydeck-crypt encrypt --key datakey --in nope --out x");
    assert_eq!(
        out.stderr,
        "keydeck-crypt: nope: No such file or directory\n"
    );
    let out = s.run("keydeck-crypt encrypt --color red");
    assert_eq!(out.stderr, "keydeck-crypt: unrecognized option '--color'\n");
    let out = s.run("keydeck-crypt shred");
    assert!(out
        .stderr
        .starts_with("keydeck-crypt: unknown subcommand 'shred'\n"));
    assert_eq!(out.status, 1);
}

#[test]
fn replayed_sessions_draw_the_same_nonces() {
    let mut a = session_with_key();
    a.run("keydeck-crypt encrypt --key datakey --in plans.txt --out plans.enc");
    let b = Session::replay(a.seed(), a.log());
    assert_eq!(a.files(), b.files());
}

fn root() -> Caller {
    let account = "111122223333".parse().unwrap();
    Caller::new(Principal::root(&account), "us-east-1".parse().unwrap())
}

/// A KMS asymmetric key, its public key (DER), and a signature over
/// `message` from KMS's Sign.
fn kms_signature(spec: &str, algorithm: &str, message: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let mut sim = Simulator::with_seed(3);
    let me = root();
    let key = sim
        .call(
            "kms",
            "CreateKey",
            json!({"KeySpec": spec, "KeyUsage": "SIGN_VERIFY"}),
            &me,
        )
        .unwrap();
    let id = key["KeyMetadata"]["KeyId"].clone();
    let signed = sim
        .call(
            "kms",
            "Sign",
            json!({"KeyId": id, "Message": STANDARD.encode(message), "SigningAlgorithm": algorithm}),
            &me,
        )
        .unwrap();
    let public = sim
        .call("kms", "GetPublicKey", json!({"KeyId": id}), &me)
        .unwrap();
    (blob(&public["PublicKey"]), blob(&signed["Signature"]))
}

fn blob(v: &Value) -> Vec<u8> {
    STANDARD.decode(v.as_str().unwrap()).unwrap()
}

fn verify(s: &mut Session, algorithm: &str) -> keydeck_lab::Output {
    s.run(&format!(
        "keydeck-crypt verify --public-key fileb://pub.der --message fileb://msg \
         --signature fileb://sig --signing-algorithm {algorithm}"
    ))
}

#[test]
fn verify_accepts_kms_signatures_and_rejects_a_changed_message() {
    let cases = [
        ("ECC_NIST_P256", "ECDSA_SHA_256"),
        ("ECC_NIST_P384", "ECDSA_SHA_384"),
        ("RSA_2048", "RSASSA_PSS_SHA_256"),
        ("RSA_2048", "RSASSA_PKCS1_V1_5_SHA_256"),
    ];
    for (spec, algorithm) in cases {
        let (public, signature) = kms_signature(spec, algorithm, b"pay bob 10");
        let mut s = Session::new(5);
        put(&mut s, "pub.der", &public);
        put(&mut s, "sig", &signature);
        s.run("echo -n pay bob 10 > msg");
        let out = verify(&mut s, algorithm);
        assert_eq!(
            (out.stdout.as_str(), out.status),
            ("Signature OK\n", 0),
            "{algorithm}"
        );
        s.run("echo -n pay bob 99 > msg");
        let out = verify(&mut s, algorithm);
        assert_eq!(
            (out.stdout.as_str(), out.status),
            ("Signature INVALID\n", 1),
            "{algorithm}"
        );
    }
}

#[test]
fn verify_names_a_key_that_does_not_fit_the_algorithm() {
    let (public, signature) = kms_signature("ECC_NIST_P256", "ECDSA_SHA_256", b"m");
    let mut s = Session::new(5);
    put(&mut s, "pub.der", &public);
    put(&mut s, "sig", &signature);
    s.run("echo -n m > msg");
    let out = verify(&mut s, "RSASSA_PSS_SHA_256");
    assert_eq!(
        out.stderr,
        "keydeck-crypt: the public key is not an RSA key\n"
    );
    let out = verify(&mut s, "ECDSA_SHA_384");
    assert_eq!(
        out.stderr,
        "keydeck-crypt: the public key is not a NIST P-384 key, which ECDSA_SHA_384 needs\n"
    );
    assert_eq!(out.status, 1);
}

#[test]
fn rsa_encrypt_makes_a_ciphertext_only_kms_can_decrypt() {
    let mut sim = Simulator::with_seed(9);
    let me = root();
    let key = sim
        .call(
            "kms",
            "CreateKey",
            json!({"KeySpec": "RSA_2048", "KeyUsage": "ENCRYPT_DECRYPT"}),
            &me,
        )
        .unwrap();
    let id = key["KeyMetadata"]["KeyId"].clone();
    let public = sim
        .call("kms", "GetPublicKey", json!({"KeyId": id}), &me)
        .unwrap();
    let mut s = Session::new(5);
    put(&mut s, "pub.der", &blob(&public["PublicKey"]));
    s.run("echo -n wifi password > secret.txt");
    let out = s.run(
        "keydeck-crypt rsa-encrypt --public-key fileb://pub.der --in secret.txt --out secret.enc",
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    let sealed = s.files().read("secret.enc").unwrap();
    assert_eq!(sealed.len(), 256);
    let opened = sim
        .call(
            "kms",
            "Decrypt",
            json!({"KeyId": id, "CiphertextBlob": STANDARD.encode(sealed),
                   "EncryptionAlgorithm": "RSAES_OAEP_SHA_256"}),
            &me,
        )
        .unwrap();
    assert_eq!(blob(&opened["Plaintext"]), b"wifi password");

    s.run(&format!("echo -n {} > big.txt", "x".repeat(191)));
    let out = s.run("keydeck-crypt rsa-encrypt --public-key pub.der --in big.txt --out big.enc");
    assert_eq!(
        out.stderr,
        "keydeck-crypt: big.txt is 191 bytes; RSAES_OAEP_SHA_256 with a 2048-bit key \
         encrypts at most 190 bytes\n"
    );
}
