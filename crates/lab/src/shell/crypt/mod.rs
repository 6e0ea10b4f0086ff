//! `keydeck-crypt`: the cryptography a learner does outside AWS, on their
//! own machine, with what KMS hands out: envelope encryption with a data key,
//! and checking signatures or encrypting with a downloaded public key.
//!
//! ```text
//! keydeck-crypt encrypt --key fileb://datakey --in FILE --out FILE.enc
//! keydeck-crypt decrypt --key fileb://datakey --in FILE.enc --out FILE
//! keydeck-crypt verify --public-key fileb://pub.der --message fileb://msg
//!     --signature fileb://sig --signing-algorithm ECDSA_SHA_256
//! keydeck-crypt rsa-encrypt --public-key fileb://pub.der --in FILE
//!     --out FILE.enc [--algorithm RSAES_OAEP_SHA_256]
//! ```
//!
//! Files may be named plainly or as `fileb://NAME`, as the AWS CLI names
//! them.

pub mod envelope;
pub mod rsa_encrypt;
pub mod verify;

use std::collections::BTreeMap;

use lexopt::Arg;

use super::options::{describe, parser, text};
use super::Env;
use crate::io::{CommandOutput, Vfs};

/// The subcommands, with the options each one takes.
/// What `verify` and `rsa-encrypt` say of a public key that is not RSA.
const NOT_RSA: &str = "the public key is not an RSA key";

pub const SUBCOMMANDS: &[(&str, &[&str])] = &[
    ("decrypt", &["--key", "--in", "--out"]),
    ("encrypt", &["--key", "--in", "--out"]),
    (
        "rsa-encrypt",
        &["--public-key", "--in", "--out", "--algorithm"],
    ),
    (
        "verify",
        &[
            "--public-key",
            "--message",
            "--signature",
            "--signing-algorithm",
        ],
    ),
];

/// The options of a subcommand, for completion.
pub fn options_of(subcommand: &str) -> &'static [&'static str] {
    SUBCOMMANDS
        .iter()
        .find(|(name, _)| *name == subcommand)
        .map_or(&[], |(_, options)| options)
}

/// An error printed as `keydeck-crypt: MESSAGE`, with status 1.
pub fn fail(message: impl std::fmt::Display) -> CommandOutput {
    CommandOutput::fail(1, format!("keydeck-crypt: {message}\n"))
}

/// Runs `keydeck-crypt SUBCOMMAND --option VALUE…`.
pub fn run(env: &mut Env, args: &[String]) -> CommandOutput {
    let Some((sub, rest)) = args.split_first() else {
        return fail(usage());
    };
    if options_of(sub).is_empty() {
        return fail(format!("unknown subcommand '{sub}'\n{}", usage()));
    }
    let options = match Options::parse(sub, rest) {
        Ok(o) => o,
        Err(message) => return fail(message),
    };
    let result = match sub.as_str() {
        "encrypt" => envelope::encrypt(env, &options),
        "decrypt" => envelope::decrypt(env, &options),
        "verify" => verify::run(env.files, &options),
        _ => rsa_encrypt::run(env, &options),
    };
    result.unwrap_or_else(fail)
}

fn usage() -> String {
    let names: Vec<&str> = SUBCOMMANDS.iter().map(|(n, _)| *n).collect();
    format!(
        "usage: keydeck-crypt {} --option VALUE ... (the manual: help keydeck-crypt)",
        names.join("|")
    )
}

/// A subcommand's options and their values.
pub struct Options {
    values: BTreeMap<String, String>,
}

impl Options {
    fn parse(sub: &str, args: &[String]) -> Result<Options, String> {
        let allowed = options_of(sub);
        let mut values = BTreeMap::new();
        let mut p = parser(args);
        while let Some(arg) = p.next().map_err(|e| describe(&e))? {
            let name = match arg {
                Arg::Long(name) if allowed.contains(&format!("--{name}").as_str()) => {
                    format!("--{name}")
                }
                other => return Err(describe(&other.unexpected())),
            };
            let value = text(p.value().map_err(|e| describe(&e))?);
            values.insert(name, value);
        }
        Ok(Options { values })
    }

    /// The value of a required option.
    pub fn required(&self, option: &str) -> Result<&str, String> {
        self.values
            .get(option)
            .map(String::as_str)
            .ok_or_else(|| format!("missing {option}"))
    }

    pub fn get(&self, option: &str) -> Option<&str> {
        self.values.get(option).map(String::as_str)
    }

    /// The contents of the file an option names (`NAME` or `fileb://NAME`).
    pub fn file<'f>(&self, files: &'f Vfs, option: &str) -> Result<&'f [u8], String> {
        let name = file_name(self.required(option)?);
        files
            .read(name)
            .ok_or_else(|| format!("{name}: No such file or directory"))
    }

    /// The file name an option names, without `fileb://`.
    pub fn file_name(&self, option: &str) -> Result<&str, String> {
        self.required(option).map(file_name)
    }
}

/// `fileb://NAME` and `file://NAME` name the file NAME.
pub fn file_name(reference: &str) -> &str {
    reference
        .strip_prefix("fileb://")
        .or_else(|| reference.strip_prefix("file://"))
        .unwrap_or(reference)
}
