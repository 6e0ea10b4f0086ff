//! Scoring a quiz: the score against the pass line, a score per topic, a
//! review of every question, and the cards to study again.

use serde::{Deserialize, Serialize};

use super::assemble::Quiz;
use super::question::{Answer, QuestionKind};

/// The pass line, in percent. DVA-C02 passes at a scaled score of 720 out
/// of 1000 (<https://aws.amazon.com/certification/certified-developer-associate/>).
pub const PASS_PERCENT: usize = 72;

/// The result format's version, stored with quiz history.
pub const RESULT_SCHEMA: u32 = 1;

/// Right answers out of questions, for one topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicScore {
    pub topic: String,
    pub title: String,
    pub right: usize,
    pub total: usize,
}

impl TopicScore {
    /// Whole percent, rounded down.
    pub fn percent(&self) -> usize {
        percent(self.right, self.total)
    }
}

/// One question as the results page reviews it. Markdown throughout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    /// The question's position in the quiz.
    pub index: usize,
    pub question: String,
    pub topic: String,
    pub kind: QuestionKind,
    pub stem: String,
    /// `None` if left unanswered.
    pub given: Option<Answer>,
    pub right_answer: Answer,
    pub correct: bool,
    /// Which options (multi) or pairs (matching) were right; see [`super::Verdict`].
    pub parts: Vec<bool>,
    pub flagged: bool,
    pub explanation: String,
    pub source: String,
    /// The cards the question rests on.
    pub cards: Vec<String>,
}

/// A scored quiz.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizResult {
    pub schema: u32,
    pub right: usize,
    pub total: usize,
    /// Whole percent, rounded down, so that 71.9% never shows as a pass.
    pub percent: usize,
    /// At least [`PASS_PERCENT`] of the questions right.
    pub passed: bool,
    /// One score per topic, in deck order.
    pub topics: Vec<TopicScore>,
    pub review: Vec<ReviewItem>,
    /// From start to submission, for a timed exam.
    pub time_taken_secs: Option<i64>,
}

impl QuizResult {
    /// The title of a topic of this quiz, as its score shows it; the id
    /// itself for a topic the quiz does not have.
    pub fn topic_title<'a>(&'a self, topic: &'a str) -> &'a str {
        self.topics
            .iter()
            .find(|t| t.topic == topic)
            .map_or(topic, |t| t.title.as_str())
    }

    /// Scores answers held by question index (`None`: unanswered, wrong).
    /// Also scores a practice quiz.
    pub fn score(quiz: &Quiz, answers: &[Option<Answer>], flags: &[bool]) -> QuizResult {
        let review: Vec<ReviewItem> = quiz
            .questions
            .iter()
            .enumerate()
            .map(|(index, q)| {
                let given = answers.get(index).cloned().flatten();
                let verdict = given.as_ref().map_or_else(|| q.wrong(), |a| q.grade(a));
                ReviewItem {
                    index,
                    question: q.id.clone(),
                    topic: q.topic.clone(),
                    kind: q.kind(),
                    stem: q.stem.clone(),
                    given,
                    right_answer: q.right_answer(),
                    correct: verdict.correct,
                    parts: verdict.parts,
                    flagged: flags.get(index).copied().unwrap_or(false),
                    explanation: q.explanation(),
                    source: q.source.clone(),
                    cards: q.cards.clone(),
                }
            })
            .collect();
        let topics = quiz
            .topics
            .iter()
            .map(|t| {
                let items = || review.iter().filter(|r| r.topic == t.id);
                TopicScore {
                    topic: t.id.clone(),
                    title: t.title.clone(),
                    right: items().filter(|r| r.correct).count(),
                    total: items().count(),
                }
            })
            .collect();
        let right = review.iter().filter(|r| r.correct).count();
        let total = review.len();
        QuizResult {
            schema: RESULT_SCHEMA,
            right,
            total,
            percent: percent(right, total),
            passed: total > 0 && right * 100 >= PASS_PERCENT * total,
            topics,
            review,
            time_taken_secs: None,
        }
    }
}

/// The source cards of every missed or unanswered question, each once, in
/// quiz order: the flashcards to make due.
pub fn missed_cards(result: &QuizResult) -> Vec<String> {
    let mut cards: Vec<String> = Vec::new();
    for item in result.review.iter().filter(|r| !r.correct) {
        for card in &item.cards {
            if !cards.contains(card) {
                cards.push(card.clone());
            }
        }
    }
    cards
}

fn percent(right: usize, total: usize) -> usize {
    (right * 100).checked_div(total).unwrap_or(0)
}
