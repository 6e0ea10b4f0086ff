//! Asymmetric KMS keys: an ECC_NIST_P256 key signs with ECDSA_SHA_256 and
//! its public key, from GetPublicKey, verifies signatures outside KMS; an
//! RSA_2048 key encrypts with RSAES_OAEP_SHA_256 at most 190 bytes
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/asymmetric-key-specs.html>,
//! <https://docs.aws.amazon.com/kms/latest/developerguide/offline-public-key.html>).

use keydeck_sim::kms::model::crypto::{digest_for, verify};
use keydeck_sim::kms::model::keys::{KeySpec, KeyUsage};
use keydeck_sim::kms::Key;

use super::calls::{any_succeeded, calls, succeeded};
use super::state::{files, your_keys};
use super::Check;
use crate::session::Session;

pub(super) const CHECKS: &[(&str, Check)] = &[
    ("ecc-signing-key-exists", ecc_signing_key_exists),
    ("message-signed", message_signed),
    ("signature-verified-in-kms", signature_verified_in_kms),
    ("signature-verifies-offline", signature_verifies_offline),
    ("rsa-encrypt-succeeded", rsa_encrypt_succeeded),
    ("rsa-plaintext-too-large", rsa_plaintext_too_large),
];

/// How the simulator words the RSA size limit:
/// `Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data larger than 190 bytes.`
const TOO_LARGE: &str = "cannot encrypt data larger than";
/// A DER-encoded ECDSA signature: a SEQUENCE of two INTEGERs.
const DER_SEQUENCE: u8 = 0x30;

/// You own an ECC_NIST_P256 key for signing.
fn ecc_signing_key_exists(session: &Session) -> bool {
    your_keys(session).any(|k| k.spec == KeySpec::EccNistP256 && k.usage == KeyUsage::SignVerify)
}

/// A Sign call succeeded.
fn message_signed(session: &Session) -> bool {
    any_succeeded(session, "Sign")
}

/// A Verify call succeeded: KMS found the signature valid (an invalid one
/// fails with KMSInvalidSignatureException).
fn signature_verified_in_kms(session: &Session) -> bool {
    any_succeeded(session, "Verify")
}

/// Files hold one of your signing keys' public key, a message and a
/// signature of it that the key verifies: everything an offline
/// verification needs.
fn signature_verifies_offline(session: &Session) -> bool {
    your_keys(session)
        .filter(|k| k.usage == KeyUsage::SignVerify && public_key_file(session, k))
        .any(|k| signed_message_in_files(session, k))
}

/// An Encrypt with an RSAES_OAEP algorithm succeeded.
fn rsa_encrypt_succeeded(session: &Session) -> bool {
    succeeded(session, "Encrypt").any(|c| {
        c.string_param("encryptionAlgorithm")
            .is_some_and(|a| a.starts_with("RSAES_OAEP"))
    })
}

/// An Encrypt with an RSA key failed with ValidationException because the
/// plaintext was over the algorithm's limit.
fn rsa_plaintext_too_large(session: &Session) -> bool {
    calls(session, "Encrypt").any(|c| {
        c.failed_with("ValidationException")
            && c.event
                .error_message
                .as_deref()
                .is_some_and(|m| m.contains(TOO_LARGE))
    })
}

fn public_key_file(session: &Session, key: &Key) -> bool {
    let material = &session.sim().kms().backing(key).material;
    material
        .public_key_der()
        .is_some_and(|der| files(session).any(|(_, bytes)| bytes == der.as_slice()))
}

fn signed_message_in_files(session: &Session, key: &Key) -> bool {
    let material = &session.sim().kms().backing(key).material;
    let signatures: Vec<&[u8]> = files(session)
        .map(|(_, bytes)| bytes)
        .filter(|b| b.first() == Some(&DER_SEQUENCE) && b.len() <= 160)
        .collect();
    key.spec.signing_algorithms().iter().any(|&alg| {
        files(session).any(|(_, message)| {
            let digest = digest_for(alg, message);
            signatures
                .iter()
                .any(|sig| *sig != message && verify(material, alg, &digest, sig))
        })
    })
}
