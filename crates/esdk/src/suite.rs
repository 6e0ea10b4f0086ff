//! The ESDK algorithm suites (specification: `framework/algorithm-suites.md`).
//! All use AES-GCM with a 12-byte IV and a 16-byte tag; they differ in key
//! length, key derivation, key commitment and signature.

use crate::error::Error;

/// A two-byte algorithm suite ID as it appears in the header.
pub type SuiteId = u16;

pub const IV_LEN: usize = 12;
pub const TAG_LEN: usize = 16;
/// Length of the commitment key stored as suite data (version 2).
pub const COMMIT_KEY_LEN: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kdf {
    /// The data key is the encryption key.
    Identity,
    Hkdf(Hash),
}

/// ECDSA curve of a signing suite; P-256 signs SHA-256, P-384 SHA-384.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Curve {
    P256,
    P384,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suite {
    pub id: SuiteId,
    /// Message format version: 1 or 2.
    pub version: u8,
    /// Data key and encryption key length in bytes (16, 24 or 32).
    pub key_len: usize,
    pub kdf: Kdf,
    /// Whether the suite commits to its key (version 2 suites).
    pub committing: bool,
    pub signature: Option<Curve>,
}

const fn suite(id: SuiteId, key_len: usize, kdf: Kdf, signature: Option<Curve>) -> Suite {
    let committing = id >= 0x0478;
    Suite {
        id,
        version: if committing { 2 } else { 1 },
        key_len,
        kdf,
        committing,
        signature,
    }
}

use Hash::*;
use Kdf::*;

/// Every ESDK suite, from the specification's tables.
pub static ALL: [Suite; 11] = [
    suite(0x0014, 16, Identity, None),
    suite(0x0046, 24, Identity, None),
    suite(0x0078, 32, Identity, None),
    suite(0x0114, 16, Hkdf(Sha256), None),
    suite(0x0146, 24, Hkdf(Sha256), None),
    suite(0x0178, 32, Hkdf(Sha256), None),
    suite(0x0214, 16, Hkdf(Sha256), Some(Curve::P256)),
    suite(0x0346, 24, Hkdf(Sha384), Some(Curve::P384)),
    suite(0x0378, 32, Hkdf(Sha384), Some(Curve::P384)),
    suite(0x0478, 32, Hkdf(Sha512), None),
    suite(0x0578, 32, Hkdf(Sha512), Some(Curve::P384)),
];

impl Suite {
    pub fn by_id(id: SuiteId) -> Result<&'static Suite, Error> {
        ALL.iter()
            .find(|s| s.id == id)
            .ok_or(Error::UnsupportedSuite(id))
    }

    /// Message ID length: 16 bytes in version 1, 32 in version 2.
    pub fn message_id_len(&self) -> usize {
        if self.version == 2 {
            32
        } else {
            16
        }
    }
}
