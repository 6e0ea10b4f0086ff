//! The multi-keyring (specification: `framework/multi-keyring.md`): a
//! generator makes and wraps the data key, each child wraps it too; on
//! decrypt the first keyring that unwraps a key wins.

use crate::error::Error;
use crate::materials::{DecryptionMaterials, EncryptedDataKey, EncryptionMaterials};
use crate::Entropy;

use super::Keyring;

pub struct MultiKeyring {
    generator: Option<Box<dyn Keyring>>,
    children: Vec<Box<dyn Keyring>>,
}

impl MultiKeyring {
    pub fn new(
        generator: Option<Box<dyn Keyring>>,
        children: Vec<Box<dyn Keyring>>,
    ) -> Result<MultiKeyring, Error> {
        if generator.is_none() && children.is_empty() {
            return Err(Error::InvalidArgument(
                "a multi-keyring needs a generator or a child".into(),
            ));
        }
        Ok(MultiKeyring {
            generator,
            children,
        })
    }
}

impl Keyring for MultiKeyring {
    fn on_encrypt(
        &self,
        materials: &mut EncryptionMaterials,
        rng: &mut dyn Entropy,
    ) -> Result<(), Error> {
        match &self.generator {
            Some(generator) => generator.on_encrypt(materials, rng)?,
            None if materials.data_key.is_none() => {
                return Err(Error::Keyring(
                    "a multi-keyring without a generator needs a data key".into(),
                ))
            }
            None => {}
        }
        for child in &self.children {
            child.on_encrypt(materials, rng)?;
        }
        Ok(())
    }

    fn on_decrypt(
        &self,
        materials: &mut DecryptionMaterials,
        edks: &[EncryptedDataKey],
    ) -> Result<(), Error> {
        let mut reasons = Vec::new();
        for keyring in self.generator.iter().chain(&self.children) {
            match keyring.on_decrypt(materials, edks) {
                Ok(()) => return Ok(()),
                Err(Error::NoKeyringCouldDecrypt(reason)) => reasons.push(reason),
                Err(other) => reasons.push(other.to_string()),
            }
        }
        Err(Error::NoKeyringCouldDecrypt(reasons.join("; ")))
    }
}
