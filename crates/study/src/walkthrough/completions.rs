//! Which walkthroughs a learner has watched to the end, and when first:
//! stored as `{id: first time}`, which the walkthrough list and the progress
//! page read.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::model::Walkthrough;

/// Each walkthrough watched to its last step, with the first time it was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Completions(BTreeMap<String, DateTime<Utc>>);

impl Completions {
    /// When the walkthrough `id` was first watched to the end.
    pub fn completed_at(&self, id: &str) -> Option<DateTime<Utc>> {
        self.0.get(id).copied()
    }

    pub fn is_completed(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    /// How many walkthroughs are recorded as watched to the end.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The step at 0-based `index` of `walkthrough` was shown at `at`: the
    /// last step completes it, the first time only. Returns whether that
    /// changed anything, and so is to be saved.
    pub fn step_shown(
        &mut self,
        walkthrough: &Walkthrough,
        index: usize,
        at: DateTime<Utc>,
    ) -> bool {
        let last = index + 1 == walkthrough.steps.len();
        if !last || self.is_completed(walkthrough.id) {
            return false;
        }
        self.0.insert(walkthrough.id.to_owned(), at);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::walkthrough::builtin;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn a_walkthrough_counts_as_watched_the_first_time_its_last_step_shows() {
        let w = &builtin::ALL[0];
        let last = w.steps.len() - 1;
        let mut done = Completions::default();
        assert!(!done.step_shown(w, 0, at("2026-01-01T10:00:00Z")));
        assert!(!done.step_shown(w, last - 1, at("2026-01-01T10:01:00Z")));
        assert!(!done.is_completed(w.id));
        assert!(done.step_shown(w, last, at("2026-01-01T10:02:00Z")));
        assert!(
            !done.step_shown(w, last, at("2026-02-01T10:00:00Z")),
            "the first time stays"
        );
        assert_eq!(done.completed_at(w.id), Some(at("2026-01-01T10:02:00Z")));
        assert_eq!(done.len(), 1);
    }

    #[test]
    fn completions_are_stored_as_a_map_of_ids_to_times() {
        let json = r#"{"envelope-encryption":"2026-01-01T10:02:00Z"}"#;
        let done: Completions = serde_json::from_str(json).unwrap();
        assert!(done.is_completed("envelope-encryption"));
        assert_eq!(serde_json::to_string(&done).unwrap(), json);
    }
}
