//! A quiz or exam being taken: the moves through its questions, checking in
//! practice, flags in an exam, and what each control may do at the question
//! shown. Saved as it is after every change, so a reload resumes it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::link::{Mode, QuizLink};
use super::question::{Answer, Body, Question};
use super::sheet::AnswerSheet;
use crate::wording::{agreeing, count};

/// A quiz being taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub mode: Mode,
    /// Practice: which answers have been checked (and so are locked).
    checked: Vec<bool>,
    /// Stored as `exam`, its name before practice quizzes shared it.
    #[serde(rename = "exam")]
    pub sheet: AnswerSheet,
    /// The page's address, so a resumed attempt can be recognised.
    pub link: String,
}

/// The main button under a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MainAction {
    /// Practice, before the answer is checked: usable once there is an answer.
    Check { enabled: bool },
    /// Practice, the last question checked.
    SeeResults,
    /// Practice, a checked question with more to come.
    Next,
    /// An exam: Next (not at the last question) beside "Submit exam".
    ExamNext { enabled: bool },
}

/// What Enter did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advance {
    /// Practice: the answer is checked.
    Checked,
    /// On to the next question.
    Moved,
    /// Practice, at the last question checked: the quiz is to be finished.
    Finish,
    Nothing,
}

impl Attempt {
    /// A fresh attempt at the quiz `link` describes, drawn into `sheet`.
    pub fn new(link: &QuizLink, sheet: AnswerSheet) -> Attempt {
        Attempt {
            mode: link.mode,
            checked: vec![false; sheet.len()],
            sheet,
            link: link.link(),
        }
    }

    /// Whether this saved attempt is the unfinished one at `link`.
    pub fn resumes(&self, link: &str) -> bool {
        self.link == link && !self.is_finished()
    }

    pub fn is_finished(&self) -> bool {
        self.sheet.submitted_at().is_some()
    }

    /// The 0-based index of the question shown.
    pub fn current(&self) -> usize {
        self.sheet.current
    }

    pub fn len(&self) -> usize {
        self.sheet.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sheet.is_empty()
    }

    pub fn question(&self) -> Option<&Question> {
        self.sheet.question(self.current())
    }

    /// Practice: whether the answer to question `index` is checked, and so
    /// shown right or wrong and locked. Never in an exam.
    pub fn is_revealed(&self, index: usize) -> bool {
        self.mode == Mode::Practice && self.is_checked(index)
    }

    fn is_checked(&self, index: usize) -> bool {
        self.checked.get(index).copied().unwrap_or(false)
    }

    /// Shows question `index`, if there is one.
    pub fn go_to(&mut self, index: usize) -> bool {
        let exists = index < self.len();
        if exists {
            self.sheet.current = index;
        }
        exists
    }

    pub fn can_go_back(&self) -> bool {
        self.current() > 0
    }

    pub fn back(&mut self) -> bool {
        self.can_go_back() && self.go_to(self.current() - 1)
    }

    pub fn forward(&mut self) -> bool {
        self.go_to(self.current() + 1)
    }

    fn is_last(&self) -> bool {
        self.current() + 1 >= self.len()
    }

    /// Practice: locks in the answer shown, if there is one.
    pub fn check(&mut self) -> bool {
        let i = self.current();
        let can = self.mode == Mode::Practice && self.sheet.answer_of(i).is_some();
        if can {
            self.checked[i] = true;
        }
        can
    }

    /// Records, replaces or clears the answer to the question shown.
    pub fn answer(&mut self, answer: Option<Answer>) {
        let i = self.current();
        if self.is_checked(i) {
            return;
        }
        let _ = match answer {
            Some(a) => self.sheet.answer(i, a),
            None => self.sheet.clear_answer(i),
        };
    }

    /// A digit key (1–9) picks an option of the question shown; false if it
    /// names none or the answer is checked.
    pub fn press_digit(&mut self, digit: usize) -> bool {
        let i = self.current();
        let pick = self
            .sheet
            .question(i)
            .and_then(|q| answer_for_key(q, self.sheet.answer_of(i), digit));
        match pick {
            Some(a) if !self.is_checked(i) => self.sheet.answer(i, a).is_ok(),
            _ => false,
        }
    }

