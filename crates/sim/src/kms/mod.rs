//! AWS Key Management Service: keys, aliases, grants, rotation, imported
//! material and multi-Region keys, with the operations of the KMS API
//! (<https://docs.aws.amazon.com/kms/latest/APIReference/API_Operations.html>).

mod access;
pub mod aliases;
pub mod blob;
pub mod crypto;
mod explain;
pub mod grants;
pub mod import;
pub mod key_policy;
pub mod keys;
mod metadata;
pub mod multi_region;
mod ops;
mod resolve;
pub mod rotation;
pub mod tags;

use crate::platform::clock::Timestamp;
use crate::platform::error::Error;
use crate::platform::random::Entropy;
use serde_json::Value;
use std::collections::BTreeMap;

pub use crate::platform::env::Env;
pub use access::Access;
pub use aliases::Alias;
pub use blob::EncryptionContext;
pub use crypto::Material;
pub use explain::{AccessDecision, AccessExplanation, DecidedBy};
pub use grants::Grant;
pub use keys::Key;
pub use ops::OPERATIONS;
pub use resolve::Scope;
pub use rotation::Rotation;

/// Key material and rotation schedule, shared by every Region of a
/// multi-Region key.
#[derive(Debug, Clone)]
pub struct Backing {
    pub material: Material,
    pub rotation: Rotation,
}

/// The state of KMS across every account and Region of the simulation.
#[derive(Debug, Clone, Default)]
pub struct Kms {
    /// Keys by key ARN.
    pub(crate) keys: BTreeMap<String, Key>,
    /// Material by `<account>/<key id>`.
    pub(crate) backings: BTreeMap<String, Backing>,
    /// Aliases by alias ARN.
    pub(crate) aliases: BTreeMap<String, Alias>,
    pub(crate) grants: Vec<Grant>,
    pub(crate) imports: BTreeMap<String, import::ImportParameters>,
}

impl Kms {
    /// Runs one KMS operation.
    pub fn call(
        &mut self,
        env: &Env<'_>,
        operation: &str,
        request: &Value,
    ) -> Result<Value, Error> {
        self.tick(env.now, &mut env.rng());
        ops::dispatch(self, env, operation, request)
    }

    /// Applies what the clock has made due: deletions, automatic rotations
    /// (whose new material comes from `rng`) and expiring imported material.
    pub fn tick(&mut self, now: Timestamp, rng: &mut Entropy) {
        self.delete_due_keys(now);
        rotation::rotate_due_keys(self, now, rng);
        import::expire_due_material(self, now);
    }

    fn delete_due_keys(&mut self, now: Timestamp) {
        let due: Vec<String> = self
            .keys
            .values()
            .filter(|k| {
                k.state == keys::KeyState::PendingDeletion
                    && k.deletion_date.is_some_and(|d| d <= now)
            })
            .map(Key::arn)
            .collect();
        for arn in due {
            self.remove_key(&arn);
        }
        multi_region::start_waiting_primaries(self, now);
    }

    fn remove_key(&mut self, arn: &str) {
        let Some(key) = self.keys.remove(arn) else {
            return;
        };
        let (id, account, region) = (key.id.clone(), key.account.clone(), key.region.clone());
        self.aliases
            .retain(|_, a| !(a.target == id && a.account == account && a.region == region));
        self.grants.retain(|g| g.key_arn != arn);
        let still_used = self
            .keys
            .values()
            .any(|k| k.backing_id() == key.backing_id());
        if !still_used {
            self.backings.remove(&key.backing_id());
        }
    }

    /// Every key, for inspection by labs.
    pub fn keys(&self) -> impl Iterator<Item = &Key> {
        self.keys.values()
    }

    /// Every grant on every key, for inspection by labs.
    pub fn grants(&self) -> impl Iterator<Item = &Grant> {
        self.grants.iter()
    }
}
