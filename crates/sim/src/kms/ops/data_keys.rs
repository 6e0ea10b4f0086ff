//! GenerateDataKey, GenerateDataKeyWithoutPlaintext, GenerateDataKeyPair,
//! GenerateDataKeyPairWithoutPlaintext and GenerateRandom.

use super::crypt::seal_data_key;
use crate::kms::authorization::Scope;
use crate::kms::model::keys::KeySpec;
use crate::kms::model::wire::dry_run;
use crate::kms::model::{Kms, Material};
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::request::{base64_json, Request};
use serde_json::{json, Value};

const DATA_KEY_SPECS: &[&str] = &["AES_256", "AES_128"];
const KEY_PAIR_SPECS: &[&str] = &[
    "RSA_2048",
    "RSA_3072",
    "RSA_4096",
    "ECC_NIST_P256",
    "ECC_NIST_P384",
    "ECC_NIST_P521",
    "ECC_SECG_P256K1",
];

fn data_key(
    kms: &mut Kms,
    env: &Env<'_>,
    body: &Value,
    operation: &str,
    with_plaintext: bool,
) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let ctx = r.string_map("EncryptionContext").unwrap_or_default();
    let bytes = r.int("NumberOfBytes", 1, 1024);
    let spec = r.enumeration("KeySpec", DATA_KEY_SPECS);
    let tokens = r.string_list("GrantTokens", 10).unwrap_or_default();
    let dry = r.bool("DryRun");
    r.finish()?;
    let length = match (bytes, spec.as_deref()) {
        (Some(n), None) => n as usize,
        (None, Some("AES_128")) => 16,
        (None, Some(_)) => 32,
        _ => {
            return Err(Error::ValidationException(
                "Please specify either number of bytes or key spec.".to_owned(),
            ))
        }
    };
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::CrossAccount)?;
    let plaintext = env.rng().bytes(length);
    let ciphertext = seal_data_key(kms, env, &arn, &plaintext, &ctx, operation, &tokens)?;
    dry_run(dry)?;
    let mut out = json!({"CiphertextBlob": base64_json(&ciphertext), "KeyId": arn});
    if with_plaintext {
        out["Plaintext"] = base64_json(&plaintext);
    }
    Ok(out)
}

pub fn generate_data_key(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    data_key(kms, env, body, "GenerateDataKey", true)
}

pub fn generate_data_key_without_plaintext(
    kms: &mut Kms,
    env: &Env<'_>,
    body: &Value,
) -> Result<Value, Error> {
    data_key(kms, env, body, "GenerateDataKeyWithoutPlaintext", false)
}

fn data_key_pair(
    kms: &mut Kms,
    env: &Env<'_>,
    body: &Value,
    operation: &str,
    with_plaintext: bool,
) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let ctx = r.string_map("EncryptionContext").unwrap_or_default();
    let pair_spec = r.required_enumeration("KeyPairSpec", KEY_PAIR_SPECS);
    let tokens = r.string_list("GrantTokens", 10).unwrap_or_default();
    let dry = r.bool("DryRun");
    r.finish()?;
    let pair_spec = KeySpec::parse(&pair_spec.unwrap_or_default()).unwrap_or(KeySpec::Rsa2048);
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::CrossAccount)?;
    // Check access before the (possibly slow) key-pair generation.
    seal_data_key(kms, env, &arn, &[], &ctx, operation, &tokens)?;
    dry_run(dry)?;
    let pair = Material::generate(pair_spec, env.now, &mut env.rng())?;
    let private = pair.private_key_der().unwrap_or_default();
    let public = pair.public_key_der().unwrap_or_default();
    let sealed = seal_data_key(kms, env, &arn, &private, &ctx, operation, &tokens)?;
    let mut out = json!({
        "PrivateKeyCiphertextBlob": base64_json(&sealed),
        "PublicKey": base64_json(&public),
        "KeyId": arn,
        "KeyPairSpec": pair_spec.as_str(),
    });
    if with_plaintext {
        out["PrivateKeyPlaintext"] = base64_json(&private);
    }
    Ok(out)
}

pub fn generate_data_key_pair(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    data_key_pair(kms, env, body, "GenerateDataKeyPair", true)
}

pub fn generate_data_key_pair_without_plaintext(
    kms: &mut Kms,
    env: &Env<'_>,
    body: &Value,
) -> Result<Value, Error> {
    data_key_pair(kms, env, body, "GenerateDataKeyPairWithoutPlaintext", false)
}

/// GenerateRandom names no key, so only IAM policies decide (root may).
pub fn generate_random(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let n = r.int("NumberOfBytes", 1, 1024);
    r.string("CustomKeyStoreId", 1, 64);
    r.finish()?;
    let n = n.ok_or_else(|| Error::ValidationException("NumberOfBytes is required.".to_owned()))?;
    kms.authorize_account_action(env, "kms:GenerateRandom")?;
    Ok(json!({"Plaintext": base64_json(&env.rng().bytes(n as usize))}))
}
