//! What keyrings work on (specification: `framework/structures.md`): the
//! encrypted data keys, and the encryption and decryption materials.

use crate::context::EncryptionContext;
use crate::signing::{SigningKey, VerifyingKey};
use crate::suite::Suite;

/// A data key wrapped by one key provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncryptedDataKey {
    /// The key provider ID: the keyring's namespace, or `aws-kms`.
    pub provider_id: String,
    /// Provider information: a key name, a KMS key ARN, or the raw AES
    /// keyring's name, tag length, IV length and IV.
    pub provider_info: Vec<u8>,
    pub ciphertext: Vec<u8>,
}

/// The materials encryption gathers before writing a header.
pub struct EncryptionMaterials {
    pub suite: &'static Suite,
    pub context: EncryptionContext,
    /// Set by the first keyring (the generator).
    pub data_key: Option<Vec<u8>>,
    pub encrypted_data_keys: Vec<EncryptedDataKey>,
    pub signing_key: Option<SigningKey>,
}

/// The materials decryption needs once a keyring has unwrapped a data key.
pub struct DecryptionMaterials {
    pub suite: &'static Suite,
    pub context: EncryptionContext,
    pub data_key: Option<Vec<u8>>,
    pub verifying_key: Option<VerifyingKey>,
}
