//! `keydeck-crypt rsa-encrypt`: encrypts a small file with the public key
//! of a KMS RSA key pair (from `aws kms get-public-key`), offline, so that
//! only KMS can decrypt it (`aws kms decrypt --encryption-algorithm
//! RSAES_OAEP_SHA_256`). RSA-OAEP takes at most k − 2·32 − 2 bytes with
//! SHA-256: 190 bytes for RSA_2048 (RFC 8017 §7.1.1).

use rsa::pkcs8::DecodePublicKey;
use rsa::traits::PublicKeyParts;
use rsa::{Oaep, RsaPublicKey};
use sha2::Sha256;

use super::Options;
use crate::io::CommandOutput;
use crate::shell::Env;

/// The encryption algorithms offered, as KMS names them.
pub const ALGORITHMS: &[&str] = &["RSAES_OAEP_SHA_256"];

/// Encrypts `--in` with `--public-key` into `--out`.
pub fn run(env: &mut Env, options: &Options) -> Result<CommandOutput, String> {
    let algorithm = options.get("--algorithm").unwrap_or(ALGORITHMS[0]);
    if !ALGORITHMS.contains(&algorithm) {
        return Err(format!(
            "unsupported --algorithm '{algorithm}'; use RSAES_OAEP_SHA_256"
        ));
    }
    let key = RsaPublicKey::from_public_key_der(options.file(env.files, "--public-key")?)
        .map_err(|_| "the public key is not an RSA key".to_owned())?;
    let plaintext = options.file(env.files, "--in")?;
    let limit = key.size() - 2 * 32 - 2;
    if plaintext.len() > limit {
        return Err(format!(
            "{} is {} bytes; {algorithm} with a {}-bit key encrypts at most {limit} bytes",
            options.file_name("--in")?,
            plaintext.len(),
            key.size() * 8
        ));
    }
    let sealed = key
        .encrypt(&mut *env.rng, Oaep::new::<Sha256>(), plaintext)
        .map_err(|e| format!("encryption failed: {e}"))?;
    env.files.write(options.file_name("--out")?, sealed);
    Ok(CommandOutput::ok(Vec::new()))
}
