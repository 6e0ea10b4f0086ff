//! CreateSecret, PutSecretValue and UpdateSecret: new secrets and new
//! versions, with ClientRequestToken idempotency as AWS documents it (the
//! same token and value again changes nothing; the same token with another
//! value is refused)
//! (<https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutSecretValue.html>).

use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::request::Request;
use crate::secretsmanager::access::Target;
use crate::secretsmanager::envelope::{open, seal};
use crate::secretsmanager::replication;
use crate::secretsmanager::secret::{
    check_name, new_version_id, Database, Payload, Rotation, Secret, Version, CURRENT,
    MAX_STAGES_PER_VERSION,
};
use crate::secretsmanager::store::{Key, SecretsManager};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// The most a secret value may hold, in bytes.
pub const MAX_VALUE: usize = 65_536;

/// A value from SecretString or SecretBinary.
pub struct NewValue {
    pub payload: Payload,
    pub bytes: Vec<u8>,
}

impl NewValue {
    pub fn digest(&self) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update([self.payload as u8]);
        h.update(&self.bytes);
        h.finalize().into()
    }
}

/// Reads SecretString or SecretBinary (not both).
pub fn read_value(r: &mut Request<'_>) -> Option<NewValue> {
    let string = r.string("SecretString", 0, MAX_VALUE);
    let binary = r.blob("SecretBinary", 1, MAX_VALUE, true);
    match (string, binary) {
        (Some(s), None) => Some(NewValue {
            payload: Payload::String,
            bytes: s.into_bytes(),
        }),
        (None, Some(b)) => Some(NewValue {
            payload: Payload::Binary,
            bytes: b,
        }),
        _ => None,
    }
}

fn both_values(request: &Value) -> Result<(), Error> {
    let given = |m: &str| request.get(m).is_some_and(|v| !v.is_null());
    if given("SecretString") && given("SecretBinary") {
        // AWS documents that a secret takes one or the other; the message
        // follows its form.
        return Err(Error::InvalidParameterException(
            "You can't specify both a binary secret value and a string secret value in the same secret.".to_owned(),
        ));
    }
    Ok(())
}

/// What a repeated ClientRequestToken means: `Ok(true)` for a retry of the
/// same value, ResourceExistsException for another value.
fn repeated(secret: &Secret, token: &str, value: &NewValue) -> Result<bool, Error> {
    let Some(v) = secret.version(token) else {
        return Ok(false);
    };
    if v.digest == value.digest() {
        return Ok(true);
    }
    // AWS documents the refusal; the message follows moto's record of it.
    Err(Error::ResourceExistsException(format!(
        "You can't use ClientRequestToken {token} because that value is already in use for a version of secret {}",
        secret.arn
    )))
}

/// Seals `value` as a new version `id` of the secret at `key` and gives
/// it `stages` (AWSCURRENT for the first version whatever they are).
pub fn add_version(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    key: &Key,
    id: &str,
    value: &NewValue,
    stages: &[String],
) -> Result<(), Error> {
    let secret = sm.at(key);
    secret.make_room(env.now)?;
    let (key_id, arn) = (secret.key_id().to_owned(), secret.arn.clone());
    let sealed = seal(via, env, &key_id, &arn, id, &value.bytes)?;
    let secret = sm.at(key);
    let first = secret.versions.is_empty();
    secret.versions.push(Version {
        id: id.to_owned(),
        stages: Vec::new(),
        created: env.now,
        last_accessed: None,
        payload: value.payload,
        sealed,
        kms_key_id: key_id,
        digest: value.digest(),
    });
    let mut stages = stages.to_vec();
    if first && !stages.iter().any(|s| s == CURRENT) {
        stages.push(CURRENT.to_owned());
    }
    for stage in &stages {
        secret.move_stage(stage, id);
    }
    secret.last_changed = env.now;
    if secret.database.is_none() && value.payload == Payload::String {
        secret.database = database_of(&value.bytes);
    }
    Ok(())
}

/// The database user a `{"username", "password", …}` value describes.
pub fn database_of(value: &[u8]) -> Option<Database> {
    let json: Value = serde_json::from_slice(value).ok()?;
    Some(Database {
        username: json["username"].as_str()?.to_owned(),
        password: json["password"].as_str()?.to_owned(),
    })
}

fn token(r: &mut Request<'_>, env: &Env<'_>) -> String {
    r.string("ClientRequestToken", 32, 64)
        .unwrap_or_else(|| new_version_id(&mut env.rng()))
}

