//! The AWS Encryption SDK in the lab: `aws-encryption-cli` over the
//! session's simulated KMS, `keydeck-esdk-flip` to change one byte of a
//! message, and the byte viewer's [`Inspection`] of a file. The browser's
//! labs worker fetches all of it, with `keydeck-esdk`, as the `esdk` chunk
//! the first time a line or the viewer needs it (see
//! [`keydeck_sim::platform::lazy`]).

mod cli;
mod flip;
mod inspect;
mod kms;
mod metadata;

use keydeck_lab_protocol::Inspection;
use keydeck_sim::platform::lazy::lazy_slot;

use crate::io::{CommandOutput, Vfs};
use crate::shell::Env;

/// The commands [`Esdk::run`] answers.
pub const NAMES: &[&str] = &["aws-encryption-cli", "keydeck-esdk-flip"];

/// `aws-encryption-cli`'s options, for completion.
pub const CLI_OPTIONS: &[&str] = &[
    "--algorithm",
    "--commitment-policy",
    "--decode",
    "--decrypt",
    "--decrypt-unsigned",
    "--encode",
    "--encrypt",
    "--encryption-context",
    "--frame-length",
    "--help",
    "--input",
    "--max-encrypted-data-keys",
    "--metadata-output",
    "--output",
    "--overwrite-metadata",
    "--suffix",
    "--suppress-metadata",
    "--version",
    "--wrapping-keys",
];

/// The values of `--commitment-policy`.
pub const COMMITMENT_POLICIES: &[&str] = &[
    "forbid-encrypt-allow-decrypt",
    "require-encrypt-allow-decrypt",
    "require-encrypt-require-decrypt",
];

/// The values of `--algorithm`: the AWS Encryption SDK for Python's names
/// of the algorithm suites, with their IDs.
pub const ALGORITHMS: &[(&str, u16)] = &[
    ("AES_128_GCM_IV12_TAG16", 0x0014),
    ("AES_192_GCM_IV12_TAG16", 0x0046),
    ("AES_256_GCM_IV12_TAG16", 0x0078),
    ("AES_128_GCM_IV12_TAG16_HKDF_SHA256", 0x0114),
    ("AES_192_GCM_IV12_TAG16_HKDF_SHA256", 0x0146),
    ("AES_256_GCM_IV12_TAG16_HKDF_SHA256", 0x0178),
    ("AES_128_GCM_IV12_TAG16_HKDF_SHA256_ECDSA_P256", 0x0214),
    ("AES_192_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384", 0x0346),
    ("AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384", 0x0378),
    ("AES_256_GCM_HKDF_SHA512_COMMIT_KEY", 0x0478),
    ("AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384", 0x0578),
];

/// The commands and the viewer.
pub trait Esdk: Sync {
    /// Runs `name` (one of [`NAMES`]) with `args`.
    fn run(&self, env: &mut Env, name: &str, args: &[String], stdin: &[u8]) -> CommandOutput;
    /// `file` read as a message, field by field.
    fn inspect(&self, files: &Vfs, file: &str) -> Inspection;
}

/// The commands as native builds link them and the chunk holds them.
pub struct BuiltinEsdk;

impl Esdk for BuiltinEsdk {
    fn run(&self, env: &mut Env, name: &str, args: &[String], stdin: &[u8]) -> CommandOutput {
        match name {
            "aws-encryption-cli" => cli::run(env, args, stdin),
            "keydeck-esdk-flip" => flip::run(env.files, args),
            other => unreachable!("{other} is not one of the ESDK commands"),
        }
    }

    fn inspect(&self, files: &Vfs, file: &str) -> Inspection {
        inspect::inspect(files, file)
    }
}

lazy_slot! {
    /// [`Esdk`], in the `esdk` chunk in the browser.
    pub static ESDK: dyn Esdk = ("esdk", &BuiltinEsdk);
}

/// Whether `bytes` parse as a whole, well-formed message (no key needed).
pub fn is_message(bytes: &[u8]) -> bool {
    !bytes.is_empty() && keydeck_esdk::annotate(bytes).error.is_none()
}
