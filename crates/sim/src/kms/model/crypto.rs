//! Key material and the cryptography done with it, all from RustCrypto:
//! AES-256-GCM, RSA-OAEP, RSASSA-PSS and PKCS #1 v1.5, ECDSA on the NIST
//! curves and secp256k1, and HMAC-SHA-2.

use super::keys::{EncryptionAlgorithm, KeySpec, MacAlgorithm, SigningAlgorithm};
use crate::platform::clock::Timestamp;
use crate::platform::random::Entropy;
use hmac::{Hmac, Mac};
use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey};
use rsa::{Oaep, Pkcs1v15Sign, Pss, RsaPrivateKey};
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};

/// One version of a symmetric key's material. Rotation adds versions;
/// ciphertexts name the version that sealed them.
#[derive(Clone)]
pub struct SymmetricVersion {
    pub number: u32,
    pub key: [u8; 32],
    pub created: Timestamp,
}

/// The secret behind a key.
#[derive(Clone)]
pub enum Material {
    /// Oldest version first; empty while an imported key awaits its material.
    Symmetric(Vec<SymmetricVersion>),
    Rsa(Box<RsaPrivateKey>),
    P256(p256::SecretKey),
    P384(p384::SecretKey),
    P521(p521::SecretKey),
    K256(k256::SecretKey),
    Hmac(Vec<u8>),
}

impl std::fmt::Debug for Material {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Material(..)")
    }
}

pub use crate::platform::random::hex;

impl Material {
    /// Fresh material for a key spec, drawn from `rng`. RSA generation is
    /// slow (a tenth of a second to most of a second natively).
    pub fn generate(spec: KeySpec, now: Timestamp, rng: &mut Entropy) -> Material {
        match spec {
            KeySpec::SymmetricDefault => Material::Symmetric(vec![SymmetricVersion {
                number: 1,
                key: rng.key(),
                created: now,
            }]),
            KeySpec::Rsa2048 | KeySpec::Rsa3072 | KeySpec::Rsa4096 => {
                let bits = spec.rsa_bytes() * 8;
                let key = RsaPrivateKey::new(rng, bits).expect("RSA key generation");
                Material::Rsa(Box::new(key))
            }
            KeySpec::EccNistP256 => Material::P256(p256::SecretKey::random(rng)),
            KeySpec::EccNistP384 => Material::P384(p384::SecretKey::random(rng)),
            KeySpec::EccNistP521 => Material::P521(p521::SecretKey::random(rng)),
            KeySpec::EccSecgP256k1 => Material::K256(k256::SecretKey::random(rng)),
            KeySpec::Hmac224 => Material::Hmac(rng.bytes(28)),
            KeySpec::Hmac256 => Material::Hmac(rng.bytes(32)),
            KeySpec::Hmac384 => Material::Hmac(rng.bytes(48)),
            KeySpec::Hmac512 => Material::Hmac(rng.bytes(64)),
        }
    }

    /// The DER-encoded X.509 SubjectPublicKeyInfo of an asymmetric key.
    pub fn public_key_der(&self) -> Option<Vec<u8>> {
        let doc = match self {
            Material::Rsa(k) => k.to_public_key().to_public_key_der().ok()?,
            Material::P256(k) => k.public_key().to_public_key_der().ok()?,
            Material::P384(k) => k.public_key().to_public_key_der().ok()?,
            Material::P521(k) => k.public_key().to_public_key_der().ok()?,
            Material::K256(k) => k.public_key().to_public_key_der().ok()?,
            _ => return None,
        };
        Some(doc.as_bytes().to_vec())
    }

    /// The DER-encoded PKCS #8 PrivateKeyInfo of an asymmetric key, as
    /// GenerateDataKeyPair returns it.
    pub fn private_key_der(&self) -> Option<Vec<u8>> {
        let doc = match self {
            Material::Rsa(k) => k.to_pkcs8_der().ok()?,
            Material::P256(k) => k.to_pkcs8_der().ok()?,
            Material::P384(k) => k.to_pkcs8_der().ok()?,
            Material::P521(k) => k.to_pkcs8_der().ok()?,
            Material::K256(k) => k.to_pkcs8_der().ok()?,
            _ => return None,
        };
        Some(doc.as_bytes().to_vec())
    }

    pub fn symmetric_versions(&self) -> &[SymmetricVersion] {
        match self {
            Material::Symmetric(v) => v,
            _ => &[],
        }
    }
}

fn oaep(alg: EncryptionAlgorithm) -> Oaep {
    match alg {
        EncryptionAlgorithm::RsaesOaepSha1 => Oaep::new::<sha1::Sha1>(),
        _ => Oaep::new::<Sha256>(),
    }
}

/// The largest plaintext RSA-OAEP can encrypt: k − 2·hLen − 2 bytes
/// (RFC 8017 §7.1.1), which gives AWS's table: 214/190 bytes for RSA_2048,
/// 342/318 for RSA_3072 and 470/446 for RSA_4096 (SHA-1/SHA-256).
pub fn oaep_limit(spec: KeySpec, alg: EncryptionAlgorithm) -> usize {
    let h = if alg == EncryptionAlgorithm::RsaesOaepSha1 {
        20
    } else {
        32
    };
    spec.rsa_bytes() - 2 * h - 2
}

/// RSAES-OAEP encryption; the padding's seed comes from `rng`.
pub fn rsa_encrypt(
    key: &RsaPrivateKey,
    alg: EncryptionAlgorithm,
    plaintext: &[u8],
    rng: &mut Entropy,
) -> Option<Vec<u8>> {
    key.to_public_key().encrypt(rng, oaep(alg), plaintext).ok()
}

