//! What to study now: due cards in due order, then new cards in deck order,
//! within the daily limits, counted by study day.

use chrono::{DateTime, Duration, Utc};

use crate::card::Card;
use crate::day::{next_day_start, study_day, LocalClock, Rollover};
use crate::deck::Deck;
use crate::progress::Progress;
use crate::schedule::MemoryState;

/// Learning steps due this soon are shown rather than making the learner wait.
pub const LEARN_AHEAD: Duration = Duration::minutes(20);

/// Which cards a session draws from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Topic(String),
}

impl Scope {
    fn includes(&self, card: &Card) -> bool {
        match self {
            Scope::All => true,
            Scope::Topic(t) => &card.topic == t,
        }
    }
}

/// Counts for the home page and the study page's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Studied cards due before the day ends.
    pub due: usize,
    /// New cards still available today.
    pub new: usize,
}

impl Counts {
    /// A scope's name with its counts, as the study page's topic picker
    /// lists it: "Key rotation (3 due, 5 new)".
    pub fn label(&self, name: &str) -> String {
        format!("{name} ({} due, {} new)", self.due, self.new)
    }
}

/// Today's queue for one scope, as of one instant.
pub struct Today<'a> {
    deck: &'a Deck,
    progress: &'a Progress,
    scope: Scope,
    now: DateTime<Utc>,
    day_end: DateTime<Utc>,
    new_left: usize,
    reviews_left: usize,
}

impl<'a> Today<'a> {
    pub fn new(
        deck: &'a Deck,
        progress: &'a Progress,
        scope: Scope,
        now: DateTime<Utc>,
        clock: &impl LocalClock,
    ) -> Self {
        let rollover = Rollover::new(progress.settings.rollover_hour).unwrap_or_default();
        let today = study_day(clock, now, rollover);
        let (mut new_done, mut reviews_done) = (0usize, 0usize);
        for r in progress
            .reviews
            .iter()
            .rev()
            .take_while(|r| study_day(clock, r.at, rollover) == today)
        {
            if r.was_new {
                new_done += 1;
            } else {
                reviews_done += 1;
            }
        }
        Today {
            deck,
            progress,
            scope,
            now,
            day_end: next_day_start(clock, now, rollover),
            new_left: (progress.settings.new_per_day as usize).saturating_sub(new_done),
            reviews_left: (progress.settings.reviews_per_day as usize).saturating_sub(reviews_done),
        }
    }

    /// Studied cards due before `until`, earliest first (deck order breaks ties).
    fn due_before(&self, until: DateTime<Utc>) -> Vec<(Card, DateTime<Utc>)> {
        let mut due: Vec<(Card, DateTime<Utc>)> = self
            .deck
            .study_cards()
            .filter(|c| self.scope.includes(c))
            .filter_map(|c| {
                let due = self.progress.due(&c.id)?;
                (due < until).then_some((c, due))
            })
            .collect();
        due.sort_by_key(|(_, at)| *at);
        // Review cards are capped by the daily review limit; learning steps are not.
        let mut reviews = 0;
        due.retain(|(c, _)| {
            let learning = self
                .progress
                .memory(&c.id)
                .is_some_and(|m| m.state != MemoryState::Review);
            learning || {
                reviews += 1;
                reviews <= self.reviews_left
            }
        });
        due
    }

    fn new_cards(&self) -> impl Iterator<Item = Card> + '_ {
        self.deck
            .study_cards()
            .filter(|c| self.scope.includes(c) && self.progress.due(&c.id).is_none())
            .take(self.new_left)
    }

    pub fn counts(&self) -> Counts {
        Counts {
            due: self.due_before(self.day_end).len(),
            new: self.new_cards().count(),
        }
    }

    /// The card to show now: a due card, else a new one, else a learning
    /// step due within [`LEARN_AHEAD`].
    pub fn next_card(&self) -> Option<Card> {
        if let Some((card, _)) = self
            .due_before(self.now + Duration::seconds(1))
            .into_iter()
            .next()
        {
            return Some(card);
        }
        if let Some(card) = self.new_cards().next() {
            return Some(card);
        }
        self.due_before(self.now + LEARN_AHEAD)
            .into_iter()
            .next()
            .map(|(card, _)| card)
    }

    /// When the next studied card in scope falls due, if nothing is left now.
    pub fn next_due(&self) -> Option<DateTime<Utc>> {
        self.deck
            .study_cards()
            .filter(|c| self.scope.includes(c))
            .filter_map(|c| self.progress.due(&c.id))
            .filter(|due| *due > self.now)
            .min()
    }
}
