//! The [`Engine`] on RustCrypto: RSA (OAEP, PSS, PKCS #1 v1.5) and ECDSA on
//! the NIST curves and secp256k1. Nothing outside this file names those
//! crates, so the browser's build can cut them into a chunk.

use std::sync::Arc;

use rand_core::{CryptoRng, RngCore};
use rsa::pkcs8::{DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use rsa::traits::PublicKeyParts;
use rsa::{Oaep, Pkcs1v15Sign, Pss, RsaPrivateKey, RsaPublicKey};
use sha2::{Sha256, Sha384, Sha512};

use super::engine::{Engine, KeyPair, PrivateKey, PublicKey};
use crate::kms::model::keys::{EncryptionAlgorithm, KeySpec, SigningAlgorithm};

/// RustCrypto's implementation.
pub struct RustCrypto;

/// A caller's generator as RustCrypto wants one. Every generator handed to
/// the engine is a ChaCha20 stream (the simulator's `Entropy`, the shell's
/// own), so the marker is true.
struct Rng<'a>(&'a mut dyn RngCore);

impl RngCore for Rng<'_> {
    fn next_u32(&mut self) -> u32 {
        self.0.next_u32()
    }
    fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        self.0.fill_bytes(dest)
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.0.try_fill_bytes(dest)
    }
}

impl CryptoRng for Rng<'_> {}

enum Pair {
    Rsa(Box<RsaPrivateKey>),
    P256(p256::SecretKey),
    P384(p384::SecretKey),
    P521(p521::SecretKey),
    K256(k256::SecretKey),
}

enum Public {
    Rsa(RsaPublicKey),
    P256(p256::PublicKey),
    P384(p384::PublicKey),
    P521(p521::PublicKey),
    K256(k256::PublicKey),
}

impl Engine for RustCrypto {
    fn generate(&self, spec: KeySpec, rng: &mut dyn RngCore) -> Option<KeyPair> {
        let mut rng = Rng(rng);
        let pair = match spec {
            KeySpec::Rsa2048 | KeySpec::Rsa3072 | KeySpec::Rsa4096 => Pair::Rsa(Box::new(
                RsaPrivateKey::new(&mut rng, spec.rsa_bytes() * 8).ok()?,
            )),
            KeySpec::EccNistP256 => Pair::P256(p256::SecretKey::random(&mut rng)),
            KeySpec::EccNistP384 => Pair::P384(p384::SecretKey::random(&mut rng)),
            KeySpec::EccNistP521 => Pair::P521(p521::SecretKey::random(&mut rng)),
            KeySpec::EccSecgP256k1 => Pair::K256(k256::SecretKey::random(&mut rng)),
            _ => return None,
        };
        Some(Arc::new(pair))
    }

    fn public_key(&self, spki: &[u8]) -> Option<Box<dyn PublicKey>> {
        let public = if let Ok(k) = RsaPublicKey::from_public_key_der(spki) {
            Public::Rsa(k)
        } else if let Ok(k) = p256::PublicKey::from_public_key_der(spki) {
            Public::P256(k)
        } else if let Ok(k) = p384::PublicKey::from_public_key_der(spki) {
            Public::P384(k)
        } else if let Ok(k) = p521::PublicKey::from_public_key_der(spki) {
            Public::P521(k)
        } else {
            Public::K256(k256::PublicKey::from_public_key_der(spki).ok()?)
        };
        Some(Box::new(public))
    }
}

fn oaep(alg: EncryptionAlgorithm) -> Oaep {
    match alg {
        EncryptionAlgorithm::RsaesOaepSha1 => Oaep::new::<sha1::Sha1>(),
        _ => Oaep::new::<Sha256>(),
    }
}

fn pss(alg: SigningAlgorithm) -> Pss {
    match alg.digest_len() {
        32 => Pss::new::<Sha256>(),
        48 => Pss::new::<Sha384>(),
        _ => Pss::new::<Sha512>(),
    }
}

fn pkcs1(alg: SigningAlgorithm) -> Pkcs1v15Sign {
    match alg.digest_len() {
        32 => Pkcs1v15Sign::new::<Sha256>(),
        48 => Pkcs1v15Sign::new::<Sha384>(),
        _ => Pkcs1v15Sign::new::<Sha512>(),
    }
}

fn is_pss(alg: SigningAlgorithm) -> bool {
    alg.as_str().starts_with("RSASSA_PSS")
}

macro_rules! ecdsa_sign {
    ($curve:ident, $secret:expr, $digest:expr) => {{
        use $curve::ecdsa::signature::hazmat::PrehashSigner;
        let signing = $curve::ecdsa::SigningKey::from_bytes(&$secret.to_bytes()).ok()?;
        let sig: $curve::ecdsa::Signature = signing.sign_prehash($digest).ok()?;
        Some(sig.to_der().as_bytes().to_vec())
    }};
}

