//! Messages the official AWS Encryption SDK for Python wrote decrypt to
//! their known plaintexts (`tests/data/README.md`).

mod common;

use common::*;
use keydeck_esdk::keyring::RsaPadding;
use keydeck_esdk::{annotate, Client, CommitmentPolicy, EncryptionContext, Keyring};

fn known(len: usize) -> Vec<u8> {
    data("known-answer.txt")[..len].to_vec()
}

fn decrypts(file: &str, keyring: &dyn Keyring, len: usize, context: EncryptionContext) {
    let message = data(file);
    let annotation = annotate(&message);
    assert_eq!(annotation.error, None, "{file}");
    let client = Client::new(CommitmentPolicy::RequireEncryptAllowDecrypt);
    let out = client.decrypt(&message, keyring, &context).unwrap();
    assert_eq!(out.plaintext, known(len), "{file}");
}

#[test]
fn python_0578_raw_aes_framed_and_signed() {
    let context = EncryptionContext::from([("purpose", "known-answer"), ("Zulu", "z")]);
    decrypts("python-0578-aes-f4096.esdk", &aes_keyring(), 200, context);
}

#[test]
fn python_0478_whole_frames_and_an_empty_final_frame() {
    let file = "python-0478-aes-f512-whole-frames.esdk";
    decrypts(file, &aes_keyring(), 1024, EncryptionContext::new());
    // The strictest policy takes a committing suite.
    let client = Client::new(CommitmentPolicy::RequireEncryptRequireDecrypt);
    let out = client
        .decrypt(&data(file), &aes_keyring(), &EncryptionContext::new())
        .unwrap();
    assert_eq!(out.plaintext.len(), 1024);
}

#[test]
fn python_0014_raw_aes_non_framed() {
    let context = EncryptionContext::from([("purpose", "known-answer")]);
    decrypts(
        "python-0014-aes-nonframed.esdk",
        &aes_keyring(),
        300,
        context,
    );
}

#[test]
fn python_0378_raw_rsa_oaep_sha1() {
    let context = EncryptionContext::from([("purpose", "known-answer")]);
    let keyring = rsa_keyring(RsaPadding::OaepSha1);
    decrypts(
        "python-0378-rsa-oaep-sha1-f512.esdk",
        &keyring,
        1500,
        context,
    );
}

#[test]
fn python_0214_raw_rsa_pkcs1() {
    let keyring = rsa_keyring(RsaPadding::Pkcs1);
    decrypts(
        "python-0214-rsa-pkcs1-f4096.esdk",
        &keyring,
        10,
        EncryptionContext::new(),
    );
}

#[test]
fn the_wrong_rsa_padding_unwraps_nothing() {
    let message = data("python-0214-rsa-pkcs1-f4096.esdk");
    let client = Client::new(CommitmentPolicy::RequireEncryptAllowDecrypt);
    let e = client
        .decrypt(
            &message,
            &rsa_keyring(RsaPadding::OaepSha256),
            &EncryptionContext::new(),
        )
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "no keyring could decrypt a data key: raw RSA keyring keydeck-test/test-key: 1 encrypted data key(s) did not unwrap"
    );
}