pub fn rsa_decrypt(
    key: &RsaPrivateKey,
    alg: EncryptionAlgorithm,
    ciphertext: &[u8],
) -> Option<Vec<u8>> {
    key.decrypt(oaep(alg), ciphertext).ok()
}

/// Hashes a RAW message with the algorithm's digest.
pub fn digest_for(alg: SigningAlgorithm, message: &[u8]) -> Vec<u8> {
    match alg.digest_len() {
        32 => Sha256::digest(message).to_vec(),
        48 => Sha384::digest(message).to_vec(),
        _ => Sha512::digest(message).to_vec(),
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
    ($curve:ident, $secret:expr, $digest:expr, $sig:expr) => {{
        use $curve::ecdsa::signature::hazmat::PrehashVerifier;
        use $curve::elliptic_curve::sec1::ToEncodedPoint;
        let point = $secret.public_key().to_encoded_point(false);
        let Ok(verifying) = $curve::ecdsa::VerifyingKey::from_encoded_point(&point) else {
            return false;
        };
        let Ok(sig) = $curve::ecdsa::Signature::from_der($sig) else {
            return false;
        };
        verifying.verify_prehash($digest, &sig).is_ok()
    }};
}

/// Signs a digest; ECDSA signatures are DER-encoded, as KMS returns them.
/// RSASSA-PSS draws its salt from `rng`; PKCS #1 v1.5 and ECDSA (RFC 6979)
/// are deterministic.
pub fn sign(
    material: &Material,
    alg: SigningAlgorithm,
    digest: &[u8],
    rng: &mut Entropy,
) -> Option<Vec<u8>> {
    match material {
        Material::Rsa(k) if is_pss(alg) => k.sign_with_rng(rng, pss(alg), digest).ok(),
        Material::Rsa(k) => k.sign(pkcs1(alg), digest).ok(),
        Material::P256(k) => ecdsa_sign!(p256, k, digest),
        Material::P384(k) => ecdsa_sign!(p384, k, digest),
        Material::P521(k) => ecdsa_sign!(p521, k, digest),
        Material::K256(k) => ecdsa_sign!(k256, k, digest),
        _ => None,
    }
}

pub fn verify(material: &Material, alg: SigningAlgorithm, digest: &[u8], signature: &[u8]) -> bool {
    match material {
        Material::Rsa(k) if is_pss(alg) => k
            .to_public_key()
            .verify(pss(alg), digest, signature)
            .is_ok(),
        Material::Rsa(k) => k
            .to_public_key()
            .verify(pkcs1(alg), digest, signature)
            .is_ok(),
        Material::P256(k) => ecdsa_verify!(p256, k, digest, signature),
        Material::P384(k) => ecdsa_verify!(p384, k, digest, signature),
        Material::P521(k) => ecdsa_verify!(p521, k, digest, signature),
        Material::K256(k) => ecdsa_verify!(k256, k, digest, signature),
        _ => false,
    }
}

macro_rules! hmac_with {
    ($hash:ty, $key:expr, $msg:expr) => {{
        let mut mac = <Hmac<$hash>>::new_from_slice($key).expect("HMAC takes keys of any length");
        mac.update($msg);
        mac.finalize().into_bytes().to_vec()
    }};
}

pub fn hmac(alg: MacAlgorithm, key: &[u8], message: &[u8]) -> Vec<u8> {
    match alg {
        MacAlgorithm::HmacSha224 => hmac_with!(Sha224, key, message),
        MacAlgorithm::HmacSha256 => hmac_with!(Sha256, key, message),
        MacAlgorithm::HmacSha384 => hmac_with!(Sha384, key, message),
        MacAlgorithm::HmacSha512 => hmac_with!(Sha512, key, message),
    }
}

/// Compares two byte strings in time independent of where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oaep_limits_match_the_aws_table() {
        use EncryptionAlgorithm::*;
        assert_eq!(oaep_limit(KeySpec::Rsa2048, RsaesOaepSha1), 214);
        assert_eq!(oaep_limit(KeySpec::Rsa2048, RsaesOaepSha256), 190);
        assert_eq!(oaep_limit(KeySpec::Rsa3072, RsaesOaepSha1), 342);
        assert_eq!(oaep_limit(KeySpec::Rsa3072, RsaesOaepSha256), 318);
        assert_eq!(oaep_limit(KeySpec::Rsa4096, RsaesOaepSha1), 470);
        assert_eq!(oaep_limit(KeySpec::Rsa4096, RsaesOaepSha256), 446);
    }

    #[test]
    fn hmac_sha256_matches_rfc_4231_case_2() {
        let mac = hmac(
            MacAlgorithm::HmacSha256,
            b"Jefe",
            b"what do ya want for nothing?",
        );
        assert_eq!(
            hex(&mac),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn every_curve_signs_and_verifies_a_digest() {
        for (spec, alg) in [
            (KeySpec::EccNistP256, SigningAlgorithm::EcdsaSha256),
            (KeySpec::EccNistP384, SigningAlgorithm::EcdsaSha384),
            (KeySpec::EccNistP521, SigningAlgorithm::EcdsaSha512),
            (KeySpec::EccSecgP256k1, SigningAlgorithm::EcdsaSha256),
        ] {
            let mut rng = Entropy::from_seed(1);
            let m = Material::generate(spec, 0, &mut rng);
            let d = digest_for(alg, b"hello");
            let sig = sign(&m, alg, &d, &mut rng).unwrap();
            assert!(verify(&m, alg, &d, &sig), "{spec}");
            assert!(!verify(&m, alg, &digest_for(alg, b"other"), &sig), "{spec}");
            assert!(m.public_key_der().is_some() && m.private_key_der().is_some());
        }
    }
}
