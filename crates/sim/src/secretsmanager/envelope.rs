//! Sealing and opening secret values as Secrets Manager does: envelope
//! encryption under a data key that KMS generates (GenerateDataKey) and
//! later opens (Decrypt), as the caller through
//! `secretsmanager.<region>.amazonaws.com`, with the encryption context
//! `{"SecretARN": <arn>, "SecretVersionId": <version>}`
//! (<https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html>).
//!
//! KMS's own refusal comes back as AWS's AccessDeniedException "Access to
//! KMS is not allowed" (as AWS answers GetSecretValue); any other KMS
//! failure is EncryptionFailure on a write and DecryptionFailure on a read.

use crate::kms::{Operation, ViaService};
use crate::platform::aead::{self, NONCE_LEN};
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::secretsmanager::secret::Sealed;
use base64::Engine as _;
use rand_core::RngCore;
use serde_json::{json, Value};

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

fn context(arn: &str, version_id: &str) -> Value {
    json!({"SecretARN": arn, "SecretVersionId": version_id})
}

/// The additional authenticated data of the local cipher: the context.
fn aad(arn: &str, version_id: &str) -> Vec<u8> {
    format!("{arn}\n{version_id}").into_bytes()
}

fn kms_refused(e: Error, failure: fn(String) -> Error, words: &str) -> Error {
    match e {
        Error::AccessDeniedException(_) => {
            Error::AccessDeniedException("Access to KMS is not allowed".to_owned())
        }
        other => failure(format!(
            "Secrets Manager can't {words}: {} (Service: AWSKMS; Status Code: 400; Error Code: {})",
            other.message().unwrap_or_default(),
            other.code()
        )),
    }
}

/// Encrypts `value` under `key_id` for version `version_id` of the secret
/// `arn`.
pub fn seal(
    via: &mut ViaService<'_>,
    env: &Env<'_>,
    key_id: &str,
    arn: &str,
    version_id: &str,
    value: &[u8],
) -> Result<Sealed, Error> {
    let request = json!({
        "KeyId": key_id,
        "KeySpec": "AES_256",
        "EncryptionContext": context(arn, version_id),
    });
    let key = via
        .call(env, Operation::GenerateDataKey, &request)
        .map_err(|e| kms_refused(e, Error::EncryptionFailure, "encrypt the secret value"))?;
    let plain = b64()
        .decode(key["Plaintext"].as_str().unwrap_or_default())
        .unwrap_or_default();
    let data_key: [u8; 32] = plain.try_into().expect("an AES_256 data key");
    let mut nonce = [0; NONCE_LEN];
    env.rng().fill_bytes(&mut nonce);
    Ok(Sealed {
        data_key: key["CiphertextBlob"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        nonce: nonce.to_vec(),
        ciphertext: aead::seal(&data_key, &nonce, &aad(arn, version_id), value),
    })
}

/// Decrypts a stored value.
pub fn open(
    via: &mut ViaService<'_>,
    env: &Env<'_>,
    arn: &str,
    version_id: &str,
    sealed: &Sealed,
) -> Result<Vec<u8>, Error> {
    let request = json!({
        "CiphertextBlob": sealed.data_key,
        "EncryptionContext": context(arn, version_id),
    });
    let key = via
        .call(env, Operation::Decrypt, &request)
        .map_err(|e| kms_refused(e, Error::DecryptionFailure, "decrypt the secret value"))?;
    let data_key = b64()
        .decode(key["Plaintext"].as_str().unwrap_or_default())
        .unwrap_or_default();
    aead::open(
        &data_key,
        &sealed.nonce,
        &aad(arn, version_id),
        &sealed.ciphertext,
    )
    .ok_or_else(|| {
        Error::DecryptionFailure(
            "Secrets Manager can't decrypt the protected secret text using the provided KMS key."
                .to_owned(),
        )
    })
}
