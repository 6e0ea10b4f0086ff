//! `keydeck-crypt encrypt` and `decrypt`: the client side of envelope
//! encryption. KMS's GenerateDataKey gives a 256-bit data key in plaintext
//! and sealed under a KMS key; the plaintext key encrypts the file here with
//! AES-256-GCM and is then thrown away, and only the sealed copy is kept
//! beside the file.
//!
//! The encrypted file is the 12-byte nonce, then the ciphertext, then the
//! 16-byte GCM tag. Any change to it, or the wrong key, fails decryption.

use aes_gcm::aead::Aead;
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use base64::Engine;
use rand_chacha::rand_core::RngCore;

use super::Options;
use crate::io::CommandOutput;
use crate::shell::Env;

const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;

/// Encrypts `--in` under the data key in `--key` into `--out`.
pub fn encrypt(env: &mut Env, options: &Options) -> Result<CommandOutput, String> {
    let cipher = cipher(env, options)?;
    let plaintext = options.file(env.files, "--in")?;
    let mut nonce = [0u8; NONCE_LEN];
    env.rng.fill_bytes(&mut nonce);
    let sealed = cipher
        .encrypt(Nonce::from_slice(&nonce), plaintext)
        .map_err(|_| "encryption failed".to_owned())?;
    let out = [nonce.as_slice(), &sealed].concat();
    env.files.write(options.file_name("--out")?, out);
    Ok(CommandOutput::ok(Vec::new()))
}

/// Decrypts `--in` with the data key in `--key` into `--out`.
pub fn decrypt(env: &mut Env, options: &Options) -> Result<CommandOutput, String> {
    let cipher = cipher(env, options)?;
    let name = options.file_name("--in")?;
    let sealed = options.file(env.files, "--in")?;
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return Err(format!(
            "{name} is too short to be a file keydeck-crypt encrypted"
        ));
    }
    let plaintext = open_with(&cipher, sealed)
        .ok_or_else(|| "decryption failed: wrong key or tampered file".to_owned())?;
    env.files.write(options.file_name("--out")?, plaintext);
    Ok(CommandOutput::ok(Vec::new()))
}

/// The plaintext of a file `keydeck-crypt encrypt` wrote under `data_key`,
/// or `None` if the key is not the one or the file is not such a file.
pub fn open(data_key: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    open_with(&Aes256Gcm::new_from_slice(data_key).ok()?, sealed)
}

fn open_with(cipher: &Aes256Gcm, sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return None;
    }
    let (nonce, body) = sealed.split_at(NONCE_LEN);
    cipher.decrypt(Nonce::from_slice(nonce), body).ok()
}

fn cipher(env: &Env, options: &Options) -> Result<Aes256Gcm, String> {
    let name = options.file_name("--key")?;
    let key = options.file(env.files, "--key")?;
    check_key(name, key)?;
    Aes256Gcm::new_from_slice(key).map_err(|_| "the data key must be 32 bytes".to_owned())
}

/// A data key is 32 raw bytes. The CLI prints it as base64 text, so a file
/// holding that text is the usual slip: say so rather than guess.
fn check_key(name: &str, key: &[u8]) -> Result<(), String> {
    if key.len() == 32 {
        return Ok(());
    }
    let decoded = base64::engine::general_purpose::STANDARD.decode(key.trim_ascii());
    if decoded.is_ok_and(|k| k.len() == 32) {
        return Err(format!(
            "{name} holds base64 text, not the 32-byte key; decode it first: \
             base64 --decode {name} > {name}.bin"
        ));
    }
    Err(format!(
        "{name} is {} bytes; a data key is 32 bytes (AES-256)",
        key.len()
    ))
}
