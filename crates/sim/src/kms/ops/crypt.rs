//! Encrypt, Decrypt and ReEncrypt.
//!
//! Symmetric keys seal KeyDeck blobs (see [`crate::kms::model::blob`]); RSA keys
//! return raw RSAES-OAEP ciphertext, as KMS does.

use crate::kms::authorization::key_state::{
    require_enabled, require_symmetric, require_usage, state_error,
};
use crate::kms::authorization::{Access, Scope};
use crate::kms::model::blob::{self, EncryptionContext, Header};
use crate::kms::model::crypto::oaep_limit;
use crate::kms::model::keys::{key_arn, EncryptionAlgorithm, Key, KeyUsage};
use crate::kms::model::wire::dry_run;
use crate::kms::model::{Kms, Material};
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::request::{base64_json, Request};
use serde_json::{json, Value};

pub const MAX_PLAINTEXT: usize = 4096;
pub const MAX_CIPHERTEXT: usize = 6144;

/// `Algorithm RSAES_OAEP_SHA_1 is incompatible with key spec SYMMETRIC_DEFAULT.`
fn incompatible(alg: EncryptionAlgorithm, key: &Key) -> Error {
    Error::InvalidKeyUsageException(format!(
        "Algorithm {alg} is incompatible with key spec {}.",
        key.spec
    ))
}

/// The algorithm to use with a key: symmetric keys take only (and default
/// to) SYMMETRIC_DEFAULT; RSA keys need an RSAES_OAEP algorithm.
fn algorithm_for(key: &Key, requested: Option<&str>) -> Result<EncryptionAlgorithm, Error> {
    let alg = requested
        .and_then(EncryptionAlgorithm::parse)
        .unwrap_or(EncryptionAlgorithm::SymmetricDefault);
    if key.spec.encryption_algorithms().contains(&alg) {
        Ok(alg)
    } else {
        Err(incompatible(alg, key))
    }
}

fn context(r: &mut Request<'_>, member: &str) -> EncryptionContext {
    r.string_map(member).unwrap_or_default()
}

/// One use of a resolved key: which key, for which operation, under which
/// encryption context, algorithm and grant tokens.
struct KeyUse<'a> {
    arn: &'a str,
    operation: &'a str,
    context: &'a EncryptionContext,
    algorithm: Option<&'a str>,
    tokens: &'a [String],
}

/// The checks Encrypt, Decrypt and both halves of ReEncrypt share:
/// authorization (with the encryption context, grant tokens and algorithm as
/// condition keys), the key's state and usage, and an algorithm its spec allows.
fn admit<'k>(
    kms: &'k Kms,
    env: &Env<'_>,
    use_: &KeyUse<'_>,
) -> Result<(&'k Key, EncryptionAlgorithm), Error> {
    let key = kms.key(use_.arn);
    let asked = use_
        .algorithm
        .and_then(EncryptionAlgorithm::parse)
        .unwrap_or(EncryptionAlgorithm::SymmetricDefault);
    let access = Access::to(use_.operation)
        .with_context(use_.context)
        .with_tokens(use_.tokens)
        .with("kms:EncryptionAlgorithm", asked.as_str());
    kms.authorize(env, use_.arn, &access)?;
    require_enabled(key)?;
    // Both halves of ReEncrypt report the key usage error as ReEncrypt.
    let operation = match use_.operation {
        "ReEncryptTo" | "ReEncryptFrom" => "ReEncrypt",
        other => other,
    };
    require_usage(key, KeyUsage::EncryptDecrypt, operation)?;
    Ok((key, algorithm_for(key, use_.algorithm)?))
}

