//! What GetParametersForImport handed out: a wrapping key and the
//! algorithm to unwrap with, for one key, until a time.

use super::asymmetric::KeyPair;
use super::keys::EncryptionAlgorithm;
use crate::platform::clock::Timestamp;

/// What GetParametersForImport handed out.
#[derive(Clone)]
pub struct ImportParameters {
    pub key_arn: String,
    pub wrapping_key: KeyPair,
    pub algorithm: EncryptionAlgorithm,
    pub valid_to: Timestamp,
}

impl std::fmt::Debug for ImportParameters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ImportParameters({})", self.key_arn)
    }
}
