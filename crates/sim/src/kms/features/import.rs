//! Imported key material (`Origin` `EXTERNAL`): GetParametersForImport,
//! ImportKeyMaterial and DeleteImportedKeyMaterial, with the PendingImport
//! state and material that expires on the simulated clock
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys.html>).
//!
//! Wrapping uses RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256 with an RSA
//! wrapping key; an import token is base64 of `KDIT` and 32 random bytes,
//! valid for 24 hours.

use crate::kms::authorization::key_state::require_not_pending_deletion;
use crate::kms::authorization::{Access, Scope};
use crate::kms::model::crypto::{hex, SymmetricVersion};
use crate::kms::model::import::ImportParameters;
use crate::kms::model::keys::{EncryptionAlgorithm, ImportedMaterial, KeySpec, KeyState, Origin};
use crate::kms::model::{Key, Kms, Material};
use crate::platform::clock::{Timestamp, SECONDS_PER_DAY};
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::request::{base64_json, Request};
use serde_json::{json, Value};
use subtle::ConstantTimeEq;

const TOKEN_PREFIX: &[u8] = b"KDIT";
const WRAPPING_ALGORITHMS: &[&str] = &[
    "RSAES_PKCS1_V1_5",
    "RSAES_OAEP_SHA_1",
    "RSAES_OAEP_SHA_256",
    "RSA_AES_KEY_WRAP_SHA_1",
    "RSA_AES_KEY_WRAP_SHA_256",
];
const WRAPPING_KEY_SPECS: &[&str] = &["RSA_2048", "RSA_3072", "RSA_4096"];

fn wrong_origin(arn: &str, origin: Origin) -> Error {
    Error::UnsupportedOperationException(format!(
        "{arn} origin is {origin} which is not valid for this operation."
    ))
}

fn external_key(
    kms: &mut Kms,
    env: &Env<'_>,
    key_id: &str,
    operation: &str,
) -> Result<String, Error> {
    let arn = kms.resolve(env, key_id, Scope::SameAccount)?;
    kms.authorize(env, &arn, &Access::to(operation))?;
    let key = kms.key(&arn);
    if key.origin != Origin::External {
        return Err(wrong_origin(&arn, key.origin));
    }
    require_not_pending_deletion(key)?;
    Ok(arn)
}

pub fn get_parameters_for_import(
    kms: &mut Kms,
    env: &Env<'_>,
    body: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let algorithm = r.required_enumeration("WrappingAlgorithm", WRAPPING_ALGORITHMS);
    let spec = r.required_enumeration("WrappingKeySpec", WRAPPING_KEY_SPECS);
    r.finish()?;
    let arn = external_key(
        kms,
        env,
        &key_id.unwrap_or_default(),
        "GetParametersForImport",
    )?;
    let algorithm = match algorithm.as_deref() {
        Some("RSAES_OAEP_SHA_1") => EncryptionAlgorithm::RsaesOaepSha1,
        Some("RSAES_OAEP_SHA_256") => EncryptionAlgorithm::RsaesOaepSha256,
        other => {
            return Err(Error::UnsupportedOperationException(format!(
                "Wrapping algorithm {} is not supported by the KeyDeck simulator; use RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256.",
                other.unwrap_or_default()
            )))
        }
    };
    let spec = KeySpec::parse(&spec.unwrap_or_default()).unwrap_or(KeySpec::Rsa2048);
    let Material::Asymmetric(wrapping_key) = Material::generate(spec, env.now, &mut env.rng())?
    else {
        unreachable!("an RSA spec makes RSA material")
    };
    let public = wrapping_key.public().der();
    let id = env.rng().bytes(32);
    let mut token = TOKEN_PREFIX.to_vec();
    token.extend_from_slice(&id);
    let valid_to = env.now + SECONDS_PER_DAY;
    kms.imports.insert(
        hex(&id),
        ImportParameters {
            key_arn: arn.clone(),
            wrapping_key,
            algorithm,
            valid_to,
        },
    );
    Ok(
        json!({"KeyId": arn, "ImportToken": base64_json(&token), "PublicKey": base64_json(&public), "ParametersValidTo": valid_to}),
    )
}

