//! AWS exceptions as values: each variant is named after the exception AWS
//! returns, and carries the message AWS words for it.
//!
//! On the wire an error is `{"__type": "<name>", "message": "<text>"}`, as in
//! the AWS JSON 1.1 protocol. Some KMS exceptions carry no message at all
//! (InvalidCiphertextException, KMSInvalidSignatureException and
//! KMSInvalidMacException answer with a bare `__type`), so neither do ours.

use serde::ser::{Serialize, SerializeMap, Serializer};

/// An AWS exception, named exactly as AWS names it.
#[allow(clippy::enum_variant_names)]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("AccessDeniedException: {0}")]
    AccessDeniedException(String),
    #[error("AlreadyExistsException: {0}")]
    AlreadyExistsException(String),
    #[error("DisabledException: {0}")]
    DisabledException(String),
    #[error("DryRunOperationException: {0}")]
    DryRunOperationException(String),
    #[error("ExpiredImportTokenException: {0}")]
    ExpiredImportTokenException(String),
    #[error("IncorrectKeyException: {0}")]
    IncorrectKeyException(String),
    #[error("IncorrectKeyMaterialException: {0}")]
    IncorrectKeyMaterialException(String),
    #[error("InvalidAliasNameException: {0}")]
    InvalidAliasNameException(String),
    #[error("InvalidArnException: {0}")]
    InvalidArnException(String),
    /// AWS sends this one without a message.
    #[error("InvalidCiphertextException")]
    InvalidCiphertextException,
    #[error("InvalidGrantIdException: {0}")]
    InvalidGrantIdException(String),
    #[error("InvalidGrantTokenException: {0}")]
    InvalidGrantTokenException(String),
    #[error("InvalidImportTokenException: {0}")]
    InvalidImportTokenException(String),
    #[error("InvalidKeyUsageException: {0}")]
    InvalidKeyUsageException(String),
    #[error("InvalidMarkerException: {0}")]
    InvalidMarkerException(String),
    #[error("KMSInvalidStateException: {0}")]
    KMSInvalidStateException(String),
    /// AWS sends this one without a message.
    #[error("KMSInvalidMacException")]
    KMSInvalidMacException,
    /// AWS sends this one without a message.
    #[error("KMSInvalidSignatureException")]
    KMSInvalidSignatureException,
    #[error("LimitExceededException: {0}")]
    LimitExceededException(String),
    #[error("MalformedPolicyDocumentException: {0}")]
    MalformedPolicyDocumentException(String),
    #[error("NotFoundException: {0}")]
    NotFoundException(String),
    #[error("SerializationException: {0}")]
    SerializationException(String),
    #[error("TagException: {0}")]
    TagException(String),
    /// The JSON 1.1 answer to an `X-Amz-Target` the service does not know.
    #[error("UnknownOperationException")]
    UnknownOperationException,
    #[error("UnsupportedOperationException: {0}")]
    UnsupportedOperationException(String),
    #[error("ValidationException: {0}")]
    ValidationException(String),
}

impl Error {
    /// The exception name, as it appears in `__type` and in botocore's
    /// `e.response['Error']['Code']`.
    pub fn code(&self) -> &'static str {
        use Error::*;
        match self {
            AccessDeniedException(_) => "AccessDeniedException",
            AlreadyExistsException(_) => "AlreadyExistsException",
            DisabledException(_) => "DisabledException",
            DryRunOperationException(_) => "DryRunOperationException",
            ExpiredImportTokenException(_) => "ExpiredImportTokenException",
            IncorrectKeyException(_) => "IncorrectKeyException",
            IncorrectKeyMaterialException(_) => "IncorrectKeyMaterialException",
            InvalidAliasNameException(_) => "InvalidAliasNameException",
            InvalidArnException(_) => "InvalidArnException",
            InvalidCiphertextException => "InvalidCiphertextException",
            InvalidGrantIdException(_) => "InvalidGrantIdException",
            InvalidGrantTokenException(_) => "InvalidGrantTokenException",
            InvalidImportTokenException(_) => "InvalidImportTokenException",
            InvalidKeyUsageException(_) => "InvalidKeyUsageException",
            InvalidMarkerException(_) => "InvalidMarkerException",
            KMSInvalidStateException(_) => "KMSInvalidStateException",
            KMSInvalidMacException => "KMSInvalidMacException",
            KMSInvalidSignatureException => "KMSInvalidSignatureException",
            LimitExceededException(_) => "LimitExceededException",
            MalformedPolicyDocumentException(_) => "MalformedPolicyDocumentException",
            NotFoundException(_) => "NotFoundException",
            SerializationException(_) => "SerializationException",
            TagException(_) => "TagException",
            UnknownOperationException => "UnknownOperationException",
            UnsupportedOperationException(_) => "UnsupportedOperationException",
            ValidationException(_) => "ValidationException",
        }
    }

    /// The message AWS sends, or `None` for the exceptions that carry none.
    pub fn message(&self) -> Option<&str> {
        use Error::*;
        match self {
            InvalidCiphertextException
            | KMSInvalidMacException
            | KMSInvalidSignatureException
            | UnknownOperationException => None,
            AccessDeniedException(m)
            | AlreadyExistsException(m)
            | DisabledException(m)
            | DryRunOperationException(m)
            | ExpiredImportTokenException(m)
            | IncorrectKeyException(m)
            | IncorrectKeyMaterialException(m)
            | InvalidAliasNameException(m)
            | InvalidArnException(m)
            | InvalidGrantIdException(m)
            | InvalidGrantTokenException(m)
            | InvalidImportTokenException(m)
            | InvalidKeyUsageException(m)
            | InvalidMarkerException(m)
            | KMSInvalidStateException(m)
            | LimitExceededException(m)
            | MalformedPolicyDocumentException(m)
            | NotFoundException(m)
            | SerializationException(m)
            | TagException(m)
            | UnsupportedOperationException(m)
            | ValidationException(m) => Some(m),
        }
    }

    /// The JSON 1.1 error body: `{"__type": …, "message": …}`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// AWS's validation form: `1 validation error detected: <a>` or
    /// `2 validation errors detected: <a>; <b>`.
    pub fn validation(problems: &[String]) -> Error {
        let n = problems.len();
        let noun = if n == 1 { "error" } else { "errors" };
        Error::ValidationException(format!(
            "{n} validation {noun} detected: {}",
            problems.join("; ")
        ))
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let message = self.message();
        let mut map = serializer.serialize_map(Some(1 + usize::from(message.is_some())))?;
        map.serialize_entry("__type", self.code())?;
        if let Some(message) = message {
            map.serialize_entry("message", message)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_serialize_as_json_1_1_bodies() {
        let e = Error::DisabledException(
            "arn:aws:kms:us-east-1:111122223333:key/k is disabled.".into(),
        );
        assert_eq!(
            e.to_json(),
            serde_json::json!({"__type": "DisabledException", "message": "arn:aws:kms:us-east-1:111122223333:key/k is disabled."})
        );
        assert_eq!(
            Error::InvalidCiphertextException.to_json(),
            serde_json::json!({"__type": "InvalidCiphertextException"})
        );
    }

    #[test]
    fn validation_messages_count_their_problems() {
        let one = Error::validation(&["Value at 'plaintext' failed".into()]);
        assert_eq!(
            one.message(),
            Some("1 validation error detected: Value at 'plaintext' failed")
        );
        let two = Error::validation(&["a".into(), "b".into()]);
        assert_eq!(two.message(), Some("2 validation errors detected: a; b"));
    }
}
