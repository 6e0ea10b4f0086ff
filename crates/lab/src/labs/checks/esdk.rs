//! The AWS Encryption SDK message lab
//! (<https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/message-format.html>).
//!
//! - An encrypted message carries its encryption context in plaintext and
//!   one encrypted data key per wrapping key; for an AWS KMS key, the
//!   provider info is the key ARN and the data key came from GenerateDataKey.
//! - The CLI's metadata record holds the header it read or wrote
//!   (<https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/crypto-cli-how-to.html>).
//! - Every byte of a message is covered by a check: a copy with one byte
//!   changed never decrypts.
//! - On decrypt the CLI writes the plaintext only when the message's
//!   context holds every pair it was given.

use keydeck_esdk::header::Header;
use keydeck_esdk::keyring::kms::PROVIDER_ID;
use keydeck_esdk::wire::Reader;
use serde_json::Value;

use super::calls::succeeded;
use super::state::files;
use super::{Check, YOUR_ACCOUNT};
use crate::esdk::is_message;
use crate::session::Session;

pub(super) const CHECKS: &[(&str, Check)] = &[
    ("esdk-message-encrypted", message_encrypted),
    ("esdk-metadata-written", metadata_written),
    ("esdk-tampered-copy", tampered_copy),
    ("esdk-decrypted-with-context", decrypted_with_context),
];

/// The headers of the files that are whole messages.
fn messages(session: &Session) -> impl Iterator<Item = Header> + '_ {
    files(session)
        .filter(|(_, bytes)| is_message(bytes))
        .filter_map(|(_, bytes)| Header::read(&mut Reader::new(bytes), None).ok())
}

/// A message under one of your KMS keys, with an encryption context of
/// your own (the signing suites add `aws-crypto-public-key`), and the
/// GenerateDataKey call that made its data key.
fn message_encrypted(session: &Session) -> bool {
    let arn_prefix = format!(":{YOUR_ACCOUNT}:key/");
    let generated = succeeded(session, "GenerateDataKey").any(|c| c.context().is_some());
    generated
        && messages(session).any(|h| {
            let own_context = h.context.iter().any(|(k, _)| k != "aws-crypto-public-key");
            let under_your_key = h.encrypted_data_keys.iter().any(|edk| {
                edk.provider_id == PROVIDER_ID
                    && String::from_utf8_lossy(&edk.provider_info).contains(&arn_prefix)
            });
            own_context && under_your_key
        })
}

/// A file holding the CLI's metadata record of a message's header.
fn metadata_written(session: &Session) -> bool {
    files(session).any(|(_, bytes)| {
        String::from_utf8_lossy(bytes).lines().any(|line| {
            serde_json::from_str::<Value>(line).is_ok_and(|record| {
                record["header"]["encrypted_data_keys"].is_array() && record["mode"].is_string()
            })
        })
    })
}

/// Two files of one length that differ in exactly one byte, one of them a
/// whole message.
fn tampered_copy(session: &Session) -> bool {
    let all: Vec<(&str, &[u8])> = files(session).collect();
    all.iter()
        .filter(|(_, m)| is_message(m))
        .any(|(name, message)| {
            all.iter().any(|(other, copy)| {
                other != name
                    && copy.len() == message.len()
                    && copy
                        .iter()
                        .zip(message.iter())
                        .filter(|(a, b)| a != b)
                        .count()
                        == 1
            })
        })
}

/// A decrypted file: a copy of another file's bytes that is not a
/// message, after KMS decrypted a data key under an encryption context.
fn decrypted_with_context(session: &Session) -> bool {
    let decrypted = succeeded(session, "Decrypt").any(|c| c.context().is_some());
    let all: Vec<(&str, &[u8])> = files(session).collect();
    decrypted
        && all.iter().any(|(name, bytes)| {
            !bytes.is_empty()
                && !is_message(bytes)
                && all.iter().any(|(other, b)| other != name && b == bytes)
        })
}
