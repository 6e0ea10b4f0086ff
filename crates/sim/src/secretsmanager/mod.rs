//! AWS Secrets Manager: secrets with versions and staging labels,
//! rotation by a simulated rotation function against a simulated
//! database, deletion with a recovery window, replication to other
//! Regions, resource policies and random passwords
//! (<https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_Operations.html>).
//!
//! Every value is sealed and opened by KMS as the caller, through
//! [`ViaService`] (`envelope`), so a key policy or a `kms:ViaService`
//! condition decides as it does in AWS.
//!
//! Every call is authorized first (`access`): the caller's IAM policies
//! and the secret's resource policy must allow
//! `secretsmanager:<operation>` on the secret's ARN.
//!
//! This root parses the operation and holds the dispatch table; nothing
//! imports it but the simulator. The operations (`write`, `read`,
//! `stages`, `rotation`, `delete`, `replication`, `password`,
//! `resource_policy`) use `envelope`, `store`, `secret` and `schedule`;
//! the simulator applies deletions and scheduled rotations as its clock
//! moves ([`SecretsManager::tick`]).

mod access;
mod delete;
mod envelope;
pub mod operation;
mod password;
mod read;
mod replication;
mod resource_policy;
mod rotation;
pub mod schedule;
pub mod secret;
mod stages;
pub mod store;
mod write;

use crate::kms::ViaService;
use crate::platform::account::{AccountId, Region};
use crate::platform::clock::Timestamp;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::iam::Iam;
use crate::platform::principal::{Caller, Principal};
use crate::platform::random::Entropy;
use access::Target;
use operation::Operation;
use serde_json::{json, Value};
use std::cell::RefCell;

pub use store::SecretsManager;

type Handler =
    fn(&mut SecretsManager, &Env<'_>, &mut ViaService<'_>, &Target, &Value) -> Result<Value, Error>;

/// The function that answers `operation`; exhaustive, so an operation
/// without one does not compile.
fn handler(operation: Operation) -> Handler {
    use Operation::*;
    match operation {
        CreateSecret => write::create_secret,
        PutSecretValue => write::put_secret_value,
        UpdateSecret => write::update_secret,
        GetSecretValue => read::get_secret_value,
        DescribeSecret => read::describe_secret,
        ListSecrets => read::list_secrets,
        ListSecretVersionIds => read::list_secret_version_ids,
        UpdateSecretVersionStage => stages::update_secret_version_stage,
        RotateSecret => rotation::rotate_secret,
        CancelRotateSecret => rotation::cancel_rotate_secret,
        DeleteSecret => delete::delete_secret,
        RestoreSecret => delete::restore_secret,
        ReplicateSecretToRegions => replication::replicate_secret_to_regions,
        RemoveRegionsFromReplication => replication::remove_regions_from_replication,
        StopReplicationToReplica => replication::stop_replication_to_replica,
        GetRandomPassword => password::get_random_password,
        PutResourcePolicy => resource_policy::put_resource_policy,
        GetResourcePolicy => resource_policy::get_resource_policy,
        DeleteResourcePolicy => resource_policy::delete_resource_policy,
    }
}

impl SecretsManager {
    /// Runs one Secrets Manager operation, calling KMS through `via`.
    pub fn call(
        &mut self,
        env: &Env<'_>,
        via: &mut ViaService<'_>,
        operation: &str,
        request: &Value,
    ) -> Result<Value, Error> {
        let operation = Operation::parse(operation).ok_or(Error::UnknownOperationException)?;
        let target = access::target(self, env, operation, request);
        access::authorize(self, env, operation, &target)?;
        handler(operation)(self, env, via, &target, request)
    }

    /// Applies what the clock has made due: secrets past their recovery
    /// window are deleted (each returned as Region, account and event
    /// detail), and scheduled rotations run, their KMS calls and steps
    /// recorded through `via`.
    pub fn tick(
        &mut self,
        now: Timestamp,
        iam: &Iam,
        rng: &RefCell<Entropy>,
        via: &mut ViaService<'_>,
    ) -> Vec<(String, String, Value)> {
        let deleted = self
            .purge_deleted(now)
            .into_iter()
            .map(|(arn, region, account)| (region, account, json!({"secretId": arn})))
            .collect();
        let scopes: Vec<_> = self.scopes.keys().cloned().collect();
        for (account, region) in scopes {
            let (Ok(a), Ok(r)) = (account.parse::<AccountId>(), region.parse::<Region>()) else {
                continue;
            };
            let caller = Caller::new(Principal::root(&a), r);
            let env = Env {
                caller: &caller,
                now,
                iam,
                rng,
            };
            self.rotate_due(&env, via);
        }
        deleted
    }

    /// The simulated database user behind a secret, for labs and tests to
    /// see that a rotation really changed the password.
    pub fn database(&self, env: &Env<'_>, secret_id: &str) -> Result<Value, Error> {
        let (_, secret) = self.find(env, secret_id)?;
        let db = secret.database.as_ref().ok_or_else(|| {
            Error::ResourceNotFoundException(format!(
                "The secret {} names no database user (a JSON value with username and password).",
                secret.name
            ))
        })?;
        Ok(json!({"Username": db.username, "Password": db.password}))
    }
}
