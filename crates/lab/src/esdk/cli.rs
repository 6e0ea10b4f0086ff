//! `aws-encryption-cli`, the AWS Encryption CLI 4.x, over the lab's files
//! and simulated KMS: `--encrypt`/`--decrypt` a file under AWS KMS wrapping
//! keys, with an encryption context, a commitment policy, an algorithm
//! suite and a frame length, and the metadata record of each operation
//! (<https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/crypto-cli-reference.html>).
//! Option errors are argparse's, as the CLI prints them; a message that
//! does not decrypt is refused with the check that failed.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use keydeck_esdk::header::Header;
use keydeck_esdk::keyring::kms::PROVIDER_ID;
use keydeck_esdk::keyring::KmsKeyring;
use keydeck_esdk::wire::Reader;
use keydeck_esdk::{Client, CommitmentPolicy, EncryptRequest, EncryptionContext, Error};

use super::kms::{arn_region, LabKms};
use super::metadata;
use super::{ALGORITHMS, COMMITMENT_POLICIES};
use crate::cli::caller_for;
use crate::io::CommandOutput;
use crate::shell::Env;

mod args;

use args::{Action, Args, MetadataOutput, Parsed};

/// The version `--version` reports.
const VERSION: &str = "aws-encryption-sdk-cli/4.2.0 aws-encryption-sdk/4.0.1";

/// Runs `aws-encryption-cli ARGS…`.
pub fn run(env: &mut Env, args: &[String], stdin: &[u8]) -> CommandOutput {
    let args = match args::parse(args) {
        Ok(Parsed::Run(args)) => args,
        Ok(Parsed::Help) => return CommandOutput::ok(format!("{}\n", args::USAGE)),
        Ok(Parsed::Version) => return CommandOutput::ok(format!("{VERSION}\n")),
        Err(message) => {
            return CommandOutput::fail(
                2,
                format!("{}\naws-encryption-cli: error: {message}\n", args::USAGE),
            )
        }
    };
    match execute(env, &args, stdin) {
        Ok(output) => output,
        Err(message) => CommandOutput::fail(1, format!("{message}\n")),
    }
}

/// What an operation wrote, before it goes to its files.
struct Written {
    output: Vec<u8>,
    header: Header,
}

fn execute(env: &mut Env, args: &Args, stdin: &[u8]) -> Result<CommandOutput, String> {
    let source = match args.input.as_str() {
        "-" => stdin.to_vec(),
        name => env
            .files
            .read(name)
            .map(<[u8]>::to_vec)
            .ok_or("Invalid source. Must be a valid pathname pattern or stdin (-)")?,
    };
    let source = if args.decode {
        STANDARD
            .decode(source.trim_ascii())
            .map_err(|e| unexpected("Error", &format!("Incorrect padding: {e}")))?
    } else {
        source
    };
    let destination = destination(args);
    if destination == "-" && args.metadata == MetadataOutput::File("-".to_owned()) {
        return Err("Metadata output cannot be stdout when output is stdout".to_owned());
    }
    let client = Client {
        commitment_policy: args.commitment_policy,
        max_encrypted_data_keys: args.max_encrypted_data_keys,
    };
    let written = match args.action {
        Action::Encrypt => encrypt(env, args, &client, &source)?,
        Action::Decrypt | Action::DecryptUnsigned => match decrypt(env, args, &client, &source)? {
            Ok(written) => written,
            Err(skipped) => {
                let mut out = CommandOutput::fail(
                    1,
                    "Skipping decrypt because discovered encryption context did not match required elements.\n",
                );
                write_metadata(env, args, &destination, &skipped, &mut out);
                return Ok(out);
            }
        },
    };
    let bytes = if args.encode {
        STANDARD.encode(&written.output).into_bytes()
    } else {
        written.output
    };
    let mut out = CommandOutput::ok(Vec::new());
    let record = metadata::record(
        args.action.mode(),
        &args.input,
        &destination,
        &written.header,
        None,
    );
    write_metadata(env, args, &destination, &record, &mut out);
    if destination == "-" {
        out.stdout.extend_from_slice(&bytes);
    } else {
        env.files.write(&destination, bytes);
    }
    Ok(out)
}

/// The output file: `--output` itself, or for a directory (`.` or a name
/// ending in `/`) the input's name with the suffix.
fn destination(args: &Args) -> String {
    let output = args.output.as_str();
    if output != "." && !output.ends_with('/') {
        return output.to_owned();
    }
    let suffix = args.suffix.clone().unwrap_or_else(|| match args.action {
        Action::Encrypt => ".encrypted".to_owned(),
        _ => ".decrypted".to_owned(),
    });
    let dir = output.trim_start_matches("./").trim_end_matches('/');
    let dir = if dir == "." || dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    format!("{dir}{}{suffix}", args.input)
}

fn write_metadata(
    env: &mut Env,
    args: &Args,
    _destination: &str,
    record: &str,
    out: &mut CommandOutput,
) {
    match &args.metadata {
        MetadataOutput::Suppress => {}
        MetadataOutput::File(name) if name == "-" => {
            out.stdout.extend_from_slice(record.as_bytes());
            out.stdout.push(b'\n');
        }
        MetadataOutput::File(name) => {
            let line = format!("{record}\n");
            if args.overwrite_metadata {
                env.files.write(name, line.into_bytes());
            } else {
                env.files.append(name, line.as_bytes());
            }
        }
    }
}

