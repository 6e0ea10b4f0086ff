//! Key rotation: automatic rotation on a period of 90–2,560 days (365 by
//! default), on-demand rotation, and the rotation history that
//! ListKeyRotations shows. Rotation adds key material and keeps the old, so
//! ciphertext made before it still decrypts
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html>).

use keydeck_sim::kms::model::rotation::{RotationType, DEFAULT_PERIOD_DAYS};
use keydeck_sim::kms::Key;
use keydeck_sim::platform::clock::iso8601;

use super::calls::{succeeded, Call};
use super::state::{ciphertext_files, your_keys};
use super::Check;
use crate::session::Session;

pub(super) const CHECKS: &[(&str, Check)] = &[
    (
        "rotation-enabled-custom-period",
        rotation_enabled_custom_period,
    ),
    ("automatic-rotation-happened", automatic_rotation_happened),
    ("on-demand-rotation-happened", on_demand_rotation_happened),
    ("old-ciphertext-decrypted", old_ciphertext_decrypted),
    ("rotations-listed", rotations_listed),
];

/// One of your keys rotates automatically on a period other than the
/// default 365 days.
fn rotation_enabled_custom_period(session: &Session) -> bool {
    your_keys(session).any(|k| {
        let rotation = &session.sim().kms().backing(k).rotation;
        rotation.enabled && rotation.period_days != DEFAULT_PERIOD_DAYS
    })
}

/// One of your keys rotated automatically.
fn automatic_rotation_happened(session: &Session) -> bool {
    rotated(session, RotationType::Automatic)
}

/// One of your keys rotated on demand.
fn on_demand_rotation_happened(session: &Session) -> bool {
    rotated(session, RotationType::OnDemand)
}

/// A file holds ciphertext made with older key material than its key's
/// newest, and a Decrypt succeeded after that key's first rotation.
fn old_ciphertext_decrypted(session: &Session) -> bool {
    ciphertext_files(session).iter().any(|f| {
        let versions = session
            .sim()
            .kms()
            .backing(f.key)
            .material
            .symmetric_versions();
        let newest = versions.last().map_or(0, |v| v.number);
        f.header.material_version < newest
            && succeeded(session, "Decrypt").any(|c| after_first_rotation(session, f.key, &c))
    })
}

/// ListKeyRotations succeeded after a key had rotated.
fn rotations_listed(session: &Session) -> bool {
    succeeded(session, "ListKeyRotations")
        .any(|c| your_keys(session).any(|k| after_first_rotation(session, k, &c)))
}

fn rotated(session: &Session, kind: RotationType) -> bool {
    your_keys(session).any(|k| {
        session
            .sim()
            .kms()
            .backing(k)
            .rotation
            .history
            .iter()
            .any(|r| r.kind == kind)
    })
}

/// Whether `call` came after `key` first rotated: later on the clock, or at
/// the same time but after an on-demand rotation call.
fn after_first_rotation(session: &Session, key: &Key, call: &Call<'_>) -> bool {
    let Some(first) = session.sim().kms().backing(key).rotation.history.first() else {
        return false;
    };
    let rotated_at = iso8601(first.date);
    let at = call.event.event_time.as_str();
    at > rotated_at.as_str()
        || (at == rotated_at
            && succeeded(session, "RotateKeyOnDemand").any(|r| r.index < call.index))
}
