//! Every way encrypting or decrypting a message can fail. A decryption
//! failure names the check that refused the message.

use crate::wire::Field;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The message ended inside a field.
    #[error(
        "truncated message: {field} needs {needed} bytes at offset {offset}, {available} remain"
    )]
    Truncated {
        field: Field,
        offset: usize,
        needed: usize,
        available: usize,
    },
    #[error("unsupported message format version 0x{0:02x}")]
    UnsupportedVersion(u8),
    #[error("unsupported message type 0x{0:02x} (version 1 messages have type 0x80)")]
    UnsupportedType(u8),
    #[error("unsupported algorithm suite 0x{0:04x}")]
    UnsupportedSuite(u16),
    #[error(
        "algorithm suite 0x{suite:04x} belongs to message format version {expected}, not {found}"
    )]
    SuiteVersionMismatch { suite: u16, expected: u8, found: u8 },
    #[error("unsupported content type 0x{0:02x}")]
    UnsupportedContentType(u8),
    #[error("reserved field is not 00 00 00 00")]
    ReservedNotZero,
    #[error("IV length {found} does not match the algorithm suite's {expected}")]
    IvLengthMismatch { expected: u8, found: u8 },
    #[error("frame length {frame_length} does not fit content type {content_type}")]
    FrameLengthInvalid { frame_length: u32, content_type: u8 },
    #[error("malformed encryption context: {0}")]
    MalformedContext(String),
    #[error("malformed encrypted data key: {0}")]
    MalformedDataKey(String),
    #[error("the message has no encrypted data keys")]
    NoEncryptedDataKeys,
    #[error("{count} encrypted data keys exceed the maximum of {max}")]
    TooManyEncryptedDataKeys { count: usize, max: u16 },
    #[error("commitment policy {policy} forbids encrypting with algorithm suite 0x{suite:04x}")]
    CommitmentPolicyEncrypt { policy: &'static str, suite: u16 },
    #[error("commitment policy {policy} forbids decrypting a message with algorithm suite 0x{suite:04x}, which does not commit to its key")]
    CommitmentPolicyDecrypt { policy: &'static str, suite: u16 },
    #[error("the encryption context may not use the reserved key aws-crypto-public-key")]
    ReservedContextKey,
    #[error(
        "algorithm suite 0x{0:04x} signs, but the encryption context has no aws-crypto-public-key"
    )]
    MissingPublicKey(u16),
    #[error("algorithm suite 0x{0:04x} does not sign, but the encryption context has aws-crypto-public-key")]
    UnexpectedPublicKey(u16),
    #[error("aws-crypto-public-key is not a compressed point on the suite's curve")]
    BadPublicKey,
    #[error("no keyring could decrypt a data key: {0}")]
    NoKeyringCouldDecrypt(String),
    #[error("keyring failed: {0}")]
    Keyring(String),
    #[error("commitment key mismatch: the data key does not commit to this message")]
    CommitmentKeyMismatch,
    #[error("header authentication tag does not verify")]
    HeaderTag,
    #[error("encryption context lacks the required entry {key}={value}")]
    ContextMismatch { key: String, value: String },
    #[error("frame sequence number {found} is out of order (expected {expected})")]
    SequenceOutOfOrder { expected: u32, found: u32 },
    #[error("final frame content length {found} exceeds the frame length {frame_length}")]
    FinalFrameTooLong { found: u32, frame_length: u32 },
    #[error("frame {0} authentication tag does not verify")]
    FrameTag(u32),
    #[error("non-framed body content length {0} exceeds 2^36 - 32")]
    BodyTooLong(u64),
    #[error("body authentication tag does not verify")]
    BodyTag,
    #[error("signature does not verify")]
    BadSignature,
    #[error("{0} bytes follow the end of the message")]
    TrailingBytes(usize),
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
}
