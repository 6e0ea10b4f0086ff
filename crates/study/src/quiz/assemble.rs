//! Drawing a quiz: which questions, in which order, with which option order.
//! Everything follows from the spec and its seed, through ordered
//! collections and integer draws, so a `?seed=` link shows the same quiz on
//! every machine.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, VecDeque};

use super::bank::QuestionBank;
use super::generate::Plan;
use super::question::{Body, Question, QuestionKind};
use super::seed::Seed;
use crate::rng::Rng;

/// What to quiz on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizSpec {
    /// Topic ids; `None` for every topic.
    pub topics: Option<Vec<String>>,
    /// How many questions; fewer if the topics and kinds hold fewer.
    pub count: usize,
    /// Question kinds; `None` for every kind.
    pub kinds: Option<Vec<QuestionKind>>,
    pub seed: Seed,
}

impl QuizSpec {
    /// Every topic and kind.
    pub fn new(count: usize, seed: Seed) -> QuizSpec {
        QuizSpec {
            topics: None,
            count,
            kinds: None,
            seed,
        }
    }
}

/// A topic's id and display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicTitle {
    pub id: String,
    pub title: String,
}

/// A drawn quiz: its questions in order, options already shuffled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quiz {
    pub spec: QuizSpec,
    /// The topics its questions cover, in deck order.
    pub topics: Vec<TopicTitle>,
    pub questions: Vec<Question>,
}

/// Why no quiz can be drawn, in words for the learner.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuizError {
    #[error("there is no topic \"{0}\"")]
    UnknownTopic(String),
    /// A quiz of zero questions was asked for.
    #[error("choose at least one question")]
    NoCount,
    /// The chosen topics and kinds hold no question.
    #[error("the chosen topics and question kinds hold no question")]
    NoQuestions,
}

/// Written scenario questions are preferred: up to three in four questions
/// are written ones, the rest generated; either kind fills in when the
/// other runs short.
const WRITTEN_SHARE: (usize, usize) = (3, 4);

impl Quiz {
    /// Draws the quiz `spec` describes from `bank`. Use the same bank for a
    /// shared seed ([`QuestionBank::builtin`]): the quiz follows from the
    /// bank's content as much as from the seed.
    pub fn new(bank: &QuestionBank, spec: QuizSpec) -> Result<Quiz, QuizError> {
        let deck = bank.deck();
        if spec.count == 0 {
            return Err(QuizError::NoCount);
        }
        if let Some(unknown) = spec
            .topics
            .iter()
            .flatten()
            .find(|t| deck.topic(t).is_none())
        {
            return Err(QuizError::UnknownTopic(unknown.clone()));
        }
        let questions = draw(bank, &spec);
        if questions.is_empty() {
            return Err(QuizError::NoQuestions);
        }
        let topics = deck
            .topics
            .iter()
            .filter(|t| questions.iter().any(|q| q.topic == t.id))
            .map(|t| TopicTitle {
                id: t.id.clone(),
                title: t.title.clone(),
            })
            .collect();
        Ok(Quiz {
            spec,
            topics,
            questions,
        })
    }
}

