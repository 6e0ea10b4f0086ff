//! Key material and the cryptography done with it: AES-256-GCM and
//! HMAC-SHA-2 here, RSA and ECDSA through the [`asymmetric`](super::asymmetric)
//! engine.

use super::asymmetric::{engine, KeyPair};
use super::keys::{EncryptionAlgorithm, KeySpec, MacAlgorithm, SigningAlgorithm};
use crate::platform::clock::Timestamp;
use crate::platform::error::Error;
use crate::platform::random::Entropy;
use hmac::{Hmac, Mac};
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
    /// An RSA or ECC key pair.
    Asymmetric(KeyPair),
    Hmac(Vec<u8>),
}

impl std::fmt::Debug for Material {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Material(..)")
    }
}

pub use crate::platform::random::hex;

/// What a call that needs the asymmetric engine answers while the browser
/// is still fetching it. The labs worker never lets a learner see it: it
/// loads the engine and runs the call again.
pub fn engine_missing() -> Error {
    part_missing("asymmetric")
}

/// What a call answers while the browser is still fetching the chunk it
/// needs (`asymmetric`, `kms_extras`); never seen by a learner either.
pub fn part_missing(chunk: &str) -> Error {
    Error::KMSInternalException(format!(
        "The simulator's {chunk} code is still loading. Try again."
    ))
}

impl Material {
    /// Fresh material for a key spec, drawn from `rng`. RSA generation is
    /// slow (a tenth of a second to most of a second natively).
    pub fn generate(spec: KeySpec, now: Timestamp, rng: &mut Entropy) -> Result<Material, Error> {
        Ok(match spec {
            KeySpec::SymmetricDefault => Material::symmetric(now, rng),
            KeySpec::Hmac224 => Material::Hmac(rng.bytes(28)),
            KeySpec::Hmac256 => Material::Hmac(rng.bytes(32)),
            KeySpec::Hmac384 => Material::Hmac(rng.bytes(48)),
            KeySpec::Hmac512 => Material::Hmac(rng.bytes(64)),
            asymmetric => Material::Asymmetric(
                engine()
                    .map_err(|_| engine_missing())?
                    .generate(asymmetric, rng)
                    .expect("every other key spec is RSA or ECC"),
            ),
        })
    }

    /// A fresh AES-256 key, its first version.
    pub fn symmetric(now: Timestamp, rng: &mut Entropy) -> Material {
        Material::Symmetric(vec![SymmetricVersion {
            number: 1,
            key: rng.key(),
            created: now,
        }])
    }

    /// The key pair of an asymmetric key.
    pub fn pair(&self) -> Option<&KeyPair> {
        match self {
            Material::Asymmetric(pair) => Some(pair),
            _ => None,
        }
    }

    /// The DER-encoded X.509 SubjectPublicKeyInfo of an asymmetric key.
    pub fn public_key_der(&self) -> Option<Vec<u8>> {
        Some(self.pair()?.public().der())
    }

    /// The DER-encoded PKCS #8 PrivateKeyInfo of an asymmetric key, as
    /// GenerateDataKeyPair returns it.
    pub fn private_key_der(&self) -> Option<Vec<u8>> {
        Some(self.pair()?.private_key_der())
    }

    pub fn symmetric_versions(&self) -> &[SymmetricVersion] {
        match self {
            Material::Symmetric(v) => v,
            _ => &[],
        }
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

/// Hashes a RAW message with the algorithm's digest.
pub fn digest_for(alg: SigningAlgorithm, message: &[u8]) -> Vec<u8> {
    match alg.digest_len() {
        32 => Sha256::digest(message).to_vec(),
        48 => Sha384::digest(message).to_vec(),
        _ => Sha512::digest(message).to_vec(),
    }
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
    material.pair()?.sign(alg, digest, rng)
}

pub fn verify(material: &Material, alg: SigningAlgorithm, digest: &[u8], signature: &[u8]) -> bool {
    material
        .pair()
        .is_some_and(|pair| pair.public().verify(alg, digest, signature))
}

/// Runs `$then` on an HMAC of `$alg`'s hash, keyed and fed the message.
macro_rules! with_hmac {
    ($alg:expr, $key:expr, $msg:expr, |$mac:ident| $then:expr) => {
        match $alg {
            MacAlgorithm::HmacSha224 => with_hmac!(@ Sha224, $key, $msg, |$mac| $then),
            MacAlgorithm::HmacSha256 => with_hmac!(@ Sha256, $key, $msg, |$mac| $then),
            MacAlgorithm::HmacSha384 => with_hmac!(@ Sha384, $key, $msg, |$mac| $then),
            MacAlgorithm::HmacSha512 => with_hmac!(@ Sha512, $key, $msg, |$mac| $then),
        }
    };
    (@ $hash:ty, $key:expr, $msg:expr, |$mac:ident| $then:expr) => {{
        let mut $mac =
            <Hmac<$hash>>::new_from_slice($key).expect("HMAC takes keys of any length");
        $mac.update($msg);
        $then
    }};
}

pub fn hmac(alg: MacAlgorithm, key: &[u8], message: &[u8]) -> Vec<u8> {
    with_hmac!(alg, key, message, |mac| mac
        .finalize()
        .into_bytes()
        .to_vec())
}

/// Whether `tag` is the HMAC of `message`, compared in constant time.
pub fn hmac_matches(alg: MacAlgorithm, key: &[u8], message: &[u8], tag: &[u8]) -> bool {
    with_hmac!(alg, key, message, |mac| mac.verify_slice(tag).is_ok())
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
            let m = Material::generate(spec, 0, &mut rng).unwrap();
            let d = digest_for(alg, b"hello");
            let sig = sign(&m, alg, &d, &mut rng).unwrap();
            assert!(verify(&m, alg, &d, &sig), "{spec}");
            assert!(!verify(&m, alg, &digest_for(alg, b"other"), &sig), "{spec}");
            assert!(m.public_key_der().is_some() && m.private_key_der().is_some());
        }
    }
}