    /// An exam: flags or unflags the question shown.
    pub fn toggle_flag(&mut self) -> bool {
        self.mode == Mode::Exam && self.sheet.toggle_flag(self.current()).is_ok()
    }

    pub fn is_flagged(&self) -> bool {
        self.sheet.is_flagged(self.current())
    }

    /// Enter: in practice, check the answer, then go on, and at the end
    /// finish; in an exam, go on (an exam is submitted by its button).
    pub fn advance(&mut self) -> Advance {
        let i = self.current();
        if self.mode == Mode::Practice && !self.is_checked(i) {
            return if self.check() {
                Advance::Checked
            } else {
                Advance::Nothing
            };
        }
        if self.is_last() {
            return match self.mode {
                Mode::Practice => Advance::Finish,
                Mode::Exam => Advance::Nothing,
            };
        }
        if self.forward() {
            Advance::Moved
        } else {
            Advance::Nothing
        }
    }

    /// The main button for the question shown.
    pub fn main_action(&self) -> MainAction {
        let i = self.current();
        match self.mode {
            Mode::Practice if !self.is_checked(i) => MainAction::Check {
                enabled: self.sheet.answer_of(i).is_some(),
            },
            Mode::Practice if self.is_last() => MainAction::SeeResults,
            Mode::Practice => MainAction::Next,
            Mode::Exam => MainAction::ExamNext {
                enabled: !self.is_last(),
            },
        }
    }

    pub fn unanswered(&self) -> usize {
        self.sheet.slots().iter().filter(|s| !s.answered).count()
    }

    /// The quiz's progress bar: how many are answered, in words and as a
    /// whole percentage.
    pub fn progress(&self) -> (String, u32) {
        let (total, answered) = (self.len(), self.len() - self.unanswered());
        let percent = (answered * 100).checked_div(total).unwrap_or(0) as u32;
        (format!("{answered} of {total} answered"), percent)
    }

    /// The line under "Submit the exam?".
    pub fn submit_warning(&self) -> String {
        match self.unanswered() {
            0 => "Every question is answered.".to_owned(),
            n => format!(
                "{} {} unanswered.",
                count(n, "question"),
                agreeing(&n, "is", "are")
            ),
        }
    }

    /// The navigator's name for question `index`: "Question 3, answered, flagged".
    pub fn navigator_label(&self, index: usize) -> String {
        let slot = self.sheet.slots().get(index).copied();
        let answered = slot.is_some_and(|s| s.answered);
        let flagged = slot.is_some_and(|s| s.flagged);
        format!(
            "Question {}{}{}",
            index + 1,
            if answered { ", answered" } else { "" },
            if flagged { ", flagged" } else { "" }
        )
    }

    /// The exam clock at `now`: "12:05", never below "0:00".
    pub fn time_left(&self, now: DateTime<Utc>) -> String {
        let left = self.sheet.remaining(now).num_seconds().max(0);
        format!("{}:{:02}", left / 60, left % 60)
    }

    /// Whether the exam clock shows its last minute at `now`.
    pub fn time_is_short(&self, now: DateTime<Utc>) -> bool {
        self.sheet.remaining(now).num_seconds() < 60
    }
}

/// A key press (1–9) picks the matching option of a single, multi or
/// true/false question; on a multi question it picks or unpicks it among
/// the options already picked in `current`.
pub fn answer_for_key(question: &Question, current: Option<&Answer>, key: usize) -> Option<Answer> {
    let i = key.checked_sub(1)?;
    match &question.body {
        Body::Single { options } if i < options.len() => Some(Answer::Single(i)),
        Body::Multi { options, .. } if i < options.len() => {
            let mut picked = match current {
                Some(Answer::Multi(p)) => p.clone(),
                _ => Vec::new(),
            };
            if let Some(at) = picked.iter().position(|&p| p == i) {
                picked.remove(at);
            } else {
                picked.push(i);
                picked.sort_unstable();
            }
            Some(Answer::Multi(picked))
        }
        Body::TrueFalse { .. } if i < 2 => Some(Answer::TrueFalse(i == 0)),
        _ => None,
    }
}