/// The spec's questions: written and generated ones in [`WRITTEN_SHARE`],
/// spread over the topics, in shuffled order with shuffled options.
fn draw(bank: &QuestionBank, spec: &QuizSpec) -> Vec<Question> {
    let wanted = |topic: &str, kind: QuestionKind| {
        spec.topics
            .as_ref()
            .is_none_or(|ts| ts.iter().any(|t| t == topic))
            && spec.kinds.as_ref().is_none_or(|ks| ks.contains(&kind))
    };
    let topic_index = |topic: &str| {
        bank.deck()
            .topics
            .iter()
            .position(|t| t.id == topic)
            .unwrap_or(usize::MAX)
    };
    let written: Vec<&Question> = bank
        .written()
        .iter()
        .filter(|q| wanted(&q.topic, q.kind()))
        .collect();
    let plans: Vec<&Plan> = bank
        .plans()
        .iter()
        .filter(|p| wanted(&p.topic, p.kind()))
        .collect();

    let (share, of) = WRITTEN_SHARE;
    let mut take_written = (spec.count * share).div_ceil(of).min(written.len());
    let take_generated = (spec.count - take_written).min(plans.len());
    take_written = (spec.count - take_generated).min(written.len());

    let mut rng = Rng::derive(spec.seed.0, "quiz");
    let written = spread(
        written,
        |q| topic_index(&q.topic),
        take_written,
        &mut rng,
        |_| true,
    );
    // A generated question about a card already in the quiz would give away
    // an answer, so such plans wait until the others run out.
    let mut used: BTreeSet<String> = written
        .iter()
        .flat_map(|q| q.cards.iter().map(|c| base_card(c).to_owned()))
        .collect();
    let plans = spread(
        plans,
        |p| topic_index(&p.topic),
        take_generated,
        &mut rng,
        |p| used.insert(p.card.clone()),
    );

    let mut questions: Vec<Question> = written.into_iter().cloned().collect();
    questions.extend(plans.iter().filter_map(|p| bank.generate(p, spec.seed)));
    rng.shuffle(&mut questions);
    for q in &mut questions {
        shuffle_options(q, spec.seed);
    }
    questions
}

/// A card id without its reverse suffix: both directions teach one card.
fn base_card(id: &str) -> &str {
    id.strip_suffix(crate::card::REVERSE_SUFFIX).unwrap_or(id)
}

/// Picks `want` items spread evenly over topics: each topic's items are
/// shuffled, the topics too, and then taken in turns. Items `fresh` turns
/// down are used only if the others run out.
fn spread<T>(
    items: Vec<T>,
    topic: impl Fn(&T) -> usize,
    want: usize,
    rng: &mut Rng,
    mut fresh: impl FnMut(&T) -> bool,
) -> Vec<T> {
    let mut groups: Vec<(usize, Vec<T>)> = Vec::new();
    for item in items {
        let t = topic(&item);
        match groups.iter_mut().find(|(g, _)| *g == t) {
            Some((_, group)) => group.push(item),
            None => groups.push((t, vec![item])),
        }
    }
    groups.sort_by_key(|(t, _)| *t);
    let mut queues: Vec<VecDeque<T>> = groups
        .into_iter()
        .map(|(_, mut group)| {
            rng.shuffle(&mut group);
            group.into()
        })
        .collect();
    rng.shuffle(&mut queues);
    let (mut chosen, mut stale) = (Vec::new(), Vec::new());
    while chosen.len() < want && queues.iter().any(|q| !q.is_empty()) {
        for queue in &mut queues {
            while let Some(item) = queue.pop_front() {
                if fresh(&item) {
                    chosen.push(item);
                    break;
                }
                stale.push(item);
            }
            if chosen.len() == want {
                break;
            }
        }
    }
    let missing = want - chosen.len();
    chosen.extend(stale.into_iter().take(missing));
    chosen
}

/// Shuffles a question's options (or matching descriptions) with a stream
/// of its own, so the order does not depend on the rest of the quiz.
fn shuffle_options(question: &mut Question, seed: Seed) {
    let mut rng = Rng::derive(seed.0, &format!("options {}", question.id));
    match &mut question.body {
        Body::Single { options } | Body::Multi { options, .. } => rng.shuffle(options),
        Body::Matching {
            descriptions, key, ..
        } => {
            let mut order: Vec<usize> = (0..descriptions.len()).collect();
            rng.shuffle(&mut order);
            *descriptions = order.iter().map(|&i| descriptions[i].clone()).collect();
            for k in key.iter_mut() {
                *k = order.iter().position(|&i| i == *k).expect("a permutation");
            }
        }
        Body::TrueFalse { .. } | Body::Typed { .. } => {}
    }
}
