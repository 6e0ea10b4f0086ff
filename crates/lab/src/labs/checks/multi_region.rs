//! Multi-Region keys: related keys in several Regions share a key ID
//! (`mrk-…`) and key material, so ciphertext from one Region decrypts in
//! another; ReplicateKey makes replicas of the primary, and
//! UpdatePrimaryRegion moves the primary role
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html>).

use keydeck_sim::kms::model::keys::MultiRegionRole;

use super::calls::succeeded;
use super::state::{ciphertext_files, your_keys};
use super::Check;
use crate::session::Session;

pub(super) const CHECKS: &[(&str, Check)] = &[
    ("multi-region-key-exists", multi_region_key_exists),
    ("replica-exists", replica_exists),
    (
        "multi-region-ciphertext-saved",
        multi_region_ciphertext_saved,
    ),
    ("decrypted-in-other-region", decrypted_in_other_region),
    ("primary-region-updated", primary_region_updated),
];

/// You own a multi-Region key.
fn multi_region_key_exists(session: &Session) -> bool {
    your_keys(session).any(|k| k.multi_region.is_some())
}

/// You own a multi-Region replica key.
fn replica_exists(session: &Session) -> bool {
    your_keys(session).any(|k| k.multi_region == Some(MultiRegionRole::Replica))
}

/// A file holds ciphertext made with a multi-Region key.
fn multi_region_ciphertext_saved(session: &Session) -> bool {
    ciphertext_files(session)
        .iter()
        .any(|f| f.key.multi_region.is_some())
}

/// With multi-Region ciphertext in a file, a Decrypt succeeded in a Region
/// other than one where an Encrypt succeeded.
fn decrypted_in_other_region(session: &Session) -> bool {
    multi_region_ciphertext_saved(session)
        && succeeded(session, "Encrypt")
            .any(|e| succeeded(session, "Decrypt").any(|d| d.region() != e.region()))
}

/// UpdatePrimaryRegion moved a primary key to another Region.
fn primary_region_updated(session: &Session) -> bool {
    succeeded(session, "UpdatePrimaryRegion").any(|c| {
        c.string_param("primaryRegion")
            .is_some_and(|r| r != c.region())
    })
}
