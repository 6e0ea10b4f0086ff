//! `keydeck-crypt rsa-encrypt`: encrypts a small file with the public key
//! of a KMS RSA key pair (from `aws kms get-public-key`), offline, so that
//! only KMS can decrypt it (`aws kms decrypt --encryption-algorithm
//! RSAES_OAEP_SHA_256`). RSA-OAEP takes at most k − 2·32 − 2 bytes with
//! SHA-256: 190 bytes for RSA_2048 (RFC 8017 §7.1.1).

use keydeck_sim::kms::model::asymmetric::engine;
use keydeck_sim::kms::model::crypto::oaep_limit;
use keydeck_sim::kms::model::keys::EncryptionAlgorithm;

use super::{Options, NOT_RSA};
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
    let alg = EncryptionAlgorithm::RsaesOaepSha256;
    let key = engine()
        .map_err(|missing| missing.to_string())?
        .public_key(options.file(env.files, "--public-key")?)
        .filter(|k| k.spec().is_rsa())
        .ok_or_else(|| NOT_RSA.to_owned())?;
    let plaintext = options.file(env.files, "--in")?;
    let limit = oaep_limit(key.spec(), alg);
    if plaintext.len() > limit {
        return Err(format!(
            "{} is {} bytes; {algorithm} with a {}-bit key encrypts at most {limit} bytes",
            options.file_name("--in")?,
            plaintext.len(),
            key.spec().rsa_bytes() * 8
        ));
    }
    let sealed = key
        .encrypt(alg, plaintext, &mut *env.rng)
        .ok_or_else(|| "encryption failed".to_owned())?;
    env.files.write(options.file_name("--out")?, sealed);
    Ok(CommandOutput::ok(Vec::new()))
}
