//! `aws-encryption-cli`'s arguments, read as its argparse parser reads
//! them: one-value options may not repeat, `--wrapping-keys` and
//! `--encryption-context` take one or more `key=value` words, and the
//! errors are argparse's and the CLI's own texts.

use keydeck_esdk::{CommitmentPolicy, EncryptionContext};

use super::super::{ALGORITHMS, COMMITMENT_POLICIES};
use super::policy;

/// The usage line argparse prints before an error.
pub const USAGE: &str = "usage: aws-encryption-cli [-h] (--version | [-e | -d | --decrypt-unsigned]) (-S | --metadata-output METADATA_OUTPUT) [--overwrite-metadata] -w WRAPPING_KEYS [WRAPPING_KEYS ...] [--commitment-policy {forbid-encrypt-allow-decrypt,require-encrypt-allow-decrypt,require-encrypt-require-decrypt}] -i INPUT -o OUTPUT [--encode] [--decode] [-c ENCRYPTION_CONTEXT [ENCRYPTION_CONTEXT ...]] [--algorithm ALGORITHM] [--frame-length FRAME_LENGTH] [--max-encrypted-data-keys MAX_ENCRYPTED_DATA_KEYS] [--suffix [SUFFIX]] [-v] [-q]";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Encrypt,
    Decrypt,
    DecryptUnsigned,
}

