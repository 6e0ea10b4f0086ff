//! Where distractors come from: cards of the same kind, nearest first, never
//! one that would be a second right answer.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use super::{forms, Form, MATCH_ROWS};
use crate::card::{Card, CardKind};
use crate::deck::Deck;
use crate::quiz::answer_text::{normalize, term_names};
use crate::rng::Rng;

/// Nearest first: own topic (0) before others (1), then more shared
/// telling tags, then an answer of the same shape (false before true).
type Rank = (u8, Reverse<usize>, bool);

/// The deck's written cards with what tells their answers apart.
#[derive(Debug, Clone)]
pub(super) struct Pool {
    cards: Vec<Card>,
    keys: Vec<Keys>,
    /// Tags that relate cards across topics. `seed` says where a card comes
    /// from, not what it is about, and a tag on more than a third of the
    /// deck (`kms`) relates nearly everything, so neither counts.
    telling: BTreeSet<String>,
}

/// A card's answer and question in normal form (see [`normalize`]).
#[derive(Debug, Clone)]
struct Keys {
    /// Every name of the answer: a term's short names too.
    answers: Vec<String>,
    /// What the card asks: a term's description, a question, a sentence.
    asks: String,
}

impl Keys {
    fn of(card: &Card) -> Keys {
        let (answers, asks) = match card.kind {
            CardKind::Term => (term_names(&card.back), card.front.clone()),
            CardKind::Cloze => (
                vec![card.cloze_answer().unwrap_or_default().to_owned()],
                card.prompt(),
            ),
            CardKind::Basic | CardKind::Table => (vec![card.back.clone()], card.front.clone()),
        };
        Keys {
            answers: answers.iter().map(|a| normalize(a)).collect(),
            asks: normalize(&asks),
        }
    }

    /// Whether two cards would give the same option, or both be right for
    /// the same question: a shared answer (or one of a term's names), or the
    /// same description, question or sentence.
    fn clash(&self, other: &Keys) -> bool {
        self.asks == other.asks || self.answers.iter().any(|a| other.answers.contains(a))
    }
}

impl Pool {
    pub fn new(deck: &Deck) -> Pool {
        let cards: Vec<Card> = deck.written_cards().cloned().collect();
        let mut telling = BTreeSet::new();
        for tag in cards.iter().flat_map(|c| &c.tags) {
            let carried = cards.iter().filter(|c| c.tags.contains(tag)).count();
            if tag != "seed" && carried * 3 <= cards.len() {
                telling.insert(tag.clone());
            }
        }
        let keys = cards.iter().map(Keys::of).collect();
        Pool {
            cards,
            keys,
            telling,
        }
    }

    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    /// Up to `want` distractors for `card`, none clashing with another.
    pub fn distractors(&self, form: Form, card: &Card, want: usize, rng: &mut Rng) -> Vec<&Card> {
        self.cards_of(self.pick(self.ranked(form, card, Some(rng)), want))
    }

    /// Whether the deck holds `want` distinct distractors for `card`.
    pub fn has_distractors(&self, form: Form, card: &Card, want: usize) -> bool {
        self.pick(self.ranked(form, card, None), want).len() == want
    }

    /// Distinct terms among a topic's own term cards.
    pub fn own_terms(&self, topic: &str) -> usize {
        let own = (0..self.cards.len())
            .filter(|&i| self.is_term_of(i, topic))
            .collect();
        self.pick(own, usize::MAX).len()
    }

    /// The term cards of a matching question anchored on `anchor`'s topic:
    /// the topic's own terms in random order, then the nearest other ones.
    pub fn match_rows(&self, anchor: &Card, mut rng: Option<&mut Rng>) -> Vec<&Card> {
        let mut rows: Vec<usize> = (0..self.cards.len())
            .filter(|&i| self.is_term_of(i, &anchor.topic))
            .collect();
        if let Some(rng) = rng.as_deref_mut() {
            rng.shuffle(&mut rows);
        }
        let others = self.ranked(Form::MatchTerms, anchor, rng);
        rows.extend(
            others
                .into_iter()
                .filter(|&i| self.cards[i].topic != anchor.topic),
        );
        self.cards_of(self.pick(rows, MATCH_ROWS))
    }

    fn is_term_of(&self, i: usize, topic: &str) -> bool {
        self.cards[i].topic == topic && self.cards[i].kind == CardKind::Term
    }

    fn cards_of(&self, indices: Vec<usize>) -> Vec<&Card> {
        indices.into_iter().map(|i| &self.cards[i]).collect()
    }

    /// The candidates for `card` in preference order: its own topic, then
    /// more shared telling tags, then answers of the same shape (with or
    /// without digits). Equal ranks are shuffled when `rng` is given.
    fn ranked(&self, form: Form, card: &Card, rng: Option<&mut Rng>) -> Vec<usize> {
        let own = Keys::of(card);
        let has_digit = |c: &Card| forms::answer(form, c).chars().any(|ch| ch.is_ascii_digit());
        let digits = has_digit(card);
        let mut ranked: Vec<(Rank, usize)> = (0..self.cards.len())
            .filter(|&i| {
                let c = &self.cards[i];
                c.id != card.id && forms::fits(form, c) && !self.keys[i].clash(&own)
            })
            .map(|i| {
                let c = &self.cards[i];
                let key = if c.topic == card.topic {
                    (0, Reverse(0), false)
                } else {
                    let shared = c
                        .tags
                        .iter()
                        .filter(|t| self.telling.contains(*t) && card.tags.contains(t))
                        .count();
                    (1, Reverse(shared), has_digit(c) != digits)
                };
                (key, i)
            })
            .collect();
        ranked.sort_by_key(|(key, _)| *key);
        if let Some(rng) = rng {
            let mut start = 0;
            while start < ranked.len() {
                let key = ranked[start].0;
                let run = ranked[start..]
                    .iter()
                    .take_while(|(k, _)| *k == key)
                    .count();
                rng.shuffle(&mut ranked[start..start + run]);
                start += run;
            }
        }
        ranked.into_iter().map(|(_, i)| i).collect()
    }

    /// The first `want` candidates that clash with none picked before them.
    fn pick(&self, candidates: Vec<usize>, want: usize) -> Vec<usize> {
        let mut picked: Vec<usize> = Vec::new();
        for i in candidates {
            if picked.len() == want {
                break;
            }
            if !picked.iter().any(|&p| self.keys[p].clash(&self.keys[i])) {
                picked.push(i);
            }
        }
        picked
    }
}
