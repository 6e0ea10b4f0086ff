//! Grading: whether an answer is right, and which parts of it are.

use serde::{Deserialize, Serialize};

use super::answer_text;
use super::question::{Answer, Body, Question};

/// The outcome of grading one answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub correct: bool,
    /// Multi: one entry per option, true where the learner chose it exactly
    /// when it is right. Matching: one entry per term, true where its pair is
    /// right. Empty for the other kinds.
    pub parts: Vec<bool>,
}

impl Verdict {
    fn whole(correct: bool) -> Verdict {
        Verdict {
            correct,
            parts: Vec::new(),
        }
    }

    fn of_parts(parts: Vec<bool>) -> Verdict {
        Verdict {
            correct: !parts.is_empty() && parts.iter().all(|p| *p),
            parts,
        }
    }
}

impl Question {
    /// Grades an answer. One of another kind, or pointing past the options,
    /// is wrong in every part.
    pub fn grade(&self, answer: &Answer) -> Verdict {
        let fits = self.fits(answer);
        match (&self.body, answer) {
            (Body::Single { options }, Answer::Single(i)) => {
                Verdict::whole(fits && options[*i].correct)
            }
            (Body::Multi { options, .. }, Answer::Multi(chosen)) => Verdict::of_parts(
                options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| fits && chosen.contains(&i) == o.correct)
                    .collect(),
            ),
            (Body::TrueFalse { answer: right, .. }, Answer::TrueFalse(given)) => {
                Verdict::whole(right == given)
            }
            (Body::Typed { accept, .. }, Answer::Typed(given)) => {
                Verdict::whole(answer_text::accepts(accept, given))
            }
            (Body::Matching { key, .. }, Answer::Matching(chosen)) => Verdict::of_parts(
                key.iter()
                    .enumerate()
                    .map(|(t, d)| fits && chosen[t] == Some(*d))
                    .collect(),
            ),
            _ => self.wrong(),
        }
    }

    /// A verdict with every part wrong, for a missing or misshapen answer.
    pub fn wrong(&self) -> Verdict {
        let parts = match &self.body {
            Body::Multi { options, .. } => options.len(),
            Body::Matching { terms, .. } => terms.len(),
            _ => 0,
        };
        Verdict {
            correct: false,
            parts: vec![false; parts],
        }
    }
}