fn encrypt(env: &mut Env, args: &Args, client: &Client, source: &[u8]) -> Result<Written, String> {
    let key_id = args.wrapping_keys.keys.first().cloned().unwrap_or_default();
    let caller = caller(env, args, &key_id)?;
    let keyring = KmsKeyring::new(Box::new(LabKms::new(&mut *env.sim, caller)), &key_id);
    let request = EncryptRequest {
        suite: args.algorithm,
        frame_length: args
            .frame_length
            .unwrap_or(keydeck_esdk::client::DEFAULT_FRAME_LENGTH),
        context: args.context.clone(),
    };
    let message = client
        .encrypt(source, &keyring, &request, &mut *env.rng)
        .map_err(|e| failure(&e))?;
    let header = Header::read(&mut Reader::new(&message), None).map_err(|e| failure(&e))?;
    Ok(Written {
        output: message,
        header,
    })
}

/// A decrypted message, or (for a context the message lacks) the metadata
/// record of the skipped decrypt.
fn decrypt(
    env: &mut Env,
    args: &Args,
    client: &Client,
    message: &[u8],
) -> Result<Result<Written, String>, String> {
    let key_id = match args.wrapping_keys.keys.first() {
        Some(key) => key.clone(),
        // Discovery: the key each encrypted data key names.
        None => Header::read(&mut Reader::new(message), client.max_encrypted_data_keys)
            .map_err(|e| failure(&e))?
            .encrypted_data_keys
            .iter()
            .filter(|edk| edk.provider_id == PROVIDER_ID)
            .find_map(|edk| String::from_utf8(edk.provider_info.clone()).ok())
            .unwrap_or_default(),
    };
    let caller = caller(env, args, &key_id)?;
    let keyring = KmsKeyring::new(Box::new(LabKms::new(&mut *env.sim, caller)), &key_id);
    let decrypted = client
        .decrypt(message, &keyring, &EncryptionContext::new())
        .map_err(|e| failure(&e))?;
    if args.action == Action::DecryptUnsigned && decrypted.header.suite.signature.is_some() {
        return Err(unexpected(
            "ActionNotAllowedError",
            "Configuration conflict. Cannot decrypt signed message in decrypt-unsigned mode.",
        ));
    }
    let found = &decrypted.header.context;
    let missing_keys: Vec<&str> = args
        .required_keys
        .iter()
        .map(String::as_str)
        .filter(|k| found.get(k).is_none())
        .collect();
    let missing_pairs: Vec<(&str, &str)> = args
        .context
        .iter()
        .filter(|(k, v)| found.get(k) != Some(*v))
        .collect();
    if !missing_keys.is_empty() || !missing_pairs.is_empty() {
        let skipped = metadata::Skipped {
            missing_keys,
            missing_pairs,
        };
        return Ok(Err(metadata::record(
            args.action.mode(),
            &args.input,
            &destination(args),
            &decrypted.header,
            Some(&skipped),
        )));
    }
    Ok(Ok(Written {
        output: decrypted.plaintext,
        header: decrypted.header,
    }))
}

/// The caller the KMS client makes its calls as: the wrapping key's
/// `profile=` (or the shell's profile) in the key ARN's Region, else its
/// `region=`, else the profile's.
fn caller(env: &Env, args: &Args, key_id: &str) -> Result<keydeck_sim::Caller, String> {
    let keys = &args.wrapping_keys;
    let profile = keys.profile.as_deref().unwrap_or(&env.defaults.profile);
    let region = arn_region(key_id)
        .or(keys.region.as_deref())
        .unwrap_or(&env.defaults.region);
    caller_for(profile, region).map_err(|e| unexpected("BotoCoreError", &e))
}

/// The CLI's report of an exception it did not expect: the SDK for
/// Python's exception class, with the check that failed.
fn failure(error: &Error) -> String {
    let class = match error {
        Error::NoKeyringCouldDecrypt(_) => "DecryptKeyError",
        Error::Keyring(_) => "GenerateKeyError",
        Error::CommitmentPolicyEncrypt { .. }
        | Error::CommitmentPolicyDecrypt { .. }
        | Error::InvalidArgument(_) => "ActionNotAllowedError",
        Error::TooManyEncryptedDataKeys { .. } => "CustomMaximumValueExceeded",
        Error::HeaderTag | Error::FrameTag(_) | Error::BodyTag => "InvalidTag",
        Error::BadSignature => "InvalidSignature",
        _ => "SerializationError",
    };
    unexpected(class, &error.to_string())
}

fn unexpected(class: &str, message: &str) -> String {
    format!(
        "Encountered unexpected error: increase verbosity to see details.\n{class}(\"{message}\")"
    )
}

/// The `--algorithm` name of a suite.
pub fn algorithm_name(id: u16) -> &'static str {
    ALGORITHMS
        .iter()
        .find(|(_, i)| *i == id)
        .map_or("UNKNOWN", |(name, _)| name)
}

/// The policy for a `--commitment-policy` value.
fn policy(value: &str) -> Option<CommitmentPolicy> {
    COMMITMENT_POLICIES
        .contains(&value)
        .then(|| value.parse().ok())
        .flatten()
}