fn import_parameters<'k>(
    kms: &'k Kms,
    env: &Env<'_>,
    arn: &str,
    token: &[u8],
) -> Result<&'k ImportParameters, Error> {
    let invalid =
        || Error::InvalidImportTokenException("Import token is invalid for this key.".to_owned());
    let id = token
        .strip_prefix(TOKEN_PREFIX)
        .filter(|id| id.len() == 32)
        .ok_or_else(invalid)?;
    let params = kms
        .imports
        .get(&hex(id))
        .filter(|p| p.key_arn == arn)
        .ok_or_else(invalid)?;
    if params.valid_to <= env.now {
        return Err(Error::ExpiredImportTokenException(
            "Import token has expired.".to_owned(),
        ));
    }
    Ok(params)
}

fn expiry(
    model: Option<&str>,
    valid_to: Option<i64>,
    now: Timestamp,
) -> Result<Option<Timestamp>, Error> {
    match (model, valid_to) {
        (Some("KEY_MATERIAL_EXPIRES"), None) => Err(Error::ValidationException(
            "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES".to_owned(),
        )),
        (Some("KEY_MATERIAL_DOES_NOT_EXPIRE"), Some(_)) => Err(Error::ValidationException(
            "A validTo date must not be set if the ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE"
                .to_owned(),
        )),
        (_, Some(t)) if t <= now => Err(Error::ValidationException(
            "The validTo date must be in the future.".to_owned(),
        )),
        (_, t) => Ok(t),
    }
}

pub fn import_key_material(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let token = r.required_blob("ImportToken", 1, 6144, false);
    let wrapped = r.required_blob("EncryptedKeyMaterial", 1, 6144, false);
    let model = r.enumeration(
        "ExpirationModel",
        &["KEY_MATERIAL_EXPIRES", "KEY_MATERIAL_DOES_NOT_EXPIRE"],
    );
    let valid_to = r.raw("ValidTo").and_then(Value::as_f64).map(|t| t as i64);
    r.finish()?;
    let arn = external_key(kms, env, &key_id.unwrap_or_default(), "ImportKeyMaterial")?;
    let valid_to = expiry(model.as_deref(), valid_to, env.now)?;
    let params = import_parameters(kms, env, &arn, &token.unwrap_or_default())?;
    let material = params
        .wrapping_key
        .decrypt(params.algorithm, &wrapped.unwrap_or_default())
        .ok_or(Error::InvalidCiphertextException)?;
    let material: [u8; 32] = material.try_into().map_err(|_| {
        Error::IncorrectKeyMaterialException(
            "The key material must be a 256-bit symmetric key.".to_owned(),
        )
    })?;
    let backing_id = kms.key(&arn).backing_id();
    let Material::Symmetric(versions) = &mut kms.backing_mut(&backing_id).material else {
        unreachable!("imported keys are symmetric")
    };
    match versions.first() {
        Some(v) if !bool::from(v.key.as_slice().ct_eq(&material)) => {
            return Err(Error::IncorrectKeyMaterialException(
                "The key material in the request is different from the key material previously imported into this KMS key.".to_owned(),
            ))
        }
        Some(_) => {}
        None => versions.push(SymmetricVersion { number: 1, key: material, created: env.now }),
    }
    let key = kms.key_mut(&arn);
    key.imported = Some(ImportedMaterial { valid_to });
    if key.state == KeyState::PendingImport {
        key.state = KeyState::Enabled;
    }
    Ok(json!({}))
}

fn unimport(kms: &mut Kms, arn: &str) {
    let key = kms.key_mut(arn);
    key.imported = None;
    if key.state != KeyState::PendingDeletion {
        key.state = KeyState::PendingImport;
    }
}

pub fn delete_imported_key_material(
    kms: &mut Kms,
    env: &Env<'_>,
    body: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    r.finish()?;
    let arn = external_key(
        kms,
        env,
        &key_id.unwrap_or_default(),
        "DeleteImportedKeyMaterial",
    )?;
    unimport(kms, &arn);
    Ok(json!({}))
}

/// Imported material whose `ValidTo` has passed is deleted, and its key
/// returns to PendingImport.
pub fn expire_due_material(kms: &mut Kms, now: Timestamp) {
    let due: Vec<String> = kms
        .keys
        .values()
        .filter(|k| {
            k.imported
                .and_then(|i| i.valid_to)
                .is_some_and(|t| t <= now)
        })
        .map(Key::arn)
        .collect();
    for arn in due {
        unimport(kms, &arn);
    }
}
