//! Reading secrets: GetSecretValue (by VersionId or VersionStage,
//! AWSCURRENT by default), DescribeSecret, ListSecrets with its filters,
//! and ListSecretVersionIds
//! (<https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html>).

use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::paging::{window, with_marker};
use crate::platform::request::{base64_json, Request};
use crate::secretsmanager::access::{only_secret_id, Target};
use crate::secretsmanager::envelope::open;
use crate::secretsmanager::secret::{day_of, Payload, Secret, CURRENT};
use crate::secretsmanager::store::{scope, SecretsManager};
use serde_json::{json, Value};

/// The filter keys ListSecrets knows.
const FILTER_KEYS: &[&str] = &[
    "description",
    "name",
    "tag-key",
    "tag-value",
    "primary-region",
    "owning-service",
    "all",
];

pub fn get_secret_value(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    r.required_string("SecretId", 1, 2048);
    let version_id = r.string("VersionId", 32, 64);
    let stage = r.string("VersionStage", 1, 256);
    r.finish()?;
    let key = target.found()?;
    let secret = sm.at(&key);
    let version = match (&version_id, &stage) {
        (Some(id), _) => {
            let v = secret.version(id).ok_or_else(|| {
                Error::ResourceNotFoundException(format!(
                    "Secrets Manager can't find the specified secret value for VersionId: {id}"
                ))
            })?;
            if stage.as_ref().is_some_and(|s| !v.has(s)) {
                // The message follows moto's record of AWS's.
                return Err(Error::InvalidRequestException(
                    "You provided a VersionStage that is not associated to the provided VersionId."
                        .to_owned(),
                ));
            }
            v
        }
        (None, stage) => {
            let stage = stage.as_deref().unwrap_or(CURRENT);
            secret.staged(stage).ok_or_else(|| {
                // Recorded from AWS in public error logs and moto's tests.
                Error::ResourceNotFoundException(format!(
                    "Secrets Manager can't find the specified secret value for staging label: {stage}"
                ))
            })?
        }
    }
    .clone();
    let plain = open(via, env, &secret.arn, &version.id, &version.sealed)?;
    let secret = sm.at(&key);
    secret.last_accessed = Some(day_of(env.now));
    if let Some(v) = secret.version_mut(&version.id) {
        v.last_accessed = Some(day_of(env.now));
    }
    let mut answer = secret.names();
    answer["VersionId"] = json!(version.id);
    match version.payload {
        Payload::String => {
            answer["SecretString"] = json!(String::from_utf8_lossy(&plain));
        }
        Payload::Binary => answer["SecretBinary"] = base64_json(&plain),
    }
    answer["VersionStages"] = json!(version.stages);
    answer["CreatedDate"] = json!(version.created);
    Ok(answer)
}

pub fn describe_secret(
    sm: &mut SecretsManager,
    _env: &Env<'_>,
    _via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let key = only_secret_id(request, target)?;
    Ok(sm.at(&key).describe("VersionIdsToStages"))
}

/// Whether `text` matches a filter value: a prefix, or with a leading `!`
/// anything without that prefix.
fn prefix(text: &str, value: &str) -> bool {
    match value.strip_prefix('!') {
        Some(v) => !text.starts_with(v),
        None => text.starts_with(value),
    }
}

fn filter_matches(s: &Secret, key: &str, values: &[String]) -> bool {
    let any = |texts: Vec<&str>| values.iter().any(|v| texts.iter().any(|t| prefix(t, v)));
    let tag_keys = || s.tags.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>();
    let tag_values = || s.tags.iter().map(|(_, v)| v.as_str()).collect::<Vec<_>>();
    match key {
        "name" => any(vec![&s.name]),
        "description" => any(vec![s.description.as_deref().unwrap_or_default()]),
        "tag-key" => any(tag_keys()),
        "tag-value" => any(tag_values()),
        "primary-region" => any(s.primary_region.as_deref().into_iter().collect()),
        "owning-service" => false,
        _ => {
            let mut all = vec![
                s.name.as_str(),
                s.description.as_deref().unwrap_or_default(),
            ];
            all.extend(tag_keys());
            all.extend(tag_values());
            any(all)
        }
    }
}

fn read_filters(raw: Option<&Value>) -> Result<Vec<(String, Vec<String>)>, Error> {
    let mut out = Vec::new();
    for f in raw.and_then(Value::as_array).into_iter().flatten() {
        let key = f["Key"].as_str().unwrap_or_default().to_owned();
        if !FILTER_KEYS.contains(&key.as_str()) {
            return Err(Error::validation(&[format!(
                "Value '{key}' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: [{}]",
                FILTER_KEYS.join(", ")
            )]));
        }
        let values = f["Values"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        out.push((key, values));
    }
    Ok(out)
}

/// The Secrets Manager exception for a token it did not hand out.
fn bad_token() -> Error {
    // AWS documents the exception's description only; it is the message here.
    Error::InvalidNextTokenException("The NextToken value isn't valid.".to_owned())
}

pub fn list_secrets(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    _via: &mut ViaService<'_>,
    _target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    let planned = r.bool("IncludePlannedDeletion").unwrap_or(false);
    let limit = r.int("MaxResults", 1, 100).unwrap_or(100);
    let token = r.string("NextToken", 1, 4096);
    let order = r.enumeration("SortOrder", &["asc", "desc"]);
    let filters = read_filters(r.raw("Filters"))?;
    r.finish()?;
    let mut found: Vec<&Secret> = sm
        .in_scope(&scope(env))
        .filter(|s| planned || !s.is_deleted())
        .filter(|s| filters.iter().all(|(k, v)| filter_matches(s, k, v)))
        .collect();
    found.sort_by_key(|s| (s.created, s.name.clone()));
    if order.as_deref() == Some("desc") {
        found.reverse();
    }
    let (range, next) =
        window(found.len(), limit as usize, token.as_deref()).ok_or_else(bad_token)?;
    let list: Vec<Value> = found[range]
        .iter()
        .map(|s| s.describe("SecretVersionsToStages"))
        .collect();
    Ok(with_marker(json!({"SecretList": list}), "NextToken", next))
}

pub fn list_secret_version_ids(
    sm: &mut SecretsManager,
    _env: &Env<'_>,
    _via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    r.required_string("SecretId", 1, 2048);
    let limit = r.int("MaxResults", 1, 100).unwrap_or(100);
    let token = r.string("NextToken", 1, 4096);
    let deprecated = r.bool("IncludeDeprecated").unwrap_or(false);
    r.finish()?;
    let key = target.found()?;
    let secret = sm.at(&key);
    let versions: Vec<Value> = secret
        .versions
        .iter()
        .rev()
        .filter(|v| deprecated || !v.stages.is_empty())
        .map(|v| {
            let mut m = json!({"VersionId": v.id, "VersionStages": v.stages});
            if let Some(t) = v.last_accessed {
                m["LastAccessedDate"] = json!(t);
            }
            m["CreatedDate"] = json!(v.created);
            m["KmsKeyIds"] = json!([v.kms_key_id]);
            m
        })
        .collect();
    let (range, next) =
        window(versions.len(), limit as usize, token.as_deref()).ok_or_else(bad_token)?;
    let answer = json!({"Versions": versions[range], "ARN": secret.arn, "Name": secret.name});
    Ok(with_marker(answer, "NextToken", next))
}
