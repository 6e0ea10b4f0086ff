//! Commitment policies, the maximum number of encrypted data keys and the
//! reserved and required encryption context, with their exact texts.

mod common;

use common::*;
use keydeck_esdk::keyring::{MultiKeyring, RawAesKeyring};
use keydeck_esdk::{Client, CommitmentPolicy, EncryptRequest, EncryptionContext};

fn request(suite: Option<u16>) -> EncryptRequest {
    EncryptRequest {
        suite,
        ..EncryptRequest::default()
    }
}

fn encrypt_error(policy: CommitmentPolicy, suite: u16) -> String {
    Client::new(policy)
        .encrypt(b"x", &aes_keyring(), &request(Some(suite)), &mut rng(1))
        .unwrap_err()
        .to_string()
}

#[test]
fn the_default_policy_requires_commitment_and_encrypts_with_0578() {
    let client = Client::default();
    assert_eq!(
        client.commitment_policy,
        CommitmentPolicy::RequireEncryptRequireDecrypt
    );
    let m = client
        .encrypt(b"x", &aes_keyring(), &request(None), &mut rng(1))
        .unwrap();
    assert_eq!(&m[..3], &[0x02, 0x05, 0x78]);
    assert_eq!(
        encrypt_error(CommitmentPolicy::RequireEncryptRequireDecrypt, 0x0378),
        "commitment policy RequireEncryptRequireDecrypt forbids encrypting with algorithm suite 0x0378"
    );
    assert_eq!(
        encrypt_error(CommitmentPolicy::RequireEncryptAllowDecrypt, 0x0014),
        "commitment policy RequireEncryptAllowDecrypt forbids encrypting with algorithm suite 0x0014"
    );
}

#[test]
fn forbid_encrypt_uses_0378_and_refuses_committing_suites() {
    let client = Client::new(CommitmentPolicy::ForbidEncryptAllowDecrypt);
    let m = client
        .encrypt(b"x", &aes_keyring(), &request(None), &mut rng(2))
        .unwrap();
    assert_eq!(&m[..4], &[0x01, 0x80, 0x03, 0x78]);
    assert_eq!(
        encrypt_error(CommitmentPolicy::ForbidEncryptAllowDecrypt, 0x0478),
        "commitment policy ForbidEncryptAllowDecrypt forbids encrypting with algorithm suite 0x0478"
    );
}

#[test]
fn only_require_decrypt_refuses_a_non_committing_message() {
    let m = Client::new(CommitmentPolicy::ForbidEncryptAllowDecrypt)
        .encrypt(
            b"legacy",
            &aes_keyring(),
            &request(Some(0x0178)),
            &mut rng(3),
        )
        .unwrap();
    let none = EncryptionContext::new();
    for policy in [
        CommitmentPolicy::ForbidEncryptAllowDecrypt,
        CommitmentPolicy::RequireEncryptAllowDecrypt,
    ] {
        let out = Client::new(policy)
            .decrypt(&m, &aes_keyring(), &none)
            .unwrap();
        assert_eq!(out.plaintext, b"legacy");
    }
    let e = Client::new(CommitmentPolicy::RequireEncryptRequireDecrypt)
        .decrypt(&m, &aes_keyring(), &none)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "commitment policy RequireEncryptRequireDecrypt forbids decrypting a message with algorithm suite 0x0178, which does not commit to its key"
    );
}

fn three_keys() -> MultiKeyring {
    let other = |name: &str| RawAesKeyring::new(NAMESPACE, name, &[7u8; 16]).unwrap();
    MultiKeyring::new(
        Some(Box::new(aes_keyring())),
        vec![Box::new(other("second")), Box::new(other("third"))],
    )
    .unwrap()
}

#[test]
fn encrypt_refuses_more_encrypted_data_keys_than_the_maximum() {
    let client = Client::default().with_max_encrypted_data_keys(2);
    let e = client
        .encrypt(b"x", &three_keys(), &request(None), &mut rng(4))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "3 encrypted data keys exceed the maximum of 2"
    );
    let client = Client::default().with_max_encrypted_data_keys(3);
    assert!(client
        .encrypt(b"x", &three_keys(), &request(None), &mut rng(4))
        .is_ok());
}

#[test]
fn decrypt_refuses_more_encrypted_data_keys_than_the_maximum() {
    let m = Client::default()
        .encrypt(b"three", &three_keys(), &request(None), &mut rng(5))
        .unwrap();
    let none = EncryptionContext::new();
    let e = Client::default()
        .with_max_encrypted_data_keys(2)
        .decrypt(&m, &aes_keyring(), &none)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "3 encrypted data keys exceed the maximum of 2"
    );
    let out = Client::default()
        .with_max_encrypted_data_keys(3)
        .decrypt(&m, &aes_keyring(), &none)
        .unwrap();
    assert_eq!(out.plaintext, b"three");
}

#[test]
fn the_public_key_entry_is_reserved() {
    let e = Client::default()
        .encrypt(
            b"x",
            &aes_keyring(),
            &EncryptRequest {
                context: EncryptionContext::from([("aws-crypto-public-key", "mine")]),
                ..EncryptRequest::default()
            },
            &mut rng(6),
        )
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "the encryption context may not use the reserved key aws-crypto-public-key"
    );
}

#[test]
fn decrypt_checks_the_required_encryption_context() {
    let m = Client::default()
        .encrypt(
            b"x",
            &aes_keyring(),
            &EncryptRequest {
                context: EncryptionContext::from([("tenant", "a")]),
                ..EncryptRequest::default()
            },
            &mut rng(7),
        )
        .unwrap();
    let client = Client::default();
    assert!(client
        .decrypt(
            &m,
            &aes_keyring(),
            &EncryptionContext::from([("tenant", "a")])
        )
        .is_ok());
    let e = client
        .decrypt(
            &m,
            &aes_keyring(),
            &EncryptionContext::from([("tenant", "b")]),
        )
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "encryption context lacks the required entry tenant=b"
    );
}

#[test]
fn a_raw_aes_keyring_with_another_key_cannot_decrypt() {
    let m = Client::default()
        .encrypt(b"x", &aes_keyring(), &request(None), &mut rng(8))
        .unwrap();
    let wrong = RawAesKeyring::new(NAMESPACE, KEY_NAME, &[9u8; 32]).unwrap();
    let e = Client::default()
        .decrypt(&m, &wrong, &EncryptionContext::new())
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "no keyring could decrypt a data key: raw AES keyring keydeck-test/test-key: 1 encrypted data key(s) did not unwrap"
    );
}
