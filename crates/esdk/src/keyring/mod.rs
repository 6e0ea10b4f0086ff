//! Keyrings (specification: `framework/keyring-interface.md`): each wraps
//! the data key on encrypt and unwraps one of a message's encrypted data
//! keys on decrypt.

pub mod kms;
pub mod multi;
pub mod raw_aes;
pub mod raw_rsa;

use crate::error::Error;
use crate::materials::{DecryptionMaterials, EncryptedDataKey, EncryptionMaterials};
use crate::Entropy;

pub use kms::{KmsClient, KmsKeyring, SimulatorKms};
pub use multi::MultiKeyring;
pub use raw_aes::RawAesKeyring;
pub use raw_rsa::{RawRsaKeyring, RsaPadding};

pub trait Keyring {
    /// Generates the data key if the materials have none, then appends
    /// this keyring's encrypted data key.
    fn on_encrypt(
        &self,
        materials: &mut EncryptionMaterials,
        rng: &mut dyn Entropy,
    ) -> Result<(), Error>;

    /// Sets the materials' data key from the first of `edks` this keyring
    /// can unwrap; [`Error::NoKeyringCouldDecrypt`] says why none could.
    fn on_decrypt(
        &self,
        materials: &mut DecryptionMaterials,
        edks: &[EncryptedDataKey],
    ) -> Result<(), Error>;
}

/// Why a keyring named `keyring` unwrapped none of a message's keys, having
/// tried `tried` of them.
fn none_unwrapped(keyring: &str, tried: usize) -> Error {
    Error::NoKeyringCouldDecrypt(if tried == 0 {
        format!("{keyring}: no encrypted data key names this key")
    } else {
        format!("{keyring}: {tried} encrypted data key(s) did not unwrap")
    })
}

/// The materials' data key, generated at random if no keyring set one.
fn data_key(materials: &mut EncryptionMaterials, rng: &mut dyn Entropy) -> Vec<u8> {
    materials
        .data_key
        .get_or_insert_with(|| {
            let mut key = vec![0u8; materials.suite.key_len];
            rng.fill_bytes(&mut key);
            key
        })
        .clone()
}
