//! The answer sheet of a quiz being taken, in practice or exam mode: the
//! answers, which can change, and the flags for review until it is
//! submitted; in exam mode, against the clock, which is always an argument.
//! Serialized as versioned JSON so a quiz in progress survives a reload.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::assemble::Quiz;
use super::question::{Answer, Question};
use super::result::QuizResult;

/// The answer sheet format's version. A newer one is refused, never guessed at.
pub const SHEET_SCHEMA: u32 = 1;

/// The AWS Certified Developer – Associate (DVA-C02) exam gives 130 minutes
/// for 65 questions: two minutes a question
/// (<https://aws.amazon.com/certification/certified-developer-associate/>).
pub const SECONDS_PER_QUESTION: i64 = 130 * 60 / 65;

/// DVA-C02's pace scaled to `questions`: 65 give 130 minutes, 10 give 20.
pub fn default_time_limit(questions: usize) -> Duration {
    Duration::seconds(SECONDS_PER_QUESTION * questions as i64)
}

/// A quiz's answers and flags, in progress or submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerSheet {
    pub schema: u32,
    pub quiz: Quiz,
    pub started_at: DateTime<Utc>,
    pub time_limit_secs: i64,
    /// The question shown, so a resumed exam opens where it was left.
    #[serde(default)]
    pub current: usize,
    answers: Vec<Option<Answer>>,
    flags: Vec<bool>,
    submitted_at: Option<DateTime<Utc>>,
}

/// One cell of the question navigator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub answered: bool,
    pub flagged: bool,
}

/// Why an exam refuses a change or a saved copy, in words for the learner.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error("the exam has no question {}", .0 + 1)]
    NoSuchQuestion(usize),
    /// The answer does not fit the question (another kind, or an option it lacks).
    #[error("that answer does not fit question {}", .0 + 1)]
    AnswerDoesNotFit(usize),
    #[error("the exam is submitted; answers can no longer change")]
    Submitted,
    #[error(
        "this exam was saved by a newer version of KeyDeck (format {0}; this one reads up to {max}); reload to update",
        max = SHEET_SCHEMA
    )]
    NewerSchema(u32),
    #[error("this is not a saved KeyDeck exam ({0})")]
    Malformed(String),
}

impl AnswerSheet {
    /// Starts an exam with DVA-C02's pace as its time limit.
    pub fn new(quiz: Quiz, started_at: DateTime<Utc>) -> AnswerSheet {
        let limit = default_time_limit(quiz.questions.len());
        AnswerSheet::with_time_limit(quiz, started_at, limit)
    }

    pub fn with_time_limit(quiz: Quiz, started_at: DateTime<Utc>, limit: Duration) -> AnswerSheet {
        let n = quiz.questions.len();
        AnswerSheet {
            schema: SHEET_SCHEMA,
            quiz,
            started_at,
            time_limit_secs: limit.num_seconds().max(0),
            current: 0,
            answers: vec![None; n],
            flags: vec![false; n],
            submitted_at: None,
        }
    }

    pub fn len(&self) -> usize {
        self.quiz.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.quiz.questions.is_empty()
    }

    pub fn question(&self, index: usize) -> Option<&Question> {
        self.quiz.questions.get(index)
    }

    pub fn answer_of(&self, index: usize) -> Option<&Answer> {
        self.answers.get(index)?.as_ref()
    }

    /// Records or replaces an answer.
    pub fn answer(&mut self, index: usize, answer: Answer) -> Result<(), SheetError> {
        let question = self.open(index)?;
        if !question.fits(&answer) {
            return Err(SheetError::AnswerDoesNotFit(index));
        }
        self.answers[index] = Some(answer);
        Ok(())
    }

    pub fn clear_answer(&mut self, index: usize) -> Result<(), SheetError> {
        self.open(index)?;
        self.answers[index] = None;
        Ok(())
    }

    /// Flags or unflags a question for review; returns whether it is now flagged.
    pub fn toggle_flag(&mut self, index: usize) -> Result<bool, SheetError> {
        self.open(index)?;
        self.flags[index] = !self.flags[index];
        Ok(self.flags[index])
    }

    pub fn is_flagged(&self, index: usize) -> bool {
        self.flags.get(index).copied().unwrap_or(false)
    }

    /// The navigator grid: one slot per question.
    pub fn slots(&self) -> Vec<Slot> {
        (0..self.len())
            .map(|i| Slot {
                answered: self.answers[i].is_some(),
                flagged: self.flags[i],
            })
            .collect()
    }

    pub fn deadline(&self) -> DateTime<Utc> {
        self.started_at + Duration::seconds(self.time_limit_secs)
    }

    /// Time left at `now`, never negative.
    pub fn remaining(&self, now: DateTime<Utc>) -> Duration {
        (self.deadline() - now).max(Duration::zero())
    }

    /// Whether time has run out at `now`: the exam is then to be submitted.
    pub fn is_time_up(&self, now: DateTime<Utc>) -> bool {
        now >= self.deadline()
    }

    pub fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.submitted_at
    }

    /// Ends the exam and scores it. Submitting again changes nothing and
    /// gives the same result. Time after the deadline is not counted.
    pub fn submit(&mut self, now: DateTime<Utc>) -> QuizResult {
        if self.submitted_at.is_none() {
            self.submitted_at = Some(now.min(self.deadline()).max(self.started_at));
        }
        self.result().expect("submitted above")
    }

    /// The result of a submitted exam.
    pub fn result(&self) -> Option<QuizResult> {
        let submitted = self.submitted_at?;
        let mut result = QuizResult::score(&self.quiz, &self.answers, &self.flags);
        result.time_taken_secs = Some((submitted - self.started_at).num_seconds());
        Some(result)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an exam always serializes")
    }

    /// Reads a saved exam, refusing one saved by a newer version.
    pub fn from_json(text: &str) -> Result<AnswerSheet, SheetError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| SheetError::Malformed(e.to_string()))?;
        let schema = value
            .get("schema")
            .and_then(serde_json::Value::as_u64)
            .ok_or_else(|| SheetError::Malformed("it has no schema version".into()))?;
        if schema > u64::from(SHEET_SCHEMA) {
            return Err(SheetError::NewerSchema(
                u32::try_from(schema).unwrap_or(u32::MAX),
            ));
        }
        let exam: AnswerSheet =
            serde_json::from_value(value).map_err(|e| SheetError::Malformed(e.to_string()))?;
        let n = exam.len();
        if exam.answers.len() != n || exam.flags.len() != n {
            return Err(SheetError::Malformed(
                "its answers do not match its questions".into(),
            ));
        }
        Ok(exam)
    }

    /// The question at `index`, if the exam still takes changes.
    fn open(&self, index: usize) -> Result<&Question, SheetError> {
        if self.submitted_at.is_some() {
            return Err(SheetError::Submitted);
        }
        self.question(index)
            .ok_or(SheetError::NoSuchQuestion(index))
    }
}
