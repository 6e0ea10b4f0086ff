//! Feedback on a checked answer, as the page shows it: a verdict that names
//! the right answer in words, a label on every option (or matched term)
//! saying what happened to it, and the options' explanations with the
//! learner's own choices first. The labels are words; colour only repeats
//! them.

use super::question::{Answer, Body, Question};
use crate::markdown::plain_text;

/// What happened to one option, or to one term of a matching question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The learner chose it, and it is right.
    ChosenRight,
    /// The learner chose it, and it is wrong.
    ChosenWrong,
    /// It is right, and the learner did not choose it.
    Missed,
    /// Neither chosen nor right.
    Unmarked,
}

impl Mark {
    /// The option's label, or none for an option nobody needs to look at.
    pub fn label(self) -> Option<&'static str> {
        match self {
            Mark::ChosenRight => Some("Your answer · correct"),
            Mark::ChosenWrong => Some("Your answer · wrong"),
            Mark::Missed => Some("Correct answer · missed"),
            Mark::Unmarked => None,
        }
    }

    /// Whether the option is shown as right (chosen or missed).
    pub fn is_right(self) -> bool {
        matches!(self, Mark::ChosenRight | Mark::Missed)
    }

    fn of(chosen: bool, right: bool) -> Mark {
        match (chosen, right) {
            (true, true) => Mark::ChosenRight,
            (true, false) => Mark::ChosenWrong,
            (false, true) => Mark::Missed,
            (false, false) => Mark::Unmarked,
        }
    }
}

/// The verdict at the top of a checked question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub correct: bool,
    /// "Correct" or "Not quite".
    pub headline: &'static str,
    /// The right answer in words: "The answer is …" or "The answers are …".
    pub right_answer: String,
}

impl Question {
    /// The verdict on `answer` (`None` when nothing was given).
    pub fn feedback(&self, answer: Option<&Answer>) -> Feedback {
        let correct = answer.is_some_and(|a| self.grade(a).correct);
        let several = matches!(&self.body, Body::Multi { .. } | Body::Matching { .. });
        let lead = if several {
            "The answers are"
        } else {
            "The answer is"
        };
        Feedback {
            correct,
            headline: if correct { "Correct" } else { "Not quite" },
            right_answer: format!("{lead}: {}.", self.describe(&self.right_answer())),
        }
    }

    /// One mark per option for single and multiple response questions, in
    /// the order shown; two for true or false (True, then False); one per
    /// term for matching; none for a typed answer, whose verdict says it.
    pub fn marks(&self, answer: Option<&Answer>) -> Vec<Mark> {
        match &self.body {
            Body::Single { options } | Body::Multi { options, .. } => {
                let chosen = |i: usize| match answer {
                    Some(Answer::Single(c)) => *c == i,
                    Some(Answer::Multi(list)) => list.contains(&i),
                    _ => false,
                };
                options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| Mark::of(chosen(i), o.correct))
                    .collect()
            }
            Body::TrueFalse { answer: right, .. } => [true, false]
                .into_iter()
                .map(|value| {
                    let chosen = answer == Some(&Answer::TrueFalse(value));
                    Mark::of(chosen, value == *right)
                })
                .collect(),
            Body::Typed { .. } => Vec::new(),
            Body::Matching { key, .. } => {
                let picks = match answer {
                    Some(Answer::Matching(picks)) => picks.as_slice(),
                    _ => &[],
                };
                key.iter()
                    .enumerate()
                    .map(|(t, right)| match picks.get(t).copied().flatten() {
                        Some(pick) if pick == *right => Mark::ChosenRight,
                        Some(_) => Mark::ChosenWrong,
                        None => Mark::Missed,
                    })
                    .collect()
            }
        }
    }

    /// A choice or true-or-false question's options as plain text, each
    /// with its mark, for a review; empty for typed and matching questions,
    /// whose answers read better in words ([`Question::describe`]).
    pub fn marked_options(&self, answer: Option<&Answer>) -> Vec<(String, Mark)> {
        let texts: Vec<String> = match &self.body {
            Body::Single { options } | Body::Multi { options, .. } => {
                options.iter().map(|o| plain_text(&o.text)).collect()
            }
            Body::TrueFalse { .. } => vec!["True".to_owned(), "False".to_owned()],
            Body::Typed { .. } | Body::Matching { .. } => Vec::new(),
        };
        texts.into_iter().zip(self.marks(answer)).collect()
    }

    /// The options in the order their explanations are read: the ones the
    /// learner chose first, then the right ones they missed, then the rest,
    /// each group in the order shown.
    pub fn explanation_order(&self, answer: Option<&Answer>) -> Vec<usize> {
        let marks = self.marks(answer);
        let rank = |m: &Mark| match m {
            Mark::ChosenRight | Mark::ChosenWrong => 0,
            Mark::Missed => 1,
            Mark::Unmarked => 2,
        };
        let mut order: Vec<usize> = (0..self.options().len()).collect();
        order.sort_by_key(|i| marks.get(*i).map_or(3, rank));
        order
    }
}
