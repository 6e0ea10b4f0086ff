//! One visit to the study page: the grades given so far, the answers that
//! can still be taken back, the card shown again after an undo, and cram
//! mode, which goes through a topic without touching the schedule.
//!
//! The page dispatches to a [`ReviewSession`]; the schedule itself changes
//! through [`crate::progress::Progress`], whose [`Undo`] the session keeps.

use crate::card::Card;
use crate::deck::Deck;
use crate::progress::Undo;
use crate::queue::Scope;
use crate::schedule::{Grade, Interval, Outcome};

/// Grades given in this session, one count per grade.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally([u32; 4]);

impl Tally {
    pub fn total(self) -> u32 {
        self.0.iter().sum()
    }

    /// How many times `grade` was given.
    pub fn of(self, grade: Grade) -> u32 {
        self.0[Tally::slot(grade)]
    }

    /// The share of the session done, in whole percent, with `left` cards
    /// still to go; 100 when there is nothing at all.
    pub fn percent_done(self, left: usize) -> usize {
        let done = self.total() as usize;
        (done * 100).checked_div(done + left).unwrap_or(100)
    }

    fn add(&mut self, grade: Grade) {
        self.0[Tally::slot(grade)] += 1;
    }

    fn take_back(&mut self, grade: Grade) {
        let n = &mut self.0[Tally::slot(grade)];
        *n = n.saturating_sub(1);
    }

    fn slot(grade: Grade) -> usize {
        usize::from(grade.key() - 1)
    }
}

/// Cram mode: a topic's cards in deck order, one after the other.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Cram {
    topic: String,
    index: usize,
}

/// The study page's session. It starts empty on every visit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewSession {
    tally: Tally,
    /// The answers that can be taken back, the last one last.
    undo: Vec<Undo>,
    /// The card whose answer was just taken back: it is shown again before
    /// anything else.
    just_undone: Option<String>,
    cram: Option<Cram>,
    /// What the last answer or undo did, in words for the learner.
    announcement: Option<String>,
}

impl ReviewSession {
    pub fn new() -> ReviewSession {
        ReviewSession::default()
    }

    pub fn tally(&self) -> Tally {
        self.tally
    }

    /// What the last action did: "Good: due again in 4d.", "Answer undone.".
    pub fn announcement(&self) -> Option<&str> {
        self.announcement.as_deref()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn is_cramming(&self) -> bool {
        self.cram.is_some()
    }

    /// The card to show: in cram mode the topic's next card; otherwise the
    /// card just undone, or else `next_due` (today's queue).
    pub fn card(&self, deck: &Deck, next_due: impl FnOnce() -> Option<Card>) -> Option<Card> {
        if let Some(cram) = &self.cram {
            return deck
                .topic(&cram.topic)
                .and_then(|t| t.study_cards().nth(cram.index));
        }
        self.just_undone
            .as_deref()
            .and_then(|id| deck.card(id))
            .or_else(next_due)
    }

    /// Starts cramming `topic` from its first card, with a fresh tally.
    pub fn start_cram(&mut self, topic: String) {
        self.tally = Tally::default();
        self.cram = Some(Cram { topic, index: 0 });
    }

    pub fn stop_cram(&mut self) {
        self.cram = None;
    }

    /// A card graded in cram mode: counted, and the next card comes; the
    /// schedule is not touched, so there is nothing to undo.
    pub fn crammed(&mut self, grade: Grade) {
        if let Some(cram) = &mut self.cram {
            cram.index += 1;
        }
        self.tally.add(grade);
    }

    /// A card graded and scheduled: counted, announced, and undoable.
    pub fn answered(&mut self, outcome: &Outcome, undo: Undo) {
        self.announcement = Some(format!(
            "{}: due again in {}.",
            outcome.grade.label(),
            Interval(outcome.interval)
        ));
        self.undo.push(undo);
        self.tally.add(outcome.grade);
        self.just_undone = None;
    }

    /// Takes the last answer off the undo stack, to be taken back from the
    /// progress; then call [`ReviewSession::undone`] if that worked.
    pub fn take_last_answer(&mut self) -> Option<Undo> {
        self.undo.pop()
    }

    /// The answer `undo` was taken back: its card is shown again and its
    /// grade no longer counted.
    pub fn undone(&mut self, undo: &Undo) {
        self.tally.take_back(undo.grade());
        self.just_undone = Some(undo.card().to_owned());
        self.announcement = Some("Answer undone.".to_owned());
    }
}

/// The topic the "cram a topic" offer starts with: the one studied, or the
/// deck's first.
pub fn cram_choice(scope: &Scope, deck: &Deck) -> String {
    match scope {
        Scope::Topic(t) => t.clone(),
        Scope::All => deck
            .topics
            .first()
            .map(|t| t.id.clone())
            .unwrap_or_default(),
    }
}
