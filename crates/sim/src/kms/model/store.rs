//! The state of KMS across every account and Region of the simulation,
//! and reading it by ARN.

use super::alias::Alias;
use super::crypto::Material;
use super::grant::Grant;
use super::import::ImportParameters;
use super::keys::{Key, MultiRegionRole};
use super::rotation::Rotation;
use std::collections::BTreeMap;

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
    pub(crate) imports: BTreeMap<String, ImportParameters>,
}

impl Kms {
    pub fn key(&self, arn: &str) -> &Key {
        &self.keys[arn]
    }

    pub fn key_mut(&mut self, arn: &str) -> &mut Key {
        self.keys.get_mut(arn).expect("resolved key exists")
    }

    pub fn backing(&self, key: &Key) -> &Backing {
        &self.backings[&key.backing_id()]
    }

    pub fn backing_mut(&mut self, backing_id: &str) -> &mut Backing {
        self.backings
            .get_mut(backing_id)
            .expect("every key has a backing")
    }

    /// Every key, for inspection by labs.
    pub fn keys(&self) -> impl Iterator<Item = &Key> {
        self.keys.values()
    }

    /// Every grant on every key, for inspection by labs.
    pub fn grants(&self) -> impl Iterator<Item = &Grant> {
        self.grants.iter()
    }

    /// The names of a key's aliases (the `kms:ResourceAliases` condition key).
    pub fn aliases_of(&self, key: &Key) -> Vec<String> {
        self.aliases
            .values()
            .filter(|a| a.target == key.id && a.account == key.account && a.region == key.region)
            .map(|a| a.name.clone())
            .collect()
    }

    /// The keys of a multi-Region set, primary first.
    pub fn related_keys(&self, key: &Key) -> Vec<&Key> {
        let mut set: Vec<&Key> = self
            .keys
            .values()
            .filter(|k| k.backing_id() == key.backing_id())
            .collect();
        set.sort_by_key(|k| k.multi_region != Some(MultiRegionRole::Primary));
        set
    }

    /// Removes a key with its aliases and grants, and its material once no
    /// Region of it is left.
    pub fn remove_key(&mut self, arn: &str) {
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
}
