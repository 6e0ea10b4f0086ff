//! The quiz or exam in progress, kept through the storage module so that a
//! reload resumes it, and the history of finished ones.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use keydeck_study::quiz::{missed_cards, Exam, ExamResult};

use crate::clock;
use crate::storage::{self, keys};
use crate::study_store::StudyStore;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Feedback and the explanation after each answer; no timer.
    Practice,
    /// A timer, a navigator, flags; the score only at the end.
    Exam,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Exam => "exam",
        }
    }
}

/// What is saved while a quiz runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub mode: Mode,
    /// Practice: which answers have been checked (and so are locked).
    pub checked: Vec<bool>,
    pub exam: Exam,
    /// The page's address, so a resumed session can be recognised.
    pub link: String,
}

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

pub fn load_session() -> Option<Session> {
    storage::load(keys::QUIZ_IN_PROGRESS)
}

pub fn save_session(session: &Session) {
    let _ = storage::save(keys::QUIZ_IN_PROGRESS, session);
}

pub fn history() -> Vec<QuizRecord> {
    storage::load(keys::QUIZ_HISTORY).unwrap_or_default()
}

/// Submits the session: scores it, logs it, makes missed cards due and
/// clears the saved session.
pub fn finish(session: &mut Session, study: StudyStore) -> ExamResult {
    let now = clock::now();
    let result = session.exam.submit(now);
    let mut records = history();
    records.push(QuizRecord {
        finished_at: now,
        mode: session.mode,
        right: result.right,
        total: result.total,
        percent: result.percent,
        passed: result.passed,
        link: session.link.clone(),
    });
    let _ = storage::save(keys::QUIZ_HISTORY, &records);
    study.mark_missed(&missed_cards(&result));
    storage::remove(keys::QUIZ_IN_PROGRESS);
    result
}

pub fn abandon() {
    storage::remove(keys::QUIZ_IN_PROGRESS);
}
