//! `KeyMetadata`, as DescribeKey, CreateKey and ReplicateKey return it
//! (<https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html>).

use serde::Serialize;
use serde_json::Value;

use super::keys::{Key, KeyState, KeyUsage, MultiRegionRole, Origin};
use super::store::Kms;
use crate::platform::clock::Timestamp;

/// A key's metadata, members in the order KMS writes them; members that do
/// not apply to the key are left out.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct KeyMetadata<'a> {
    #[serde(rename = "AWSAccountId")]
    aws_account_id: &'a str,
    key_id: &'a str,
    arn: String,
    creation_date: Timestamp,
    enabled: bool,
    description: &'a str,
    key_usage: &'static str,
    key_state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    deletion_date: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_to: Option<Timestamp>,
    origin: &'static str,
    key_manager: &'static str,
    customer_master_key_spec: &'static str,
    key_spec: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    encryption_algorithms: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signing_algorithms: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mac_algorithms: Option<Vec<&'static str>>,
    multi_region: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    multi_region_configuration: Option<MultiRegionConfiguration<'a>>,
    /// Only while a replica waits for deletion; `null` if it has no window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pending_deletion_window_in_days: Option<Option<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expiration_model: Option<&'static str>,
}

/// The primary and replicas of a multi-Region key.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct MultiRegionConfiguration<'a> {
    multi_region_key_type: &'static str,
    primary_key: Option<MultiRegionKey<'a>>,
    replica_keys: Vec<MultiRegionKey<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct MultiRegionKey<'a> {
    arn: String,
    region: &'a str,
}

impl<'a> MultiRegionKey<'a> {
    fn of(key: &'a Key) -> Self {
        MultiRegionKey {
            arn: key.arn(),
            region: key.region.as_str(),
        }
    }
}

impl Kms {
    fn multi_region_configuration<'a>(&'a self, key: &Key) -> MultiRegionConfiguration<'a> {
        let set = self.related_keys(key);
        let with_role = |role| set.iter().filter(move |k| k.multi_region == Some(role));
        MultiRegionConfiguration {
            multi_region_key_type: match key.multi_region {
                Some(MultiRegionRole::Primary) => "PRIMARY",
                _ => "REPLICA",
            },
            primary_key: with_role(MultiRegionRole::Primary)
                .next()
                .map(|k| MultiRegionKey::of(k)),
            replica_keys: with_role(MultiRegionRole::Replica)
                .map(|k| MultiRegionKey::of(k))
                .collect(),
        }
    }

    pub(crate) fn metadata(&self, key: &Key) -> Value {
        let usage = key.usage;
        let metadata = KeyMetadata {
            aws_account_id: key.account.as_str(),
            key_id: &key.id,
            arn: key.arn(),
            creation_date: key.creation_date,
            enabled: key.state == KeyState::Enabled,
            description: &key.description,
            key_usage: usage.as_str(),
            key_state: key.state.as_str(),
            deletion_date: key.deletion_date,
            valid_to: key.imported.and_then(|i| i.valid_to),
            origin: key.origin.as_str(),
            key_manager: key.manager.as_str(),
            customer_master_key_spec: key.spec.as_str(),
            key_spec: key.spec.as_str(),
            encryption_algorithms: (usage == KeyUsage::EncryptDecrypt).then(|| {
                key.spec
                    .encryption_algorithms()
                    .iter()
                    .map(|a| a.as_str())
                    .collect()
            }),
            signing_algorithms: (usage == KeyUsage::SignVerify).then(|| {
                key.spec
                    .signing_algorithms()
                    .iter()
                    .map(|a| a.as_str())
                    .collect()
            }),
            mac_algorithms: (usage == KeyUsage::GenerateVerifyMac)
                .then(|| key.spec.mac_algorithm().map(|a| vec![a.as_str()]))
                .flatten(),
            multi_region: key.multi_region.is_some(),
            multi_region_configuration: key
                .multi_region
                .map(|_| self.multi_region_configuration(key)),
            pending_deletion_window_in_days: (key.state == KeyState::PendingReplicaDeletion)
                .then_some(key.pending_window_days),
            expiration_model: (key.origin == Origin::External && key.imported.is_some()).then(
                || match key.imported.and_then(|i| i.valid_to) {
                    Some(_) => "KEY_MATERIAL_EXPIRES",
                    None => "KEY_MATERIAL_DOES_NOT_EXPIRE",
                },
            ),
        };
        serde_json::to_value(metadata).unwrap_or_default()
    }
}
