//! The command line: `keydeck-esdk encrypt|decrypt|inspect [options]`,
//! parsed with lexopt; an unknown option is an error.

use std::ffi::OsString;
use std::path::PathBuf;

use lexopt::prelude::*;

use crate::client::DEFAULT_FRAME_LENGTH;
use crate::context::EncryptionContext;
use crate::keyring::RsaPadding;
use crate::policy::CommitmentPolicy;
use crate::suite::SuiteId;

pub const USAGE: &str = "\
usage: keydeck-esdk encrypt|decrypt|inspect [options]

  --input FILE                 the input, - for stdin (default)
  --output FILE                the output, - for stdout (default)
  --raw-aes-key-hex HEX        a raw AES wrapping key (16, 24 or 32 bytes)
  --raw-rsa-private-pem FILE   a raw RSA private key (decrypts; encrypts with its public half)
  --raw-rsa-public-pem FILE    a raw RSA public key (encrypts)
  --raw-rsa-padding P          pkcs1|oaep-sha1|oaep-sha256|oaep-sha384|oaep-sha512
  --key-namespace NS           the raw keyring's key namespace (provider ID)
  --key-name NAME              the raw keyring's key name
  --suite ID                   algorithm suite, e.g. 0x0578 (default per policy)
  --frame-length N             frame length, 0 for a non-framed body (default 4096)
  --commitment-policy P        forbid-encrypt-allow-decrypt|require-encrypt-allow-decrypt|
                               require-encrypt-require-decrypt (default)
  --max-encrypted-data-keys N  refuse messages with more encrypted data keys
  --context KEY=VALUE          an encryption context entry (repeatable); on decrypt,
                               an entry the message must have
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Encrypt,
    Decrypt,
    Inspect,
    Help,
}

#[derive(Debug, Clone)]
pub struct Args {
    pub command: Command,
    pub input: String,
    pub output: String,
    pub aes_key_hex: Option<String>,
    pub rsa_private_pem: Option<PathBuf>,
    pub rsa_public_pem: Option<PathBuf>,
    pub rsa_padding: Option<RsaPadding>,
    pub key_namespace: Option<String>,
    pub key_name: Option<String>,
    pub suite: Option<SuiteId>,
    pub frame_length: u32,
    pub commitment_policy: CommitmentPolicy,
    pub max_encrypted_data_keys: Option<u16>,
    pub context: EncryptionContext,
}

fn string(value: OsString) -> Result<String, lexopt::Error> {
    value.string()
}

fn parsed<T: std::str::FromStr>(value: OsString, what: &str) -> Result<T, lexopt::Error>
where
    T::Err: std::fmt::Display,
{
    let s = value.string()?;
    s.parse()
        .map_err(|e| format!("invalid {what} {s:?}: {e}").into())
}

fn suite_id(value: OsString) -> Result<SuiteId, lexopt::Error> {
    let s = value.string()?;
    let digits = s
        .strip_prefix("0x")
        .or_else(|| s.strip_prefix("0X"))
        .unwrap_or(&s);
    SuiteId::from_str_radix(digits, 16).map_err(|_| format!("invalid suite {s:?}").into())
}

pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Args, lexopt::Error> {
    let mut p = lexopt::Parser::from_args(args);
    let mut command = None;
    let mut a = Args {
        command: Command::Inspect,
        input: "-".into(),
        output: "-".into(),
        aes_key_hex: None,
        rsa_private_pem: None,
        rsa_public_pem: None,
        rsa_padding: None,
        key_namespace: None,
        key_name: None,
        suite: None,
        frame_length: DEFAULT_FRAME_LENGTH,
        commitment_policy: CommitmentPolicy::default(),
        max_encrypted_data_keys: None,
        context: EncryptionContext::new(),
    };
    while let Some(arg) = p.next()? {
        match arg {
            Value(v) if command.is_none() || command == Some(Command::Help) => {
                command = Some(match v.string()?.as_str() {
                    "encrypt" => Command::Encrypt,
                    "decrypt" => Command::Decrypt,
                    "inspect" => Command::Inspect,
                    other => return Err(format!("unknown command {other:?}").into()),
                })
            }
            Long("help") | Short('h') => command = Some(Command::Help),
            Long("input") => a.input = string(p.value()?)?,
            Long("output") => a.output = string(p.value()?)?,
            Long("raw-aes-key-hex") => a.aes_key_hex = Some(string(p.value()?)?),
            Long("raw-rsa-private-pem") => a.rsa_private_pem = Some(p.value()?.into()),
            Long("raw-rsa-public-pem") => a.rsa_public_pem = Some(p.value()?.into()),
            Long("raw-rsa-padding") => a.rsa_padding = Some(parsed(p.value()?, "RSA padding")?),
            Long("key-namespace") => a.key_namespace = Some(string(p.value()?)?),
            Long("key-name") => a.key_name = Some(string(p.value()?)?),
            Long("suite") => a.suite = Some(suite_id(p.value()?)?),
            Long("frame-length") => a.frame_length = parsed(p.value()?, "frame length")?,
            Long("commitment-policy") => {
                a.commitment_policy = parsed(p.value()?, "commitment policy")?
            }
            Long("max-encrypted-data-keys") => {
                a.max_encrypted_data_keys = Some(parsed(p.value()?, "maximum")?)
            }
            Long("context") => {
                let entry = string(p.value()?)?;
                let (k, v) = entry
                    .split_once('=')
                    .ok_or_else(|| format!("--context takes KEY=VALUE, not {entry:?}"))?;
                a.context.0.insert(k.to_owned(), v.to_owned());
            }
            _ => return Err(arg.unexpected()),
        }
    }
    a.command = command.ok_or("missing command: encrypt, decrypt or inspect")?;
    Ok(a)
}
