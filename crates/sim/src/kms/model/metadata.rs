//! `KeyMetadata`, as DescribeKey, CreateKey and ReplicateKey return it
//! (<https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html>).

use super::keys::{Key, KeyState, KeyUsage, MultiRegionRole, Origin};
use super::store::Kms;
use serde_json::{json, Map, Value};

impl Kms {
    fn multi_region_configuration(&self, key: &Key) -> Value {
        let set = self.related_keys(key);
        let entry = |k: &Key| json!({"Arn": k.arn(), "Region": k.region.as_str()});
        let primary = set
            .iter()
            .find(|k| k.multi_region == Some(MultiRegionRole::Primary));
        let replicas: Vec<Value> = set
            .iter()
            .filter(|k| k.multi_region == Some(MultiRegionRole::Replica))
            .map(|k| entry(k))
            .collect();
        let kind = match key.multi_region {
            Some(MultiRegionRole::Primary) => "PRIMARY",
            _ => "REPLICA",
        };
        json!({
            "MultiRegionKeyType": kind,
            "PrimaryKey": primary.map(|k| entry(k)),
            "ReplicaKeys": replicas,
        })
    }

    pub(crate) fn metadata(&self, key: &Key) -> Value {
        let mut m = Map::new();
        let mut put = |name: &str, v: Value| {
            m.insert(name.to_owned(), v);
        };
        put("AWSAccountId", json!(key.account.as_str()));
        put("KeyId", json!(key.id));
        put("Arn", json!(key.arn()));
        put("CreationDate", json!(key.creation_date));
        put("Enabled", json!(key.state == KeyState::Enabled));
        put("Description", json!(key.description));
        put("KeyUsage", json!(key.usage.as_str()));
        put("KeyState", json!(key.state.as_str()));
        if let Some(d) = key.deletion_date {
            put("DeletionDate", json!(d));
        }
        if let Some(valid_to) = key.imported.and_then(|i| i.valid_to) {
            put("ValidTo", json!(valid_to));
        }
        put("Origin", json!(key.origin.as_str()));
        put("KeyManager", json!(key.manager.as_str()));
        put("CustomerMasterKeySpec", json!(key.spec.as_str()));
        put("KeySpec", json!(key.spec.as_str()));
        match key.usage {
            KeyUsage::EncryptDecrypt => {
                let algs: Vec<&str> = key
                    .spec
                    .encryption_algorithms()
                    .iter()
                    .map(|a| a.as_str())
                    .collect();
                put("EncryptionAlgorithms", json!(algs));
            }
            KeyUsage::SignVerify => {
                let algs: Vec<&str> = key
                    .spec
                    .signing_algorithms()
                    .iter()
                    .map(|a| a.as_str())
                    .collect();
                put("SigningAlgorithms", json!(algs));
            }
            KeyUsage::GenerateVerifyMac => {
                put(
                    "MacAlgorithms",
                    json!(key.spec.mac_algorithm().map(|a| vec![a.as_str()])),
                );
            }
        }
        put("MultiRegion", json!(key.multi_region.is_some()));
        if key.multi_region.is_some() {
            put(
                "MultiRegionConfiguration",
                self.multi_region_configuration(key),
            );
        }
        if key.state == KeyState::PendingReplicaDeletion {
            put(
                "PendingDeletionWindowInDays",
                json!(key.pending_window_days),
            );
        }
        if key.origin == Origin::External && key.imported.is_some() {
            let model = match key.imported.and_then(|i| i.valid_to) {
                Some(_) => "KEY_MATERIAL_EXPIRES",
                None => "KEY_MATERIAL_DOES_NOT_EXPIRE",
            };
            put("ExpirationModel", json!(model));
        }
        Value::Object(m)
    }
}
