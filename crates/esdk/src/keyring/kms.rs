//! The AWS KMS keyring and its multi-Region-aware form (specification:
//! `framework/aws-kms/aws-kms-keyring.md`, `aws-kms-mrk-keyring.md` and
//! `aws-kms-mrk-match-for-decrypt.md`): KMS generates, encrypts and
//! decrypts the data key; the encrypted data key's provider info is the
//! KMS key ARN.

use std::cell::RefCell;
use std::rc::Rc;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use keydeck_sim::{Caller, Simulator};
use serde_json::{json, Map, Value};

use crate::context::EncryptionContext;
use crate::error::Error;
use crate::materials::{DecryptionMaterials, EncryptedDataKey, EncryptionMaterials};
use crate::Entropy;

use super::Keyring;

/// The key provider ID of KMS encrypted data keys.
pub const PROVIDER_ID: &str = "aws-kms";

/// A KMS endpoint: the JSON request and response bodies of KMS's API.
pub trait KmsClient {
    fn call(&self, operation: &str, request: Value) -> Result<Value, String>;
}

/// KMS as `keydeck-sim` simulates it, called as one principal in one
/// Region.
pub struct SimulatorKms {
    sim: Rc<RefCell<Simulator>>,
    caller: Caller,
}

impl SimulatorKms {
    pub fn new(sim: Rc<RefCell<Simulator>>, caller: Caller) -> SimulatorKms {
        SimulatorKms { sim, caller }
    }
}

impl KmsClient for SimulatorKms {
    fn call(&self, operation: &str, request: Value) -> Result<Value, String> {
        self.sim
            .borrow_mut()
            .call("kms", operation, request, &self.caller)
            .map_err(|e| e.to_json().to_string())
    }
}

/// The parts of a KMS key ARN, `arn:partition:kms:region:account:key/id`.
#[derive(Debug, PartialEq, Eq)]
struct KeyArn<'a> {
    partition: &'a str,
    region: &'a str,
    account: &'a str,
    resource_type: &'a str,
    resource: &'a str,
}

fn parse_arn(arn: &str) -> Option<KeyArn<'_>> {
    let mut parts = arn.splitn(6, ':');
    let (prefix, partition, service, region, account, resource) = (
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    );
    let (resource_type, resource) = resource.split_once('/')?;
    let valid = prefix == "arn"
        && service == "kms"
        && ![partition, region, account, resource].contains(&"")
        && (resource_type == "key" || resource_type == "alias");
    valid.then_some(KeyArn {
        partition,
        region,
        account,
        resource_type,
        resource,
    })
}

fn is_multi_region(id: &str) -> bool {
    match parse_arn(id) {
        Some(arn) => arn.resource_type == "key" && arn.resource.starts_with("mrk-"),
        None => id.starts_with("mrk-"),
    }
}

/// AWS KMS MRK Match for Decrypt: identical identifiers, or two
/// multi-Region key ARNs equal but for their Region.
pub fn mrk_match(configured: &str, stored: &str) -> bool {
    if configured == stored {
        return true;
    }
    if !is_multi_region(configured) || !is_multi_region(stored) {
        return false;
    }
    match (parse_arn(configured), parse_arn(stored)) {
        (Some(a), Some(b)) => KeyArn { region: "", ..a } == KeyArn { region: "", ..b },
        _ => false,
    }
}

/// A keyring for one KMS key; `'a` lets its client borrow the endpoint it
/// calls (a lab's simulator).
pub struct KmsKeyring<'a> {
    client: Box<dyn KmsClient + 'a>,
    key_id: String,
    mrk_aware: bool,
}

