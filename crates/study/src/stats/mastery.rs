//! Mastery per topic: how much of each topic is studied, mature and
//! remembered right now.

use chrono::{DateTime, Utc};

use crate::deck::{Deck, Topic};
use crate::progress::Progress;
use crate::schedule::{Memory, MemoryState};

use super::retention::MATURE_INTERVAL_DAYS;

/// One topic's progress.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicMastery {
    /// The topic's id (its deck file name without `.md`).
    pub topic: String,
    pub title: String,
    /// Reviewable cards, term cards' reverses included.
    pub cards: usize,
    /// Cards reviewed at least once.
    pub studied: usize,
    /// Cards whose current interval is [`MATURE_INTERVAL_DAYS`] or more; see [`is_mature`].
    pub mature: usize,
    /// The mean probability of recall now over all of the topic's cards,
    /// counting unstudied cards as 0; see [`retrievability`].
    pub retrievability: f64,
}

/// Mastery of every topic, in deck order.
pub fn per_topic(deck: &Deck, progress: &Progress, now: DateTime<Utc>) -> Vec<TopicMastery> {
    deck.topics
        .iter()
        .map(|t| topic(t, progress, now))
        .collect()
}

fn topic(topic: &Topic, progress: &Progress, now: DateTime<Utc>) -> TopicMastery {
    let (mut cards, mut studied, mut mature, mut recall) = (0, 0, 0, 0.0);
    for card in topic.study_cards() {
        cards += 1;
        let Some(memory) = progress.memory(&card.id) else {
            continue;
        };
        if memory.state != MemoryState::New {
            studied += 1;
        }
        if is_mature(memory) {
            mature += 1;
        }
        recall += retrievability(memory, now);
    }
    TopicMastery {
        topic: topic.id.clone(),
        title: topic.title.clone(),
        cards,
        studied,
        mature,
        retrievability: if cards == 0 {
            0.0
        } else {
            recall / cards as f64
        },
    }
}

/// Whether a card is mature: a Review card whose current interval (last
/// review to due date) is at least [`MATURE_INTERVAL_DAYS`] days.
///
/// This is Anki's definition ("mature cards have an interval of 21 days or
/// greater", Anki manual, Statistics: <https://docs.ankiweb.net/stats.html>),
/// and the same threshold splits young from mature in true retention. FSRS
/// stability would equal the interval only at a desired retention of 90 %.
pub fn is_mature(memory: &Memory) -> bool {
    memory.state == MemoryState::Review
        && (memory.due - memory.last_review).num_seconds() >= MATURE_INTERVAL_DAYS * 86_400
}

/// The probability of recalling a card at `now`, by the FSRS forgetting
/// curve R(t, S) = (1 + 19/81 · t / S)^−0.5, with t the days since the last
/// review and S the stability in days (FSRS-4.5 and later; rs-fsrs's
/// `Parameters::forgetting_curve`). 0 for a card never studied.
///
/// `t` keeps its fraction of a day, so recall fades smoothly through the day;
/// rs-fsrs's `Card::get_retrievability` rounds it down to whole days.
pub fn retrievability(memory: &Memory, now: DateTime<Utc>) -> f64 {
    if memory.state == MemoryState::New || memory.stability <= 0.0 {
        return 0.0;
    }
    let elapsed = (now - memory.last_review).num_seconds().max(0) as f64 / 86_400.0;
    rs_fsrs::Parameters::forgetting_curve(elapsed, memory.stability)
}
