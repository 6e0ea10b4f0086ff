//! KeyDeck's symmetric ciphertext blob, version 1.
//!
//! AWS's own blob format is undocumented; this one is ours, and every byte
//! of it is authenticated.
//!
//! ```text
//! offset  size  field
//! 0       1     version, 0x01
//! 1       12    AWS account ID of the key, ASCII digits
//! 13      1     L, length of the key ID
//! 14      L     key ID, ASCII (a UUID, or mrk- and 32 hex digits)
//! 14+L    4     key-material version, big-endian u32 (1 = original material)
//! 18+L    12    AES-GCM nonce, random
//! 30+L    n+16  AES-256-GCM ciphertext of the n-byte plaintext, then the tag
//! ```
//!
//! The AES-GCM additional authenticated data is the header (bytes 0 to
//! 30+L, the nonce included) followed by the canonical encoding of the
//! encryption context:
//!
//! ```text
//! u32 BE  number of pairs
//! then for each pair, sorted by key bytes:
//!   u32 BE  key length, key bytes (UTF-8), u32 BE value length, value bytes
//! ```
//!
//! The length prefixes make the encoding unambiguous: `{"ab":"c"}` and
//! `{"a":"bc"}` encode differently, so a ciphertext sealed under one never
//! opens under the other. The Region is not in the blob, so a multi-Region
//! key's replicas open each other's ciphertexts.

use crate::platform::aead::{self, NONCE_LEN, TAG_LEN};
use crate::platform::random::Entropy;
use rand_core::RngCore;
use std::collections::BTreeMap;

pub const VERSION: u8 = 1;

/// An encryption context: string pairs bound to a ciphertext.
pub type EncryptionContext = BTreeMap<String, String>;

/// The parsed, not yet authenticated, header of a blob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub account: String,
    pub key_id: String,
    pub material_version: u32,
}

/// The canonical, length-prefixed encoding of an encryption context.
pub fn canonical_context(context: &EncryptionContext) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&(context.len() as u32).to_be_bytes());
    // A BTreeMap iterates in key order, which for String is byte order.
    for (k, v) in context {
        for part in [k, v] {
            out.extend_from_slice(&(part.len() as u32).to_be_bytes());
            out.extend_from_slice(part.as_bytes());
        }
    }
    out
}

fn header_bytes(h: &Header, nonce: &[u8; NONCE_LEN]) -> Vec<u8> {
    let mut out = vec![VERSION];
    out.extend_from_slice(h.account.as_bytes());
    out.push(h.key_id.len() as u8);
    out.extend_from_slice(h.key_id.as_bytes());
    out.extend_from_slice(&h.material_version.to_be_bytes());
    out.extend_from_slice(nonce);
    out
}

fn aad(header: &[u8], context: &EncryptionContext) -> Vec<u8> {
    let mut out = header.to_vec();
    out.extend_from_slice(&canonical_context(context));
    out
}

/// Seals a plaintext under one version of a key's material, with a nonce
/// from `rng`.
pub fn seal(
    h: &Header,
    key: &[u8; 32],
    context: &EncryptionContext,
    plaintext: &[u8],
    rng: &mut Entropy,
) -> Vec<u8> {
    let mut nonce = [0; NONCE_LEN];
    rng.fill_bytes(&mut nonce);
    let header = header_bytes(h, &nonce);
    let sealed = aead::seal(key, &nonce, &aad(&header, context), plaintext);
    let mut out = header;
    out.extend_from_slice(&sealed);
    out
}

/// Reads a blob's header. `None` means the bytes are not a version-1 blob.
pub fn parse(blob: &[u8]) -> Option<Header> {
    if blob.first() != Some(&VERSION) || blob.len() < 14 {
        return None;
    }
    let account = std::str::from_utf8(&blob[1..13]).ok()?;
    let id_len = usize::from(blob[13]);
    let rest = blob.get(14..)?;
    if rest.len() < id_len + 4 + NONCE_LEN + TAG_LEN {
        return None;
    }
    let key_id = std::str::from_utf8(&rest[..id_len]).ok()?;
    let version = u32::from_be_bytes(rest[id_len..id_len + 4].try_into().ok()?);
    Some(Header {
        account: account.to_owned(),
        key_id: key_id.to_owned(),
        material_version: version,
    })
}

/// Opens a blob; `None` for any tampering or a wrong context or key.
pub fn open(blob: &[u8], key: &[u8; 32], context: &EncryptionContext) -> Option<Vec<u8>> {
    let h = parse(blob)?;
    let header_len = 14 + h.key_id.len() + 4 + NONCE_LEN;
    let (header, sealed) = blob.split_at(header_len);
    let nonce = &header[header_len - NONCE_LEN..];
    aead::open(key, nonce, &aad(header, context), sealed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(pairs: &[(&str, &str)]) -> EncryptionContext {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn rng() -> Entropy {
        Entropy::from_seed(3)
    }

    fn header() -> Header {
        Header {
            account: "111122223333".into(),
            key_id: "1234abcd-12ab-34cd-56ef-1234567890ab".into(),
            material_version: 1,
        }
    }

    #[test]
    fn context_encoding_is_unambiguous() {
        assert_ne!(
            canonical_context(&ctx(&[("ab", "c")])),
            canonical_context(&ctx(&[("a", "bc")]))
        );
        let key = [7; 32];
        let blob = seal(&header(), &key, &ctx(&[("ab", "c")]), b"secret", &mut rng());
        assert_eq!(
            open(&blob, &key, &ctx(&[("ab", "c")])).as_deref(),
            Some(&b"secret"[..])
        );
        assert_eq!(open(&blob, &key, &ctx(&[("a", "bc")])), None);
    }

    #[test]
    fn the_header_round_trips() {
        let blob = seal(&header(), &[1; 32], &ctx(&[]), b"", &mut rng());
        assert_eq!(parse(&blob), Some(header()));
        assert_eq!(blob.len(), 14 + 36 + 4 + 12 + 16);
    }

    #[test]
    fn every_flipped_byte_is_refused() {
        let key = [9; 32];
        let blob = seal(
            &header(),
            &key,
            &ctx(&[("a", "b")]),
            b"plaintext",
            &mut rng(),
        );
        for i in 0..blob.len() {
            let mut bad = blob.clone();
            bad[i] ^= 0x01;
            assert_eq!(open(&bad, &key, &ctx(&[("a", "b")])), None, "byte {i}");
        }
    }
}
