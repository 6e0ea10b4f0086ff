//! Tags: TagResource, UntagResource and ListResourceTags, with AWS's limits
//! (keys 1–128 characters, values 0–256, at most 50 tags, no `aws:` prefix).

use crate::kms::authorization::key_state::require_not_pending_deletion;
use crate::kms::authorization::{Access, Scope};
use crate::kms::model::Kms;
use crate::platform::env::Env;
use crate::platform::error::Error;
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub const MAX_TAGS: usize = 50;

/// Reads a `Tags` list of `{TagKey, TagValue}`, checking each as AWS does.
pub fn parse_tags(tags: Option<&Value>) -> Result<Vec<(String, String)>, Error> {
    let Some(list) = tags else {
        return Ok(Vec::new());
    };
    let list = list.as_array().ok_or_else(|| {
        Error::SerializationException("Expected a list of tags at 'tags'".to_owned())
    })?;
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, tag) in list.iter().enumerate() {
        let key = tag
            .get("TagKey")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let value = tag
            .get("TagValue")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let at = |m: &str| format!("tags.{}.member.{m}", i + 1);
        if key.is_empty() || key.chars().count() > 128 {
            let c = if key.is_empty() {
                "greater than or equal to 1"
            } else {
                "less than or equal to 128"
            };
            problems.push(format!(
                "Value '{key}' at '{}' failed to satisfy constraint: Member must have length {c}",
                at("tagKey")
            ));
        }
        if value.chars().count() > 256 {
            problems.push(format!(
                "Value '{value}' at '{}' failed to satisfy constraint: Member must have length less than or equal to 256",
                at("tagValue")
            ));
        }
        out.push((key.to_owned(), value.to_owned()));
    }
    if !problems.is_empty() {
        return Err(Error::validation(&problems));
    }
    if out
        .iter()
        .any(|(k, _)| k.to_ascii_lowercase().starts_with("aws:"))
    {
        return Err(Error::TagException(
            "Tags beginning with aws: are reserved".to_owned(),
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    if !out.iter().all(|(k, _)| seen.insert(k.clone())) {
        return Err(Error::TagException("Duplicate tag keys".to_owned()));
    }
    Ok(out)
}

/// Adds tags, refusing to go past the limit.
pub fn apply(
    existing: &mut BTreeMap<String, String>,
    new: Vec<(String, String)>,
) -> Result<(), Error> {
    let mut merged = existing.clone();
    merged.extend(new);
    if merged.len() > MAX_TAGS {
        return Err(Error::TagException("Too many tags".to_owned()));
    }
    *existing = merged;
    Ok(())
}

pub fn tags_json(tags: &BTreeMap<String, String>) -> Value {
    json!(tags
        .iter()
        .map(|(k, v)| json!({"TagKey": k, "TagValue": v}))
        .collect::<Vec<_>>())
}

fn key_arn(kms: &mut Kms, env: &Env<'_>, body: &Value, operation: &str) -> Result<String, Error> {
    let key_id = body.get("KeyId").and_then(Value::as_str);
    let Some(key_id) = key_id else {
        return Err(Error::validation(&[
            "Value null at 'keyId' failed to satisfy constraint: Member must not be null"
                .to_owned(),
        ]));
    };
    let arn = kms.resolve(env, key_id, Scope::SameAccount)?;
    kms.authorize(env, &arn, &Access::to(operation))?;
    Ok(arn)
}

pub fn tag_resource(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let arn = key_arn(kms, env, body, "TagResource")?;
    let tags = parse_tags(body.get("Tags"))?;
    require_not_pending_deletion(kms.key(&arn))?;
    apply(&mut kms.key_mut(&arn).tags, tags)?;
    Ok(json!({}))
}

pub fn untag_resource(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let arn = key_arn(kms, env, body, "UntagResource")?;
    let keys: Vec<String> =
        serde_json::from_value(body.get("TagKeys").cloned().unwrap_or(json!([]))).map_err(
            |_| Error::SerializationException("Expected a list of strings at 'tagKeys'".to_owned()),
        )?;
    require_not_pending_deletion(kms.key(&arn))?;
    let tags = &mut kms.key_mut(&arn).tags;
    for k in keys {
        tags.remove(&k);
    }
    Ok(json!({}))
}

pub fn list_resource_tags(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let arn = key_arn(kms, env, body, "ListResourceTags")?;
    Ok(json!({"Tags": tags_json(&kms.key(&arn).tags), "Truncated": false}))
}
