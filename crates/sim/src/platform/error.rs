//! AWS exceptions as values: each variant is named after the exception AWS
//! returns, and carries the message AWS words for it.
//!
//! On the wire an error is `{"__type": "<name>", "message": "<text>"}`, as in
//! the AWS JSON 1.1 protocol. Some KMS exceptions carry no message at all
//! (InvalidCiphertextException, KMSInvalidSignatureException and
//! KMSInvalidMacException answer with a bare `__type`), so neither do ours.
//!
//! EC2's error codes have dots in them (`InvalidSnapshot.NotFound`); such a
//! variant names its code after `=`, and its JSON `__type` is that code.

use serde::ser::{Serialize, SerializeMap, Serializer};
use std::fmt;

/// An exception's code: its variant's name, or the spelling given for it.
macro_rules! code {
    ($name:ident) => {
        stringify!($name)
    };
    ($name:ident, $code:literal) => {
        $code
    };
}

/// Declares [`Error`] from the exception names, each written once: those
/// that carry a message, then those AWS sends bare.
macro_rules! exceptions {
    (
        with_message { $($(#[$mdoc:meta])* $named:ident $(= $code:literal)?),+ $(,)? }
        bare { $($(#[$bdoc:meta])* $bare:ident),+ $(,)? }
    ) => {
        /// An AWS exception, named exactly as AWS names it.
        #[allow(clippy::enum_variant_names)]
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Error {
            $($(#[$mdoc])* $named(String),)+
            $($(#[$bdoc])* $bare,)+
        }

        impl Error {
            /// The exception name, as it appears in `__type` and in botocore's
            /// `e.response['Error']['Code']`.
            pub fn code(&self) -> &'static str {
                match self {
                    $(Error::$named(_) => code!($named $(, $code)?),)+
                    $(Error::$bare => stringify!($bare),)+
                }
            }

            /// The message AWS sends, or `None` for the exceptions that carry none.
            pub fn message(&self) -> Option<&str> {
                match self {
                    $(Error::$named(m) => Some(m),)+
                    $(Error::$bare => None,)+
                }
            }
        }
    };
}

exceptions! {
    with_message {
        AccessDeniedException,
        AlreadyExistsException,
        DecryptionFailure,
        DisabledException,
        /// EC2's answer to a request with `DryRun` that would have succeeded.
        DryRunOperation,
        DryRunOperationException,
        EncryptionFailure,
        ExpiredImportTokenException,
        HierarchyLevelLimitExceededException,
        IncompatiblePolicyException,
        IncorrectKeyException,
        IncorrectState,
        IncorrectKeyMaterialException,
        /// EC2's answer to an Action it does not know.
        InvalidAction,
        InvalidAliasNameException,
        InvalidAllowedPatternException,
        InvalidArnException,
        InvalidGrantIdException,
        InvalidGrantTokenException,
        InvalidImportTokenException,
        InvalidKeyUsageException,
        InvalidMarkerException,
        InvalidNextTokenException,
        InvalidParameterException,
        InvalidPolicyAttributeException,
        InvalidPolicyTypeException,
        InvalidNextToken,
        InvalidRequestException,
        KMSInternalException,
        InvalidPaginationToken,
        InvalidParameter,
        InvalidParameterCombination,
        InvalidParameterDependency,
        InvalidParameterValue,
        InvalidSnapshotIdMalformed = "InvalidSnapshotID.Malformed",
        InvalidSnapshotNotFound = "InvalidSnapshot.NotFound",
        InvalidUserIdMalformed = "InvalidUserID.Malformed",
        InvalidVolumeIdMalformed = "InvalidVolumeID.Malformed",
        InvalidVolumeNotFound = "InvalidVolume.NotFound",
        InvalidZoneNotFound = "InvalidZone.NotFound",
        KMSInvalidStateException,
        LimitExceededException,
        MalformedPolicyDocumentException,
        MissingParameter,
        NotFoundException,
        OperationNotPermitted,
        ParameterAlreadyExists,
        ParameterLimitExceeded,
        ParameterMaxVersionLimitExceeded,
        ParameterPatternMismatchException,
        ParameterVersionLabelLimitExceeded,
        ParameterVersionNotFound,
        PreconditionNotMetException,
        PublicPolicyException,
        ResourceExistsException,
        ResourceNotFoundException,
        SerializationException,
        ServiceUnavailable,
        TagException,
        UnauthorizedOperation,
        UnsupportedOperationException,
        ValidationException,
    }
    bare {
        /// AWS sends this one without a message.
        InvalidCiphertextException,
        /// AWS sends this one without a message.
        KMSInvalidMacException,
        /// AWS sends this one without a message.
        KMSInvalidSignatureException,
        /// Systems Manager sends this one with an empty message (as recorded
        /// in aws-solutions/aws-control-tower-customizations#68 and
        /// vandium-io/aws-param-store#8).
        ParameterNotFound,
        /// The JSON 1.1 answer to an `X-Amz-Target` the service does not know.
        UnknownOperationException,
    }
}

/// `<name>: <message>`, or the name alone for an exception without one.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.message() {
            Some(m) => write!(f, "{}: {m}", self.code()),
            None => f.write_str(self.code()),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
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
    fn ec2_codes_keep_their_dots() {
        let e = Error::InvalidSnapshotNotFound("The snapshot 'snap-1' does not exist.".into());
        assert_eq!(e.code(), "InvalidSnapshot.NotFound");
        assert_eq!(e.to_json()["__type"], "InvalidSnapshot.NotFound");
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
