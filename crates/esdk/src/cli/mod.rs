//! The `keydeck-esdk` command: encrypt, decrypt and inspect messages with
//! raw AES and raw RSA keys.

pub mod args;

use std::ffi::OsString;
use std::io::{Read, Write};

use rand_core::OsRng;

use crate::annotate::annotate;
use crate::client::{Client, EncryptRequest};
use crate::error::Error;
use crate::keyring::raw_rsa::{private_key_from_pem, public_key_from_pem};
use crate::keyring::{Keyring, MultiKeyring, RawAesKeyring, RawRsaKeyring};
use args::{Args, Command};

/// Runs the command; the exit code is 0 on success, 1 when a check
/// refused the message or an operation failed, 2 for a usage error.
pub fn main(argv: impl IntoIterator<Item = OsString>) -> i32 {
    let args = match args::parse(argv) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("keydeck-esdk: {e}\n\n{}", args::USAGE);
            return 2;
        }
    };
    match run(&args) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("keydeck-esdk: {e}");
            1
        }
    }
}

fn run(args: &Args) -> Result<(), Error> {
    match args.command {
        Command::Help => {
            print!("{}", args::USAGE);
            Ok(())
        }
        Command::Inspect => inspect(args),
        Command::Encrypt => {
            let plaintext = read_input(&args.input)?;
            let keyring = keyring(args, true)?;
            let client = client(args);
            let request = EncryptRequest {
                suite: args.suite,
                frame_length: args.frame_length,
                context: args.context.clone(),
            };
            let message = client.encrypt(&plaintext, keyring.as_ref(), &request, &mut OsRng)?;
            write_output(&args.output, &message)
        }
        Command::Decrypt => {
            let message = read_input(&args.input)?;
            let keyring = keyring(args, false)?;
            let decrypted = client(args).decrypt(&message, keyring.as_ref(), &args.context)?;
            write_output(&args.output, &decrypted.plaintext)
        }
    }
}

fn client(args: &Args) -> Client {
    Client {
        commitment_policy: args.commitment_policy,
        max_encrypted_data_keys: args.max_encrypted_data_keys,
    }
}

fn inspect(args: &Args) -> Result<(), Error> {
    let message = read_input(&args.input)?;
    let annotation = annotate(&message);
    let mut text = format!("{:>8}  {:>6}  {:<44}  value\n", "offset", "length", "field");
    for span in &annotation.spans {
        text.push_str(&format!(
            "{:>8}  {:>6}  {:<44}  {}\n",
            span.range.start,
            span.range.len(),
            span.field.to_string(),
            span.value(&message)
        ));
    }
    write_output(&args.output, text.as_bytes())?;
    annotation.error.map_or(Ok(()), Err)
}

fn io_error(what: &str, e: std::io::Error) -> Error {
    Error::InvalidArgument(format!("{what}: {e}"))
}

fn read_input(path: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| io_error("stdin", e))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
    }
    Ok(bytes)
}

fn write_output(path: &str, bytes: &[u8]) -> Result<(), Error> {
    if path == "-" {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|e| io_error("stdout", e))
    } else {
        std::fs::write(path, bytes).map_err(|e| io_error(path, e))
    }
}

fn read_text(path: &std::path::Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| io_error(&path.display().to_string(), e))
}

fn hex_key(hex: &str) -> Result<Vec<u8>, Error> {
    let bad = || Error::InvalidArgument("--raw-aes-key-hex is not hex".into());
    if !hex.len().is_multiple_of(2) {
        return Err(bad());
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2).ok_or_else(bad)?, 16).map_err(|_| bad()))
        .collect()
}

/// The raw keyrings the options name: AES, RSA, or both (AES generates,
/// RSA also wraps).
fn keyring(args: &Args, encrypting: bool) -> Result<Box<dyn Keyring>, Error> {
    let needed = |what: &str| Error::InvalidArgument(format!("{what} is required"));
    let namespace = args
        .key_namespace
        .as_deref()
        .ok_or_else(|| needed("--key-namespace"))?;
    let name = args
        .key_name
        .as_deref()
        .ok_or_else(|| needed("--key-name"))?;
    let mut keyrings: Vec<Box<dyn Keyring>> = Vec::new();
    if let Some(hex) = &args.aes_key_hex {
        keyrings.push(Box::new(RawAesKeyring::new(
            namespace,
            name,
            &hex_key(hex)?,
        )?));
    }
    if args.rsa_private_pem.is_some() || args.rsa_public_pem.is_some() {
        let padding = args
            .rsa_padding
            .ok_or_else(|| needed("--raw-rsa-padding"))?;
        let private = match &args.rsa_private_pem {
            Some(path) => Some(private_key_from_pem(&read_text(path)?)?),
            None => None,
        };
        let public = match &args.rsa_public_pem {
            Some(path) => Some(public_key_from_pem(&read_text(path)?)?),
            // The command line encrypts with a private key's public half.
            None if encrypting => private.as_ref().map(|k| k.to_public_key()),
            None => None,
        };
        keyrings.push(Box::new(RawRsaKeyring::new(
            namespace, name, padding, public, private,
        )?));
    }
    let mut keyrings = keyrings.into_iter();
    let first = keyrings
        .next()
        .ok_or_else(|| needed("--raw-aes-key-hex or an RSA key"))?;
    let rest: Vec<_> = keyrings.collect();
    if rest.is_empty() {
        Ok(first)
    } else {
        Ok(Box::new(MultiKeyring::new(Some(first), rest)?))
    }
}
