//! What the page saves of a lab: its state as a seed plus the log that
//! rebuilds it (bounded), and which tasks the learner has done.

use std::collections::BTreeMap;

use keydeck_study::wording::count;
use serde::{Deserialize, Serialize};

use crate::Entry;

/// The most a lab's saved state may take, in characters of JSON. Browsers
/// give a site about 5 MB of localStorage, shared by everything KeyDeck saves.
pub const LAB_STATE_LIMIT: usize = 1_000_000;

/// A lab's state: the simulator's seed and everything done since, replayed
/// on open. A reset picks a new seed and empties the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabState {
    pub seed: u64,
    pub log: Vec<Entry>,
}

/// Why a lab's state was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateFull {
    pub size: usize,
}

impl std::fmt::Display for StateFull {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "This lab's saved history is full ({} KB of {} KB), so your latest step was not saved \
             and will be gone after a reload. Everything before it is kept. Reset the lab to start \
             a fresh history.",
            self.size.div_ceil(1000),
            LAB_STATE_LIMIT / 1000
        )
    }
}

impl LabState {
    pub fn new(seed: u64) -> LabState {
        LabState {
            seed,
            log: Vec::new(),
        }
    }

    /// The state with `entry` appended, as JSON ready to store, or why it
    /// would exceed [`LAB_STATE_LIMIT`]. `self` is unchanged either way.
    pub fn appended_json(&self, entry: &Entry) -> Result<(LabState, String), StateFull> {
        let mut next = self.clone();
        next.log.push(entry.clone());
        let json = serde_json::to_string(&next).unwrap_or_default();
        if json.chars().count() > LAB_STATE_LIMIT {
            return Err(StateFull { size: json.len() });
        }
        Ok((next, json))
    }
}

/// One lab's progress: the tasks done (by id) out of how many.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabRecord {
    pub done: Vec<String>,
    pub tasks: usize,
    /// Unix milliseconds of the first time every task was done.
    pub completed_at: Option<i64>,
}

impl LabRecord {
    pub fn is_complete(&self) -> bool {
        self.completed_at.is_some()
    }

    /// How many of `task_ids` are done.
    pub fn done_of(&self, task_ids: &[String]) -> usize {
        task_ids.iter().filter(|t| self.done.contains(t)).count()
    }

    /// The lab list's line for a lab: "Completed", "2 of 5 tasks done", or,
    /// before any, its size: "5 tasks · about 15 min".
    pub fn status_line(&self, task_ids: &[String], minutes: u32) -> String {
        let (done, total) = (self.done_of(task_ids), task_ids.len());
        if self.is_complete() {
            "Completed".to_owned()
        } else if done == 0 {
            format!("{total} tasks · about {minutes} min")
        } else {
            format!("{done} of {total} tasks done")
        }
    }
}

/// Every lab's progress, by lab id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabProgress(pub BTreeMap<String, LabRecord>);

impl LabProgress {
    /// Records the tasks now done in a lab. A task once done stays done,
    /// even after a reset, and completion keeps its first time. Returns
    /// whether anything changed.
    pub fn record(&mut self, lab: &str, done: &[String], tasks: usize, now_ms: i64) -> bool {
        let record = self.0.entry(lab.to_owned()).or_default();
        let before = record.clone();
        for id in done {
            if !record.done.contains(id) {
                record.done.push(id.clone());
            }
        }
        record.tasks = tasks;
        if record.completed_at.is_none() && tasks > 0 && record.done.len() >= tasks {
            record.completed_at = Some(now_ms);
        }
        *record != before
    }

    pub fn get(&self, lab: &str) -> Option<&LabRecord> {
        self.0.get(lab)
    }

    /// How many labs have every task done.
    pub fn completed(&self) -> usize {
        self.0.values().filter(|r| r.is_complete()).count()
    }

    /// "1 lab completed, 2 in progress." for the progress page.
    pub fn summary(&self) -> String {
        let done = self.completed();
        let started = self
            .0
            .values()
            .filter(|r| !r.is_complete() && !r.done.is_empty())
            .count();
        match (done, started) {
            (0, 0) => "No labs started yet.".to_owned(),
            (d, 0) => format!("{} completed.", count(d, "lab")),
            (0, s) => format!("{} in progress.", count(s, "lab")),
            (d, s) => format!("{} completed, {s} in progress.", count(d, "lab")),
        }
    }
}
