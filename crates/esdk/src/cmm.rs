//! The default cryptographic materials manager (specification:
//! `framework/default-cmm.md`): a signing key and its
//! `aws-crypto-public-key` entry for signing suites, around a keyring.

use crate::context::{EncryptionContext, PUBLIC_KEY};
use crate::error::Error;
use crate::header::Header;
use crate::keyring::Keyring;
use crate::materials::{DecryptionMaterials, EncryptionMaterials};
use crate::signing::{SigningKey, VerifyingKey};
use crate::suite::Suite;
use crate::Entropy;

pub fn encryption_materials(
    keyring: &dyn Keyring,
    context: &EncryptionContext,
    suite: &'static Suite,
    rng: &mut dyn Entropy,
) -> Result<EncryptionMaterials, Error> {
    if context.get(PUBLIC_KEY).is_some() {
        return Err(Error::ReservedContextKey);
    }
    let mut context = context.clone();
    let signing_key = suite.signature.map(|curve| {
        let key = SigningKey::generate(curve, rng);
        context
            .0
            .insert(PUBLIC_KEY.to_owned(), key.public_key_base64());
        key
    });
    let mut materials = EncryptionMaterials {
        suite,
        context,
        data_key: None,
        encrypted_data_keys: Vec::new(),
        signing_key,
    };
    keyring.on_encrypt(&mut materials, rng)?;
    match &materials.data_key {
        Some(key) if key.len() == suite.key_len && !materials.encrypted_data_keys.is_empty() => {
            Ok(materials)
        }
        _ => Err(Error::Keyring(
            "the keyring left no data key of the suite's length, or no encrypted data key".into(),
        )),
    }
}

pub fn decryption_materials(
    keyring: &dyn Keyring,
    header: &Header,
) -> Result<DecryptionMaterials, Error> {
    let suite = header.suite;
    let public_key = header.context.get(PUBLIC_KEY);
    let verifying_key = match (suite.signature, public_key) {
        (Some(curve), Some(value)) => Some(VerifyingKey::from_base64(curve, value)?),
        (Some(_), None) => return Err(Error::MissingPublicKey(suite.id)),
        (None, Some(_)) => return Err(Error::UnexpectedPublicKey(suite.id)),
        (None, None) => None,
    };
    let mut materials = DecryptionMaterials {
        suite,
        context: header.context.clone(),
        data_key: None,
        verifying_key,
    };
    keyring.on_decrypt(&mut materials, &header.encrypted_data_keys)?;
    if materials.data_key.is_none() {
        return Err(Error::NoKeyringCouldDecrypt(
            "the keyring set no data key".into(),
        ));
    }
    Ok(materials)
}
