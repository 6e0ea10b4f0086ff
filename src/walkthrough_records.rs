//! The walkthroughs watched to the end, kept through the storage module.
//!
//! Reading the record needs the JSON reader and chrono's parser of dates,
//! which nothing else on a walkthrough's page needs. The list of
//! walkthroughs and a walkthrough's last step read it through the
//! `walkthrough_records` chunk, so a deep link into a walkthrough's steps
//! downloads neither; the progress page calls [`completed`] in its own
//! records' chunk, fetched only when a record was kept.

use std::cell::RefCell;

use keydeck_study::walkthrough::{Completions, Walkthrough};

use crate::clock;
use crate::lazy::ChunkMissing;
use crate::storage::{self, keys};

pub fn completed() -> Completions {
    storage::load(keys::WALKTHROUGHS_COMPLETED).unwrap_or_default()
}

/// What the chunk does with the record.
#[derive(Clone, Copy)]
struct Records {
    completed: fn() -> Completions,
    step_shown: fn(&Walkthrough, usize),
}

#[leptos::wasm_split::wasm_split(walkthrough_records, fallible, wasm_split_path = ::leptos::wasm_split)]
fn records() -> Result<Records, ChunkMissing> {
    Ok(Records {
        completed,
        step_shown: |walkthrough, index| {
            let mut done = completed();
            if done.step_shown(walkthrough, index, clock::now()) {
                let _ = storage::save(keys::WALKTHROUGHS_COMPLETED, &done);
            }
        },
    })
}

thread_local! {
    /// The record read for the list by its route's `ready`.
    static LISTED: RefCell<Option<Completions>> = const { RefCell::new(None) };
}

/// Reads the record for the list of walkthroughs, alongside the route's
/// code, so that the list draws with its marks. A learner who has watched
/// none to the end has no record, and the list no need of the reader: a
/// first visit's list fetches nothing for it.
pub async fn read_for_list() -> Result<(), ChunkMissing> {
    let done = if storage::load_text(keys::WALKTHROUGHS_COMPLETED).is_some() {
        (records().await?.completed)()
    } else {
        Completions::default()
    };
    LISTED.with(|l| *l.borrow_mut() = Some(done));
    Ok(())
}

/// The record [`read_for_list`] last read. The list's view is made while
/// its route's `ready` reads the record, so it calls this as it draws.
pub fn listed() -> Completions {
    LISTED.with(|l| l.borrow().clone()).unwrap_or_default()
}

/// Records that step `index` was shown. Only the last step completes a
/// walkthrough, so only it fetches the chunk; if that fails, the
/// walkthrough is not marked, and the next time its last step shows tries
/// again.
pub fn step_shown(walkthrough: &'static Walkthrough, index: usize) {
    if index + 1 != walkthrough.steps.len() {
        return;
    }
    leptos::task::spawn_local(async move {
        if let Ok(records) = records().await {
            (records.step_shown)(walkthrough, index);
        }
    });
}
