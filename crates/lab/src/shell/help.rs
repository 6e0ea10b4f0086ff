//! `help [COMMAND]`: what the terminal offers. With no COMMAND: every
//! command, the shell's operators, the profiles, and the idioms the labs
//! use. `help keydeck-crypt` is keydeck-crypt's manual; `help NAME` for
//! another command gives its line.

use super::commands::COMMANDS;
use crate::cli;
use crate::io::CommandOutput;

const SHELL: &str = "\
Shell
  cmd1 | cmd2        cmd2 reads cmd1's output, byte for byte
  cmd > FILE         write the output to FILE (>> FILE adds to its end)
  cmd < FILE         cmd reads FILE as its input
  'a b' \"a b\"        quotes keep spaces, |, < and > inside one word
  Up/Down            earlier command lines; Tab completes commands,
                     services, operations, options and file names
  fileb://FILE       how aws reads a file's raw bytes (file://FILE: as text)
";

const IDIOMS: &str = "\
Idioms
  Blobs come out of aws as base64 text; store them as raw bytes:
    aws kms encrypt --key-id alias/lab --plaintext fileb://note.txt \\
        --query CiphertextBlob --output text | base64 --decode > note.enc
    aws kms decrypt --ciphertext-blob fileb://note.enc \\
        --query Plaintext --output text | base64 --decode
  Envelope encryption: keep only the sealed data key beside the data.
    aws kms generate-data-key --key-id alias/lab --key-spec AES_256 \\
        --query CiphertextBlob --output text | base64 --decode > datakey.enc
    aws kms decrypt --ciphertext-blob fileb://datakey.enc \\
        --query Plaintext --output text | base64 --decode > datakey
    keydeck-crypt encrypt --key fileb://datakey --in data.txt --out data.txt.enc
    rm datakey data.txt
  Move the simulated clock (rotation, deletion windows):
    keydeck clock advance --days 365
";

/// keydeck-crypt's manual.
pub const KEYDECK_CRYPT: &str = "\
keydeck-crypt: cryptography on your side, with what KMS hands out
  keydeck-crypt encrypt --key fileb://datakey --in FILE --out FILE.enc
  keydeck-crypt decrypt --key fileb://datakey --in FILE.enc --out FILE
      AES-256-GCM with a 32-byte plaintext data key (raw bytes: decode
      the CLI's base64 first). The output is the 12-byte nonce, the
      ciphertext and the 16-byte tag; a wrong key or a changed byte fails.
  keydeck-crypt verify --public-key fileb://pub.der --message fileb://msg \\
      --signature fileb://sig --signing-algorithm ALGORITHM
      Checks a signature from aws kms sign without calling KMS. pub.der is
      get-public-key's PublicKey, base64-decoded; msg is the raw message.
      ALGORITHM: ECDSA_SHA_256, ECDSA_SHA_384, RSASSA_PSS_SHA_256 or
      RSASSA_PKCS1_V1_5_SHA_256. Prints Signature OK or Signature INVALID.
  keydeck-crypt rsa-encrypt --public-key fileb://pub.der --in FILE \\
      --out FILE.enc [--algorithm RSAES_OAEP_SHA_256]
      Encrypts up to 190 bytes (RSA_2048) offline with a KMS public key;
      only aws kms decrypt with the private key can read it.
";

/// Runs `help` with its arguments.
pub fn run(args: &[String]) -> CommandOutput {
    match args.first().map(String::as_str) {
        None => CommandOutput::ok(full()),
        Some("keydeck-crypt") => CommandOutput::ok(KEYDECK_CRYPT),
        Some(name) => match COMMANDS.iter().find(|(n, _)| *n == name) {
            Some((n, line)) => CommandOutput::ok(format!("{n}: {line}\n")),
            None => CommandOutput::fail(
                1,
                format!("keydeck: help: no help topics match '{name}'.\n"),
            ),
        },
    }
}

fn full() -> String {
    let mut commands = String::from("Commands\n");
    for (name, line) in COMMANDS {
        commands += &format!("  {name:<14} {line}\n");
    }
    let mut profiles = String::from("Profiles (aws --profile NAME; default when none is given)\n");
    for p in cli::profiles() {
        profiles += &format!("  {:<18} {}\n", p.name, p.description);
    }
    [
        commands.as_str(),
        SHELL,
        profiles.as_str(),
        IDIOMS,
        KEYDECK_CRYPT,
    ]
    .join("\n")
}
