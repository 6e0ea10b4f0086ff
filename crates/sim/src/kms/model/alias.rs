//! An alias: a friendly name for a key in one account and Region.

use super::keys::{alias_arn, Key};
use crate::platform::account::{AccountId, Region};
use crate::platform::clock::Timestamp;
use serde_json::{json, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The full name, such as `alias/app-key`.
    pub name: String,
    pub account: AccountId,
    pub region: Region,
    /// The target key's ID.
    pub target: String,
    pub created: Timestamp,
    pub updated: Timestamp,
}

impl Alias {
    pub fn new(name: &str, key: &Key, now: Timestamp) -> Alias {
        Alias {
            name: name.to_owned(),
            account: key.account.clone(),
            region: key.region.clone(),
            target: key.id.clone(),
            created: now,
            updated: now,
        }
    }

    pub fn arn(&self) -> String {
        alias_arn(&self.region, &self.account, &self.name)
    }

    /// The alias as ListAliases shows it.
    pub fn to_json(&self) -> Value {
        json!({
            "AliasName": self.name,
            "AliasArn": self.arn(),
            "TargetKeyId": self.target,
            "CreationDate": self.created,
            "LastUpdatedDate": self.updated,
        })
    }
}
