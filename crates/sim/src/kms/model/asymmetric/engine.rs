//! What the simulator asks of asymmetric cryptography: an [`Engine`] that
//! makes key pairs and reads public keys, and the keys it makes.

use std::sync::Arc;

use rand_core::RngCore;

use crate::kms::model::keys::{EncryptionAlgorithm, KeySpec, SigningAlgorithm};

/// Makes key pairs and reads public keys.
pub trait Engine: Sync {
    /// A fresh key pair of an RSA or ECC key spec; `None` for other specs.
    fn generate(&self, spec: KeySpec, rng: &mut dyn RngCore) -> Option<KeyPair>;
    /// Reads a DER-encoded X.509 SubjectPublicKeyInfo of a key KMS could
    /// hold (RSA, NIST P-256/384/521, secp256k1).
    fn public_key(&self, spki: &[u8]) -> Option<Box<dyn PublicKey>>;
}

/// A key pair, shared: cloning a key's material clones the handle.
pub type KeyPair = Arc<dyn PrivateKey>;

/// The private half of a key pair.
pub trait PrivateKey: Send + Sync {
    fn public(&self) -> Box<dyn PublicKey>;
    /// The DER-encoded PKCS #8 PrivateKeyInfo, as GenerateDataKeyPair
    /// returns it.
    fn private_key_der(&self) -> Vec<u8>;
    /// Signs a digest. ECDSA signatures are DER-encoded, as KMS returns
    /// them; RSASSA-PSS draws its salt from `rng`.
    fn sign(&self, alg: SigningAlgorithm, digest: &[u8], rng: &mut dyn RngCore) -> Option<Vec<u8>>;
    /// RSAES-OAEP decryption; `None` for a wrong ciphertext or a non-RSA key.
    fn decrypt(&self, alg: EncryptionAlgorithm, ciphertext: &[u8]) -> Option<Vec<u8>>;
}

/// The public half of a key pair.
pub trait PublicKey {
    /// The key spec the public key belongs to.
    fn spec(&self) -> KeySpec;
    /// The DER-encoded X.509 SubjectPublicKeyInfo.
    fn der(&self) -> Vec<u8>;
    fn verify(&self, alg: SigningAlgorithm, digest: &[u8], signature: &[u8]) -> bool;
    /// RSAES-OAEP encryption, its padding's seed from `rng`; `None` for a
    /// non-RSA key or a plaintext over the limit.
    fn encrypt(
        &self,
        alg: EncryptionAlgorithm,
        plaintext: &[u8],
        rng: &mut dyn RngCore,
    ) -> Option<Vec<u8>>;
}
