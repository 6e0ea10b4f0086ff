//! Parameter Store's state: the parameters of each account and Region, by
//! name, and the lookups every operation shares.

use crate::platform::clock::Timestamp;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::ssm::parameter::{Parameter, Tier, Version};
use crate::ssm::policies;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// An account and Region: parameters are unique within one.
pub type Scope = (String, String);

/// Every simulated account's and Region's parameters.
#[derive(Debug, Clone, Default)]
pub struct Ssm {
    scopes: BTreeMap<Scope, BTreeMap<String, Parameter>>,
}

/// The account and Region of the caller in `env`.
pub fn scope(env: &Env<'_>) -> Scope {
    (
        env.caller.account().to_string(),
        env.caller.region.to_string(),
    )
}

impl Ssm {
    /// The caller's parameters, sorted by name.
    pub fn parameters(&self, env: &Env<'_>) -> impl Iterator<Item = &Parameter> {
        self.scopes
            .get(&scope(env))
            .into_iter()
            .flat_map(|m| m.values())
    }

    /// Every account's and Region's parameters, by account, Region, then name.
    pub fn all(&self) -> impl Iterator<Item = (&Scope, &Parameter)> {
        self.scopes
            .iter()
            .flat_map(|(scope, m)| m.values().map(move |p| (scope, p)))
    }

    pub fn parameters_mut(&mut self, env: &Env<'_>) -> &mut BTreeMap<String, Parameter> {
        self.scopes.entry(scope(env)).or_default()
    }

    pub fn get(&self, env: &Env<'_>, name: &str) -> Option<&Parameter> {
        self.scopes.get(&scope(env))?.get(name)
    }

    /// The caller's parameter `name`, or ParameterNotFound.
    pub fn find(&self, env: &Env<'_>, name: &str) -> Result<&Parameter, Error> {
        self.get(env, name).ok_or(Error::ParameterNotFound)
    }

    pub fn find_mut(&mut self, env: &Env<'_>, name: &str) -> Result<&mut Parameter, Error> {
        self.parameters_mut(env)
            .get_mut(name)
            .ok_or(Error::ParameterNotFound)
    }

    /// Applies the parameter policies the clock has made due: each firing
    /// is returned as (Region, account, event detail), and expired
    /// parameters are deleted.
    pub fn tick(&mut self, now: Timestamp) -> Vec<(String, String, Value)> {
        let mut events = Vec::new();
        for ((account, region), params) in &mut self.scopes {
            let mut expired = Vec::new();
            for p in params.values_mut() {
                let v = p.versions.last_mut().expect("a parameter has a version");
                let (fired, expires) = policies::due(&mut v.policies, v.last_modified, now);
                for policy in fired {
                    let detail = json!({"parameterName": p.name, "parameterType": v.kind.as_str(), "policyType": policy});
                    events.push((region.clone(), account.clone(), detail));
                }
                if expires {
                    expired.push(p.name.clone());
                }
            }
            for name in expired {
                params.remove(&name);
            }
        }
        events
    }

    /// How many of the caller's parameters are in `tier`.
    pub fn count(&self, env: &Env<'_>, tier: Tier) -> usize {
        self.parameters(env).filter(|p| p.tier() == tier).count()
    }
}

/// A `name`, `name:version` or `name:label` selector, resolved to the
/// version it names: ParameterNotFound for an unknown name or label (or a
/// selector with two colons), ParameterVersionNotFound for an unknown
/// version (messages as moto's tests record AWS's).
pub fn select<'p>(
    ssm: &'p Ssm,
    env: &Env<'_>,
    selector: &str,
) -> Result<(&'p Parameter, &'p Version, Option<String>), Error> {
    let (name, which) = match selector.split_once(':') {
        None => (selector, None),
        Some((_, rest)) if rest.contains(':') => return Err(Error::ParameterNotFound),
        Some((name, rest)) => (name, Some(rest)),
    };
    let p = ssm.find(env, name)?;
    let Some(which) = which else {
        return Ok((p, p.latest(), None));
    };
    let version = if which.bytes().all(|b| b.is_ascii_digit()) && !which.is_empty() {
        let n: u64 = which.parse().unwrap_or(u64::MAX);
        p.version(n).ok_or_else(|| {
            Error::ParameterVersionNotFound(format!(
                "Systems Manager could not find version {which} of {name}. Verify the version and try again."
            ))
        })?
    } else {
        p.labelled(which).ok_or(Error::ParameterNotFound)?
    };
    Ok((p, version, Some(format!(":{which}"))))
}
