//! The questions a quiz can draw from: the written ones and those the deck
//! can generate.

use super::generate::{Generator, Plan};
use super::question::{Question, QuestionKind};
use super::seed::Seed;
use crate::builtin;
use crate::deck::{Deck, DeckError};

/// A deck with its written questions and its generation plans.
#[derive(Debug, Clone)]
pub struct QuestionBank {
    deck: Deck,
    written: Vec<Question>,
    generator: Generator,
}

/// Questions per kind, in [`QuestionKind::ALL`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KindCounts(pub [usize; 5]);

impl KindCounts {
    pub fn get(&self, kind: QuestionKind) -> usize {
        self.0[index(kind)]
    }

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    fn add(&mut self, kind: QuestionKind) {
        self.0[index(kind)] += 1;
    }
}

fn index(kind: QuestionKind) -> usize {
    QuestionKind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("ALL lists every kind")
}

/// Question counts per topic, in deck order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionCounts {
    pub written: Vec<(String, KindCounts)>,
    /// How many questions the cards can generate.
    pub generated: Vec<(String, KindCounts)>,
}

impl QuestionBank {
    /// Takes questions already checked against `deck` (see
    /// [`crate::quiz::parse_questions`]) and plans the generated ones.
    pub fn new(deck: Deck, written: Vec<Question>) -> QuestionBank {
        let generator = Generator::new(&deck);
        QuestionBank {
            deck,
            written,
            generator,
        }
    }

    /// The shipped deck and questions. They are validated by tests and by
    /// `cargo xtask deck`, so an error here is a build defect.
    pub fn builtin() -> Result<QuestionBank, Vec<DeckError>> {
        let deck = builtin::deck()?;
        let written = builtin::questions(&deck)?;
        Ok(QuestionBank::new(deck, written))
    }

    pub fn deck(&self) -> &Deck {
        &self.deck
    }

    /// The hand-written questions, in file order.
    pub fn written(&self) -> &[Question] {
        &self.written
    }

    /// Every question the cards can generate, in deck order.
    pub fn plans(&self) -> &[Plan] {
        self.generator.plans()
    }

    /// Draws one generated question with a seed.
    pub fn generate(&self, plan: &Plan, seed: Seed) -> Option<Question> {
        self.generator.build(plan, seed)
    }

    /// A question by id: a written one, or a generated one drawn with `seed`.
    pub fn question(&self, id: &str, seed: Seed) -> Option<Question> {
        self.written
            .iter()
            .find(|q| q.id == id)
            .cloned()
            .or_else(|| {
                let plan = self.plans().iter().find(|p| p.id == id)?;
                self.generate(plan, seed)
            })
    }

    pub fn counts(&self) -> QuestionCounts {
        let per_topic = |items: &mut dyn Iterator<Item = (&str, QuestionKind)>| {
            let mut counts: Vec<(String, KindCounts)> = self
                .deck
                .topics
                .iter()
                .map(|t| (t.id.clone(), KindCounts::default()))
                .collect();
            for (topic, kind) in items {
                if let Some((_, c)) = counts.iter_mut().find(|(t, _)| t == topic) {
                    c.add(kind);
                }
            }
            counts
        };
        QuestionCounts {
            written: per_topic(&mut self.written.iter().map(|q| (q.topic.as_str(), q.kind()))),
            generated: per_topic(&mut self.plans().iter().map(|p| (p.topic.as_str(), p.kind()))),
        }
    }
}
