//! Finding the key a request names, and checking that its state allows the
//! operation.
//!
//! A `KeyId` member may be a key ID, a key ARN, an alias name or an alias
//! ARN (<https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id>).

use super::keys::{alias_arn, key_arn, Key, KeyManager, KeySpec, KeyState, KeyUsage, Origin};
use super::{Backing, Env, Kms, Material, Rotation};
use crate::platform::account::{AccountId, Region};
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

/// A key ID: a UUID, or `mrk-` and 32 hex digits for a multi-Region key.
pub fn is_key_id(s: &str) -> bool {
    let hex = |t: &str| {
        t.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    };
    if let Some(rest) = s.strip_prefix("mrk-") {
        return rest.len() == 32 && hex(rest);
    }
    let groups: Vec<&str> = s.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12]) && groups.iter().all(|g| hex(g))
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
        let id = super::ops::new_key_id(false, &mut env.rng());
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
            policy: super::key_policy::aws_managed(&account, &region, service),
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
                material: Material::generate(KeySpec::SymmetricDefault, env.now, &mut env.rng()),
                rotation,
            },
        );
        self.aliases.insert(
            alias_arn(&region, &account, alias),
            super::Alias::new(alias, &key, env.now),
        );
        self.keys.insert(key.arn(), key);
    }
}

/// The error for a key whose state forbids an operation, worded as AWS
/// words it (`<arn> is disabled.`, `<arn> is pending deletion.`).
pub fn state_error(key: &Key) -> Error {
    let arn = key.arn();
    match key.state {
        KeyState::Disabled => Error::DisabledException(format!("{arn} is disabled.")),
        KeyState::PendingDeletion => {
            Error::KMSInvalidStateException(format!("{arn} is pending deletion."))
        }
        KeyState::PendingImport => {
            Error::KMSInvalidStateException(format!("{arn} is pending import."))
        }
        KeyState::PendingReplicaDeletion => {
            Error::KMSInvalidStateException(format!("{arn} is pending replica deletion."))
        }
        other => {
            Error::KMSInvalidStateException(format!("{arn} is {}.", other.as_str().to_lowercase()))
        }
    }
}

/// Cryptographic operations need an `Enabled` key.
pub fn require_enabled(key: &Key) -> Result<(), Error> {
    if key.state == KeyState::Enabled {
        Ok(())
    } else {
        Err(state_error(key))
    }
}

/// Management operations work on any key not scheduled for deletion.
pub fn require_not_pending_deletion(key: &Key) -> Result<(), Error> {
    match key.state {
        KeyState::PendingDeletion | KeyState::PendingReplicaDeletion => Err(state_error(key)),
        _ => Ok(()),
    }
}

/// `<arn> key usage is SIGN_VERIFY which is not valid for Encrypt.`
pub fn require_usage(key: &Key, usage: KeyUsage, operation: &str) -> Result<(), Error> {
    if key.usage == usage {
        Ok(())
    } else {
        Err(Error::InvalidKeyUsageException(format!(
            "{} key usage is {} which is not valid for {operation}.",
            key.arn(),
            key.usage
        )))
    }
}

/// Operations reserved for symmetric encryption keys.
pub fn require_symmetric(key: &Key, operation: &str) -> Result<(), Error> {
    if key.is_symmetric() {
        return Ok(());
    }
    require_usage(key, KeyUsage::EncryptDecrypt, operation)?;
    Err(Error::InvalidKeyUsageException(format!(
        "{} key spec is {} which is not valid for {operation}.",
        key.arn(),
        key.spec
    )))
}

#[cfg(test)]
mod tests {
    use super::is_key_id;

    #[test]
    fn key_ids_are_uuids_or_multi_region_ids() {
        assert!(is_key_id("1234abcd-12ab-34cd-56ef-1234567890ab"));
        assert!(is_key_id("mrk-1234abcd12ab34cd56ef1234567890ab"));
        assert!(!is_key_id("1234abcd-12ab-34cd-56ef-1234567890a"));
        assert!(!is_key_id("mrk-1234"));
        assert!(!is_key_id("alias/x"));
    }
}
