//! ECDSA for the signing suites (specification: `framework/transitive-
//! requirements.md`, ECDSA): P-256 with SHA-256 and P-384 with SHA-384,
//! DER signatures, and the verification key as a base64 compressed point in
//! the encryption context.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use p256::ecdsa::signature::{DigestVerifier, RandomizedDigestSigner};
use sha2::{Digest, Sha256, Sha384};

use crate::error::Error;
use crate::suite::Curve;
use crate::Entropy;

pub enum SigningKey {
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
}

pub enum VerifyingKey {
    P256(p256::ecdsa::VerifyingKey),
    P384(p384::ecdsa::VerifyingKey),
}

impl SigningKey {
    pub fn generate(curve: Curve, mut rng: &mut dyn Entropy) -> SigningKey {
        match curve {
            Curve::P256 => SigningKey::P256(p256::ecdsa::SigningKey::random(&mut rng)),
            Curve::P384 => SigningKey::P384(p384::ecdsa::SigningKey::random(&mut rng)),
        }
    }

    /// The verification key as the `aws-crypto-public-key` value.
    pub fn public_key_base64(&self) -> String {
        let point = match self {
            SigningKey::P256(k) => k.verifying_key().to_encoded_point(true).as_bytes().to_vec(),
            SigningKey::P384(k) => k.verifying_key().to_encoded_point(true).as_bytes().to_vec(),
        };
        STANDARD.encode(point)
    }

    /// A DER signature of `message` of the curve's usual length (71 bytes
    /// for P-256, 103 for P-384): the official SDKs keep the footer's
    /// length fixed by using low-S and signing again when DER's integer
    /// padding would make it shorter.
    pub fn sign(&self, message: &[u8], mut rng: &mut dyn Entropy) -> Vec<u8> {
        match self {
            SigningKey::P256(k) => {
                let digest = Sha256::new_with_prefix(message);
                of_length(71, || {
                    let sig: p256::ecdsa::Signature =
                        k.sign_digest_with_rng(&mut rng, digest.clone());
                    let low_s = sig.normalize_s().unwrap_or(sig);
                    low_s.to_der().as_bytes().to_vec()
                })
            }
            SigningKey::P384(k) => {
                let digest = Sha384::new_with_prefix(message);
                of_length(103, || {
                    let sig: p384::ecdsa::Signature =
                        k.sign_digest_with_rng(&mut rng, digest.clone());
                    let low_s = sig.normalize_s().unwrap_or(sig);
                    low_s.to_der().as_bytes().to_vec()
                })
            }
        }
    }
}

/// Signs until a signature of `len` bytes comes out.
fn of_length(len: usize, mut sign: impl FnMut() -> Vec<u8>) -> Vec<u8> {
    loop {
        let der = sign();
        if der.len() == len {
            return der;
        }
    }
}

impl VerifyingKey {
    /// Reads the `aws-crypto-public-key` value for `curve`.
    pub fn from_base64(curve: Curve, value: &str) -> Result<VerifyingKey, Error> {
        let bytes = STANDARD.decode(value).map_err(|_| Error::BadPublicKey)?;
        let compressed = match curve {
            Curve::P256 => 33,
            Curve::P384 => 49,
        };
        if bytes.len() != compressed {
            return Err(Error::BadPublicKey);
        }
        Ok(match curve {
            Curve::P256 => VerifyingKey::P256(
                p256::ecdsa::VerifyingKey::from_sec1_bytes(&bytes)
                    .map_err(|_| Error::BadPublicKey)?,
            ),
            Curve::P384 => VerifyingKey::P384(
                p384::ecdsa::VerifyingKey::from_sec1_bytes(&bytes)
                    .map_err(|_| Error::BadPublicKey)?,
            ),
        })
    }

    /// Verifies a DER signature over `message`.
    pub fn verify(&self, message: &[u8], der: &[u8]) -> Result<(), Error> {
        let ok = match self {
            VerifyingKey::P256(k) => p256::ecdsa::Signature::from_der(der).is_ok_and(|s| {
                k.verify_digest(Sha256::new_with_prefix(message), &s)
                    .is_ok()
            }),
            VerifyingKey::P384(k) => p384::ecdsa::Signature::from_der(der).is_ok_and(|s| {
                k.verify_digest(Sha384::new_with_prefix(message), &s)
                    .is_ok()
            }),
        };
        if ok {
            Ok(())
        } else {
            Err(Error::BadSignature)
        }
    }
}
