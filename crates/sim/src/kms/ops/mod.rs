//! The operations of the KMS API, by name.

mod crypt;
mod data_keys;
mod lifecycle;
mod signing;

use super::crypto::hex;
use super::{aliases, grants, import, key_policy, multi_region, rotation, tags, Env, Kms};
use crate::platform::error::Error;
use crate::platform::paging::window;
use crate::platform::random::Entropy;
use serde_json::{json, Value};

type Operation = fn(&mut Kms, &Env<'_>, &Value) -> Result<Value, Error>;

fn operation(name: &str) -> Option<Operation> {
    Some(match name {
        "CreateKey" => lifecycle::create_key,
        "DescribeKey" => lifecycle::describe_key,
        "ListKeys" => lifecycle::list_keys,
        "UpdateKeyDescription" => lifecycle::update_key_description,
        "EnableKey" => lifecycle::enable_key,
        "DisableKey" => lifecycle::disable_key,
        "ScheduleKeyDeletion" => lifecycle::schedule_key_deletion,
        "CancelKeyDeletion" => lifecycle::cancel_key_deletion,
        "CreateAlias" => aliases::create_alias,
        "UpdateAlias" => aliases::update_alias,
        "DeleteAlias" => aliases::delete_alias,
        "ListAliases" => aliases::list_aliases,
        "Encrypt" => crypt::encrypt,
        "Decrypt" => crypt::decrypt,
        "ReEncrypt" => crypt::re_encrypt,
        "GenerateDataKey" => data_keys::generate_data_key,
        "GenerateDataKeyWithoutPlaintext" => data_keys::generate_data_key_without_plaintext,
        "GenerateDataKeyPair" => data_keys::generate_data_key_pair,
        "GenerateDataKeyPairWithoutPlaintext" => {
            data_keys::generate_data_key_pair_without_plaintext
        }
        "GenerateRandom" => data_keys::generate_random,
        "Sign" => signing::sign,
        "Verify" => signing::verify,
        "GetPublicKey" => signing::get_public_key,
        "GenerateMac" => signing::generate_mac,
        "VerifyMac" => signing::verify_mac,
        "EnableKeyRotation" => rotation::enable_key_rotation,
        "DisableKeyRotation" => rotation::disable_key_rotation,
        "GetKeyRotationStatus" => rotation::get_key_rotation_status,
        "RotateKeyOnDemand" => rotation::rotate_key_on_demand,
        "ListKeyRotations" => rotation::list_key_rotations,
        "GetParametersForImport" => import::get_parameters_for_import,
        "ImportKeyMaterial" => import::import_key_material,
        "DeleteImportedKeyMaterial" => import::delete_imported_key_material,
        "ReplicateKey" => multi_region::replicate_key,
        "UpdatePrimaryRegion" => multi_region::update_primary_region,
        "PutKeyPolicy" => key_policy::put_key_policy,
        "GetKeyPolicy" => key_policy::get_key_policy,
        "ListKeyPolicies" => key_policy::list_key_policies,
        "CreateGrant" => grants::create_grant,
        "ListGrants" => grants::list_grants,
        "RetireGrant" => grants::retire_grant,
        "RevokeGrant" => grants::revoke_grant,
        "TagResource" => tags::tag_resource,
        "UntagResource" => tags::untag_resource,
        "ListResourceTags" => tags::list_resource_tags,
        _ => return None,
    })
}

/// Every operation the simulator implements.
pub const OPERATIONS: &[&str] = &[
    "CreateKey",
    "DescribeKey",
    "ListKeys",
    "UpdateKeyDescription",
    "EnableKey",
    "DisableKey",
    "ScheduleKeyDeletion",
    "CancelKeyDeletion",
    "CreateAlias",
    "UpdateAlias",
    "DeleteAlias",
    "ListAliases",
    "Encrypt",
    "Decrypt",
    "ReEncrypt",
    "GenerateDataKey",
    "GenerateDataKeyWithoutPlaintext",
    "GenerateDataKeyPair",
    "GenerateDataKeyPairWithoutPlaintext",
    "GenerateRandom",
    "Sign",
    "Verify",
    "GetPublicKey",
    "GenerateMac",
    "VerifyMac",
    "EnableKeyRotation",
    "DisableKeyRotation",
    "GetKeyRotationStatus",
    "RotateKeyOnDemand",
    "ListKeyRotations",
    "GetParametersForImport",
    "ImportKeyMaterial",
    "DeleteImportedKeyMaterial",
    "ReplicateKey",
    "UpdatePrimaryRegion",
    "PutKeyPolicy",
    "GetKeyPolicy",
    "ListKeyPolicies",
    "CreateGrant",
    "ListGrants",
    "RetireGrant",
    "RevokeGrant",
    "TagResource",
    "UntagResource",
    "ListResourceTags",
];

pub fn dispatch(kms: &mut Kms, env: &Env<'_>, name: &str, request: &Value) -> Result<Value, Error> {
    let op = operation(name).ok_or(Error::UnknownOperationException)?;
    op(kms, env, request)
}

/// A new key ID: a random (version 4) UUID, or for a multi-Region key
/// `mrk-` and 32 hex digits.
pub fn new_key_id(multi_region: bool, rng: &mut Entropy) -> String {
    let mut b = rng.bytes(16);
    if multi_region {
        return format!("mrk-{}", hex(&b));
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// One page of a list, with AWS's `Truncated` and `NextMarker`.
pub fn page(
    items: Vec<Value>,
    member: &str,
    limit: usize,
    marker: Option<&str>,
) -> Result<Value, Error> {
    let (range, next) = window(items.len(), limit, marker)
        .ok_or_else(|| Error::InvalidMarkerException("Invalid marker".to_owned()))?;
    let mut out = json!({ member: items[range].to_vec(), "Truncated": next.is_some() });
    if let Some(next) = next {
        out["NextMarker"] = json!(next);
    }
    Ok(out)
}

/// `DryRun`: everything is checked, nothing is done.
pub fn dry_run(requested: Option<bool>) -> Result<(), Error> {
    if requested == Some(true) {
        Err(Error::DryRunOperationException(
            "The request would have succeeded, but the DryRun option is set.".to_owned(),
        ))
    } else {
        Ok(())
    }
}
