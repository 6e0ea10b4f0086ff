//! `keydeck-crypt verify`: checks a KMS signature offline, with the public
//! key from `aws kms get-public-key` (a DER-encoded X.509
//! SubjectPublicKeyInfo, once base64-decoded into a file). This is what a
//! party that cannot call KMS does. The message is the raw message (KMS's
//! `MessageType` RAW): it is hashed here with the algorithm's digest.
//!
//! Prints `Signature OK`, or `Signature INVALID` with status 1.

use keydeck_sim::kms::model::asymmetric::{engine, PublicKey};
use keydeck_sim::kms::model::crypto::digest_for;
use keydeck_sim::kms::model::keys::{KeySpec, SigningAlgorithm};

use super::{Options, NOT_RSA};
use crate::io::{CommandOutput, Vfs};

/// The signing algorithms verified here, as KMS names them.
pub const ALGORITHMS: &[&str] = &[
    "ECDSA_SHA_256",
    "ECDSA_SHA_384",
    "RSASSA_PKCS1_V1_5_SHA_256",
    "RSASSA_PSS_SHA_256",
];

/// Verifies `--signature` over `--message` with `--public-key`.
pub fn run(files: &Vfs, options: &Options) -> Result<CommandOutput, String> {
    let key = options.file(files, "--public-key")?;
    let message = options.file(files, "--message")?;
    let signature = options.file(files, "--signature")?;
    let algorithm = options.required("--signing-algorithm")?;
    let (alg, wrong_key) = match algorithm {
        "ECDSA_SHA_256" => (
            SigningAlgorithm::EcdsaSha256,
            curve_needed("NIST P-256", algorithm),
        ),
        "ECDSA_SHA_384" => (
            SigningAlgorithm::EcdsaSha384,
            curve_needed("NIST P-384", algorithm),
        ),
        "RSASSA_PKCS1_V1_5_SHA_256" => (SigningAlgorithm::RsassaPkcs1V15Sha256, NOT_RSA.to_owned()),
        "RSASSA_PSS_SHA_256" => (SigningAlgorithm::RsassaPssSha256, NOT_RSA.to_owned()),
        other => {
            return Err(format!(
                "unsupported --signing-algorithm '{other}'; use one of {}",
                ALGORITHMS.join(", ")
            ))
        }
    };
    let public = engine()
        .map_err(|missing| missing.to_string())?
        .public_key(key)
        .filter(|k| fits(k.as_ref(), alg))
        .ok_or(wrong_key)?;
    let valid = public.verify(alg, &digest_for(alg, message), signature);
    Ok(if valid {
        CommandOutput::ok("Signature OK\n")
    } else {
        CommandOutput {
            stdout: b"Signature INVALID\n".to_vec(),
            stderr: String::new(),
            status: 1,
        }
    })
}

/// Whether the public key is of the kind the algorithm signs with.
fn fits(key: &dyn PublicKey, alg: SigningAlgorithm) -> bool {
    match alg {
        SigningAlgorithm::EcdsaSha256 => key.spec() == KeySpec::EccNistP256,
        SigningAlgorithm::EcdsaSha384 => key.spec() == KeySpec::EccNistP384,
        _ => key.spec().is_rsa(),
    }
}

fn curve_needed(curve: &str, algorithm: &str) -> String {
    format!("the public key is not a {curve} key, which {algorithm} needs")
}
