//! Questions made from deck cards.
//!
//! [`plans`] lists every question the deck can yield; [`build`] draws one
//! with a seed. Distractors are answers of cards of the same kind: first
//! from the same topic, then from topics that share the card's telling tags,
//! then from any topic. An option never repeats another (normalized text),
//! and a card that would make a distractor right too (the same term, the same
//! description, the same answer) is never used: two cards that name the same
//! term never stand as distractors for one another.
//! Table cards yield no question: their backs are comparisons, not answers.

use serde::{Deserialize, Serialize};

use super::answer_text::term_names;
use super::question::{Body, Origin, Question, QuestionKind};
use super::seed::Seed;
use crate::card::{Card, CardKind, REVERSE_SUFFIX};
use crate::deck::Deck;
use crate::rng::Rng;

mod distractors;
mod forms;

use distractors::Pool;

/// How a generated question asks about its card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// Term card, single: which term fits this description?
    NameTheTerm,
    /// Term card, single: which description fits this term?
    DescribeTheTerm,
    /// Basic card with a one-paragraph answer, single: which answer is right?
    AnswerTheQuestion,
    /// Cloze card, single: which completes the sentence?
    CompleteTheSentence,
    /// Term card, true/false: does this description fit this term?
    TermStatement,
    /// Cloze card, true/false: is the sentence right as filled in?
    SentenceStatement,
    /// Term card, typed: name the term.
    TypeTheTerm,
    /// Cloze card, typed: the hidden part.
    TypeTheBlank,
    /// Term cards of one topic, matching: pair terms and descriptions.
    MatchTerms,
}

impl Form {
    pub fn kind(self) -> QuestionKind {
        match self {
            Form::NameTheTerm
            | Form::DescribeTheTerm
            | Form::AnswerTheQuestion
            | Form::CompleteTheSentence => QuestionKind::Single,
            Form::TermStatement | Form::SentenceStatement => QuestionKind::TrueFalse,
            Form::TypeTheTerm | Form::TypeTheBlank => QuestionKind::Typed,
            Form::MatchTerms => QuestionKind::Matching,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Form::NameTheTerm => "term",
            Form::DescribeTheTerm => "description",
            Form::AnswerTheQuestion => "answer",
            Form::CompleteTheSentence => "blank",
            Form::TermStatement => "term-statement",
            Form::SentenceStatement => "sentence-statement",
            Form::TypeTheTerm => "typed-term",
            Form::TypeTheBlank => "typed-blank",
            Form::MatchTerms => "matching",
        }
    }
}

/// One question the deck can yield, before a seed draws its options.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// The question id: `gen-<form>-<card id>` (`gen-matching-<topic>`).
    pub id: String,
    pub form: Form,
    pub topic: String,
    /// The written card asked about; for matching, the topic's first term card.
    pub card: String,
}

impl Plan {
    pub fn kind(&self) -> QuestionKind {
        self.form.kind()
    }
}

/// Options of a generated single question: the right one and up to three others.
pub const OPTIONS: usize = 4;
/// Fewer candidates than this and a card yields no single question.
const MIN_OPTIONS: usize = 3;
/// Rows of a generated matching question.
pub const MATCH_ROWS: usize = 4;
/// A topic needs this many distinct terms of its own for a matching question.
const MIN_OWN_TERMS: usize = 3;
/// Longer answers are not asked as typed questions.
const MAX_TYPED_WORDS: usize = 6;

/// Makes questions from one deck's cards.
#[derive(Debug, Clone)]
pub struct Generator {
    pool: Pool,
    plans: Vec<Plan>,
}

impl Generator {
    pub fn new(deck: &Deck) -> Generator {
        let pool = Pool::new(deck);
        let plans = plan_all(deck, &pool);
        Generator { pool, plans }
    }

    /// Every question the deck can yield, in deck order.
    pub fn plans(&self) -> &[Plan] {
        &self.plans
    }

