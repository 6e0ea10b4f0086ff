//! AES-256-GCM, the one authenticated cipher every simulated service seals
//! with: KMS under its key material, and a service such as Secrets Manager
//! under a data key KMS generated for it (envelope encryption).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};

/// The length of an AES-GCM nonce.
pub const NONCE_LEN: usize = 12;
/// The length of an AES-GCM tag, appended to the ciphertext.
pub const TAG_LEN: usize = 16;

/// Encrypts `msg` under `key` and `nonce`, authenticating `aad` as well:
/// the ciphertext followed by the tag.
pub fn seal(key: &[u8; 32], nonce: &[u8; NONCE_LEN], aad: &[u8], msg: &[u8]) -> Vec<u8> {
    Aes256Gcm::new_from_slice(key)
        .expect("a 32-byte key")
        .encrypt(Nonce::from_slice(nonce), Payload { msg, aad })
        .expect("AES-GCM sealing cannot fail for these sizes")
}

/// Decrypts what [`seal`] made; `None` for a wrong key, nonce or `aad`, or
/// any changed byte.
pub fn open(key: &[u8], nonce: &[u8], aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    if nonce.len() != NONCE_LEN {
        return None;
    }
    Aes256Gcm::new_from_slice(key)
        .ok()?
        .decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad })
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_message_opens_only_with_its_key_nonce_and_aad() {
        let (key, nonce) = ([7; 32], [1; NONCE_LEN]);
        let sealed = seal(&key, &nonce, b"ctx", b"hello");
        assert_eq!(sealed.len(), 5 + TAG_LEN);
        assert_eq!(
            open(&key, &nonce, b"ctx", &sealed).as_deref(),
            Some(&b"hello"[..])
        );
        assert_eq!(open(&key, &nonce, b"other", &sealed), None);
        assert_eq!(open(&[8; 32], &nonce, b"ctx", &sealed), None);
    }
}
