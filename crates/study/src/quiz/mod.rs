//! The quiz engine: exam-style questions, graded answers, seeded quizzes and
//! a timed exam with per-topic scores.
//!
//! - [`parse`] reads the hand-written questions of `content/questions/`
//!   (format in `content/README.md`) and checks them against the deck.
//! - [`generate`] turns cards into questions, with distractors taken from
//!   answers of the same card kind.
//! - [`Question::grade`] grades every kind, typed answers tolerantly
//!   ([`answer_text`] holds the synonym table).
//! - [`Quiz::new`] draws a quiz from a [`QuestionBank`]; the same
//!   [`QuizSpec`] and [`Seed`] give the same quiz on every machine.
//! - [`AnswerSheet`] holds answers and flags until [`AnswerSheet::submit`] scores it into an
//!   [`QuizResult`]; [`missed_cards`] lists the cards to make due.
//!
//! - [`QuizLink`] reads and writes the `/quiz?…` address that holds a quiz;
//!   [`Attempt`] is a quiz being taken, and the moves its controls make.
//!
//! Everything is plain Rust: the clock is an argument, never read here.

pub mod answer_text;
mod assemble;
mod attempt;
mod bank;
mod describe;
mod feedback;
pub mod generate;
mod grade;
mod link;
pub mod parse;
mod question;
mod result;
mod sheet;

mod seed;
mod task;

pub use assemble::{Quiz, QuizError, QuizSpec, TopicTitle};
pub use attempt::{answer_for_key, Advance, Attempt, MainAction};
pub use bank::{KindCounts, QuestionBank, QuestionCounts};
pub use feedback::{Feedback, Mark};
pub use grade::Verdict;
pub use link::{seed_from_code, Mode, QuizLink, DEFAULT_COUNT, EXAM_KINDS, MAX_COUNT};
pub use parse::{parse_question_file, parse_questions};
pub use question::{Answer, Body, Choice, Origin, Question, QuestionKind};
pub use result::{missed_cards, QuizResult, ReviewItem, TopicScore, PASS_PERCENT, RESULT_SCHEMA};
pub use seed::{Seed, SeedError};
pub use sheet::{
    default_time_limit, AnswerSheet, SheetError, Slot, SECONDS_PER_QUESTION, SHEET_SCHEMA,
};
pub use task::TaskStatement;
