//! The dispatch table: which function answers each KMS operation. Only the
//! service's root calls it; nothing imports from it.
//!
//! The operations of `crypt`, `data_keys`, `lifecycle` and `signing` live
//! here; the others belong to the feature they serve (`features::aliases`,
//! `features::grants`, …).

mod crypt;
mod data_keys;
mod lifecycle;
mod signing;

use crate::kms::features::{aliases, grants, import, key_policy, multi_region, rotation, tags};
use crate::kms::model::{Kms, Operation};
use crate::platform::env::Env;
use crate::platform::error::Error;
use serde_json::Value;

type Handler = fn(&mut Kms, &Env<'_>, &Value) -> Result<Value, Error>;

/// The function that answers `operation`. The match is exhaustive, so an
/// operation in [`Operation`] without a function does not compile.
fn handler(operation: Operation) -> Handler {
    use Operation::*;
    match operation {
        CreateKey => lifecycle::create_key,
        DescribeKey => lifecycle::describe_key,
        ListKeys => lifecycle::list_keys,
        UpdateKeyDescription => lifecycle::update_key_description,
        EnableKey => lifecycle::enable_key,
        DisableKey => lifecycle::disable_key,
        ScheduleKeyDeletion => lifecycle::schedule_key_deletion,
        CancelKeyDeletion => lifecycle::cancel_key_deletion,
        CreateAlias => aliases::create_alias,
        UpdateAlias => aliases::update_alias,
        DeleteAlias => aliases::delete_alias,
        ListAliases => aliases::list_aliases,
        Encrypt => crypt::encrypt,
        Decrypt => crypt::decrypt,
        ReEncrypt => crypt::re_encrypt,
        GenerateDataKey => data_keys::generate_data_key,
        GenerateDataKeyWithoutPlaintext => data_keys::generate_data_key_without_plaintext,
        GenerateDataKeyPair => data_keys::generate_data_key_pair,
        GenerateDataKeyPairWithoutPlaintext => data_keys::generate_data_key_pair_without_plaintext,
        GenerateRandom => data_keys::generate_random,
        Sign => signing::sign,
        Verify => signing::verify,
        GetPublicKey => signing::get_public_key,
        GenerateMac => signing::generate_mac,
        VerifyMac => signing::verify_mac,
        EnableKeyRotation => rotation::enable_key_rotation,
        DisableKeyRotation => rotation::disable_key_rotation,
        GetKeyRotationStatus => rotation::get_key_rotation_status,
        RotateKeyOnDemand => rotation::rotate_key_on_demand,
        ListKeyRotations => rotation::list_key_rotations,
        GetParametersForImport => import::get_parameters_for_import,
        ImportKeyMaterial => import::import_key_material,
        DeleteImportedKeyMaterial => import::delete_imported_key_material,
        ReplicateKey => multi_region::replicate_key,
        UpdatePrimaryRegion => multi_region::update_primary_region,
        PutKeyPolicy => key_policy::put_key_policy,
        GetKeyPolicy => key_policy::get_key_policy,
        ListKeyPolicies => key_policy::list_key_policies,
        CreateGrant => grants::create_grant,
        ListGrants => grants::list_grants,
        RetireGrant => grants::retire_grant,
        RevokeGrant => grants::revoke_grant,
        TagResource => tags::tag_resource,
        UntagResource => tags::untag_resource,
        ListResourceTags => tags::list_resource_tags,
    }
}

/// Answers one operation.
pub fn dispatch(
    kms: &mut Kms,
    env: &Env<'_>,
    operation: Operation,
    request: &Value,
) -> Result<Value, Error> {
    handler(operation)(kms, env, request)
}
