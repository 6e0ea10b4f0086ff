//! Sign, Verify and GetPublicKey for asymmetric keys; GenerateMac and
//! VerifyMac for HMAC keys.

use crate::kms::authorization::key_state::{require_enabled, require_usage};
use crate::kms::authorization::{Access, Scope};
use crate::kms::model::crypto::{
    digest_for, hmac, hmac_matches, sign as sign_digest, verify as verify_digest, Material,
};
use crate::kms::model::keys::{Key, KeyUsage, MacAlgorithm, SigningAlgorithm};
use crate::kms::model::wire::dry_run;
use crate::kms::model::Kms;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::request::{base64_json, Request};
use serde_json::{json, Value};

const MESSAGE_TYPES: &[&str] = &["RAW", "DIGEST"];

fn incompatible(alg: &str, key: &Key) -> Error {
    Error::InvalidKeyUsageException(format!(
        "Algorithm {alg} is incompatible with key spec {}.",
        key.spec
    ))
}

/// The request of Sign and Verify, checked, with the digest to sign.
struct Signing {
    arn: String,
    alg: SigningAlgorithm,
    digest: Vec<u8>,
    signature: Option<Vec<u8>>,
    dry: Option<bool>,
}

fn signing_request(
    kms: &mut Kms,
    env: &Env<'_>,
    body: &Value,
    operation: &str,
) -> Result<Signing, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let message = r.required_blob("Message", 1, 4096, true);
    let message_type = r
        .enumeration("MessageType", MESSAGE_TYPES)
        .unwrap_or_else(|| "RAW".to_owned());
    let signature = if operation == "Verify" {
        r.required_blob("Signature", 1, 6144, false)
    } else {
        None
    };
    let alg = r.required_enumeration("SigningAlgorithm", SigningAlgorithm::ALL);
    let tokens = r.string_list("GrantTokens", 10).unwrap_or_default();
    let dry = r.bool("DryRun");
    r.finish()?;
    let alg = SigningAlgorithm::parse(&alg.unwrap_or_default()).expect("validated enum");
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::CrossAccount)?;
    let access = Access::to(operation)
        .with_tokens(&tokens)
        .with("kms:SigningAlgorithm", alg.as_str())
        .with("kms:MessageType", &message_type);
    kms.authorize(env, &arn, &access)?;
    let key = kms.key(&arn);
    require_enabled(key)?;
    require_usage(key, KeyUsage::SignVerify, operation)?;
    if !key.spec.signing_algorithms().contains(&alg) {
        return Err(incompatible(alg.as_str(), key));
    }
    let message = message.unwrap_or_default();
    let digest = if message_type == "DIGEST" {
        if message.len() != alg.digest_len() {
            return Err(Error::ValidationException(format!(
                "Digest is invalid length for algorithm {alg}."
            )));
        }
        message
    } else {
        digest_for(alg, &message)
    };
    Ok(Signing {
        arn,
        alg,
        digest,
        signature,
        dry,
    })
}

pub fn sign(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let s = signing_request(kms, env, body, "Sign")?;
    dry_run(s.dry)?;
    let material = &kms.backing(kms.key(&s.arn)).material;
    let signature = sign_digest(material, s.alg, &s.digest, &mut env.rng())
        .ok_or_else(|| incompatible(s.alg.as_str(), kms.key(&s.arn)))?;
    Ok(
        json!({"KeyId": s.arn, "Signature": base64_json(&signature), "SigningAlgorithm": s.alg.as_str()}),
    )
}

pub fn verify(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let s = signing_request(kms, env, body, "Verify")?;
    dry_run(s.dry)?;
    let material = &kms.backing(kms.key(&s.arn)).material;
    if !verify_digest(material, s.alg, &s.digest, &s.signature.unwrap_or_default()) {
        return Err(Error::KMSInvalidSignatureException);
    }
    Ok(json!({"KeyId": s.arn, "SignatureValid": true, "SigningAlgorithm": s.alg.as_str()}))
}

