//! `keydeck-crypt verify`: checks a KMS signature offline, with the public
//! key from `aws kms get-public-key` (a DER-encoded X.509
//! SubjectPublicKeyInfo, once base64-decoded into a file). This is what a
//! party that cannot call KMS does. The message is the raw message (KMS's
//! `MessageType` RAW): it is hashed here with the algorithm's digest.
//!
//! Prints `Signature OK`, or `Signature INVALID` with status 1.

use p256::pkcs8::DecodePublicKey;
use rsa::{Pkcs1v15Sign, Pss, RsaPublicKey};
use sha2::{Digest, Sha256};

use super::Options;
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
    let valid = match algorithm {
        "ECDSA_SHA_256" => ecdsa_p256(key, message, signature)?,
        "ECDSA_SHA_384" => ecdsa_p384(key, message, signature)?,
        "RSASSA_PKCS1_V1_5_SHA_256" => {
            let digest = Sha256::digest(message);
            rsa_key(key)?
                .verify(Pkcs1v15Sign::new::<Sha256>(), &digest, signature)
                .is_ok()
        }
        "RSASSA_PSS_SHA_256" => {
            let digest = Sha256::digest(message);
            rsa_key(key)?
                .verify(Pss::new::<Sha256>(), &digest, signature)
                .is_ok()
        }
        other => {
            return Err(format!(
                "unsupported --signing-algorithm '{other}'; use one of {}",
                ALGORITHMS.join(", ")
            ))
        }
    };
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

fn wrong_key(curve: &str, algorithm: &str) -> String {
    format!("the public key is not a {curve} key, which {algorithm} needs")
}

/// ECDSA on P-256 with SHA-256; KMS signatures are DER-encoded.
fn ecdsa_p256(key: &[u8], message: &[u8], signature: &[u8]) -> Result<bool, String> {
    use p256::ecdsa::signature::Verifier;
    let key = p256::PublicKey::from_public_key_der(key)
        .map_err(|_| wrong_key("NIST P-256", "ECDSA_SHA_256"))?;
    let Ok(signature) = p256::ecdsa::Signature::from_der(signature) else {
        return Ok(false);
    };
    let verifying = p256::ecdsa::VerifyingKey::from(&key);
    Ok(verifying.verify(message, &signature).is_ok())
}

/// ECDSA on P-384 with SHA-384.
fn ecdsa_p384(key: &[u8], message: &[u8], signature: &[u8]) -> Result<bool, String> {
    use p384::ecdsa::signature::Verifier;
    let key = p384::PublicKey::from_public_key_der(key)
        .map_err(|_| wrong_key("NIST P-384", "ECDSA_SHA_384"))?;
    let Ok(signature) = p384::ecdsa::Signature::from_der(signature) else {
        return Ok(false);
    };
    let verifying = p384::ecdsa::VerifyingKey::from(&key);
    Ok(verifying.verify(message, &signature).is_ok())
}

fn rsa_key(key: &[u8]) -> Result<RsaPublicKey, String> {
    RsaPublicKey::from_public_key_der(key)
        .map_err(|_| "the public key is not an RSA key".to_owned())
}
