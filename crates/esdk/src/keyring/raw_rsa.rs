//! The raw RSA keyring (specification: `framework/raw-rsa-keyring.md`):
//! the data key encrypted to an RSA public key with PKCS #1 v1.5 or OAEP
//! (MGF1 with the OAEP hash), and the key name as provider info.

use std::str::FromStr;

use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
use rsa::{Oaep, Pkcs1v15Encrypt, RsaPrivateKey, RsaPublicKey};

use crate::error::Error;
use crate::materials::{DecryptionMaterials, EncryptedDataKey, EncryptionMaterials};
use crate::Entropy;

use super::Keyring;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RsaPadding {
    Pkcs1,
    OaepSha1,
    OaepSha256,
    OaepSha384,
    OaepSha512,
}

impl FromStr for RsaPadding {
    type Err = Error;

    fn from_str(s: &str) -> Result<RsaPadding, Error> {
        Ok(match s {
            "pkcs1" => RsaPadding::Pkcs1,
            "oaep-sha1" => RsaPadding::OaepSha1,
            "oaep-sha256" => RsaPadding::OaepSha256,
            "oaep-sha384" => RsaPadding::OaepSha384,
            "oaep-sha512" => RsaPadding::OaepSha512,
            _ => return Err(Error::InvalidArgument(format!("unknown RSA padding {s:?}"))),
        })
    }
}

impl RsaPadding {
    fn encrypt(
        self,
        key: &RsaPublicKey,
        mut rng: &mut dyn Entropy,
        msg: &[u8],
    ) -> rsa::Result<Vec<u8>> {
        match self {
            RsaPadding::Pkcs1 => key.encrypt(&mut rng, Pkcs1v15Encrypt, msg),
            RsaPadding::OaepSha1 => key.encrypt(&mut rng, Oaep::new::<sha1::Sha1>(), msg),
            RsaPadding::OaepSha256 => key.encrypt(&mut rng, Oaep::new::<sha2::Sha256>(), msg),
            RsaPadding::OaepSha384 => key.encrypt(&mut rng, Oaep::new::<sha2::Sha384>(), msg),
            RsaPadding::OaepSha512 => key.encrypt(&mut rng, Oaep::new::<sha2::Sha512>(), msg),
        }
    }

    fn decrypt(self, key: &RsaPrivateKey, ciphertext: &[u8]) -> rsa::Result<Vec<u8>> {
        match self {
            RsaPadding::Pkcs1 => key.decrypt(Pkcs1v15Encrypt, ciphertext),
            RsaPadding::OaepSha1 => key.decrypt(Oaep::new::<sha1::Sha1>(), ciphertext),
            RsaPadding::OaepSha256 => key.decrypt(Oaep::new::<sha2::Sha256>(), ciphertext),
            RsaPadding::OaepSha384 => key.decrypt(Oaep::new::<sha2::Sha384>(), ciphertext),
            RsaPadding::OaepSha512 => key.decrypt(Oaep::new::<sha2::Sha512>(), ciphertext),
        }
    }
}

pub struct RawRsaKeyring {
    namespace: String,
    name: String,
    padding: RsaPadding,
    public: Option<RsaPublicKey>,
    private: Option<RsaPrivateKey>,
}

impl RawRsaKeyring {
    /// A keyring that encrypts with `public` and decrypts with `private`;
    /// as the specification asks, it never derives one from the other.
    pub fn new(
        namespace: &str,
        name: &str,
        padding: RsaPadding,
        public: Option<RsaPublicKey>,
        private: Option<RsaPrivateKey>,
    ) -> Result<RawRsaKeyring, Error> {
        if namespace == super::kms::PROVIDER_ID {
            return Err(Error::InvalidArgument(
                "a raw keyring's namespace may not be aws-kms".into(),
            ));
        }
        Ok(RawRsaKeyring {
            namespace: namespace.to_owned(),
            name: name.to_owned(),
            padding,
            public,
            private,
        })
    }
}

/// A private key from PEM, PKCS #8 or PKCS #1.
pub fn private_key_from_pem(pem: &str) -> Result<RsaPrivateKey, Error> {
    RsaPrivateKey::from_pkcs8_pem(pem)
        .or_else(|_| RsaPrivateKey::from_pkcs1_pem(pem))
        .map_err(|_| Error::InvalidArgument("not a PEM RSA private key".into()))
}

/// A public key from PEM, SubjectPublicKeyInfo or PKCS #1.
pub fn public_key_from_pem(pem: &str) -> Result<RsaPublicKey, Error> {
    RsaPublicKey::from_public_key_pem(pem)
        .or_else(|_| RsaPublicKey::from_pkcs1_pem(pem))
        .map_err(|_| Error::InvalidArgument("not a PEM RSA public key".into()))
}

impl Keyring for RawRsaKeyring {
    fn on_encrypt(
        &self,
        materials: &mut EncryptionMaterials,
        rng: &mut dyn Entropy,
    ) -> Result<(), Error> {
        let public = self
            .public
            .as_ref()
            .ok_or_else(|| Error::Keyring("the raw RSA keyring has no public key".into()))?;
        let data_key = super::data_key(materials, rng);
        let ciphertext = self
            .padding
            .encrypt(public, rng, &data_key)
            .map_err(|e| Error::Keyring(format!("RSA encryption failed: {e}")))?;
        materials.encrypted_data_keys.push(EncryptedDataKey {
            provider_id: self.namespace.clone(),
            provider_info: self.name.as_bytes().to_vec(),
            ciphertext,
        });
        Ok(())
    }

    fn on_decrypt(
        &self,
        materials: &mut DecryptionMaterials,
        edks: &[EncryptedDataKey],
    ) -> Result<(), Error> {
        let name = format!("raw RSA keyring {}/{}", self.namespace, self.name);
        let private = self
            .private
            .as_ref()
            .ok_or_else(|| Error::NoKeyringCouldDecrypt(format!("{name} has no private key")))?;
        let mut tried = 0;
        for edk in edks
            .iter()
            .filter(|e| e.provider_id == self.namespace && e.provider_info == self.name.as_bytes())
        {
            tried += 1;
            if let Ok(key) = self.padding.decrypt(private, &edk.ciphertext) {
                if key.len() == materials.suite.key_len {
                    materials.data_key = Some(key);
                    return Ok(());
                }
            }
        }
        Err(super::none_unwrapped(&name, tried))
    }
}