pub fn create_secret(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    let name = r.required_string("Name", 1, 512).unwrap_or_default();
    let given_token = r.string("ClientRequestToken", 32, 64);
    let description = r.string("Description", 0, 2048);
    let kms_key_id = r.string("KmsKeyId", 0, 2048);
    let value = read_value(&mut r);
    let tags = r.tags("Tags");
    let replicas = replication::read_regions(r.raw("AddReplicaRegions"))?;
    let force = r.bool("ForceOverwriteReplicaSecret").unwrap_or(false);
    r.finish()?;
    both_values(request)?;
    check_name(&name)?;
    if let Some(key) = &target.key {
        let existing = sm.at(key);
        if existing.is_deleted() {
            // Recorded from AWS in public error logs (redpanda-data/console#1835).
            return Err(Error::InvalidRequestException(
                "You can't create this secret because a secret with this name is already scheduled for deletion.".to_owned(),
            ));
        }
        if let (Some(t), Some(v)) = (&given_token, &value) {
            if repeated(existing, t, v)? {
                return Ok(created(existing, Some(t)));
            }
        }
        return Err(Error::ResourceExistsException(format!(
            "The operation failed because the secret {name} already exists."
        )));
    }
    let arn = target.arn.clone().unwrap_or_default();
    let (account, region) = (
        env.caller.account().to_string(),
        env.caller.region.to_string(),
    );
    let key: Key = ((account.clone(), region.clone()), name.clone());
    let secret = Secret {
        name: name.clone(),
        arn,
        account,
        region,
        description,
        kms_key_id: kms_key_id.filter(|k| !k.is_empty()),
        tags,
        versions: Vec::new(),
        created: env.now,
        last_changed: env.now,
        last_accessed: None,
        deleted: None,
        deletion_date: None,
        rotation: Rotation::default(),
        policy: None,
        replicas: Vec::new(),
        primary_region: None,
        database: None,
    };
    replication::check_regions(&secret, &replicas)?;
    // Seal before storing, so a KMS refusal leaves no secret behind.
    let mut staged = SecretsManager::default();
    staged.insert(secret);
    let id = given_token.unwrap_or_else(|| new_version_id(&mut env.rng()));
    if let Some(v) = &value {
        add_version(&mut staged, env, via, &key, &id, v, &[])?;
    }
    let secret = staged.remove(&key).expect("just staged");
    sm.insert(secret);
    if !replicas.is_empty() {
        replication::add(sm, env, via, &key, &replicas, force)?;
    }
    Ok(created(sm.at(&key), value.as_ref().map(|_| &id)))
}

fn created(secret: &Secret, version: Option<&String>) -> Value {
    let mut answer = secret.names();
    if let Some(id) = version {
        answer["VersionId"] = json!(id);
    }
    if !secret.replicas.is_empty() {
        answer["ReplicationStatus"] = secret.replication_view();
    }
    answer
}

pub fn put_secret_value(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    r.required_string("SecretId", 1, 2048);
    let id = token(&mut r, env);
    let value = read_value(&mut r);
    let stages = r.string_list("VersionStages", MAX_STAGES_PER_VERSION);
    r.finish()?;
    both_values(request)?;
    let key = target.found()?;
    let Some(value) = value else {
        // AWS documents that one of the two is required; the message
        // follows its form.
        return Err(Error::InvalidRequestException(
            "You must provide either SecretString or SecretBinary.".to_owned(),
        ));
    };
    let stages = stages.unwrap_or_else(|| vec![CURRENT.to_owned()]);
    if !repeated(sm.at(&key), &id, &value)? {
        add_version(sm, env, via, &key, &id, &value, &stages)?;
        replication::sync(sm, env, via, &key);
    }
    let secret = sm.at(&key);
    let v = secret.version(&id).expect("the version is there");
    let mut answer = secret.names();
    answer["VersionId"] = json!(id);
    answer["VersionStages"] = json!(v.stages);
    Ok(answer)
}

pub fn update_secret(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    r.required_string("SecretId", 1, 2048);
    let id = token(&mut r, env);
    let description = r.string("Description", 0, 2048);
    let kms_key_id = r.string("KmsKeyId", 0, 2048);
    let value = read_value(&mut r);
    r.finish()?;
    both_values(request)?;
    let key = target.found()?;
    if let Some(v) = &value {
        if repeated(sm.at(&key), &id, v)? {
            return Ok(json!({"ARN": sm.at(&key).arn, "Name": key.1, "VersionId": id}));
        }
    }
    let secret = sm.at(&key);
    let new_key = kms_key_id.filter(|k| Some(k) != secret.kms_key_id.as_ref());
    if let Some(d) = description {
        secret.description = Some(d);
    }
    secret.last_changed = env.now;
    if let Some(k) = &new_key {
        secret.kms_key_id = Some(k.clone());
    }
    match &value {
        Some(v) => add_version(sm, env, via, &key, &id, v, &[CURRENT.to_owned()])?,
        // A new key without a new value re-encrypts the labelled versions.
        None if new_key.is_some() => reseal_labelled(sm, env, via, &key)?,
        None => {}
    }
    replication::sync(sm, env, via, &key);
    let mut answer = sm.at(&key).names();
    if value.is_some() {
        answer["VersionId"] = json!(id);
    }
    Ok(answer)
}

/// Re-encrypts every version with a staging label under the secret's key.
fn reseal_labelled(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    key: &Key,
) -> Result<(), Error> {
    let secret = sm.at(key).clone();
    let mut resealed = Vec::new();
    for v in secret.versions.iter().filter(|v| !v.stages.is_empty()) {
        let plain = open(via, env, &secret.arn, &v.id, &v.sealed)?;
        let sealed = seal(via, env, secret.key_id(), &secret.arn, &v.id, &plain)?;
        resealed.push((v.id.clone(), sealed));
    }
    let target = sm.at(key);
    for (id, sealed) in resealed {
        if let Some(v) = target.version_mut(&id) {
            v.sealed = sealed;
            v.kms_key_id = secret.key_id().to_owned();
        }
    }
    Ok(())
}
