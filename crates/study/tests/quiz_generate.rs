//! Questions generated from the shipped deck: options never repeat, no
//! distractor is a second right answer, and distractors are of the card's kind.

use std::collections::{BTreeMap, BTreeSet};

use keydeck_study::builtin;
use keydeck_study::card::{Card, CardKind};
use keydeck_study::deck::Deck;
use keydeck_study::quiz::answer_text::{normalize, same, terms_overlap};
use keydeck_study::quiz::generate::{Form, Generator, Plan};
use keydeck_study::quiz::{Body, Origin, Question, QuestionKind, Seed};

const SEEDS: [u64; 6] = [0, 1, 7, 42, 2024, u64::MAX];

fn deck() -> Deck {
    builtin::deck().expect("the shipped decks parse")
}

/// Every plan of a kind, drawn with every seed.
fn drawn(deck: &Deck, kind: QuestionKind) -> Vec<(Plan, Question)> {
    let generator = Generator::new(deck);
    let mut out = Vec::new();
    for plan in generator.plans().iter().filter(|p| p.kind() == kind) {
        for seed in SEEDS {
            let question = generator
                .build(plan, Seed(seed))
                .unwrap_or_else(|| panic!("{} builds with seed {seed}", plan.id));
            out.push((plan.clone(), question));
        }
    }
    out
}

/// The text a card supplies as an option in a form.
fn answer(form: Form, card: &Card) -> String {
    match form {
        Form::DescribeTheTerm => card.front.clone(),
        Form::CompleteTheSentence | Form::SentenceStatement | Form::TypeTheBlank => {
            card.cloze_answer().unwrap_or_default().to_owned()
        }
        _ => card.back.clone(),
    }
}

/// Whether `other` answers the question asked about `card` too.
fn asks_the_same(form: Form, card: &Card, other: &Card) -> bool {
    match form {
        Form::DescribeTheTerm => terms_overlap(&card.back, &other.back),
        _ => same(&card.prompt(), &other.prompt()),
    }
}

fn same_option(form: Form, a: &str, b: &str) -> bool {
    match form {
        Form::NameTheTerm => terms_overlap(a, b),
        _ => same(a, b),
    }
}

#[test]
fn the_deck_yields_every_kind_but_multi() {
    let generator = Generator::new(&deck());
    let kinds: BTreeSet<QuestionKind> = generator.plans().iter().map(Plan::kind).collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        [
            QuestionKind::Single,
            QuestionKind::TrueFalse,
            QuestionKind::Typed,
            QuestionKind::Matching
        ]
    );
    let ids: BTreeSet<&str> = generator.plans().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), generator.plans().len(), "plan ids are unique");
    let deck = deck();
    let terms = deck
        .written_cards()
        .filter(|c| c.kind == CardKind::Term)
        .count();
    let singles = generator
        .plans()
        .iter()
        .filter(|p| p.form == Form::NameTheTerm)
        .count();
    assert_eq!(singles, terms, "every term card is asked");
}

#[test]
fn generated_single_choice_never_repeats_an_option_or_holds_two_right_answers() {
    let deck = deck();
    let cards: Vec<&Card> = deck.written_cards().collect();
    let mut right_by_plan = BTreeMap::new();
    for (plan, q) in drawn(&deck, QuestionKind::Single) {
        let card = deck.card(&plan.card).expect("the plan's card");
        let options = q.options();
        assert!(
            (3..=4).contains(&options.len()),
            "{}: {} options",
            q.id,
            options.len()
        );
        assert_eq!(options.iter().filter(|o| o.correct).count(), 1, "{}", q.id);
        for (i, a) in options.iter().enumerate() {
            for b in &options[i + 1..] {
                assert!(
                    !same_option(plan.form, &a.text, &b.text),
                    "{} repeats {:?} as {:?}",
                    q.id,
                    a.text,
                    b.text
                );
            }
        }
        let right_answers = right_by_plan.entry(plan.id.clone()).or_insert_with(|| {
            cards
                .iter()
                .filter(|c| c.kind == card.kind && asks_the_same(plan.form, &card, c))
                .map(|c| answer(plan.form, c))
                .collect::<Vec<String>>()
        });
        for wrong in options.iter().filter(|o| !o.correct) {
            assert!(
                !right_answers
                    .iter()
                    .any(|r| same_option(plan.form, r, &wrong.text)),
                "{}: the distractor {:?} is also right",
                q.id,
                wrong.text
            );
        }
    }
}

