//! Envelope encryption: GenerateDataKey returns a data key in plaintext and
//! encrypted under a KMS key; the plaintext copy encrypts data locally and
//! is then discarded; Decrypt recovers it from the encrypted copy
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/data-keys.html>).
//!
//! The checks find the data key the way the learner's files hold it: a file
//! that is a KMS ciphertext whose plaintext is 32 bytes is an encrypted data
//! key, opened here with the simulator's own key material.

use base64::Engine;
use keydeck_sim::kms::model::blob::{self, EncryptionContext};
use serde_json::{Map, Value};

use super::calls::{any_succeeded, succeeded, Call};
use super::state::{ciphertext_files, files, CiphertextFile};
use super::Check;
use crate::session::Session;

pub(super) const CHECKS: &[(&str, Check)] = &[
    ("data-key-generated", data_key_generated),
    ("file-encrypted-with-data-key", file_encrypted_with_data_key),
    ("plaintext-data-key-discarded", plaintext_data_key_discarded),
    ("file-decrypted-with-data-key", file_decrypted_with_data_key),
];

/// AES-256 data keys are 32 bytes.
const DATA_KEY_LEN: usize = 32;
/// A GenerateDataKey call succeeded.
fn data_key_generated(session: &Session) -> bool {
    any_succeeded(session, "GenerateDataKey")
}

/// A file was encrypted locally under a data key whose encrypted copy is
/// kept in a file.
fn file_encrypted_with_data_key(session: &Session) -> bool {
    !envelopes(session).is_empty()
}

/// Data was encrypted under a data key, and no file holds that data key in
/// plaintext, raw or in base64: only its encrypted copy remains.
fn plaintext_data_key_discarded(session: &Session) -> bool {
    envelopes(session)
        .iter()
        .any(|e| !plaintext_key_kept(session, &e.data_key))
}

/// After a data key was generated, Decrypt recovered it (with the same
/// encryption context), and a file holds the data it protects, decrypted.
fn file_decrypted_with_data_key(session: &Session) -> bool {
    let decrypted_key_later = succeeded(session, "GenerateDataKey").any(|generated| {
        succeeded(session, "Decrypt")
            .any(|d| d.index > generated.index && same_context(&d, &generated))
    });
    decrypted_key_later
        && envelopes(session).iter().any(|e| {
            files(session).any(|(name, bytes)| name != e.sealed_file && bytes == e.plaintext)
        })
}

/// Data sealed by keydeck-crypt under a data key that a file keeps encrypted.
struct Envelope<'a> {
    data_key: Vec<u8>,
    sealed_file: &'a str,
    plaintext: Vec<u8>,
}

fn envelopes(session: &Session) -> Vec<Envelope<'_>> {
    let keys = data_keys(session);
    let mut found = Vec::new();
    for data_key in keys {
        for (name, bytes) in files(session) {
            if let Some(plaintext) = crate::shell::crypt::envelope::open(&data_key, bytes) {
                found.push(Envelope {
                    data_key: data_key.clone(),
                    sealed_file: name,
                    plaintext,
                });
            }
        }
    }
    found
}

/// The plaintext of every encrypted data key kept in a file.
fn data_keys(session: &Session) -> Vec<Vec<u8>> {
    let contexts = generated_contexts(session);
    ciphertext_files(session)
        .iter()
        .filter_map(|file| contexts.iter().find_map(|c| open_kms(session, file, c)))
        .filter(|plaintext| plaintext.len() == DATA_KEY_LEN)
        .collect()
}

/// The encryption contexts data keys were generated under (and none).
fn generated_contexts(session: &Session) -> Vec<EncryptionContext> {
    let mut contexts = vec![EncryptionContext::new()];
    for call in succeeded(session, "GenerateDataKey") {
        if let Some(map) = call.context() {
            contexts.push(to_context(map));
        }
    }
    contexts
}

fn to_context(map: &Map<String, Value>) -> EncryptionContext {
    map.iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
        .collect()
}

fn same_context(a: &Call<'_>, b: &Call<'_>) -> bool {
    a.context().map(to_context) == b.context().map(to_context)
}

/// Opens a KMS ciphertext blob with the simulator's material for its key.
fn open_kms(
    session: &Session,
    file: &CiphertextFile<'_>,
    context: &EncryptionContext,
) -> Option<Vec<u8>> {
    let material = &session.sim().kms().backing(file.key).material;
    let version = material
        .symmetric_versions()
        .iter()
        .find(|v| v.number == file.header.material_version)?;
    blob::open(file.bytes, &version.key, context)
}

/// Opens a file keydeck-crypt sealed with `data_key`.
/// Whether a file still holds `data_key`, as raw bytes or as base64 text.
fn plaintext_key_kept(session: &Session, data_key: &[u8]) -> bool {
    let b64 = base64::engine::general_purpose::STANDARD.encode(data_key);
    files(session).any(|(_, bytes)| contains(bytes, data_key) || contains(bytes, b64.as_bytes()))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
