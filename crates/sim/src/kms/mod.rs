//! AWS Key Management Service: keys, aliases, grants, rotation, imported
//! material and multi-Region keys, with the operations of the KMS API
//! (<https://docs.aws.amazon.com/kms/latest/APIReference/API_Operations.html>).
//!
//! Layers, each using only those below it and the platform:
//! - this root: [`Kms::call`], the clock's effects ([`Kms::tick`]), and
//!   [`ViaService`], through which another service calls KMS for its
//!   caller;
//! - `ops`: the dispatch table, and the operations on a key's life and its
//!   cryptography;
//! - [`features`]: aliases, grants, key policies, rotation, import,
//!   multi-Region keys and tags, with their operations;
//! - [`authorization`]: finding the key a request names, checking its
//!   state, and deciding whether the caller may use it;
//! - [`model`]: keys, material, aliases, grants and the store.

pub mod authorization;
pub mod features;
pub mod model;
mod ops;
pub mod via_service;

use crate::platform::clock::Timestamp;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::random::Entropy;
use model::keys::KeyState;
use serde_json::Value;

pub use authorization::{Access, AccessDecision, AccessExplanation, DecidedBy, Scope};
pub use model::{
    Alias, Backing, EncryptionContext, Grant, Key, Kms, Material, Operation, Rotation,
};
pub use ops::{BuiltinExtras, Extras, Handler, EXTRAS};
pub use via_service::ViaService;

impl Kms {
    /// Runs one KMS operation, after applying what the clock has made due.
    pub fn call(
        &mut self,
        env: &Env<'_>,
        operation: &str,
        request: &Value,
    ) -> Result<Value, Error> {
        self.tick(env.now, &mut env.rng());
        let operation = Operation::parse(operation).ok_or(Error::UnknownOperationException)?;
        ops::dispatch(self, env, operation, request)
    }

    /// Applies what the clock has made due: deletions, automatic rotations
    /// (whose new material comes from `rng`) and expiring imported material.
    pub fn tick(&mut self, now: Timestamp, rng: &mut Entropy) {
        self.delete_due_keys(now);
        features::rotation::rotate_due_keys(self, now, rng);
        features::import::expire_due_material(self, now);
    }

    fn delete_due_keys(&mut self, now: Timestamp) {
        let due: Vec<String> = self
            .keys
            .values()
            .filter(|k| {
                k.state == KeyState::PendingDeletion && k.deletion_date.is_some_and(|d| d <= now)
            })
            .map(Key::arn)
            .collect();
        for arn in due {
            self.remove_key(&arn);
        }
        features::multi_region::start_waiting_primaries(self, now);
    }
}
