//! The raw AES keyring (specification: `framework/raw-aes-keyring.md`):
//! AES-GCM wrapping under a local key, the serialized encryption context as
//! AAD, and provider info `key name || tag bits (u32) || IV length (u32) ||
//! IV`.

use crate::aead::AesKey;
use crate::error::Error;
use crate::materials::{DecryptionMaterials, EncryptedDataKey, EncryptionMaterials};
use crate::suite::{IV_LEN, TAG_LEN};
use crate::Entropy;

use super::Keyring;

pub struct RawAesKeyring {
    namespace: String,
    name: String,
    key: AesKey,
}

impl RawAesKeyring {
    /// A keyring for a 16, 24 or 32-byte wrapping key.
    pub fn new(namespace: &str, name: &str, key: &[u8]) -> Result<RawAesKeyring, Error> {
        if namespace == super::kms::PROVIDER_ID {
            return Err(Error::InvalidArgument(
                "a raw keyring's namespace may not be aws-kms".into(),
            ));
        }
        let key = AesKey::new(key).ok_or_else(|| {
            Error::InvalidArgument(format!(
                "a raw AES wrapping key is 16, 24 or 32 bytes, not {}",
                key.len()
            ))
        })?;
        Ok(RawAesKeyring {
            namespace: namespace.to_owned(),
            name: name.to_owned(),
            key,
        })
    }

    /// The IV in `info` if it names this keyring's key, tag and IV lengths.
    fn iv_from<'a>(&self, info: &'a [u8]) -> Option<&'a [u8]> {
        let rest = info.strip_prefix(self.name.as_bytes())?;
        if rest.len() != 8 + IV_LEN {
            return None;
        }
        let tag_bits = u32::from_be_bytes(rest[0..4].try_into().ok()?);
        let iv_len = u32::from_be_bytes(rest[4..8].try_into().ok()?);
        (tag_bits as usize == TAG_LEN * 8 && iv_len as usize == IV_LEN).then_some(&rest[8..])
    }
}

impl Keyring for RawAesKeyring {
    fn on_encrypt(
        &self,
        materials: &mut EncryptionMaterials,
        rng: &mut dyn Entropy,
    ) -> Result<(), Error> {
        let data_key = super::data_key(materials, rng);
        let aad = materials.context.serialize()?;
        let mut iv = [0u8; IV_LEN];
        rng.fill_bytes(&mut iv);
        let (mut ciphertext, tag) = self.key.seal(&iv, &aad, &data_key);
        ciphertext.extend_from_slice(&tag);
        let mut info = self.name.as_bytes().to_vec();
        info.extend_from_slice(&((TAG_LEN * 8) as u32).to_be_bytes());
        info.extend_from_slice(&(IV_LEN as u32).to_be_bytes());
        info.extend_from_slice(&iv);
        materials.encrypted_data_keys.push(EncryptedDataKey {
            provider_id: self.namespace.clone(),
            provider_info: info,
            ciphertext,
        });
        Ok(())
    }

    fn on_decrypt(
        &self,
        materials: &mut DecryptionMaterials,
        edks: &[EncryptedDataKey],
    ) -> Result<(), Error> {
        let aad = materials.context.serialize()?;
        let mut tried = 0;
        for edk in edks.iter().filter(|e| e.provider_id == self.namespace) {
            let Some(iv) = self.iv_from(&edk.provider_info) else {
                continue;
            };
            let Some(split) = edk.ciphertext.len().checked_sub(TAG_LEN) else {
                continue;
            };
            tried += 1;
            let (ciphertext, tag) = edk.ciphertext.split_at(split);
            match self.key.open(iv, &aad, ciphertext, tag) {
                Some(key) if key.len() == materials.suite.key_len => {
                    materials.data_key = Some(key);
                    return Ok(());
                }
                _ => continue,
            }
        }
        Err(super::none_unwrapped(
            &format!("raw AES keyring {}/{}", self.namespace, self.name),
            tried,
        ))
    }
}
