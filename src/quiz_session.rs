//! The quiz or exam in progress, kept through the storage module so that a
//! reload resumes it, and the history of finished ones.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use keydeck_study::quiz::{missed_cards, Attempt, Mode, QuizResult};

use crate::clock;
use crate::storage::{self, keys};
use crate::study_store::StudyStore;

/// One finished quiz or exam, for the progress page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizRecord {
    pub finished_at: DateTime<Utc>,
    pub mode: Mode,
    pub right: usize,
    pub total: usize,
    pub percent: usize,
    pub passed: bool,
    pub link: String,
}

/// The shipped questions and the deck they are generated from; the quiz
/// route fetches them before its page renders.
pub use crate::content::bank;

/// Whether a quiz is saved in progress, without reading it.
pub fn has_attempt() -> bool {
    storage::load_text(keys::QUIZ_IN_PROGRESS).is_some()
}

pub fn load_attempt() -> Option<Attempt> {
    storage::load(keys::QUIZ_IN_PROGRESS)
}

pub fn save_attempt(attempt: &Attempt) {
    let _ = storage::save(keys::QUIZ_IN_PROGRESS, attempt);
}

pub fn history() -> Vec<QuizRecord> {
    storage::load(keys::QUIZ_HISTORY).unwrap_or_default()
}

/// Submits the attempt: scores it, logs it, makes missed cards due and
/// clears the saved attempt.
pub fn finish(attempt: &mut Attempt, study: StudyStore) -> QuizResult {
    let now = clock::now();
    let result = attempt.sheet.submit(now);
    let mut records = history();
    records.push(QuizRecord {
        finished_at: now,
        mode: attempt.mode,
        right: result.right,
        total: result.total,
        percent: result.percent,
        passed: result.passed,
        link: attempt.link.clone(),
    });
    let _ = storage::save(keys::QUIZ_HISTORY, &records);
    study.mark_missed(&missed_cards(&result));
    storage::remove(keys::QUIZ_IN_PROGRESS);
    result
}

pub fn abandon() {
    storage::remove(keys::QUIZ_IN_PROGRESS);
}