impl<'a> KmsKeyring<'a> {
    /// A keyring for one KMS key: it decrypts only encrypted data keys
    /// whose ARN is exactly `key_id`.
    pub fn new(client: Box<dyn KmsClient + 'a>, key_id: &str) -> KmsKeyring<'a> {
        KmsKeyring {
            client,
            key_id: key_id.to_owned(),
            mrk_aware: false,
        }
    }

    /// A multi-Region-aware keyring: it also decrypts encrypted data keys
    /// made under a related multi-Region key in another Region, calling
    /// `key_id` (the replica in the client's own Region).
    pub fn mrk_aware(client: Box<dyn KmsClient + 'a>, key_id: &str) -> KmsKeyring<'a> {
        KmsKeyring {
            mrk_aware: true,
            ..KmsKeyring::new(client, key_id)
        }
    }

    fn matches(&self, stored: &str) -> bool {
        if self.mrk_aware {
            mrk_match(&self.key_id, stored)
        } else {
            self.key_id == stored
        }
    }

    fn decrypt_one(
        &self,
        materials: &DecryptionMaterials,
        edk: &EncryptedDataKey,
    ) -> Result<Vec<u8>, String> {
        let out = self.client.call(
            "Decrypt",
            json!({
                "KeyId": self.key_id,
                "CiphertextBlob": STANDARD.encode(&edk.ciphertext),
                "EncryptionContext": context_json(&materials.context),
            }),
        )?;
        if out["KeyId"] != self.key_id.as_str() {
            return Err(format!(
                "Decrypt answered for {}, not {}",
                out["KeyId"], self.key_id
            ));
        }
        let key = blob(&out, "Plaintext")?;
        if key.len() != materials.suite.key_len {
            return Err(format!("Decrypt returned a {}-byte data key", key.len()));
        }
        Ok(key)
    }
}

fn context_json(context: &EncryptionContext) -> Value {
    Value::Object(
        context
            .iter()
            .map(|(k, v)| (k.to_owned(), Value::String(v.to_owned())))
            .collect::<Map<_, _>>(),
    )
}

fn blob(out: &Value, member: &str) -> Result<Vec<u8>, String> {
    out[member]
        .as_str()
        .and_then(|s| STANDARD.decode(s).ok())
        .ok_or_else(|| format!("KMS answered without {member}"))
}

/// The response's `KeyId`, which must be a key ARN.
fn key_arn(out: &Value) -> Result<String, Error> {
    match out["KeyId"].as_str() {
        Some(arn) if parse_arn(arn).is_some_and(|a| a.resource_type == "key") => Ok(arn.to_owned()),
        _ => Err(Error::Keyring(format!(
            "KMS answered with KeyId {}, not a key ARN",
            out["KeyId"]
        ))),
    }
}

impl Keyring for KmsKeyring<'_> {
    fn on_encrypt(
        &self,
        materials: &mut EncryptionMaterials,
        _rng: &mut dyn Entropy,
    ) -> Result<(), Error> {
        let context = context_json(&materials.context);
        let (out, ciphertext) = match &materials.data_key {
            None => {
                let out = self
                    .client
                    .call(
                        "GenerateDataKey",
                        json!({"KeyId": self.key_id, "NumberOfBytes": materials.suite.key_len, "EncryptionContext": context}),
                    )
                    .map_err(Error::Keyring)?;
                let key = blob(&out, "Plaintext").map_err(Error::Keyring)?;
                if key.len() != materials.suite.key_len {
                    return Err(Error::Keyring(format!(
                        "GenerateDataKey returned a {}-byte key",
                        key.len()
                    )));
                }
                let ciphertext = blob(&out, "CiphertextBlob").map_err(Error::Keyring)?;
                let arn = key_arn(&out)?;
                materials.data_key = Some(key);
                (arn, ciphertext)
            }
            Some(key) => {
                let out = self
                    .client
                    .call(
                        "Encrypt",
                        json!({"KeyId": self.key_id, "Plaintext": STANDARD.encode(key), "EncryptionContext": context}),
                    )
                    .map_err(Error::Keyring)?;
                (
                    key_arn(&out)?,
                    blob(&out, "CiphertextBlob").map_err(Error::Keyring)?,
                )
            }
        };
        materials.encrypted_data_keys.push(EncryptedDataKey {
            provider_id: PROVIDER_ID.to_owned(),
            provider_info: out.into_bytes(),
            ciphertext,
        });
        Ok(())
    }

    fn on_decrypt(
        &self,
        materials: &mut DecryptionMaterials,
        edks: &[EncryptedDataKey],
    ) -> Result<(), Error> {
        let mut errors = Vec::new();
        for edk in edks.iter().filter(|e| e.provider_id == PROVIDER_ID) {
            let Ok(stored) = std::str::from_utf8(&edk.provider_info) else {
                continue;
            };
            let is_key_arn = parse_arn(stored).is_some_and(|a| a.resource_type == "key");
            if !(is_key_arn && self.matches(stored)) {
                continue;
            }
            match self.decrypt_one(materials, edk) {
                Ok(key) => {
                    materials.data_key = Some(key);
                    return Ok(());
                }
                Err(e) => errors.push(e),
            }
        }
        Err(Error::NoKeyringCouldDecrypt(format!(
            "KMS keyring {}: {}",
            self.key_id,
            if errors.is_empty() {
                "no encrypted data key names this key".to_owned()
            } else {
                errors.join("; ")
            }
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::mrk_match;

    const EAST: &str =
        "arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab";
    const WEST: &str =
        "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab";

    #[test]
    fn multi_region_keys_match_across_regions_only() {
        assert!(mrk_match(EAST, EAST));
        assert!(mrk_match(WEST, EAST));
        let other_account = EAST.replace("111122223333", "444455556666");
        assert!(!mrk_match(&other_account, EAST));
        let single = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        let single_west = single.replace("us-east-1", "eu-west-1");
        assert!(!mrk_match(single, &single_west));
        assert!(!mrk_match("alias/mrk-x", EAST));
    }
}
