//! The dispatch table: which function answers each KMS operation. Only the
//! service's root calls it; the root re-exports the [`Extras`] slot for the
//! labs worker.
//!
//! The operations of `crypt`, `data_keys`, `lifecycle` and `signing` live
//! here; the others belong to the feature they serve (`features::aliases`,
//! `features::grants`, …).
//!
//! Grants, rotation, key import, multi-Region keys, tags, signing, MACs and
//! data key pairs are each used by one lab or none, so their operations are
//! [`Extras`]: in the browser's
//! labs worker they are the `kms_extras` chunk, fetched on the first call
//! to one of them (see [`crate::platform::lazy`]). What the rest of KMS
//! needs of those features (grants in authorization, rotation on the clock,
//! a replica's shared material) stays with the rest.

mod crypt;
mod data_keys;
mod lifecycle;
mod signing;

use crate::kms::features::{aliases, grants, import, key_policy, multi_region, rotation, tags};
use crate::kms::model::crypto::part_missing;
use crate::kms::model::{Kms, Operation};
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::lazy::lazy_slot;
use serde_json::Value;

/// The function that answers one operation.
pub type Handler = fn(&mut Kms, &Env<'_>, &Value) -> Result<Value, Error>;

/// The operations few labs use.
pub trait Extras: Sync {
    /// The function that answers `operation`, if it is one of them.
    fn handler(&self, operation: Operation) -> Option<Handler>;
}

/// The extras as native builds link them and the `kms_extras` chunk holds
/// them.
pub struct BuiltinExtras;

impl Extras for BuiltinExtras {
    fn handler(&self, operation: Operation) -> Option<Handler> {
        use Operation::*;
        Some(match operation {
            GenerateDataKeyPair => data_keys::generate_data_key_pair,
            GenerateDataKeyPairWithoutPlaintext => {
                data_keys::generate_data_key_pair_without_plaintext
            }
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
            CreateGrant => grants::create_grant,
            ListGrants => grants::list_grants,
            RetireGrant => grants::retire_grant,
            RevokeGrant => grants::revoke_grant,
            TagResource => tags::tag_resource,
            UntagResource => tags::untag_resource,
            ListResourceTags => tags::list_resource_tags,
            _ => return None,
        })
    }
}

lazy_slot! {
    /// [`Extras`], in the `kms_extras` chunk in the browser.
    pub static EXTRAS: dyn Extras = ("kms_extras", &BuiltinExtras);
}

/// The function that answers one of the operations every lab uses.
fn core(operation: Operation) -> Option<Handler> {
    use Operation::*;
    Some(match operation {
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
        GenerateRandom => data_keys::generate_random,
        PutKeyPolicy => key_policy::put_key_policy,
        GetKeyPolicy => key_policy::get_key_policy,
        ListKeyPolicies => key_policy::list_key_policies,
        _ => return None,
    })
}

/// The function that answers `operation`: a core operation at once, any
/// other once the extras are at hand.
fn handler(operation: Operation) -> Result<Handler, Error> {
    if let Some(handler) = core(operation) {
        return Ok(handler);
    }
    let extras = EXTRAS.get().map_err(|missing| part_missing(missing.0))?;
    Ok(extras
        .handler(operation)
        .expect("every operation is a core operation or an extra"))
}

/// Answers one operation.
pub fn dispatch(
    kms: &mut Kms,
    env: &Env<'_>,
    operation: Operation,
    request: &Value,
) -> Result<Value, Error> {
    handler(operation)?(kms, env, request)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_answered_by_the_core_or_the_extras_but_not_both() {
        for name in Operation::ALL {
            let operation = Operation::parse(name).expect("ALL holds wire names");
            let core = core(operation).is_some();
            let extra = BuiltinExtras.handler(operation).is_some();
            assert!(core != extra, "{name}: core {core}, extra {extra}");
        }
    }
}