impl Action {
    /// The metadata record's `mode`.
    pub fn mode(self) -> &'static str {
        match self {
            Action::Encrypt => "encrypt",
            Action::Decrypt => "decrypt",
            Action::DecryptUnsigned => "decrypt-unsigned",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetadataOutput {
    Suppress,
    File(String),
}

/// The AWS KMS wrapping keys: their `key=` values, or none in discovery.
#[derive(Debug, Default)]
pub struct WrappingKeys {
    pub keys: Vec<String>,
    pub region: Option<String>,
    pub profile: Option<String>,
}

#[derive(Debug)]
pub struct Args {
    pub action: Action,
    pub input: String,
    pub output: String,
    pub wrapping_keys: WrappingKeys,
    /// On encrypt the context; on decrypt the pairs the message must have.
    pub context: EncryptionContext,
    /// On decrypt, the keys the message's context must have.
    pub required_keys: Vec<String>,
    pub commitment_policy: CommitmentPolicy,
    pub algorithm: Option<u16>,
    pub frame_length: Option<u32>,
    pub max_encrypted_data_keys: Option<u16>,
    pub metadata: MetadataOutput,
    pub overwrite_metadata: bool,
    pub suffix: Option<String>,
    pub encode: bool,
    pub decode: bool,
}

pub enum Parsed {
    Run(Box<Args>),
    Help,
    Version,
}

/// Every option as argparse names it in errors, with its spellings.
const NAMES: &[(&str, &[&str])] = &[
    ("-e/--encrypt", &["-e", "--encrypt"]),
    ("-d/--decrypt", &["-d", "--decrypt"]),
    ("--decrypt-unsigned", &["--decrypt-unsigned"]),
    ("-S/--suppress-metadata", &["-S", "--suppress-metadata"]),
    ("--metadata-output", &["--metadata-output"]),
    ("-w/--wrapping-keys", &["-w", "--wrapping-keys"]),
    ("-i/--input", &["-i", "--input"]),
    ("-o/--output", &["-o", "--output"]),
    ("-c/--encryption-context", &["-c", "--encryption-context"]),
    ("--commitment-policy", &["--commitment-policy"]),
    ("--algorithm", &["--algorithm"]),
    ("--frame-length", &["--frame-length"]),
    ("--max-encrypted-data-keys", &["--max-encrypted-data-keys"]),
    ("--suffix", &["--suffix"]),
];

/// What was given, before the checks across options.
#[derive(Default)]
struct Raw {
    action: Option<(Action, &'static str)>,
    metadata: Option<(MetadataOutput, &'static str)>,
    wrapping_keys: Vec<Vec<String>>,
    single: Vec<(&'static str, String)>,
    context: Option<Vec<String>>,
    overwrite_metadata: bool,
    suffix: Option<String>,
    encode: bool,
    decode: bool,
    unrecognized: Vec<String>,
}

pub fn parse(words: &[String]) -> Result<Parsed, String> {
    let mut raw = Raw::default();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        i += 1;
        let (flag, inline) = match word.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ => (word.as_str(), None),
        };
        if ["-h", "--help"].contains(&flag) {
            return Ok(Parsed::Help);
        }
        if flag == "--version" {
            return Ok(Parsed::Version);
        }
        let Some(&(name, _)) = NAMES
            .iter()
            .find(|(_, spellings)| spellings.contains(&flag))
        else {
            match flag {
                "--overwrite-metadata" => raw.overwrite_metadata = true,
                "--encode" => raw.encode = true,
                "--decode" => raw.decode = true,
                // Accepted, and without effect on a whole file in memory.
                "-b" | "--buffer" | "-v" | "-vv" | "-vvv" | "-vvvv" | "-q" | "--quiet"
                | "--interactive" | "--no-overwrite" => {}
                _ => raw.unrecognized.push(word.clone()),
            }
            continue;
        };
        match name {
            "-e/--encrypt" | "-d/--decrypt" | "--decrypt-unsigned" => {
                let action = match name {
                    "-e/--encrypt" => Action::Encrypt,
                    "-d/--decrypt" => Action::Decrypt,
                    _ => Action::DecryptUnsigned,
                };
                if let Some((_, before)) = raw.action.filter(|(a, _)| *a != action) {
                    return Err(format!(
                        "argument {name}: not allowed with argument {before}"
                    ));
                }
                raw.action = Some((action, name));
            }
            "-S/--suppress-metadata" | "--metadata-output" => {
                let value = if name == "--metadata-output" {
                    MetadataOutput::File(one_value(name, inline, words, &mut i)?)
                } else {
                    MetadataOutput::Suppress
                };
                if let Some((_, before)) = raw.metadata.as_ref().filter(|(_, n)| *n != name) {
                    return Err(format!(
                        "argument {name}: not allowed with argument {before}"
                    ));
                }
                raw.metadata = Some((value, name));
            }
            "-w/--wrapping-keys" => raw.wrapping_keys.push(many(name, inline, words, &mut i)?),
            "-c/--encryption-context" => {
                let values = many(name, inline, words, &mut i)?;
                if raw.context.replace(values).is_some() {
                    return Err(format!(
                        "{flag} argument may not be specified more than once"
                    ));
                }
            }
            "--suffix" => {
                let value = inline.or_else(|| {
                    let next = words.get(i).filter(|w| !w.starts_with('-'))?;
                    i += 1;
                    Some(next.clone())
                });
                if raw.suffix.replace(value.unwrap_or_default()).is_some() {
                    return Err(format!(
                        "{flag} argument may not be specified more than once"
                    ));
                }
            }
            _ => {
                let value = one_value(name, inline, words, &mut i)?;
                if raw.single.iter().any(|(n, _)| *n == name) && name != "--commitment-policy" {
                    return Err(format!(
                        "{flag} argument may not be specified more than once"
                    ));
                }
                raw.single.push((name, value));
            }
        }
    }
    raw.finish().map(|args| Parsed::Run(Box::new(args)))
}

fn one_value(
    name: &str,
    inline: Option<String>,
    words: &[String],
    i: &mut usize,
) -> Result<String, String> {
    if let Some(value) = inline {
        return Ok(value);
    }
    match words.get(*i) {
        Some(value) if !value.starts_with('-') || value == "-" => {
            *i += 1;
            Ok(value.clone())
        }
        _ => Err(format!("argument {name}: expected one argument")),
    }
}

fn many(
    name: &str,
    inline: Option<String>,
    words: &[String],
    i: &mut usize,
) -> Result<Vec<String>, String> {
    let mut values: Vec<String> = inline.into_iter().collect();
    while let Some(value) = words.get(*i).filter(|w| !w.starts_with('-')) {
        values.push(value.clone());
        *i += 1;
    }
    if values.is_empty() {
        return Err(format!("argument {name}: expected at least one argument"));
    }
    Ok(values)
}

impl Raw {
    fn single(&self, name: &str) -> Option<&str> {
        self.single
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    fn finish(self) -> Result<Args, String> {
        if !self.unrecognized.is_empty() {
            return Err(format!(
                "unrecognized arguments: {}",
                self.unrecognized.join(" ")
            ));
        }
        let missing: Vec<&str> = [
            ("-w/--wrapping-keys", !self.wrapping_keys.is_empty()),
            ("-i/--input", self.single("-i/--input").is_some()),
            ("-o/--output", self.single("-o/--output").is_some()),
        ]
        .iter()
        .filter(|(_, given)| !given)
        .map(|(name, _)| *name)
        .collect();
        if !missing.is_empty() {
            return Err(format!(
                "the following arguments are required: {}",
                missing.join(", ")
            ));
        }
        let Some((action, _)) = self.action else {
            return Err("one of the arguments --version -e/--encrypt -d/--decrypt --decrypt-unsigned is required".to_owned());
        };
        let Some((metadata, _)) = self.metadata.clone() else {
            return Err(
                "one of the arguments -S/--suppress-metadata --metadata-output is required"
                    .to_owned(),
            );
        };
        let commitment_policy = match self.single("--commitment-policy") {
            None => CommitmentPolicy::default(),
            Some(value) => policy(value).ok_or_else(|| {
                format!(
                    "argument --commitment-policy: invalid choice: '{value}' (choose from {})",
                    quoted(COMMITMENT_POLICIES.iter().copied())
                )
            })?,
        };
        let algorithm = match self.single("--algorithm") {
            None => None,
            Some(value) => Some(
                ALGORITHMS
                    .iter()
                    .find(|(name, _)| *name == value)
                    .map(|(_, id)| *id)
                    .ok_or_else(|| {
                        format!(
                            "argument --algorithm: invalid choice: '{value}' (choose from {})",
                            quoted(ALGORITHMS.iter().map(|(n, _)| *n))
                        )
                    })?,
            ),
        };
        let frame_length = number(self.single("--frame-length"), "--frame-length")?;
        let max_encrypted_data_keys = number(
            self.single("--max-encrypted-data-keys"),
            "--max-encrypted-data-keys",
        )?;
        let wrapping_keys = wrapping_keys(&self.wrapping_keys, action)?;
        let (context, required_keys) = context(self.context.as_deref(), action)?;
        Ok(Args {
            action,
            input: self.single("-i/--input").unwrap_or_default().to_owned(),
            output: self.single("-o/--output").unwrap_or_default().to_owned(),
            wrapping_keys,
            context,
            required_keys,
            commitment_policy,
            algorithm,
            frame_length,
            max_encrypted_data_keys,
            metadata,
            overwrite_metadata: self.overwrite_metadata,
            suffix: self.suffix,
            encode: self.encode,
            decode: self.decode,
        })
    }
}

fn quoted<'a>(values: impl Iterator<Item = &'a str>) -> String {
    values
        .map(|v| format!("'{v}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn number<T: std::str::FromStr>(value: Option<&str>, name: &str) -> Result<Option<T>, String> {
    value
        .map(|v| {
            v.parse()
                .map_err(|_| format!("argument {name}: invalid int value: '{v}'"))
        })
        .transpose()
}

/// `key=value` words, each split at its first `=`.
fn pairs(words: &[String]) -> Result<Vec<(String, String)>, String> {
    words
        .iter()
        .map(|w| match w.split_once('=') {
            Some((k, v)) if !k.is_empty() && !v.is_empty() => Ok((k.to_owned(), v.to_owned())),
            _ => Err("Argument parameter must follow the format \"key=value\"".to_owned()),
        })
        .collect()
}

/// The CLI's processing of `--wrapping-keys` for AWS KMS keys.
fn wrapping_keys(configs: &[Vec<String>], action: Action) -> Result<WrappingKeys, String> {
    let mut out = WrappingKeys::default();
    for config in configs {
        let pairs = pairs(config)?;
        let all = |name: &str| -> Vec<&str> {
            pairs
                .iter()
                .filter(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
                .collect()
        };
        let providers = all("provider");
        if providers.len() > 1 {
            return Err(format!("You must provide exactly one \"provider\" for each wrapping key provider configuration. {} provided", providers.len()));
        }
        if providers.first().is_some_and(|p| *p != "aws-kms") {
            return Err(
                "This lab's AWS Encryption CLI has only the aws-kms wrapping key provider"
                    .to_owned(),
            );
        }
        let keys = all("key");
        let discovery = all("discovery");
        if action == Action::Encrypt && !discovery.is_empty() {
            return Err(
                "Discovery attributes are supported only on decryption for AWS KMS keys".to_owned(),
            );
        }
        if action == Action::Encrypt && keys.is_empty() {
            return Err("At least one \"key\" must be provided for each wrapping key provider configuration".to_owned());
        }
        let discovery = match discovery.first() {
            None => false,
            Some(v) => match v.to_lowercase().as_str() {
                "true" | "t" | "1" | "yes" | "y" => true,
                "false" | "f" | "0" | "no" | "n" => false,
                _ => return Err(format!("Value {v} could not be parsed as true or false")),
            },
        };
        if discovery && !keys.is_empty() {
            return Err(
                "If discovery is true (enabled), you cannot specify wrapping keys".to_owned(),
            );
        }
        if !discovery && keys.is_empty() {
            return Err(
                "When discovery is false (disabled), you must specify at least one wrapping key"
                    .to_owned(),
            );
        }
        out.keys.extend(keys.iter().map(|k| (*k).to_owned()));
        out.region = out
            .region
            .or(all("region").first().map(|r| (*r).to_owned()));
        out.profile = out
            .profile
            .or(all("profile").first().map(|p| (*p).to_owned()));
    }
    Ok(out)
}

/// `--encryption-context`: pairs on encrypt; on decrypt, pairs and bare
/// keys the message must carry.
fn context(
    words: Option<&[String]>,
    action: Action,
) -> Result<(EncryptionContext, Vec<String>), String> {
    let Some(words) = words else {
        return Ok((EncryptionContext::new(), Vec::new()));
    };
    let (with_value, keys): (Vec<String>, Vec<String>) = if action == Action::Encrypt {
        (words.to_vec(), Vec::new())
    } else {
        words.iter().cloned().partition(|w| w.contains('='))
    };
    let mut context = EncryptionContext::new();
    for (k, v) in pairs(&with_value)? {
        // Repeated keys keep their first value, as the CLI collapses them.
        if context.get(&k).is_none() {
            context = context.with(&k, &v);
        }
    }
    Ok((context, keys))
}
