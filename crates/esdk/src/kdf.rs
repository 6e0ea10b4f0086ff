//! Deriving the encryption key and the commitment key from the data key
//! (specification: `framework/transitive-requirements.md`, HKDF Encryption
//! Key and HKDF Commit Key).

use hkdf::Hkdf;
use sha2::{Sha256, Sha384, Sha512};
use subtle::ConstantTimeEq;

use crate::suite::{Hash, Kdf, Suite, COMMIT_KEY_LEN};

/// The key the message's AES-GCM uses, and for committing suites the
/// commitment key stored in the header.
pub struct Derived {
    pub encryption_key: Vec<u8>,
    pub commit_key: Option<[u8; COMMIT_KEY_LEN]>,
}

/// Derives per the suite: the identity for no-KDF suites; HKDF with a
/// zero salt and info `suite ID || message ID` for non-committing suites;
/// HKDF with the message ID as salt, info `suite ID || "DERIVEKEY"` and
/// `"COMMITKEY"` for committing ones.
pub fn derive(suite: &Suite, data_key: &[u8], message_id: &[u8]) -> Derived {
    let hash = match suite.kdf {
        Kdf::Identity => {
            return Derived {
                encryption_key: data_key.to_vec(),
                commit_key: None,
            }
        }
        Kdf::Hkdf(hash) => hash,
    };
    let id = suite.id.to_be_bytes();
    let mut encryption_key = vec![0u8; suite.key_len];
    if !suite.committing {
        let info = [&id[..], message_id].concat();
        expand(hash, None, data_key, &mut [(&info, &mut encryption_key)]);
        return Derived {
            encryption_key,
            commit_key: None,
        };
    }
    let info = [&id[..], b"DERIVEKEY"].concat();
    let mut commit_key = [0u8; COMMIT_KEY_LEN];
    // One extract step for both keys, as the specification recommends.
    expand(
        hash,
        Some(message_id),
        data_key,
        &mut [
            (&info, &mut encryption_key),
            (b"COMMITKEY", &mut commit_key),
        ],
    );
    Derived {
        encryption_key,
        commit_key: Some(commit_key),
    }
}

/// HKDF: one extract step, then an expand step for each `(info, output)`.
fn expand(hash: Hash, salt: Option<&[u8]>, ikm: &[u8], outputs: &mut [(&[u8], &mut [u8])]) {
    // The outputs here (at most 32 bytes) are far below HKDF's limit.
    let ok = match hash {
        Hash::Sha256 => {
            let hkdf = Hkdf::<Sha256>::new(salt, ikm);
            outputs
                .iter_mut()
                .all(|(info, out)| hkdf.expand(info, out).is_ok())
        }
        Hash::Sha384 => {
            let hkdf = Hkdf::<Sha384>::new(salt, ikm);
            outputs
                .iter_mut()
                .all(|(info, out)| hkdf.expand(info, out).is_ok())
        }
        Hash::Sha512 => {
            let hkdf = Hkdf::<Sha512>::new(salt, ikm);
            outputs
                .iter_mut()
                .all(|(info, out)| hkdf.expand(info, out).is_ok())
        }
    };
    debug_assert!(ok);
}

/// Constant-time comparison, as the specification requires for the
/// commitment key.
pub fn commit_keys_equal(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}
