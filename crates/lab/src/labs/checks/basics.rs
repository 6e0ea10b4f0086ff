//! Checks that several labs share: a key, an alias, encrypting and
//! decrypting under an encryption context, and a ciphertext kept in a file.
//!
//! - A symmetric encryption KMS key is the default of CreateKey
//!   (<https://docs.aws.amazon.com/kms/latest/developerguide/create-keys.html>).
//! - Decrypt needs exactly the encryption context Encrypt was given; any
//!   other fails with InvalidCiphertextException
//!   (<https://docs.aws.amazon.com/kms/latest/developerguide/encrypt_context.html>).

use keydeck_sim::kms::model::keys::KeySpec;

use super::calls::{calls, succeeded};
use super::state::{ciphertext_files, your_keys};
use super::Check;
use crate::session::Session;

pub(super) const CHECKS: &[(&str, Check)] = &[
    ("symmetric-key-exists", symmetric_key_exists),
    ("alias-exists", alias_exists),
    ("encrypt-with-context", encrypt_with_context),
    ("decrypt-with-context", decrypt_with_context),
    ("decrypt-invalid-ciphertext", decrypt_invalid_ciphertext),
    ("ciphertext-file-saved", ciphertext_file_saved),
];

/// You own a symmetric encryption KMS key.
fn symmetric_key_exists(session: &Session) -> bool {
    your_keys(session).any(|k| k.spec == KeySpec::SymmetricDefault)
}

/// One of your keys has an alias of your own (not an `alias/aws/` one).
fn alias_exists(session: &Session) -> bool {
    let kms = session.sim().kms();
    your_keys(session).any(|k| {
        kms.aliases_of(k)
            .iter()
            .any(|a| !a.starts_with("alias/aws/"))
    })
}

/// An Encrypt call with an encryption context succeeded.
fn encrypt_with_context(session: &Session) -> bool {
    succeeded(session, "Encrypt").any(|c| c.context().is_some())
}

/// A Decrypt call with an encryption context succeeded: the context
/// matched the one the ciphertext was made with.
fn decrypt_with_context(session: &Session) -> bool {
    succeeded(session, "Decrypt").any(|c| c.context().is_some())
}

/// A Decrypt call failed with InvalidCiphertextException.
fn decrypt_invalid_ciphertext(session: &Session) -> bool {
    calls(session, "Decrypt").any(|c| c.failed_with("InvalidCiphertextException"))
}

/// A file holds a KMS ciphertext blob of one of your keys.
fn ciphertext_file_saved(session: &Session) -> bool {
    ciphertext_files(session)
        .iter()
        .any(|f| f.key.account.as_str() == super::YOUR_ACCOUNT)
}
