//! EBS encryption through KMS, as the caller, through
//! `ec2.<region>.amazonaws.com` (`kms:ViaService`), with the encryption
//! context `{"aws:ebs:id": <volume or snapshot ID>}`
//! (<https://docs.aws.amazon.com/ebs/latest/userguide/how-ebs-encryption-works.html>,
//! <https://docs.aws.amazon.com/kms/latest/developerguide/services-ebs.html>).
//!
//! - A new encrypted volume: DescribeKey, GenerateDataKeyWithoutPlaintext
//!   and CreateGrant on its key.
//! - A copy of an encrypted snapshot, or a volume made from one: under the
//!   same key, ReEncrypt of the data key to the new ID's context and
//!   CreateGrant; under another key, Decrypt of the source's data key
//!   (in the source's Region) and then a new data key and grant under the
//!   destination key.
//!
//! No plaintext data key is kept: the simulated volumes hold no data.

use crate::ec2::resources::Encryption;
use crate::kms::{Operation, ViaService};
use crate::platform::account::Region;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::principal::Caller;
use serde_json::{json, Value};

/// The key EBS uses when a request asks for encryption and names none.
pub const DEFAULT_KEY: &str = "alias/aws/ebs";

fn context(id: &str) -> Value {
    json!({"aws:ebs:id": id})
}

/// The key's ARN and whether it is an AWS managed key, from DescribeKey.
pub fn describe(
    via: &mut ViaService<'_>,
    env: &Env<'_>,
    key_id: &str,
) -> Result<(String, bool), Error> {
    let out = via.call(env, Operation::DescribeKey, &json!({"KeyId": key_id}))?;
    let meta = &out["KeyMetadata"];
    let arn = meta["Arn"].as_str().unwrap_or_default().to_owned();
    Ok((arn, meta["KeyManager"] == "AWS"))
}

/// The grant EBS keeps on the key for the volume or snapshot `id`.
fn grant(via: &mut ViaService<'_>, env: &Env<'_>, key_arn: &str, id: &str) -> Result<(), Error> {
    let request = json!({
        "KeyId": key_arn,
        "GranteePrincipal": format!("ec2.{}.amazonaws.com", env.caller.region),
        "Operations": ["Decrypt", "ReEncryptFrom", "ReEncryptTo"],
        "Constraints": {"EncryptionContextSubset": context(id)},
    });
    via.call(env, Operation::CreateGrant, &request).map(|_| ())
}

/// A fresh data key under `key_id` for the new volume or snapshot `id`.
pub fn seal(
    via: &mut ViaService<'_>,
    env: &Env<'_>,
    key_id: &str,
    id: &str,
) -> Result<Encryption, Error> {
    let (key_arn, _) = describe(via, env, key_id)?;
    let request = json!({"KeyId": key_arn, "KeySpec": "AES_256", "EncryptionContext": context(id)});
    let out = via.call(env, Operation::GenerateDataKeyWithoutPlaintext, &request)?;
    let data_key = out["CiphertextBlob"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    grant(via, env, &key_arn, id)?;
    Ok(Encryption {
        key_arn,
        data_key,
        bound_to: id.to_owned(),
    })
}

/// What a new volume or snapshot is made from: an encrypted snapshot in
/// `region`.
pub struct Source<'s> {
    pub region: &'s Region,
    pub encryption: &'s Encryption,
}

/// The encryption of `id`, made from `source`, under `key_id` (the
/// source's own key when `None`).
pub fn rewrap(
    via: &mut ViaService<'_>,
    env: &Env<'_>,
    source: &Source<'_>,
    key_id: Option<&str>,
    id: &str,
) -> Result<Encryption, Error> {
    let key_id = key_id.unwrap_or(&source.encryption.key_arn);
    let (key_arn, _) = describe(via, env, key_id)?;
    if key_arn == source.encryption.key_arn {
        let request = json!({
            "CiphertextBlob": source.encryption.data_key,
            "SourceEncryptionContext": context(&source.encryption.bound_to),
            "DestinationKeyId": key_arn,
            "DestinationEncryptionContext": context(id),
        });
        let out = via.call(env, Operation::ReEncrypt, &request)?;
        let data_key = out["CiphertextBlob"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        grant(via, env, &key_arn, id)?;
        return Ok(Encryption {
            key_arn,
            data_key,
            bound_to: id.to_owned(),
        });
    }
    // The source's data key is opened where the source is.
    let there = Caller {
        region: source.region.clone(),
        ..env.caller.clone()
    };
    let request = json!({
        "CiphertextBlob": source.encryption.data_key,
        "EncryptionContext": context(&source.encryption.bound_to),
        "KeyId": source.encryption.key_arn,
    });
    via.call(&env.as_caller(&there), Operation::Decrypt, &request)?;
    seal(via, env, &key_arn, id)
}
