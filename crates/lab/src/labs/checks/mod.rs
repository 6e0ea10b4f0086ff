//! The checks that decide when a task is done, by id. Each is a function
//! over the lab's [`Session`]: the simulator's public state (keys, aliases,
//! policies, rotations, the clock, and through [`services`] the parameters,
//! secrets, volumes and snapshots), its CloudTrail-style event log, and the
//! terminal's files. What was typed never counts, only what it did.
//!
//! One module per lab; checks several labs share live in [`basics`].
//!
//! The checks of the labs on asymmetric keys, Parameter Store, Secrets
//! Manager, EBS and the Encryption SDK are [`MoreChecks`]: the browser's labs worker fetches
//! them, with the code they use, as the `more_checks` chunk when one of
//! those labs first needs one (see [`keydeck_sim::platform::lazy`]).

mod asymmetric;
mod basics;
mod calls;
mod cross_account;
mod envelope;
mod esdk;
mod grants;
mod key_states;
mod multi_region;
mod parameter_store;
mod rotation;
mod secrets;
mod services;
mod snapshot_copy;
mod state;

use keydeck_sim::platform::lazy::lazy_slot;

use crate::session::Session;

/// A check: does the session's state show the task done?
pub type Check = fn(&Session) -> bool;

/// Your account and the partner's, as the CLI's profiles define them.
pub(crate) use crate::cli::{PARTNER as PARTNER_ACCOUNT, YOURS as YOUR_ACCOUNT};

/// The checks of the labs every learner starts with.
const CORE: [&[(&str, Check)]; 7] = [
    basics::CHECKS,
    envelope::CHECKS,
    cross_account::CHECKS,
    grants::CHECKS,
    rotation::CHECKS,
    key_states::CHECKS,
    multi_region::CHECKS,
];

/// The checks of the later labs.
pub trait MoreChecks: Sync {
    fn checks(&self) -> &'static [&'static [(&'static str, Check)]];
}

/// The later labs' checks, as native builds link them and the
/// `more_checks` chunk holds them.
pub struct BuiltinChecks;

impl MoreChecks for BuiltinChecks {
    fn checks(&self) -> &'static [&'static [(&'static str, Check)]] {
        &[
            asymmetric::CHECKS,
            parameter_store::CHECKS,
            secrets::CHECKS,
            snapshot_copy::CHECKS,
            esdk::CHECKS,
        ]
    }
}

lazy_slot! {
    /// [`MoreChecks`], in the `more_checks` chunk in the browser.
    pub static MORE_CHECKS: dyn MoreChecks = ("more_checks", &BuiltinChecks);
}

/// Every check, by id (natively: the build and the tests use it).
pub fn all() -> impl Iterator<Item = (&'static str, Check)> {
    CORE.into_iter()
        .chain(BuiltinChecks.checks().iter().copied())
        .flatten()
        .copied()
}

/// The check with this id. One of the later labs' misses while its chunk
/// is not loaded; the lab host then loads it and asks again.
pub fn find(id: &str) -> Option<Check> {
    let found = |lists: &[&[(&'static str, Check)]]| {
        lists
            .iter()
            .flat_map(|list| list.iter())
            .find(|(name, _)| *name == id)
            .map(|(_, check)| *check)
    };
    found(&CORE).or_else(|| found(MORE_CHECKS.get().ok()?.checks()))
}
