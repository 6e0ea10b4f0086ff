//! The AWS Encryption SDK message format, byte-compatible with the official
//! SDKs (<https://github.com/awslabs/aws-encryption-sdk-specification>).
//!
//! - [`suite`]: the eleven ESDK algorithm suites and what each derives,
//!   encrypts and signs with.
//! - [`header`], [`body`], [`footer`]: the message's three parts, each read
//!   through [`wire::Reader`], which labels every byte range it consumes
//!   ([`annotate`] returns those labels for a whole message).
//! - [`keyring`]: raw AES, raw RSA, AWS KMS (through `keydeck-sim`) and the
//!   multi-keyring.
//! - [`Client`]: encrypt and decrypt under a commitment policy and a
//!   maximum number of encrypted data keys.
//!
//! Every decryption failure is an [`Error`] naming the check that failed.

pub mod aead;
pub mod annotate;
pub mod body;
pub mod cli;
pub mod client;
pub mod cmm;
pub mod context;
pub mod error;
pub mod footer;
pub mod header;
pub mod kdf;
pub mod keyring;
pub mod materials;
pub mod policy;
pub mod signing;
pub mod suite;
pub mod wire;

pub use annotate::{annotate, Span};
pub use client::{Client, Decrypted, EncryptRequest};
pub use context::EncryptionContext;
pub use error::Error;
pub use keyring::Keyring;
pub use materials::EncryptedDataKey;
pub use policy::CommitmentPolicy;
pub use suite::{Suite, SuiteId};
pub use wire::Field;

/// The random source encryption draws from: message IDs, data keys, IVs
/// and signing keys. Tests pass a seeded `rand_chacha::ChaCha20Rng`; the
/// CLI passes `rand_core::OsRng`.
pub trait Entropy: rand_core::RngCore + rand_core::CryptoRng {}

impl<T: rand_core::RngCore + rand_core::CryptoRng> Entropy for T {}
