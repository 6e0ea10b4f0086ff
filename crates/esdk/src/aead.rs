//! AES-GCM with a 12-byte IV and a 16-byte tag under a 128, 192 or 256-bit
//! key: the message's cipher and the raw AES keyring's wrapping.

use aes_gcm::aead::generic_array::GenericArray;
use aes_gcm::aead::AeadInPlace;
use aes_gcm::aes::Aes192;
use aes_gcm::{Aes128Gcm, Aes256Gcm, AesGcm, KeyInit};

use crate::suite::{IV_LEN, TAG_LEN};

type Aes192Gcm = AesGcm<Aes192, aes_gcm::aead::consts::U12>;

/// An AES-GCM key of one of the three lengths.
pub enum AesKey {
    Aes128(Box<Aes128Gcm>),
    Aes192(Box<Aes192Gcm>),
    Aes256(Box<Aes256Gcm>),
}

impl AesKey {
    /// `None` unless `key` is 16, 24 or 32 bytes.
    pub fn new(key: &[u8]) -> Option<AesKey> {
        Some(match key.len() {
            16 => AesKey::Aes128(Box::new(Aes128Gcm::new_from_slice(key).ok()?)),
            24 => AesKey::Aes192(Box::new(Aes192Gcm::new_from_slice(key).ok()?)),
            32 => AesKey::Aes256(Box::new(Aes256Gcm::new_from_slice(key).ok()?)),
            _ => return None,
        })
    }

    /// Encrypts `plaintext`, returning the ciphertext and the tag apart.
    pub fn seal(
        &self,
        iv: &[u8; IV_LEN],
        aad: &[u8],
        plaintext: &[u8],
    ) -> (Vec<u8>, [u8; TAG_LEN]) {
        let mut buf = plaintext.to_vec();
        let nonce = GenericArray::from_slice(iv);
        let tag = match self {
            AesKey::Aes128(c) => c.encrypt_in_place_detached(nonce, aad, &mut buf),
            AesKey::Aes192(c) => c.encrypt_in_place_detached(nonce, aad, &mut buf),
            AesKey::Aes256(c) => c.encrypt_in_place_detached(nonce, aad, &mut buf),
        }
        .expect("AES-GCM encrypts any length the message format allows");
        let mut out = [0u8; TAG_LEN];
        out.copy_from_slice(&tag);
        (buf, out)
    }

    /// Decrypts and authenticates; `None` when the tag does not verify.
    pub fn open(&self, iv: &[u8], aad: &[u8], ciphertext: &[u8], tag: &[u8]) -> Option<Vec<u8>> {
        if iv.len() != IV_LEN || tag.len() != TAG_LEN {
            return None;
        }
        let mut buf = ciphertext.to_vec();
        let nonce = GenericArray::from_slice(iv);
        let tag = GenericArray::from_slice(tag);
        match self {
            AesKey::Aes128(c) => c.decrypt_in_place_detached(nonce, aad, &mut buf, tag),
            AesKey::Aes192(c) => c.decrypt_in_place_detached(nonce, aad, &mut buf, tag),
            AesKey::Aes256(c) => c.decrypt_in_place_detached(nonce, aad, &mut buf, tag),
        }
        .ok()?;
        Some(buf)
    }
}

/// The IV of frame (or non-framed body) `sequence`: the number, big-endian,
/// left-padded with zeros to the IV length.
pub fn sequence_iv(sequence: u32) -> [u8; IV_LEN] {
    let mut iv = [0u8; IV_LEN];
    iv[IV_LEN - 4..].copy_from_slice(&sequence.to_be_bytes());
    iv
}
