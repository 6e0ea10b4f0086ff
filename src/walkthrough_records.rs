//! The walkthroughs watched to the end, kept through the storage module.

use keydeck_study::walkthrough::{Completions, Walkthrough};

use crate::clock;
use crate::storage::{self, keys};

pub fn completed() -> Completions {
    storage::load(keys::WALKTHROUGHS_COMPLETED).unwrap_or_default()
}

/// Records that step `index` was shown: the last step completes the
/// walkthrough, the first time only.
pub fn step_shown(walkthrough: &Walkthrough, index: usize) {
    let mut done = completed();
    if done.step_shown(walkthrough, index, clock::now()) {
        let _ = storage::save(keys::WALKTHROUGHS_COMPLETED, &done);
    }
}
