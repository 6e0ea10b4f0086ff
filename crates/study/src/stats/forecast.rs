//! The due forecast: how many studied cards fall due on each coming study day.

use chrono::{DateTime, NaiveDate, Utc};

use super::{deck_card_ids, StudyDays};
use crate::day::LocalClock;
use crate::deck::Deck;
use crate::progress::Progress;

/// How many study days the forecast covers, today included.
pub const FORECAST_DAYS: usize = 30;

/// Studied cards due per study day for the next [`FORECAST_DAYS`] days.
///
/// Like Anki's "Future Due" graph with its backlog included (Anki manual,
/// Statistics: <https://docs.ankiweb.net/stats.html>), cards already overdue
/// count on day 0, today, because that is when the queue shows them. Only
/// cards the deck still holds are counted: the queue never shows the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forecast {
    /// Today first, one entry per study day, zeros included.
    pub days: Vec<(NaiveDate, usize)>,
    /// Of today's count, the cards that were due before today began.
    pub overdue: usize,
    /// Cards due after the last forecast day.
    pub later: usize,
    /// The largest daily count, 0 when nothing is due.
    pub max: usize,
}

impl Forecast {
    pub fn new(
        deck: &Deck,
        progress: &Progress,
        now: DateTime<Utc>,
        clock: &impl LocalClock,
    ) -> Self {
        let days = StudyDays::new(progress, now, clock);
        let in_deck = deck_card_ids(deck);
        let mut counts = vec![0usize; FORECAST_DAYS];
        let (mut overdue, mut later) = (0, 0);
        for (id, memory) in &progress.cards {
            if !in_deck.contains(id) {
                continue;
            }
            let ahead = -days.ago(days.of(memory.due));
            if ahead < 0 {
                overdue += 1;
            }
            match usize::try_from(ahead.max(0)) {
                Ok(day) if day < FORECAST_DAYS => counts[day] += 1,
                _ => later += 1,
            }
        }
        Forecast {
            max: counts.iter().copied().max().unwrap_or(0),
            days: days.today.iter_days().zip(counts).collect(),
            overdue,
            later,
        }
    }

    /// Every card counted in the forecast window, backlog included.
    pub fn total(&self) -> usize {
        self.days.iter().map(|(_, n)| n).sum()
    }
}
