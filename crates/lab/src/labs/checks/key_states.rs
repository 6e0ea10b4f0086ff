//! Key states: a Disabled key refuses cryptographic operations with
//! DisabledException; a key pending deletion (a waiting period of 7–30
//! days) refuses them, and EnableKey, with KMSInvalidStateException; a
//! cancelled deletion leaves the key Disabled
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html>,
//! <https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html>).

use keydeck_sim::kms::model::keys::KeyState;

use super::calls::{any_failed_with, any_succeeded, succeeded};
use super::state::your_keys;
use super::Check;
use crate::session::Session;

pub(super) const CHECKS: &[(&str, Check)] = &[
    ("call-failed-disabled", call_failed_disabled),
    ("deletion-scheduled", deletion_scheduled),
    ("call-failed-pending-deletion", call_failed_pending_deletion),
    ("deletion-cancelled", deletion_cancelled),
    ("key-reenabled", key_reenabled),
];

/// A call failed with DisabledException.
fn call_failed_disabled(session: &Session) -> bool {
    any_failed_with(session, "DisabledException")
}

/// ScheduleKeyDeletion succeeded.
fn deletion_scheduled(session: &Session) -> bool {
    any_succeeded(session, "ScheduleKeyDeletion")
}

/// A call failed with KMSInvalidStateException because its key was pending
/// deletion (`<key ARN> is pending deletion.`).
fn call_failed_pending_deletion(session: &Session) -> bool {
    session.sim().events().iter().any(|e| {
        e.error_code.as_deref() == Some("KMSInvalidStateException")
            && e.error_message
                .as_deref()
                .is_some_and(|m| m.ends_with(" is pending deletion."))
    })
}

/// CancelKeyDeletion succeeded.
fn deletion_cancelled(session: &Session) -> bool {
    any_succeeded(session, "CancelKeyDeletion")
}

/// EnableKey succeeded after a cancelled deletion, and one of your keys is
/// Enabled.
fn key_reenabled(session: &Session) -> bool {
    let enabled_after_cancel = succeeded(session, "CancelKeyDeletion")
        .any(|cancel| succeeded(session, "EnableKey").any(|e| e.index > cancel.index));
    enabled_after_cancel && your_keys(session).any(|k| k.state == KeyState::Enabled)
}
