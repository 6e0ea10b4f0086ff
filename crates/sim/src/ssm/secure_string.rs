//! SecureString values, sealed and opened by KMS as the caller through
//! Parameter Store, with the encryption context `PARAMETER_ARN`
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/services-parameter-store.html>).

use crate::kms::{Operation, ViaService};
use crate::platform::env::Env;
use crate::platform::error::Error;
use base64::Engine as _;
use serde_json::{json, Value};

/// The KMS key a SecureString uses when the request names none.
pub const DEFAULT_KEY: &str = "alias/aws/ssm";

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

/// Encrypts `value` under `key_id`; the stored value is the ciphertext in
/// base64, which is also what a read without decryption returns.
pub fn seal(
    via: &mut ViaService<'_>,
    env: &Env<'_>,
    key_id: &str,
    arn: &str,
    value: &str,
) -> Result<String, Error> {
    let request = json!({
        "KeyId": key_id,
        "Plaintext": b64().encode(value.as_bytes()),
        "EncryptionContext": {"PARAMETER_ARN": arn},
    });
    let sealed = via.call(env, Operation::Encrypt, &request)?;
    Ok(text(&sealed["CiphertextBlob"]))
}

/// Decrypts a stored SecureString value.
pub fn open(
    via: &mut ViaService<'_>,
    env: &Env<'_>,
    arn: &str,
    sealed: &str,
) -> Result<String, Error> {
    let request = json!({
        "CiphertextBlob": sealed,
        "EncryptionContext": {"PARAMETER_ARN": arn},
    });
    let opened = via.call(env, Operation::Decrypt, &request)?;
    let bytes = b64().decode(text(&opened["Plaintext"])).unwrap_or_default();
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}