macro_rules! ecdsa_verify {
    ($curve:ident, $public:expr, $digest:expr, $sig:expr) => {{
        use $curve::ecdsa::signature::hazmat::PrehashVerifier;
        use $curve::elliptic_curve::sec1::ToEncodedPoint;
        let point = $public.to_encoded_point(false);
        let Ok(verifying) = $curve::ecdsa::VerifyingKey::from_encoded_point(&point) else {
            return false;
        };
        match $curve::ecdsa::Signature::from_der($sig) {
            Ok(sig) => verifying.verify_prehash($digest, &sig).is_ok(),
            Err(_) => false,
        }
    }};
}

impl PrivateKey for Pair {
    fn public(&self) -> Box<dyn PublicKey> {
        Box::new(match self {
            Pair::Rsa(k) => Public::Rsa(k.to_public_key()),
            Pair::P256(k) => Public::P256(k.public_key()),
            Pair::P384(k) => Public::P384(k.public_key()),
            Pair::P521(k) => Public::P521(k.public_key()),
            Pair::K256(k) => Public::K256(k.public_key()),
        })
    }

    fn private_key_der(&self) -> Vec<u8> {
        let doc = match self {
            Pair::Rsa(k) => k.to_pkcs8_der(),
            Pair::P256(k) => k.to_pkcs8_der(),
            Pair::P384(k) => k.to_pkcs8_der(),
            Pair::P521(k) => k.to_pkcs8_der(),
            Pair::K256(k) => k.to_pkcs8_der(),
        };
        doc.map(|d| d.as_bytes().to_vec()).unwrap_or_default()
    }

    fn sign(&self, alg: SigningAlgorithm, digest: &[u8], rng: &mut dyn RngCore) -> Option<Vec<u8>> {
        match self {
            Pair::Rsa(k) if is_pss(alg) => k.sign_with_rng(&mut Rng(rng), pss(alg), digest).ok(),
            Pair::Rsa(k) => k.sign(pkcs1(alg), digest).ok(),
            Pair::P256(k) => ecdsa_sign!(p256, k, digest),
            Pair::P384(k) => ecdsa_sign!(p384, k, digest),
            Pair::P521(k) => ecdsa_sign!(p521, k, digest),
            Pair::K256(k) => ecdsa_sign!(k256, k, digest),
        }
    }

    fn decrypt(&self, alg: EncryptionAlgorithm, ciphertext: &[u8]) -> Option<Vec<u8>> {
        match self {
            Pair::Rsa(k) => k.decrypt(oaep(alg), ciphertext).ok(),
            _ => None,
        }
    }
}

impl PublicKey for Public {
    fn spec(&self) -> KeySpec {
        match self {
            Public::Rsa(k) => match k.size() {
                ..=256 => KeySpec::Rsa2048,
                257..=384 => KeySpec::Rsa3072,
                _ => KeySpec::Rsa4096,
            },
            Public::P256(_) => KeySpec::EccNistP256,
            Public::P384(_) => KeySpec::EccNistP384,
            Public::P521(_) => KeySpec::EccNistP521,
            Public::K256(_) => KeySpec::EccSecgP256k1,
        }
    }

    fn der(&self) -> Vec<u8> {
        let doc = match self {
            Public::Rsa(k) => k.to_public_key_der(),
            Public::P256(k) => k.to_public_key_der(),
            Public::P384(k) => k.to_public_key_der(),
            Public::P521(k) => k.to_public_key_der(),
            Public::K256(k) => k.to_public_key_der(),
        };
        doc.map(|d| d.as_bytes().to_vec()).unwrap_or_default()
    }

    fn verify(&self, alg: SigningAlgorithm, digest: &[u8], signature: &[u8]) -> bool {
        match self {
            Public::Rsa(k) if is_pss(alg) => k.verify(pss(alg), digest, signature).is_ok(),
            Public::Rsa(k) => k.verify(pkcs1(alg), digest, signature).is_ok(),
            Public::P256(k) => ecdsa_verify!(p256, k, digest, signature),
            Public::P384(k) => ecdsa_verify!(p384, k, digest, signature),
            Public::P521(k) => ecdsa_verify!(p521, k, digest, signature),
            Public::K256(k) => ecdsa_verify!(k256, k, digest, signature),
        }
    }

    fn encrypt(
        &self,
        alg: EncryptionAlgorithm,
        plaintext: &[u8],
        rng: &mut dyn RngCore,
    ) -> Option<Vec<u8>> {
        match self {
            Public::Rsa(k) => k.encrypt(&mut Rng(rng), oaep(alg), plaintext).ok(),
            _ => None,
        }
    }
}
