//! The services other than KMS, each in a [`Lazy`] slot of its own.
//!
//! Parameter Store, Secrets Manager and EBS are needed only by the labs
//! that use them, so the browser's labs worker fetches each as a chunk on
//! the first call to it (see [`crate::platform::lazy`]). The simulator holds
//! every service's state; a slot holds the code that acts on it.

use std::cell::RefCell;

use serde_json::Value;

use crate::ec2::Ec2;
use crate::kms::ViaService;
use crate::platform::clock::Timestamp;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::iam::Iam;
use crate::platform::lazy::{lazy_slot, Lazy};
use crate::platform::random::Entropy;
use crate::secretsmanager::SecretsManager;
use crate::ssm::Ssm;

/// A service's operations over its state `S`.
pub trait Operations<S>: Sync {
    /// Runs one operation, calling KMS for the caller through `via`.
    fn call(
        &self,
        state: &mut S,
        env: &Env<'_>,
        via: &mut ViaService<'_>,
        operation: &str,
        request: &Value,
    ) -> Result<Value, Error>;

    /// What the clock moving to `now` makes due, as (Region, account, event
    /// detail) for the trail. Most services have nothing.
    fn tick(
        &self,
        _state: &mut S,
        _now: Timestamp,
        _iam: &Iam,
        _rng: &RefCell<Entropy>,
        _via: &mut ViaService<'_>,
    ) -> Vec<(String, String, Value)> {
        Vec::new()
    }
}

/// The services' own code, as native builds link it and the chunks hold it.
pub struct Builtin;

impl Operations<Ssm> for Builtin {
    fn call(
        &self,
        state: &mut Ssm,
        env: &Env<'_>,
        via: &mut ViaService<'_>,
        operation: &str,
        request: &Value,
    ) -> Result<Value, Error> {
        state.call(env, via, operation, request)
    }
}

impl Operations<SecretsManager> for Builtin {
    fn call(
        &self,
        state: &mut SecretsManager,
        env: &Env<'_>,
        via: &mut ViaService<'_>,
        operation: &str,
        request: &Value,
    ) -> Result<Value, Error> {
        state.call(env, via, operation, request)
    }

    fn tick(
        &self,
        state: &mut SecretsManager,
        now: Timestamp,
        iam: &Iam,
        rng: &RefCell<Entropy>,
        via: &mut ViaService<'_>,
    ) -> Vec<(String, String, Value)> {
        state.tick(now, iam, rng, via)
    }
}

impl Operations<Ec2> for Builtin {
    fn call(
        &self,
        state: &mut Ec2,
        env: &Env<'_>,
        via: &mut ViaService<'_>,
        operation: &str,
        request: &Value,
    ) -> Result<Value, Error> {
        state.call(env, via, operation, request)
    }
}

lazy_slot! {
    /// Parameter Store.
    pub static SSM: dyn Operations<Ssm> = ("ssm", &Builtin);
}
lazy_slot! {
    /// Secrets Manager.
    pub static SECRETS_MANAGER: dyn Operations<SecretsManager> = ("secretsmanager", &Builtin);
}
lazy_slot! {
    /// EBS volumes and snapshots.
    pub static EC2: dyn Operations<Ec2> = ("ec2", &Builtin);
}

/// Runs `operation` of a service other than KMS with the code in `slot`,
/// reaching KMS for the caller through `via`. The outer error is the one a
/// call answers while the browser is still fetching the service's code
/// (the labs worker never lets a learner see it: it loads the chunk and
/// runs the call again); the inner result is the call's.
pub fn call<S>(
    slot: &Lazy<dyn Operations<S>>,
    state: &mut S,
    env: &Env<'_>,
    mut via: ViaService<'_>,
    operation: &str,
    request: &Value,
) -> Result<Result<Value, Error>, Error> {
    let ops = slot.get().map_err(|missing| {
        Error::ServiceUnavailable(format!(
            "The simulator's {} service is still loading. Try again.",
            missing.0
        ))
    })?;
    Ok(ops.call(state, env, &mut via, operation, request))
}
