//! The quiz's address: `/quiz?mode=&n=&topics=&seed=&time=` holds the whole
//! quiz, so a teacher can hand one link to a classroom and everyone gets the
//! same questions in the same order.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::assemble::{Quiz, QuizSpec};
use super::bank::QuestionBank;
use super::question::QuestionKind;
use super::seed::Seed;
use super::sheet::AnswerSheet;

/// How a quiz is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Feedback and the explanation after each answer; no timer.
    Practice,
    /// A timer, a navigator, flags; the score only at the end.
    Exam,
}

impl Mode {
    /// The name in the link and in saved records.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Exam => "exam",
        }
    }

    /// The name on the page: "Practice", "Exam".
    pub fn title(self) -> &'static str {
        match self {
            Mode::Practice => "Practice",
            Mode::Exam => "Exam",
        }
    }

    /// The question kinds a quiz in this mode draws: an exam draws only
    /// the kinds the AWS certification exams use, multiple choice and
    /// multiple response; practice draws every kind.
    pub fn kinds(self) -> Option<Vec<QuestionKind>> {
        match self {
            Mode::Practice => None,
            Mode::Exam => Some(EXAM_KINDS.to_vec()),
        }
    }
}

/// The kinds of question an exam draws, as on the AWS certification exams.
pub const EXAM_KINDS: [QuestionKind; 2] = [QuestionKind::Single, QuestionKind::Multi];

/// The questions a link asks for when it names no count.
pub const DEFAULT_COUNT: usize = 10;
/// The most questions a link can ask for.
pub const MAX_COUNT: usize = 100;

/// The quiz a link describes: how it is taken, what is drawn, and an optional
/// time limit in seconds (an exam's default follows the exam's pace).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizLink {
    pub mode: Mode,
    /// The topics, count and seed come from the link; the kinds from the
    /// mode ([`Mode::kinds`]).
    pub spec: QuizSpec,
    pub time_secs: Option<i64>,
}

impl QuizLink {
    /// Reads a link's query through `get` (a value by name, already
    /// decoded). `None` without a readable seed: then there is no quiz yet,
    /// only the setup form. Any mode but `exam` is practice; the count is
    /// 10 when absent or unreadable and is kept within 1–100; an empty
    /// topic list means every topic; a time that is not a positive number
    /// of seconds is no time.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Option<QuizLink> {
        let seed: Seed = get("seed")?.parse().ok()?;
        let mode = match get("mode").as_deref() {
            Some("exam") => Mode::Exam,
            _ => Mode::Practice,
        };
        let count = get("n")
            .and_then(|n| n.parse().ok())
            .unwrap_or(DEFAULT_COUNT)
            .clamp(1, MAX_COUNT);
        let topics = get("topics")
            .filter(|t| !t.is_empty())
            .map(|t| t.split(',').map(str::to_owned).collect());
        let time_secs = get("time")
            .and_then(|t| t.parse().ok())
            .filter(|t: &i64| *t > 0);
        Some(QuizLink {
            mode,
            spec: QuizSpec {
                topics,
                count,
                kinds: mode.kinds(),
                seed,
            },
            time_secs,
        })
    }

    /// The query, in the order the links have always had:
    /// `mode=…&n=…&seed=…`, then `&topics=a,b` and `&time=…` when set.
    pub fn to_query(&self) -> String {
        let mut query = format!(
            "mode={}&n={}&seed={}",
            self.mode.name(),
            self.spec.count,
            self.spec.seed
        );
        if let Some(topics) = &self.spec.topics {
            query.push_str(&format!("&topics={}", topics.join(",")));
        }
        if let Some(t) = self.time_secs {
            query.push_str(&format!("&time={t}"));
        }
        query
    }

    /// The page's address for this quiz.
    pub fn link(&self) -> String {
        format!("/quiz?{}", self.to_query())
    }

    /// Draws the quiz, or says in words why it cannot be drawn.
    pub fn draw(&self, bank: &QuestionBank) -> Result<Quiz, String> {
        Quiz::new(bank, self.spec.clone()).map_err(|e| format!("This quiz cannot be drawn: {e}."))
    }

    /// Starts the drawn `quiz` at `now`, with this link's time limit.
    pub fn start(&self, quiz: Quiz, now: DateTime<Utc>) -> AnswerSheet {
        match self.time_secs {
            Some(t) => AnswerSheet::with_time_limit(quiz, now, Duration::seconds(t)),
            None => AnswerSheet::new(quiz, now),
        }
    }
}

/// The seed a setup form's quiz code gives: the code read as base 36, or
/// `random` when it is blank; a code that is not one says why.
pub fn seed_from_code(code: &str, random: impl FnOnce() -> u64) -> Result<Seed, String> {
    match code.trim() {
        "" => Ok(Seed::from(random())),
        text => text
            .parse()
            .map_err(|e| format!("The quiz code is not valid: {e}.")),
    }
}
