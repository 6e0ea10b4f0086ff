//! Finding the key a request names.
//!
//! A `KeyId` member may be a key ID, a key ARN, an alias name or an alias
//! ARN (<https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id>).

use crate::kms::model::key_id::{is_key_id, new_key_id};
use crate::kms::model::key_policy::aws_managed;
use crate::kms::model::keys::{
    alias_arn, key_arn, Key, KeyManager, KeySpec, KeyState, KeyUsage, Origin,
};
use crate::kms::model::{Alias, Backing, Kms, Material, Rotation};
use crate::platform::account::{AccountId, Region};
use crate::platform::env::Env;
use crate::platform::error::Error;

/// Whether an operation accepts a key in another account (its API
/// reference's "Cross-account use").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    SameAccount,
    CrossAccount,
}

/// AWS services whose AWS managed key (`alias/aws/<service>`) appears on
/// first use.
pub const MANAGED_SERVICES: &[&str] = &[
    "ssm",
    "secretsmanager",
    "s3",
    "ebs",
    "rds",
    "lambda",
    "dynamodb",
    "sns",
    "sqs",
    "acm",
];

enum Reference {
    Key {
        region: Region,
        account: AccountId,
        id: String,
    },
    Alias {
        region: Region,
        account: AccountId,
        name: String,
    },
}

fn invalid(key_id: &str) -> Error {
    Error::NotFoundException(format!("Invalid keyId '{key_id}'"))
}

fn parse_reference(env: &Env<'_>, key_id: &str) -> Result<Reference, Error> {
    let (region, account) = (env.caller.region.clone(), env.caller.account().clone());
    if let Some(name) = key_id.strip_prefix("alias/").map(|_| key_id) {
        return Ok(Reference::Alias {
            region,
            account,
            name: name.to_owned(),
        });
    }
    if is_key_id(key_id) {
        return Ok(Reference::Key {
            region,
            account,
            id: key_id.to_owned(),
        });
    }
    let parts: Vec<&str> = key_id.splitn(6, ':').collect();
    let ["arn", "aws", "kms", region, account, resource] = parts.as_slice() else {
        return Err(invalid(key_id));
    };
    let region: Region = region.parse().map_err(|_| invalid(key_id))?;
    let account: AccountId = account.parse().map_err(|_| invalid(key_id))?;
    if let Some(id) = resource.strip_prefix("key/").filter(|id| is_key_id(id)) {
        return Ok(Reference::Key {
            region,
            account,
            id: id.to_owned(),
        });
    }
    if resource.starts_with("alias/") {
        return Ok(Reference::Alias {
            region,
            account,
            name: (*resource).to_owned(),
        });
    }
    Err(invalid(key_id))
}

pub fn not_found(arn: &str) -> Error {
    Error::NotFoundException(format!("Key '{arn}' does not exist"))
}

impl Kms {
    /// Resolves a `KeyId` member to the ARN of an existing key, creating
    /// the AWS managed key an `alias/aws/<service>` names on first use.
    pub fn resolve(&mut self, env: &Env<'_>, key_id: &str, scope: Scope) -> Result<String, Error> {
        if let Ok(Reference::Alias {
            region,
            account,
            name,
        }) = parse_reference(env, key_id)
        {
            let arn = alias_arn(&region, &account, &name);
            if !self.aliases.contains_key(&arn)
                && account == *env.caller.account()
                && region == env.caller.region
            {
                self.create_managed_key(env, &name);
            }
        }
        self.lookup(env, key_id, scope)
    }

    /// Resolves a `KeyId` member without changing anything: an AWS managed
    /// key that has not appeared yet is not found.
    pub fn lookup(&self, env: &Env<'_>, key_id: &str, scope: Scope) -> Result<String, Error> {
        let (region, account, id) = match parse_reference(env, key_id)? {
            Reference::Key {
                region,
                account,
                id,
            } => (region, account, id),
            Reference::Alias {
                region,
                account,
                name,
            } => {
                let arn = alias_arn(&region, &account, &name);
                let alias = self.aliases.get(&arn).ok_or_else(|| {
                    Error::NotFoundException(format!("Alias {arn} is not found."))
                })?;
                (region, account, alias.target.clone())
            }
        };
        let arn = key_arn(&region, &account, &id);
        let foreign = account != *env.caller.account() && scope == Scope::SameAccount;
        if region != env.caller.region {
            return Err(Error::NotFoundException(format!("Invalid arn {region}")));
        }
        if foreign || !self.keys.contains_key(&arn) {
            return Err(not_found(&arn));
        }
        Ok(arn)
    }

    /// Creates the AWS managed key behind `alias/aws/<service>` the first
    /// time anything refers to it, as AWS does.
    fn create_managed_key(&mut self, env: &Env<'_>, alias: &str) {
        let Some(service) = alias
            .strip_prefix("alias/aws/")
            .filter(|s| MANAGED_SERVICES.contains(s))
        else {
            return;
        };
        let (account, region) = (env.caller.account().clone(), env.caller.region.clone());
        let id = new_key_id(false, &mut env.rng());
        let key = Key {
            id: id.clone(),
            account: account.clone(),
            region: region.clone(),
            description: format!(
                "Default key that protects my {service} data when no other key is defined"
            ),
            creation_date: env.now,
            state: KeyState::Enabled,
            deletion_date: None,
            pending_window_days: None,
            spec: KeySpec::SymmetricDefault,
            usage: KeyUsage::EncryptDecrypt,
            origin: Origin::AwsKms,
            manager: KeyManager::Aws,
            policy: aws_managed(&account, &region, service),
            tags: Default::default(),
            multi_region: None,
            imported: None,
        };
        // AWS rotates AWS managed keys every year.
        let mut rotation = Rotation::default();
        rotation.enable(env.now, 365);
        self.backings.insert(
            key.backing_id(),
            Backing {
                material: Material::symmetric(env.now, &mut env.rng()),
                rotation,
            },
        );
        self.aliases.insert(
            alias_arn(&region, &account, alias),
            Alias::new(alias, &key, env.now),
        );
        self.keys.insert(key.arn(), key);
    }
}
