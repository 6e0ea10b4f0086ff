//! Whether a key's state and usage allow an operation, with AWS's wording
//! for each refusal.

use crate::kms::model::keys::{Key, KeyState, KeyUsage};
use crate::platform::error::Error;

/// The error for a key whose state forbids an operation, worded as AWS
/// words it (`<arn> is disabled.`, `<arn> is pending deletion.`).
pub fn state_error(key: &Key) -> Error {
    let arn = key.arn();
    match key.state {
        KeyState::Disabled => Error::DisabledException(format!("{arn} is disabled.")),
        KeyState::PendingDeletion => {
            Error::KMSInvalidStateException(format!("{arn} is pending deletion."))
        }
        KeyState::PendingImport => {
            Error::KMSInvalidStateException(format!("{arn} is pending import."))
        }
        KeyState::PendingReplicaDeletion => {
            Error::KMSInvalidStateException(format!("{arn} is pending replica deletion."))
        }
        other => Error::KMSInvalidStateException(format!(
            "{arn} is {}.",
            other.as_str().to_ascii_lowercase()
        )),
    }
}

/// Cryptographic operations need an `Enabled` key.
pub fn require_enabled(key: &Key) -> Result<(), Error> {
    if key.state == KeyState::Enabled {
        Ok(())
    } else {
        Err(state_error(key))
    }
}

/// Management operations work on any key not scheduled for deletion.
pub fn require_not_pending_deletion(key: &Key) -> Result<(), Error> {
    match key.state {
        KeyState::PendingDeletion | KeyState::PendingReplicaDeletion => Err(state_error(key)),
        _ => Ok(()),
    }
}

/// `<arn> key usage is SIGN_VERIFY which is not valid for Encrypt.`
pub fn require_usage(key: &Key, usage: KeyUsage, operation: &str) -> Result<(), Error> {
    if key.usage == usage {
        Ok(())
    } else {
        Err(Error::InvalidKeyUsageException(format!(
            "{} key usage is {} which is not valid for {operation}.",
            key.arn(),
            key.usage
        )))
    }
}

/// Operations reserved for symmetric encryption keys.
pub fn require_symmetric(key: &Key, operation: &str) -> Result<(), Error> {
    if key.is_symmetric() {
        return Ok(());
    }
    require_usage(key, KeyUsage::EncryptDecrypt, operation)?;
    Err(Error::InvalidKeyUsageException(format!(
        "{} key spec is {} which is not valid for {operation}.",
        key.arn(),
        key.spec
    )))
}
