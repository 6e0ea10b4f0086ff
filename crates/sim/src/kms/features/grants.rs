//! Grants: permissions on one key for one grantee principal, limited to
//! listed operations and optionally to encryption contexts, usable at once
//! through their grant token
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/grants.html>).
//!
//! A grant token here is base64 of `KDGT`, the 32-byte grant ID and 32
//! random bytes. Grants take effect immediately in the simulator (AWS's
//! eventual consistency is not modelled), so a token is checked for form
//! and otherwise only names its grant.

use crate::kms::authorization::key_state::require_not_pending_deletion;
use crate::kms::authorization::{Access, Scope};
use crate::kms::model::crypto::hex;
use crate::kms::model::grant::{check_tokens, Constraints, Grant, GRANT_OPERATIONS, TOKEN_PREFIX};
use crate::kms::model::wire::page;
use crate::kms::model::{EncryptionContext, Kms};
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::request::Request;
use base64::Engine as _;
use serde_json::{json, Value};

fn read_constraints(r: &Request<'_>) -> Result<Option<Constraints>, Error> {
    let Some(v) = r.raw("Constraints") else {
        return Ok(None);
    };
    let map = |name: &str| -> Result<Option<EncryptionContext>, Error> {
        match v.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(m) => serde_json::from_value(m.clone()).map(Some).map_err(|_| {
                Error::SerializationException(format!(
                    "Expected a map of strings to strings at '{name}'"
                ))
            }),
        }
    };
    Ok(Some(Constraints {
        subset: map("EncryptionContextSubset")?,
        equals: map("EncryptionContextEquals")?,
    }))
}

fn grant_tokens(r: &mut Request<'_>) -> Vec<String> {
    r.string_list("GrantTokens", 10).unwrap_or_default()
}

pub fn create_grant(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let grantee = r.required_string("GranteePrincipal", 1, 256);
    let retiring = r.string("RetiringPrincipal", 1, 256);
    let operations = r.string_list("Operations", GRANT_OPERATIONS.len());
    let name = r.string("Name", 1, 256);
    let tokens = grant_tokens(&mut r);
    let constraints = read_constraints(&r)?;
    if r.raw("Operations").is_none() {
        r.enumeration("Operations", &[]);
    }
    r.finish()?;
    let operations = operations.unwrap_or_default();
    if let Some(bad) = operations
        .iter()
        .find(|o| !GRANT_OPERATIONS.contains(&o.as_str()))
    {
        return Err(Error::validation(&[format!(
            "Value '[{bad}]' at 'operations' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [{}]]",
            GRANT_OPERATIONS.join(", ")
        )]));
    }
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::CrossAccount)?;
    kms.authorize(env, &arn, &Access::to("CreateGrant").with_tokens(&tokens))?;
    require_not_pending_deletion(kms.key(&arn))?;
    let grantee = grantee.unwrap_or_default();
    if let Some(existing) = kms.grants.iter().find(|g| {
        g.key_arn == arn
            && name.is_some()
            && g.name == name
            && g.grantee == grantee
            && g.operations == operations
    }) {
        return Ok(json!({"GrantToken": existing.token, "GrantId": existing.id}));
    }
    let id_bytes = env.rng().bytes(32);
    let mut token = TOKEN_PREFIX.to_vec();
    token.extend_from_slice(&id_bytes);
    token.extend_from_slice(&env.rng().bytes(32));
    let grant = Grant {
        id: hex(&id_bytes),
        token: base64::engine::general_purpose::STANDARD.encode(token),
        key_arn: arn.clone(),
        name,
        grantee,
        retiring,
        issuing_account: env.caller.account().root_arn(),
        operations,
        constraints,
        created: env.now,
    };
    let out = json!({"GrantToken": grant.token, "GrantId": grant.id});
    kms.grants.push(grant);
    Ok(out)
}

pub fn list_grants(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let limit = r.int("Limit", 1, 100).unwrap_or(50) as usize;
    let marker = r.string("Marker", 1, 320);
    let grant_id = r.string("GrantId", 1, 128);
    let grantee = r.string("GranteePrincipal", 1, 256);
    r.finish()?;
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::CrossAccount)?;
    kms.authorize(env, &arn, &Access::to("ListGrants"))?;
    let grants: Vec<Value> = kms
        .grants
        .iter()
        .filter(|g| g.key_arn == arn)
        .filter(|g| grant_id.as_ref().is_none_or(|id| *id == g.id))
        .filter(|g| grantee.as_ref().is_none_or(|p| *p == g.grantee))
        .map(Grant::to_json)
        .collect();
    page(grants, "Grants", limit, marker.as_deref())
}

fn is_grant_id(id: &str) -> bool {
    id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

fn find_grant(kms: &Kms, arn: &str, grant_id: &str) -> Result<usize, Error> {
    if !is_grant_id(grant_id) {
        return Err(Error::InvalidGrantIdException(
            "Invalid grant ID".to_owned(),
        ));
    }
    kms.grants
        .iter()
        .position(|g| g.key_arn == arn && g.id == grant_id)
        .ok_or_else(|| Error::NotFoundException(format!("Grant ID {grant_id} not found")))
}

/// The retiring principal, or a grantee allowed to RetireGrant, may retire
/// a grant.
pub fn retire_grant(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let token = r.string("GrantToken", 1, 8192);
    let key_id = r.string("KeyId", 1, 2048);
    let grant_id = r.string("GrantId", 1, 128);
    r.finish()?;
    let index = match (token, key_id, grant_id) {
        (Some(token), _, _) => {
            check_tokens(std::slice::from_ref(&token))?;
            kms.grants
                .iter()
                .position(|g| g.token == token)
                .ok_or_else(|| Error::NotFoundException("Grant token not found".to_owned()))?
        }
        (None, Some(key_id), Some(grant_id)) => {
            let arn = kms.resolve(env, &key_id, Scope::CrossAccount)?;
            find_grant(kms, &arn, &grant_id)?
        }
        _ => {
            return Err(Error::ValidationException(
                "Grant token OR (grant ID, key ID) must be specified".to_owned(),
            ))
        }
    };
    let g = &kms.grants[index];
    let p = &env.caller.principal;
    let me = [p.policy_arn(), p.caller_arn()];
    let may = g.retiring.as_ref().is_some_and(|r| me.contains(r))
        || (me.contains(&g.grantee) && g.operations.iter().any(|o| o == "RetireGrant"));
    if !may {
        return Err(Error::AccessDeniedException(format!(
            "User: {} is not authorized to perform: kms:RetireGrant on resource: {} because no resource-based policy allows the kms:RetireGrant action",
            p.caller_arn(),
            g.key_arn
        )));
    }
    kms.grants.remove(index);
    Ok(json!({}))
}

pub fn revoke_grant(kms: &mut Kms, env: &Env<'_>, body: &Value) -> Result<Value, Error> {
    let mut r = Request::new(body)?;
    let key_id = r.required_string("KeyId", 1, 2048);
    let grant_id = r.required_string("GrantId", 1, 128);
    r.finish()?;
    let arn = kms.resolve(env, &key_id.unwrap_or_default(), Scope::CrossAccount)?;
    kms.authorize(env, &arn, &Access::to("RevokeGrant"))?;
    let index = find_grant(kms, &arn, &grant_id.unwrap_or_default())?;
    kms.grants.remove(index);
    Ok(json!({}))
}