/// Encrypts under a resolved key, after the authorization and state checks.
fn encrypt_with(
    kms: &Kms,
    env: &Env<'_>,
    use_: &KeyUse<'_>,
    plaintext: &[u8],
) -> Result<(Vec<u8>, EncryptionAlgorithm), Error> {
    let (key, alg) = admit(kms, env, use_)?;
    let ctx = use_.context;
    match &kms.backing(key).material {
        Material::Symmetric(versions) => {
            let current = versions.last().ok_or_else(|| state_error(key))?;
            let header = Header {
                account: key.account.to_string(),
                key_id: key.id.clone(),
                material_version: current.number,
            };
            let sealed = blob::seal(&header, &current.key, ctx, plaintext, &mut env.rng());
            Ok((sealed, alg))
        }
        Material::Asymmetric(pair) => {
            let limit = oaep_limit(key.spec, alg);
            if plaintext.len() > limit {
                return Err(Error::ValidationException(format!(
                    "Algorithm {alg} and key spec {} cannot encrypt data larger than {limit} bytes.",
                    key.spec
                )));
            }
            Ok((
                pair.public()
                    .encrypt(alg, plaintext, &mut *env.rng())
                    .ok_or_else(|| incompatible(alg, key))?,
                alg,
            ))
        }
        _ => Err(incompatible(alg, key)),
    }
}

/// Finds the key that can open a ciphertext: the one named by `KeyId`, or
/// for a symmetric blob the one its header names.
fn decrypting_key(
    kms: &mut Kms,
    env: &Env<'_>,
    ciphertext: &[u8],
    key_id: Option<&str>,
) -> Result<String, Error> {
    let header = blob::parse(ciphertext);
    let from_blob = header.as_ref().and_then(|h| {
        let account = h.account.parse().ok()?;
        let arn = key_arn(&env.caller.region, &account, &h.key_id);
        kms.keys.contains_key(&arn).then_some(arn)
    });
    let Some(key_id) = key_id else {
        return from_blob.ok_or(Error::InvalidCiphertextException);
    };
    let arn = kms.resolve(env, key_id, Scope::CrossAccount)?;
    let key = kms.key(&arn);
    if key.is_symmetric() {
        match &header {
            None => return Err(Error::InvalidCiphertextException),
            Some(h) if h.key_id != key.id || h.account != key.account.as_str() => {
                return Err(Error::IncorrectKeyException(
                    "The key ID in the request does not identify a CMK that can perform this operation.".to_owned(),
                ))
            }
            Some(_) => {}
        }
    }
    Ok(arn)
}

/// Decrypts under a resolved key, after the authorization and state checks.
fn decrypt_with(
    kms: &Kms,
    env: &Env<'_>,
    use_: &KeyUse<'_>,
    ciphertext: &[u8],
) -> Result<(Vec<u8>, EncryptionAlgorithm), Error> {
    let (key, alg) = admit(kms, env, use_)?;
    let ctx = use_.context;
    let plaintext = match &kms.backing(key).material {
        Material::Symmetric(versions) => {
            let version = blob::parse(ciphertext).map(|h| h.material_version);
            let material = versions.iter().find(|v| Some(v.number) == version);
            material.and_then(|m| blob::open(ciphertext, &m.key, ctx))
        }
        Material::Asymmetric(pair) => pair.decrypt(alg, ciphertext),
        _ => None,
    };
    Ok((plaintext.ok_or(Error::InvalidCiphertextException)?, alg))
}

pub fn encrypt(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let plaintext = r.required_blob("Plaintext", 1, MAX_PLAINTEXT, true);
    let ctx = context(&mut r, "EncryptionContext");
    let tokens = r.string_list("GrantTokens", 10).unwrap_or_default();
    let alg = r.enumeration("EncryptionAlgorithm", EncryptionAlgorithm::ALL);
    let dry = r.bool("DryRun");
    r.finish()?;
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::CrossAccount)?;
    let (ciphertext, alg) = encrypt_with(
        kms,
        env,
        &KeyUse {
            arn: &arn,
            operation: "Encrypt",
            context: &ctx,
            algorithm: alg.as_deref(),
            tokens: &tokens,
        },
        &plaintext.unwrap_or_default(),
    )?;
    dry_run(dry)?;
    Ok(
        json!({"CiphertextBlob": base64_json(&ciphertext), "KeyId": arn, "EncryptionAlgorithm": alg.as_str()}),
    )
}

