//! Aliases: friendly names for keys, unique per account and Region, which
//! must begin with `alias/`; `alias/aws/` is reserved for AWS managed keys
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html>).

use crate::kms::authorization::key_state::require_not_pending_deletion;
use crate::kms::authorization::{Access, Scope};
use crate::kms::model::keys::{alias_arn, key_arn, KeyManager};
use crate::kms::model::wire::page;
use crate::kms::model::{Alias, Kms};
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::request::Request;
use serde_json::{json, Value};

fn check_name(name: &str) -> Result<(), Error> {
    if !name.starts_with("alias/") {
        return Err(Error::ValidationException(
            "Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html".to_owned(),
        ));
    }
    let rest = &name["alias/".len()..];
    let well_formed = !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/_-".contains(&b));
    if !well_formed {
        return Err(Error::InvalidAliasNameException(format!(
            "Alias name {name} contains characters that are not alphanumeric, forward slashes (/), underscores (_), or dashes (-)."
        )));
    }
    if name.starts_with("alias/aws/") {
        return Err(Error::InvalidAliasNameException(format!(
            "Alias name {name} must not begin with alias/aws/. That prefix is reserved for AWS managed keys."
        )));
    }
    Ok(())
}

/// Resolves the target of CreateAlias or UpdateAlias: a customer managed
/// key of the caller, not pending deletion.
fn target(
    kms: &mut Kms,
    env: &Env<'_>,
    target_key_id: &str,
    operation: &str,
) -> Result<String, Error> {
    let arn = kms.resolve(env, target_key_id, Scope::SameAccount)?;
    kms.authorize(env, &arn, &Access::to(operation))?;
    let key = kms.key(&arn);
    require_not_pending_deletion(key)?;
    if key.manager == KeyManager::Aws {
        return Err(Error::UnsupportedOperationException(format!(
            "{arn} is an AWS managed key. You cannot create or update an alias for it."
        )));
    }
    Ok(arn)
}

fn alias_name(r: &mut Request<'_>) -> Option<String> {
    r.required_string("AliasName", 1, 256)
}

pub fn create_alias(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let name = alias_name(&mut r);
    let target_key_id = r.required_string("TargetKeyId", 1, 2048);
    r.finish()?;
    let name = name.unwrap_or_default();
    check_name(&name)?;
    let arn = target(kms, env, &target_key_id.unwrap_or_default(), "CreateAlias")?;
    let alias = alias_arn(&env.caller.region, env.caller.account(), &name);
    if kms.aliases.contains_key(&alias) {
        return Err(Error::AlreadyExistsException(format!(
            "An alias with the name {alias} already exists"
        )));
    }
    if kms.aliases_of(kms.key(&arn)).len() >= 50 {
        return Err(Error::LimitExceededException(format!(
            "{arn} has reached the limit of 50 aliases."
        )));
    }
    let new = Alias::new(&name, kms.key(&arn), env.now);
    kms.aliases.insert(alias, new);
    Ok(json!({}))
}

fn existing_alias(kms: &Kms, env: &Env<'_>, name: &str) -> Result<String, Error> {
    let alias = alias_arn(&env.caller.region, env.caller.account(), name);
    if kms.aliases.contains_key(&alias) {
        Ok(alias)
    } else {
        Err(Error::NotFoundException(format!(
            "Alias {alias} is not found."
        )))
    }
}

pub fn update_alias(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let name = alias_name(&mut r).unwrap_or_default();
    let target_key_id = r.required_string("TargetKeyId", 1, 2048);
    r.finish()?;
    check_name(&name)?;
    let alias = existing_alias(kms, env, &name)?;
    let arn = target(kms, env, &target_key_id.unwrap_or_default(), "UpdateAlias")?;
    let new_key = kms.key(&arn).clone();
    let old_arn = key_arn(
        &env.caller.region,
        env.caller.account(),
        &kms.aliases[&alias].target,
    );
    if let Some(old) = kms.keys.get(&old_arn) {
        kms.authorize(env, &old_arn, &Access::to("UpdateAlias"))?;
        if (old.usage, old.is_symmetric()) != (new_key.usage, new_key.is_symmetric()) {
            return Err(Error::ValidationException(format!(
                "Alias {alias} cannot be changed from a key of type {}/{} to a key of type {}/{}.",
                old.spec, old.usage, new_key.spec, new_key.usage
            )));
        }
    }
    let a = kms.aliases.get_mut(&alias).expect("checked above");
    a.target = new_key.id;
    a.updated = env.now;
    Ok(json!({}))
}

pub fn delete_alias(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let name = alias_name(&mut r).unwrap_or_default();
    r.finish()?;
    if !name.starts_with("alias/") {
        check_name(&name)?;
    }
    let alias = existing_alias(kms, env, &name)?;
    let key_arn = key_arn(
        &env.caller.region,
        env.caller.account(),
        &kms.aliases[&alias].target,
    );
    if kms.keys.contains_key(&key_arn) {
        kms.authorize(env, &key_arn, &Access::to("DeleteAlias"))?;
    }
    kms.aliases.remove(&alias);
    Ok(json!({}))
}

pub fn list_aliases(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.string("KeyId", 1, 2048);
    let limit = r.int("Limit", 1, 100).unwrap_or(50) as usize;
    let marker = r.string("Marker", 1, 320);
    r.finish()?;
    let target = match key_id {
        Some(k) => {
            let arn = kms.resolve(env, &k, Scope::SameAccount)?;
            Some(kms.key(&arn).id.clone())
        }
        None => None,
    };
    let aliases: Vec<Value> = kms
        .aliases
        .values()
        .filter(|a| a.account == *env.caller.account() && a.region == env.caller.region)
        .filter(|a| target.as_ref().is_none_or(|t| *t == a.target))
        .map(Alias::to_json)
        .collect();
    page(aliases, "Aliases", limit, marker.as_deref())
}
