//! Questions and answers: what a quiz shows and what a learner gives.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::task::TaskStatement;

/// How a question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// One right option among 3 to 6.
    Single,
    /// Several right options ("Choose two.").
    Multi,
    TrueFalse,
    /// A typed answer, graded tolerantly.
    Typed,
    /// Pair each term with its description.
    Matching,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 5] = [
        QuestionKind::Single,
        QuestionKind::Multi,
        QuestionKind::TrueFalse,
        QuestionKind::Typed,
        QuestionKind::Matching,
    ];

    /// The name used in question files and URLs.
    pub fn name(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multi => "multi",
            QuestionKind::TrueFalse => "truefalse",
            QuestionKind::Typed => "typed",
            QuestionKind::Matching => "matching",
        }
    }

    pub fn parse(s: &str) -> Option<QuestionKind> {
        QuestionKind::ALL.into_iter().find(|k| k.name() == s)
    }
}

impl fmt::Display for QuestionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a question comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A scenario question from `content/questions/`.
    Written,
    /// Made from deck cards by [`crate::quiz::generate`].
    Generated,
}

/// One option of a single or multi question. Text and explanation are Markdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    /// Why this option is right or wrong.
    pub explanation: String,
    /// The AWS documentation page that explains this option.
    pub source: String,
}

/// What a question holds besides its stem. Markdown throughout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Body {
    Single {
        options: Vec<Choice>,
    },
    Multi {
        options: Vec<Choice>,
        /// How many options are right.
        choose: usize,
    },
    #[serde(rename = "truefalse")]
    TrueFalse {
        answer: bool,
        explanation: String,
    },
    Typed {
        /// Accepted answers; the first is the canonical one.
        accept: Vec<String>,
        explanation: String,
    },
    /// Terms in their shown order, descriptions in theirs: `key[t]` is the
    /// index in `descriptions` of term `t`'s description.
    Matching {
        terms: Vec<String>,
        descriptions: Vec<String>,
        key: Vec<usize>,
        explanation: String,
    },
}

/// One exam-style question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// `q-…` for written questions, `gen-…` for generated ones.
    pub id: String,
    /// The deck topic id, which is also the topic scored in results.
    pub topic: String,
    /// The question text (Markdown).
    pub stem: String,
    pub body: Body,
    /// The deck cards the question rests on; a miss makes them due.
    pub cards: Vec<String>,
    /// The AWS documentation page the question rests on.
    pub source: String,
    pub origin: Origin,
    /// The DVA-C02 task statement a written question serves; generated
    /// questions have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<TaskStatement>,
}

/// A learner's answer. Indices point into the question as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Answer {
    /// The chosen option of a single question.
    Single(usize),
    /// The chosen options of a multi question, in any order.
    Multi(Vec<usize>),
    #[serde(rename = "truefalse")]
    TrueFalse(bool),
    Typed(String),
    /// For each term, the index of the chosen description, if any yet.
    Matching(Vec<Option<usize>>),
}

impl Answer {
    pub fn kind(&self) -> QuestionKind {
        match self {
            Answer::Single(_) => QuestionKind::Single,
            Answer::Multi(_) => QuestionKind::Multi,
            Answer::TrueFalse(_) => QuestionKind::TrueFalse,
            Answer::Typed(_) => QuestionKind::Typed,
            Answer::Matching(_) => QuestionKind::Matching,
        }
    }
}

impl Question {
    pub fn kind(&self) -> QuestionKind {
        match self.body {
            Body::Single { .. } => QuestionKind::Single,
            Body::Multi { .. } => QuestionKind::Multi,
            Body::TrueFalse { .. } => QuestionKind::TrueFalse,
            Body::Typed { .. } => QuestionKind::Typed,
            Body::Matching { .. } => QuestionKind::Matching,
        }
    }

    /// Whether this is an exam-style scenario: a single or multi question
    /// whose stem has two or more sentences and ends with a question (before
    /// a closing "(Choose two.)"). A sentence ends with `.`, `?` or `!`
    /// followed by a space or the end of the stem, outside code spans.
    pub fn is_scenario(&self) -> bool {
        if !matches!(self.kind(), QuestionKind::Single | QuestionKind::Multi) {
            return false;
        }
        let stem = self.stem.trim();
        let stem = match stem.rfind("(Choose ") {
            Some(at) if stem.ends_with(')') => stem[..at].trim_end(),
            _ => stem,
        };
        stem.ends_with('?') && sentences(stem) >= 2
    }

    /// The options of a single or multi question; empty for other kinds.
    pub fn options(&self) -> &[Choice] {
        match &self.body {
            Body::Single { options } | Body::Multi { options, .. } => options,
            _ => &[],
        }
    }

    /// The right answer, in the same shape a learner gives one.
    pub fn right_answer(&self) -> Answer {
        let right = || {
            self.options()
                .iter()
                .enumerate()
                .filter(|(_, o)| o.correct)
                .map(|(i, _)| i)
        };
        match &self.body {
            Body::Single { .. } => Answer::Single(right().next().unwrap_or(0)),
            Body::Multi { .. } => Answer::Multi(right().collect()),
            Body::TrueFalse { answer, .. } => Answer::TrueFalse(*answer),
            Body::Typed { accept, .. } => {
                Answer::Typed(accept.first().cloned().unwrap_or_default())
            }
            Body::Matching { key, .. } => Answer::Matching(key.iter().copied().map(Some).collect()),
        }
    }

    /// Why the right answer is right (Markdown). For single and multi
    /// questions, the right options' explanations; every option also keeps
    /// its own.
    pub fn explanation(&self) -> String {
        match &self.body {
            Body::Single { options } | Body::Multi { options, .. } => options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.explanation.as_str())
                .collect::<Vec<_>>()
                .join("\n\n"),
            Body::TrueFalse { explanation, .. }
            | Body::Typed { explanation, .. }
            | Body::Matching { explanation, .. } => explanation.clone(),
        }
    }

    /// Whether an answer has this question's shape and stays within its options.
    pub fn fits(&self, answer: &Answer) -> bool {
        let n = self.options().len();
        match (&self.body, answer) {
            (Body::Single { .. }, Answer::Single(i)) => *i < n,
            (Body::Multi { .. }, Answer::Multi(chosen)) => chosen.iter().all(|i| *i < n),
            (Body::TrueFalse { .. }, Answer::TrueFalse(_)) => true,
            (Body::Typed { .. }, Answer::Typed(_)) => true,
            (
                Body::Matching {
                    terms,
                    descriptions,
                    ..
                },
                Answer::Matching(chosen),
            ) => {
                chosen.len() == terms.len()
                    && chosen.iter().flatten().all(|d| *d < descriptions.len())
            }
            _ => false,
        }
    }
}

/// How many sentences `text` has: the `.`, `?` and `!` that are followed by
/// whitespace or the end, outside `code spans`.
fn sentences(text: &str) -> usize {
    let mut in_code = false;
    let mut count = 0;
    for (at, c) in text.char_indices() {
        match c {
            '`' => in_code = !in_code,
            '.' | '?' | '!' if !in_code => {
                let next = text[at + 1..].chars().next();
                if next.is_none_or(char::is_whitespace) {
                    count += 1;
                }
            }
            _ => {}
        }
    }
    count
}
