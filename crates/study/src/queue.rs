//! What to study now: due cards in due order, then new cards in deck order,
//! within the daily limits, counted by study day.

use chrono::{DateTime, Duration, Utc};

use crate::card::Card;
use crate::day::{next_day_start, study_day, LocalClock, Rollover};
use crate::deck::{Deck, Side};
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
    fn includes(&self, topic: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Topic(t) => topic == t,
        }
    }
}

/// What is left today, counted as Anki counts it: new cards, cards in
/// their learning steps, and reviews. For the home page, the study page's
/// header and its topic menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// New cards still available today.
    pub new: usize,
    /// Cards in their (re)learning steps, due before the day ends. The
    /// daily review limit does not hold them back.
    pub learning: usize,
    /// Reviews due before the day ends, within the daily review limit,
    /// cards made due by a missed quiz question included.
    pub review: usize,
    /// Of `review`, the cards due because a quiz question on them was missed.
    pub missed: usize,
}

impl Counts {
    /// Each kind's word with what is left of it, in the order pages show
    /// them: new, learning, review.
    pub fn by_kind(&self) -> [(&'static str, usize); 3] {
        [
            ("new", self.new),
            ("learning", self.learning),
            ("review", self.review),
        ]
    }

    /// What is left today by kind, as Anki shows it ("5 new · 1 learning ·
    /// 3 review"), as markup: each number in its kind's colour
    /// (`count-new`, and `zero` when there are none), the words always
    /// there.
    pub fn markup(&self) -> String {
        let mut out = String::from(r#"<span class="queue-counts" data-testid="queue-counts">"#);
        for (i, (noun, n)) in self.by_kind().into_iter().enumerate() {
            if i > 0 {
                out.push_str(" · ");
            }
            let zero = if n == 0 { " zero" } else { "" };
            out.push_str(&format!(
                r#"<span class="count-{noun}{zero}"><strong>{n}</strong> {noun}</span>"#
            ));
        }
        out.push_str("</span>");
        out
    }

    /// Every card left today.
    pub fn left(&self) -> usize {
        self.new + self.learning + self.review
    }

    /// A scope's name with what is left, as the study page's topic picker
    /// lists it, the kinds with nothing left not named: "Key rotation (5
    /// new, 3 review)", "Key policies (nothing left today)".
    pub fn label(&self, name: &str) -> String {
        let parts: Vec<String> = self
            .by_kind()
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect();
        if parts.is_empty() {
            format!("{name} (nothing left today)")
        } else {
            format!("{name} ({})", parts.join(", "))
        }
    }
}

/// Which count a queued card belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queued {
    New,
    Learning,
    Review,
    /// A review brought forward by a missed quiz question.
    Missed,
}

impl Queued {
    /// Its name in one word, for what styles it: "new", "missed".
    pub fn name(self) -> &'static str {
        match self {
            Queued::New => "new",
            Queued::Learning => "learning",
            Queued::Review => "review",
            Queued::Missed => "missed",
        }
    }

    /// The words the study page shows beside the card.
    pub fn label(self) -> &'static str {
        match self {
            Queued::New => "New",
            Queued::Learning => "Learning",
            Queued::Review => "Review",
            Queued::Missed => "Missed in a quiz",
        }
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
    done: usize,
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
            done: new_done + reviews_done,
        }
    }

    /// Which count a card that has a due date belongs to. A card made due
    /// by a missed quiz question is a review whatever its FSRS state.
    fn queued(&self, id: &str) -> Queued {
        if self.progress.missed_since_review(id).is_some() {
            return Queued::Missed;
        }
        match self.progress.memory(id).map(|m| m.state) {
            Some(MemoryState::Learning | MemoryState::Relearning) => Queued::Learning,
            _ => Queued::Review,
        }
    }

    /// The studied cards in scope, by reference.
    fn in_scope(&self) -> impl Iterator<Item = Side<'a>> + '_ {
        self.deck
            .study_sides()
            .filter(|c| self.scope.includes(c.topic()))
    }

    /// Studied cards due before `until`, earliest first (deck order breaks
    /// ties), each with its count.
    fn due_before(&self, until: DateTime<Utc>) -> Vec<(Side<'a>, DateTime<Utc>, Queued)> {
        let mut due: Vec<(Side<'a>, DateTime<Utc>, Queued)> = self
            .in_scope()
            .filter_map(|c| {
                let id = c.id();
                let due = self.progress.due(&id)?;
                (due < until).then(|| (c, due, self.queued(&id)))
            })
            .collect();
        due.sort_by_key(|(_, at, _)| *at);
        // Reviews, missed cards among them, are capped by the daily review
        // limit; learning steps are not.
        let mut reviews = 0;
        due.retain(|(_, _, queued)| {
            *queued == Queued::Learning || {
                reviews += 1;
                reviews <= self.reviews_left
            }
        });
        due
    }

    fn new_cards(&self) -> impl Iterator<Item = Side<'a>> + '_ {
        self.in_scope()
            .filter(|c| self.progress.due(&c.id()).is_none())
            .take(self.new_left)
    }

    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            new: self.new_cards().count(),
            ..Counts::default()
        };
        for (_, _, queued) in self.due_before(self.day_end) {
            match queued {
                Queued::Learning => counts.learning += 1,
                Queued::Review => counts.review += 1,
                Queued::Missed => {
                    counts.review += 1;
                    counts.missed += 1;
                }
                Queued::New => {}
            }
        }
        counts
    }

    /// The topics of every card this session can show today, in the order
    /// their first card comes: what a page must have the text of before it
    /// shows the session. Cards due later today and new cards within the
    /// limit count, as do learning steps answered again.
    pub fn topics(&self) -> Vec<&'a str> {
        let mut topics: Vec<&'a str> = Vec::new();
        let due = self
            .due_before(self.day_end)
            .into_iter()
            .map(|(side, _, _)| side);
        for side in due.chain(self.new_cards()) {
            if !topics.contains(&side.topic()) {
                topics.push(side.topic());
            }
        }
        topics
    }

    /// Cards answered today, in every scope.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Which count `card` is in now.
    pub fn queued_as(&self, card: &Card) -> Queued {
        if self.progress.due(&card.id).is_none() {
            Queued::New
        } else {
            self.queued(&card.id)
        }
    }

    /// Cards due now that fell due after `since`: what came due while
    /// the learner was away.
    pub fn came_due_since(&self, since: DateTime<Utc>) -> usize {
        self.due_before(self.now + Duration::seconds(1))
            .iter()
            .filter(|(_, at, _)| *at > since)
            .count()
    }

    /// The card to show now: a due card, else a new one, else a learning
    /// step due within [`LEARN_AHEAD`].
    pub fn next_card(&self) -> Option<Card> {
        let side = self
            .due_before(self.now + Duration::seconds(1))
            .into_iter()
            .next()
            .map(|(side, _, _)| side)
            .or_else(|| self.new_cards().next())
            .or_else(|| {
                self.due_before(self.now + LEARN_AHEAD)
                    .into_iter()
                    .next()
                    .map(|(side, _, _)| side)
            });
        side.map(Side::to_card)
    }

    /// When the next studied card in scope falls due, if nothing is left now.
    pub fn next_due(&self) -> Option<DateTime<Utc>> {
        self.in_scope()
            .filter_map(|c| self.progress.due(&c.id()))
            .filter(|due| *due > self.now)
            .min()
    }
}
