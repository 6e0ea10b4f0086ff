//! The checks that decide when a task is done, by id. Each is a function
//! over the lab's [`Session`]: the simulator's public state (keys, aliases,
//! policies, rotations, the clock, and through [`services`] the parameters,
//! secrets, volumes and snapshots), its CloudTrail-style event log, and the
//! terminal's files. What was typed never counts, only what it did.
//!
//! One module per lab; checks several labs share live in [`basics`].

mod asymmetric;
mod basics;
mod calls;
mod cross_account;
mod envelope;
mod grants;
mod key_states;
mod multi_region;
mod parameter_store;
mod rotation;
mod secrets;
mod services;
mod snapshot_copy;
mod state;

use crate::session::Session;

/// A check: does the session's state show the task done?
pub type Check = fn(&Session) -> bool;

/// Your account and the partner's, as the CLI's profiles define them.
pub(crate) use crate::cli::{PARTNER as PARTNER_ACCOUNT, YOURS as YOUR_ACCOUNT};

/// Every check, by id.
pub fn all() -> impl Iterator<Item = (&'static str, Check)> {
    [
        basics::CHECKS,
        envelope::CHECKS,
        cross_account::CHECKS,
        grants::CHECKS,
        rotation::CHECKS,
        key_states::CHECKS,
        multi_region::CHECKS,
        asymmetric::CHECKS,
        parameter_store::CHECKS,
        secrets::CHECKS,
        snapshot_copy::CHECKS,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// The check with this id.
pub fn find(id: &str) -> Option<Check> {
    all().find(|(name, _)| *name == id).map(|(_, check)| check)
}
