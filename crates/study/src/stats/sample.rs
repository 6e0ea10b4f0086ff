//! Synthetic review history, for the dashboard's screenshots and browser
//! tests: a simulated learner studies the deck with the real scheduler.
//!
//! The learner opens the app once on most days, answers every due card in
//! due order, then a few new cards in deck order, then learning steps due
//! within [`LEARN_AHEAD`], as the study queue serves them. Review cards are
//! recalled with the probability FSRS predicts for them, so true retention
//! lands near the desired retention; new and learning cards are mostly
//! answered Good, sometimes Again. Some days are skipped, and now and then a
//! break of a few days leaves a gap in the calendar.

use chrono::{DateTime, Days, Duration, NaiveTime, Utc};

use crate::day::{study_day, LocalClock, Rollover};
use crate::deck::Deck;
use crate::progress::Progress;
use crate::queue::LEARN_AHEAD;
use crate::schedule::{Grade, Memory, MemoryState, Scheduler};

use super::mastery::retrievability;

use crate::rng::Rng;

/// How the simulated learner studies.
#[derive(Debug, Clone, PartialEq)]
pub struct Learner {
    /// New cards started per study session.
    pub new_per_day: usize,
    /// The chance of skipping any one day.
    pub skip_chance: f64,
    /// The chance, on any day, of taking a break of 2 to 5 days.
    pub break_chance: f64,
}

impl Default for Learner {
    fn default() -> Self {
        Learner {
            new_per_day: 8,
            skip_chance: 0.12,
            break_chance: 0.04,
        }
    }
}

/// No session runs longer than this many answers.
const MAX_ANSWERS_PER_SESSION: usize = 500;

/// `days` study days of history ending today (the day of `now`), by the
/// [`Learner::default`] learner; the same arguments give the same progress.
///
/// Once every card of the deck is started, only due reviews remain, so the
/// daily count falls as intervals grow, as it would for a real learner.
pub fn history(
    deck: &Deck,
    days: u32,
    seed: u64,
    now: DateTime<Utc>,
    clock: &impl LocalClock,
) -> Progress {
    simulate(deck, &Learner::default(), days, seed, now, clock)
}

/// Like [`history`], for any learner. No review is later than `now`.
pub fn simulate(
    deck: &Deck,
    learner: &Learner,
    days: u32,
    seed: u64,
    now: DateTime<Utc>,
    clock: &impl LocalClock,
) -> Progress {
    let progress = Progress::default();
    let rollover = Rollover::new(progress.settings.rollover_hour).unwrap_or_default();
    let today = study_day(clock, now, rollover);
    let mut sim = Simulation {
        cards: deck.study_cards().map(|c| c.id).collect(),
        next_new: 0,
        scheduler: Scheduler::new(progress.settings.desired_retention),
        progress,
        rng: Rng::derive(seed, "sample history"),
        learner,
    };
    let mut resting = 0;
    for back in (0..u64::from(days)).rev() {
        if resting > 0 {
            resting -= 1;
            continue;
        }
        if sim.rng.chance(learner.break_chance) {
            resting = 1 + sim.rng.below(4);
            continue;
        }
        if sim.rng.chance(learner.skip_chance) {
            continue;
        }
        // Sessions start between 07:00 and 21:59 local time, after any rollover hour below 7.
        let time = NaiveTime::MIN + Duration::minutes(7 * 60 + sim.rng.below(15 * 60) as i64);
        let start = clock.to_utc((today - Days::new(back)).and_time(time));
        sim.session(start, now);
    }
    sim.progress
}

struct Simulation<'a> {
    /// Every study card's id, in deck order.
    cards: Vec<String>,
    /// The next card never studied (new cards are started in deck order).
    next_new: usize,
    scheduler: Scheduler,
    progress: Progress,
    rng: Rng,
    learner: &'a Learner,
}

impl Simulation<'_> {
    fn session(&mut self, start: DateTime<Utc>, now: DateTime<Utc>) {
        let mut at = start;
        let mut new_left = self.learner.new_per_day;
        for _ in 0..MAX_ANSWERS_PER_SESSION {
            if at >= now {
                return;
            }
            let Some(card) = self.next_card(at, &mut new_left) else {
                return;
            };
            let memory = self.progress.memory(&card).cloned();
            let grade = self.answer(memory.as_ref(), at);
            let outcome = self.scheduler.review(memory.as_ref(), grade, at);
            self.progress.record(&card, &outcome, at);
            // Reading, recalling and grading takes a few seconds.
            at += Duration::seconds(6 + self.rng.below(20) as i64);
        }
    }

    /// Due cards first, then new ones, then learning steps due soon.
    fn next_card(&mut self, at: DateTime<Utc>, new_left: &mut usize) -> Option<String> {
        if let Some(due) = self.earliest_due_by(at) {
            return Some(due);
        }
        if *new_left > 0 && self.next_new < self.cards.len() {
            *new_left -= 1;
            self.next_new += 1;
            return Some(self.cards[self.next_new - 1].clone());
        }
        self.earliest_due_by(at + LEARN_AHEAD)
    }

    fn earliest_due_by(&self, until: DateTime<Utc>) -> Option<String> {
        self.progress
            .cards
            .iter()
            .filter(|(_, m)| m.due <= until)
            .min_by_key(|(_, m)| m.due)
            .map(|(id, _)| id.clone())
    }

    /// A review card is recalled with its FSRS retrievability; new and
    /// learning cards are failed now and then.
    fn answer(&mut self, memory: Option<&Memory>, at: DateTime<Utc>) -> Grade {
        let fail = match memory {
            None => 0.15,
            Some(m) if m.state == MemoryState::Review => 1.0 - retrievability(m, at),
            Some(_) => 0.08,
        };
        if self.rng.chance(fail) {
            return Grade::Again;
        }
        match self.rng.below(100) {
            0..=11 => Grade::Hard,
            12..=91 => Grade::Good,
            _ => Grade::Easy,
        }
    }
}