pub fn decrypt(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let ciphertext = r
        .required_blob("CiphertextBlob", 1, MAX_CIPHERTEXT, false)
        .unwrap_or_default();
    let ctx = context(&mut r, "EncryptionContext");
    let tokens = r.string_list("GrantTokens", 10).unwrap_or_default();
    let key_id = r.string("KeyId", 1, 2048);
    let alg = r.enumeration("EncryptionAlgorithm", EncryptionAlgorithm::ALL);
    let dry = r.bool("DryRun");
    r.finish()?;
    let arn = decrypting_key(kms, env, &ciphertext, key_id.as_deref())?;
    let (plaintext, alg) = decrypt_with(
        kms,
        env,
        &KeyUse {
            arn: &arn,
            operation: "Decrypt",
            context: &ctx,
            algorithm: alg.as_deref(),
            tokens: &tokens,
        },
        &ciphertext,
    )?;
    dry_run(dry)?;
    Ok(
        json!({"KeyId": arn, "Plaintext": base64_json(&plaintext), "EncryptionAlgorithm": alg.as_str()}),
    )
}

pub fn re_encrypt(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let ciphertext = r
        .required_blob("CiphertextBlob", 1, MAX_CIPHERTEXT, false)
        .unwrap_or_default();
    let source_ctx = context(&mut r, "SourceEncryptionContext");
    let source_key = r.string("SourceKeyId", 1, 2048);
    let destination_key = r.required_string("DestinationKeyId", 1, 2048);
    let destination_ctx = context(&mut r, "DestinationEncryptionContext");
    let source_alg = r.enumeration("SourceEncryptionAlgorithm", EncryptionAlgorithm::ALL);
    let destination_alg = r.enumeration("DestinationEncryptionAlgorithm", EncryptionAlgorithm::ALL);
    let tokens = r.string_list("GrantTokens", 10).unwrap_or_default();
    let dry = r.bool("DryRun");
    r.finish()?;
    let source = decrypting_key(kms, env, &ciphertext, source_key.as_deref())?;
    let destination = kms.resolve(
        env,
        &destination_key.unwrap_or_default(),
        Scope::CrossAccount,
    )?;
    let (plaintext, source_alg) = decrypt_with(
        kms,
        env,
        &KeyUse {
            arn: &source,
            operation: "ReEncryptFrom",
            context: &source_ctx,
            algorithm: source_alg.as_deref(),
            tokens: &tokens,
        },
        &ciphertext,
    )?;
    let (new, destination_alg) = encrypt_with(
        kms,
        env,
        &KeyUse {
            arn: &destination,
            operation: "ReEncryptTo",
            context: &destination_ctx,
            algorithm: destination_alg.as_deref(),
            tokens: &tokens,
        },
        &plaintext,
    )?;
    dry_run(dry)?;
    Ok(json!({
        "CiphertextBlob": base64_json(&new),
        "SourceKeyId": source,
        "KeyId": destination,
        "SourceEncryptionAlgorithm": source_alg.as_str(),
        "DestinationEncryptionAlgorithm": destination_alg.as_str(),
    }))
}

/// Seals data-key plaintext under a symmetric key, for the data-key operations.
pub(super) fn seal_data_key(
    kms: &Kms,
    env: &Env<'_>,
    arn: &str,
    plaintext: &[u8],
    ctx: &EncryptionContext,
    operation: &str,
    tokens: &[String],
) -> Result<Vec<u8>, Error> {
    require_symmetric(kms.key(arn), operation).or_else(|e| {
        // Authorization comes first, as in AWS: a caller who may not use the
        // key learns nothing about its spec.
        kms.authorize(
            env,
            arn,
            &Access::to(operation).with_context(ctx).with_tokens(tokens),
        )?;
        require_enabled(kms.key(arn))?;
        Err(e)
    })?;
    encrypt_with(
        kms,
        env,
        &KeyUse {
            arn,
            operation,
            context: ctx,
            algorithm: None,
            tokens,
        },
        plaintext,
    )
    .map(|(c, _)| c)
}