pub fn get_public_key(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let tokens = r.string_list("GrantTokens", 10).unwrap_or_default();
    r.finish()?;
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::CrossAccount)?;
    kms.authorize(env, &arn, &Access::to("GetPublicKey").with_tokens(&tokens))?;
    let key = kms.key(&arn);
    require_enabled(key)?;
    let public = kms.backing(key).material.public_key_der().ok_or_else(|| {
        Error::UnsupportedOperationException(format!(
            "{arn} key spec is {} which is not valid for GetPublicKey.",
            key.spec
        ))
    })?;
    let mut out = json!({
        "KeyId": arn,
        "PublicKey": base64_json(&public),
        "CustomerMasterKeySpec": key.spec.as_str(),
        "KeySpec": key.spec.as_str(),
        "KeyUsage": key.usage.as_str(),
    });
    match key.usage {
        KeyUsage::EncryptDecrypt => {
            out["EncryptionAlgorithms"] = json!(key
                .spec
                .encryption_algorithms()
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>());
        }
        _ => {
            out["SigningAlgorithms"] = json!(key
                .spec
                .signing_algorithms()
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>());
        }
    }
    Ok(out)
}

/// A checked MAC request: key ARN, algorithm, the key's HMAC secret, the
/// message, the MAC given (VerifyMac), and DryRun.
struct MacRequest {
    arn: String,
    alg: MacAlgorithm,
    secret: Vec<u8>,
    message: Vec<u8>,
    given: Option<Vec<u8>>,
    dry: Option<bool>,
}

/// Checks a MAC request.
fn mac_request(
    kms: &mut Kms,
    env: &Env<'_>,
    body: &Value,
    operation: &str,
) -> Result<MacRequest, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let message = r.required_blob("Message", 1, 4096, true);
    let alg = r.required_enumeration("MacAlgorithm", MacAlgorithm::ALL);
    let mac = if operation == "VerifyMac" {
        r.required_blob("Mac", 1, 6144, false)
    } else {
        None
    };
    let tokens = r.string_list("GrantTokens", 10).unwrap_or_default();
    let dry = r.bool("DryRun");
    r.finish()?;
    let alg = MacAlgorithm::parse(&alg.unwrap_or_default()).expect("validated enum");
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::CrossAccount)?;
    kms.authorize(
        env,
        &arn,
        &Access::to(operation)
            .with_tokens(&tokens)
            .with("kms:MacAlgorithm", alg.as_str()),
    )?;
    let key = kms.key(&arn);
    require_enabled(key)?;
    require_usage(key, KeyUsage::GenerateVerifyMac, operation)?;
    if key.spec.mac_algorithm() != Some(alg) {
        return Err(incompatible(alg.as_str(), key));
    }
    let Material::Hmac(secret) = &kms.backing(key).material else {
        return Err(incompatible(alg.as_str(), key));
    };
    Ok(MacRequest {
        secret: secret.clone(),
        message: message.unwrap_or_default(),
        arn,
        alg,
        given: mac,
        dry,
    })
}

pub fn generate_mac(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let req = mac_request(kms, env, body, "GenerateMac")?;
    dry_run(req.dry)?;
    let mac = hmac(req.alg, &req.secret, &req.message);
    Ok(json!({"Mac": base64_json(&mac), "MacAlgorithm": req.alg.as_str(), "KeyId": req.arn}))
}

pub fn verify_mac(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let req = mac_request(kms, env, body, "VerifyMac")?;
    dry_run(req.dry)?;
    let given = req.given.unwrap_or_default();
    if !hmac_matches(req.alg, &req.secret, &req.message, &given) {
        return Err(Error::KMSInvalidMacException);
    }
    Ok(json!({"KeyId": req.arn, "MacValid": true, "MacAlgorithm": req.alg.as_str()}))
}
