//! Secrets Manager's state: the secrets of each account and Region, by
//! name, and finding the one a `SecretId` names: a name, a full ARN or a
//! partial ARN (without the six random characters). An ARN may name a
//! secret of another account in the caller's Region.

use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::secretsmanager::secret::Secret;
use std::collections::BTreeMap;

/// An account and Region: secret names are unique within one.
pub type Scope = (String, String);

/// Where a secret is: its scope and its name.
pub type Key = (Scope, String);

/// Every simulated account's and Region's secrets.
#[derive(Debug, Clone, Default)]
pub struct SecretsManager {
    pub(crate) scopes: BTreeMap<Scope, BTreeMap<String, Secret>>,
}

/// The account and Region of the caller in `env`.
pub fn scope(env: &Env<'_>) -> Scope {
    (
        env.caller.account().to_string(),
        env.caller.region.to_string(),
    )
}

/// AWS's answer for a secret that is not there.
pub fn not_found() -> Error {
    Error::ResourceNotFoundException("Secrets Manager can't find the specified secret.".to_owned())
}

impl SecretsManager {
    /// Where the secret `id` names is, if it exists.
    pub fn locate(&self, env: &Env<'_>, id: &str) -> Option<Key> {
        let Some(rest) = id.strip_prefix("arn:aws:secretsmanager:") else {
            let scope = scope(env);
            self.scopes.get(&scope)?.get(id)?;
            return Some((scope, id.to_owned()));
        };
        let mut parts = rest.splitn(3, ':');
        let (region, account, resource) = (parts.next()?, parts.next()?, parts.next()?);
        let partial = resource.strip_prefix("secret:")?;
        if region != env.caller.region.as_str() {
            return None;
        }
        let scope = (account.to_owned(), region.to_owned());
        let found = self
            .scopes
            .get(&scope)?
            .values()
            .find(|s| s.arn == id || s.name == partial)?;
        Some((scope, found.name.clone()))
    }

    pub fn get(&self, key: &Key) -> Option<&Secret> {
        self.scopes.get(&key.0)?.get(&key.1)
    }

    pub fn get_mut(&mut self, key: &Key) -> Option<&mut Secret> {
        self.scopes.get_mut(&key.0)?.get_mut(&key.1)
    }

    /// The secret `id` names, or ResourceNotFoundException.
    pub fn find(&self, env: &Env<'_>, id: &str) -> Result<(Key, &Secret), Error> {
        let key = self.locate(env, id).ok_or_else(not_found)?;
        let secret = self.get(&key).ok_or_else(not_found)?;
        Ok((key, secret))
    }

    /// The secret at `key`, which the caller has just found.
    pub fn at(&mut self, key: &Key) -> &mut Secret {
        self.get_mut(key).expect("the secret was just found")
    }

    pub fn insert(&mut self, secret: Secret) {
        let scope = (secret.account.clone(), secret.region.clone());
        self.scopes
            .entry(scope)
            .or_default()
            .insert(secret.name.clone(), secret);
    }

    pub fn remove(&mut self, key: &Key) -> Option<Secret> {
        self.scopes.get_mut(&key.0)?.remove(&key.1)
    }

    /// The secrets of one scope, sorted by name.
    pub fn in_scope(&self, scope: &Scope) -> impl Iterator<Item = &Secret> {
        self.scopes.get(scope).into_iter().flat_map(|m| m.values())
    }

    /// Every secret, by account, Region, then name.
    pub fn all(&self) -> impl Iterator<Item = &Secret> {
        self.scopes.values().flat_map(|m| m.values())
    }

    /// Every secret's key.
    pub fn keys(&self) -> Vec<Key> {
        self.scopes
            .iter()
            .flat_map(|(scope, m)| m.keys().map(move |n| (scope.clone(), n.clone())))
            .collect()
    }
}