    /// Draws the question a plan describes. The seed picks the distractors
    /// and, for true/false, whether the statement is true; the options come
    /// right answer first (a quiz shuffles them). `None` if the deck lacks
    /// the plan's card or enough distractors.
    pub fn build(&self, plan: &Plan, seed: Seed) -> Option<Question> {
        let pool = &self.pool;
        let card = pool.card(&plan.card)?;
        let mut rng = Rng::derive(seed.0, &plan.id);
        let mut cards = vec![card.id.clone()];
        let (stem, body) = match plan.form.kind() {
            QuestionKind::Single => {
                let others = pool.distractors(plan.form, card, OPTIONS - 1, &mut rng);
                if others.len() + 1 < MIN_OPTIONS {
                    return None;
                }
                if plan.form == Form::DescribeTheTerm {
                    cards = vec![format!("{}{REVERSE_SUFFIX}", card.id)];
                }
                let mut options = vec![forms::right_choice(plan.form, card)];
                options.extend(others.iter().map(|d| forms::wrong_choice(plan.form, d)));
                (forms::stem(plan.form, card), Body::Single { options })
            }
            QuestionKind::TrueFalse => {
                let shown = if rng.coin() {
                    None
                } else {
                    Some(*pool.distractors(plan.form, card, 1, &mut rng).first()?)
                };
                forms::statement(plan.form, card, shown)
            }
            QuestionKind::Typed => (
                forms::stem(plan.form, card),
                Body::Typed {
                    accept: term_names(&forms::answer(plan.form, card)),
                    explanation: forms::gloss(plan.form, card),
                },
            ),
            QuestionKind::Matching | QuestionKind::Multi => {
                let rows = pool.match_rows(card, Some(&mut rng));
                if rows.len() < MATCH_ROWS {
                    return None;
                }
                cards = rows.iter().map(|c| c.id.clone()).collect();
                forms::matching(&rows)
            }
        };
        Some(Question {
            id: plan.id.clone(),
            topic: plan.topic.clone(),
            stem,
            body,
            cards,
            source: card.source.clone(),
            origin: Origin::Generated,
            task: None,
        })
    }
}

/// Every question the deck can yield, in deck order.
pub fn plans(deck: &Deck) -> Vec<Plan> {
    Generator::new(deck).plans
}

/// Draws one planned question; see [`Generator::build`].
pub fn build(deck: &Deck, plan: &Plan, seed: Seed) -> Option<Question> {
    Generator::new(deck).build(plan, seed)
}

/// Every generated question of the deck, drawn with one seed.
pub fn generate_all(deck: &Deck, seed: Seed) -> Vec<Question> {
    let generator = Generator::new(deck);
    generator
        .plans()
        .iter()
        .filter_map(|p| generator.build(p, seed))
        .collect()
}

fn plan_all(deck: &Deck, pool: &Pool) -> Vec<Plan> {
    let mut plans = Vec::new();
    for topic in &deck.topics {
        for card in &topic.cards {
            for &form in forms::of(card) {
                let enough = match form.kind() {
                    QuestionKind::Single => pool.has_distractors(form, card, MIN_OPTIONS - 1),
                    QuestionKind::TrueFalse => pool.has_distractors(form, card, 1),
                    QuestionKind::Typed => words(&forms::answer(form, card)) <= MAX_TYPED_WORDS,
                    QuestionKind::Multi | QuestionKind::Matching => false,
                };
                if enough {
                    plans.push(plan(form, card, &topic.id));
                }
            }
        }
        let first_term = topic.cards.iter().find(|c| c.kind == CardKind::Term);
        if let Some(card) = first_term {
            if pool.own_terms(&topic.id) >= MIN_OWN_TERMS
                && pool.match_rows(card, None).len() == MATCH_ROWS
            {
                plans.push(Plan {
                    id: format!("gen-{}-{}", Form::MatchTerms.slug(), topic.id),
                    form: Form::MatchTerms,
                    topic: topic.id.clone(),
                    card: card.id.clone(),
                });
            }
        }
    }
    plans
}

fn plan(form: Form, card: &Card, topic: &str) -> Plan {
    Plan {
        id: format!("gen-{}-{}", form.slug(), card.id),
        form,
        topic: topic.to_owned(),
        card: card.id.clone(),
    }
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}