#[test]
fn distractors_are_answers_of_cards_of_the_same_kind() {
    let deck = deck();
    let mut supplied: BTreeMap<Form, Vec<(String, CardKind)>> = BTreeMap::new();
    for (plan, q) in drawn(&deck, QuestionKind::Single) {
        let kind = deck.card(&plan.card).expect("the plan's card").kind;
        let answers = supplied.entry(plan.form).or_insert_with(|| {
            deck.written_cards()
                .map(|c| (normalize(&answer(plan.form, c)), c.kind))
                .collect()
        });
        for option in q.options() {
            let text = normalize(&option.text);
            let from: Vec<CardKind> = answers
                .iter()
                .filter(|(a, _)| *a == text)
                .map(|(_, k)| *k)
                .collect();
            assert!(
                !from.is_empty() && from.iter().all(|k| *k == kind),
                "{}: {:?} comes from {from:?} cards, not {kind}",
                q.id,
                option.text
            );
        }
    }
}

#[test]
fn the_multi_region_key_card_never_stands_as_its_own_distractor() {
    let deck = deck();
    let mrk: Vec<Card> = deck
        .written_cards()
        .filter(|c| c.back.trim() == "KMS Multi-Region Keys")
        .cloned()
        .collect();
    assert_eq!(mrk.len(), 1, "the seed deck's four cards, merged into one");
    for (plan, q) in drawn(&deck, QuestionKind::Single) {
        let Some(asked) = mrk.iter().find(|c| c.id == plan.card) else {
            continue;
        };
        for wrong in q.options().iter().filter(|o| !o.correct) {
            assert!(!same(&wrong.text, "KMS Multi-Region Keys"), "{}", q.id);
            for other in mrk.iter().filter(|c| c.id != asked.id) {
                assert!(
                    !same(&wrong.text, &other.front),
                    "{} offers {}",
                    q.id,
                    other.id
                );
            }
        }
    }
}

#[test]
fn a_small_topic_borrows_distractors_from_related_topics() {
    let deck = deck();
    let generator = Generator::new(&deck);
    let plan = generator
        .plans()
        .iter()
        .find(|p| p.id == "gen-blank-kms-mrk-key-id-prefix")
        .expect("the multi-Region key prefix cloze is asked");
    let own_clozes = deck
        .topic("multi-region-keys")
        .unwrap()
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Cloze)
        .count();
    assert!(own_clozes < 4, "the topic is too small on its own");
    let q = generator.build(plan, Seed(3)).unwrap();
    assert_eq!(q.options().len(), 4);
}

#[test]
fn every_generated_question_cites_its_cards_and_explains_itself() {
    let deck = deck();
    for kind in QuestionKind::ALL {
        for (plan, q) in drawn(&deck, kind) {
            assert_eq!(q.origin, Origin::Generated);
            assert_eq!(q.id, plan.id);
            assert!(!q.cards.is_empty(), "{}", q.id);
            for id in &q.cards {
                assert!(deck.card(id).is_some(), "{} cites {id}", q.id);
            }
            let card = deck.card(&plan.card).unwrap();
            assert_eq!(q.source, card.source, "{}", q.id);
            assert!(!q.explanation().trim().is_empty(), "{}", q.id);
            assert!(q
                .options()
                .iter()
                .all(|o| !o.explanation.is_empty() && !o.source.is_empty()));
            assert!(q.grade(&q.right_answer()).correct, "{}", q.id);
        }
    }
}

#[test]
fn generated_matching_questions_pair_four_distinct_terms_mostly_of_one_topic() {
    let deck = deck();
    for (plan, q) in drawn(&deck, QuestionKind::Matching) {
        let Body::Matching {
            terms,
            descriptions,
            ..
        } = &q.body
        else {
            panic!("{} is a matching question", q.id);
        };
        assert_eq!(terms.len(), 4);
        for i in 0..4 {
            for j in i + 1..4 {
                assert!(!terms_overlap(&terms[i], &terms[j]), "{}: {terms:?}", q.id);
                assert!(!same(&descriptions[i], &descriptions[j]), "{}", q.id);
            }
        }
        let own = q
            .cards
            .iter()
            .filter(|id| deck.card(id).unwrap().topic == plan.topic)
            .count();
        assert!(own >= 3, "{}: {own} of its terms are its topic's", q.id);
    }
}

#[test]
fn true_false_statements_come_out_true_and_false() {
    let deck = deck();
    let mut seen = BTreeSet::new();
    for (_, q) in drawn(&deck, QuestionKind::TrueFalse) {
        if let Body::TrueFalse { answer, .. } = q.body {
            seen.insert(answer);
        }
    }
    assert_eq!(seen.len(), 2);
}

#[test]
fn a_typed_term_accepts_its_short_names() {
    let deck = deck();
    let generator = Generator::new(&deck);
    let plan = generator
        .plans()
        .iter()
        .find(|p| p.id == "gen-typed-term-acm-provision-tls")
        .expect("the ACM term card is asked as a typed question");
    let q = generator.build(plan, Seed(1)).unwrap();
    for typed in [
        "AWS Certificate Manager (ACM)",
        "aws certificate manager",
        "acm",
    ] {
        assert!(
            q.grade(&keydeck_study::quiz::Answer::Typed(typed.into()))
                .correct,
            "{typed}"
        );
    }
}
