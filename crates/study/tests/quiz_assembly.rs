//! Drawing quizzes: the same spec and seed give the same quiz, a different
//! seed a different one, and a quiz keeps to its topics, kinds and count.

use std::collections::{BTreeMap, BTreeSet};

use keydeck_study::deck::Deck;
use keydeck_study::quiz::{
    parse_questions, Body, Origin, Question, QuestionBank, QuestionKind, Quiz, QuizError, QuizSpec,
    Seed,
};

fn bank() -> QuestionBank {
    QuestionBank::builtin().expect("the shipped content parses")
}

fn spec(count: usize, seed: &str) -> QuizSpec {
    QuizSpec::new(count, seed.parse().expect("a seed"))
}

/// What a learner sees: question ids in order, and the option order.
fn shown(quiz: &Quiz) -> Vec<String> {
    quiz.questions
        .iter()
        .map(|q| match &q.body {
            Body::Single { options } | Body::Multi { options, .. } => {
                let texts: Vec<&str> = options.iter().map(|o| o.text.as_str()).collect();
                format!("{} [{}]", q.id, texts.join(" | "))
            }
            Body::Matching { descriptions, .. } => {
                format!("{} [{}]", q.id, descriptions.join(" | "))
            }
            Body::TrueFalse { answer, .. } => format!("{} ({answer})", q.id),
            Body::Typed { .. } => q.id.clone(),
        })
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_quiz() {
    let first = Quiz::new(&bank(), spec(20, "class7")).unwrap();
    let again = Quiz::new(&bank(), spec(20, "class7")).unwrap();
    assert_eq!(first, again);
    assert_eq!(
        serde_json::to_string(&first).unwrap(),
        serde_json::to_string(&again).unwrap()
    );
}

#[test]
fn a_different_seed_gives_a_different_quiz() {
    let bank = bank();
    let a = Quiz::new(&bank, spec(20, "class7")).unwrap();
    let b = Quiz::new(&bank, spec(20, "class8")).unwrap();
    assert_ne!(shown(&a), shown(&b));
    let ids = |q: &Quiz| {
        q.questions
            .iter()
            .map(|q| q.id.clone())
            .collect::<BTreeSet<_>>()
    };
    assert_ne!(
        ids(&a),
        ids(&b),
        "different questions, not only a new order"
    );
}

#[test]
fn a_quiz_prefers_written_questions_and_mixes_in_generated_ones() {
    let quiz = Quiz::new(&bank(), spec(20, "mix")).unwrap();
    assert_eq!(quiz.questions.len(), 20);
    let written = quiz
        .questions
        .iter()
        .filter(|q| q.origin == Origin::Written)
        .count();
    assert_eq!(written, 15, "three in four are written");
    let ids: BTreeSet<&str> = quiz.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), 20, "no question twice");
}

#[test]
fn a_quiz_spreads_its_questions_over_the_topics() {
    let quiz = Quiz::new(&bank(), spec(16, "spread")).unwrap();
    let mut per_topic: BTreeMap<&str, usize> = BTreeMap::new();
    for q in &quiz.questions {
        *per_topic.entry(q.topic.as_str()).or_default() += 1;
    }
    assert!(per_topic.values().all(|n| *n <= 2), "{per_topic:?}");
    assert_eq!(
        quiz.topics
            .iter()
            .map(|t| t.id.as_str())
            .collect::<BTreeSet<_>>(),
        per_topic.keys().copied().collect(),
        "the quiz lists the topics it covers"
    );
}

#[test]
fn a_quiz_keeps_to_its_topics_and_kinds() {
    let mut only = spec(10, "topics");
    only.topics = Some(vec!["rotation".into(), "acm".into()]);
    only.kinds = Some(vec![QuestionKind::Single, QuestionKind::TrueFalse]);
    let quiz = Quiz::new(&bank(), only).unwrap();
    assert_eq!(quiz.questions.len(), 10);
    for q in &quiz.questions {
        assert!(q.topic == "rotation" || q.topic == "acm", "{}", q.id);
        assert!(
            matches!(q.kind(), QuestionKind::Single | QuestionKind::TrueFalse),
            "{}",
            q.id
        );
    }
    let titles: Vec<&str> = quiz.topics.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Key rotation", "AWS Certificate Manager (ACM)"],
        "in deck order"
    );
}

#[test]
fn a_quiz_is_as_long_as_its_topics_allow() {
    let mut small = spec(500, "all");
    small.topics = Some(vec!["snapshot-copy".into()]);
    let bank = bank();
    let quiz = Quiz::new(&bank, small).unwrap();
    let available = bank
        .written()
        .iter()
        .filter(|q| q.topic == "snapshot-copy")
        .count()
        + bank
            .plans()
            .iter()
            .filter(|p| p.topic == "snapshot-copy")
            .count();
    assert_eq!(quiz.questions.len(), available);
}

#[test]
fn an_impossible_quiz_says_why() {
    let bank = bank();
    let mut unknown = spec(5, "x");
    unknown.topics = Some(vec!["nope".into()]);
    let err = Quiz::new(&bank, unknown).unwrap_err();
    assert_eq!(err, QuizError::UnknownTopic("nope".into()));
    assert_eq!(err.to_string(), "there is no topic \"nope\"");
    assert_eq!(
        Quiz::new(&bank, spec(0, "x")).unwrap_err(),
        QuizError::NoCount
    );
    let mut empty = spec(5, "x");
    empty.topics = Some(vec!["snapshot-copy".into()]);
    empty.kinds = Some(vec![QuestionKind::Matching]);
    assert_eq!(Quiz::new(&bank, empty).unwrap_err(), QuizError::NoQuestions);
}

#[test]
fn a_seed_travels_in_a_link_as_short_text() {
    let seed: Seed = "Class7".parse().unwrap();
    assert_eq!(seed.to_string(), "class7");
    assert!(seed.to_string().bytes().all(|b| b.is_ascii_alphanumeric()));
    let from_link = Quiz::new(
        &bank(),
        QuizSpec::new(12, seed.to_string().parse().unwrap()),
    );
    assert_eq!(
        from_link.unwrap(),
        Quiz::new(&bank(), spec(12, "class7")).unwrap()
    );
}

const ALPHA: &str = "\
# Alpha

## a-term-one
kind: term
tags: alpha
source: https://docs.aws.amazon.com/kms/

### Front
Describes one.

### Back
One

## a-term-two
kind: term
tags: alpha
source: https://docs.aws.amazon.com/kms/

### Front
Describes two.

### Back
Two

## a-term-three
kind: term
tags: alpha
source: https://docs.aws.amazon.com/kms/

### Front
Describes three.

### Back
Three (3)

## a-term-four
kind: term
tags: alpha
source: https://docs.aws.amazon.com/kms/

### Front
Describes four.

### Back
Four

## a-cloze
kind: cloze
tags: alpha
source: https://docs.aws.amazon.com/kms/

### Front
Alpha keys live {{90 days}}.

### Back
90 days.
";

const BETA: &str = "\
# Beta

## b-cloze-one
kind: cloze
tags: beta
source: https://docs.aws.amazon.com/kms/

### Front
Beta starts with {{mrk-}}.

### Back
mrk-.

## b-cloze-two
kind: cloze
tags: beta
source: https://docs.aws.amazon.com/kms/

### Front
Beta is rotated by {{RotateKeyOnDemand}}.

### Back
RotateKeyOnDemand.

## b-basic
kind: basic
tags: beta
source: https://docs.aws.amazon.com/kms/

### Front
Is beta global?

### Back
No.
";

const QUESTIONS: &str = "\
# Alpha

## q-alpha-one
kind: truefalse
task: 2.2
cards: a-term-one
source: https://docs.aws.amazon.com/kms/

### Question
True or false: one is one.

### Answer
true

It is.

## q-alpha-two
kind: typed
task: 2.2
cards: a-term-two
source: https://docs.aws.amazon.com/kms/

### Question
Name two.

### Answer
accept: Two

It is two.
";

/// A fixed deck and question file, so the drawn quiz can be pinned.
fn fixture() -> QuestionBank {
    let deck = Deck::parse([("alpha.md", ALPHA), ("beta.md", BETA)]).expect("the fixture deck");
    let written = parse_questions([("alpha.md", QUESTIONS)], &deck).expect("the fixture questions");
    QuestionBank::new(deck, written)
}

#[test]
fn a_seed_draws_the_same_quiz_on_every_machine() {
    // Pinned: a classroom link must give this quiz on any platform and in
    // any later release that keeps the same content.
    let quiz = Quiz::new(&fixture(), spec(6, "room101")).unwrap();
    assert_eq!(shown(&quiz), PINNED);
}

const PINNED: [&str; 6] = [
    "gen-sentence-statement-b-cloze-one (false)",
    "q-alpha-two",
    "gen-sentence-statement-a-cloze (false)",
    "gen-blank-b-cloze-two [90 days | mrk- | RotateKeyOnDemand]",
    "q-alpha-one (true)",
    "gen-description-a-term-four [Describes four. | Describes two. | Describes three. | Describes one.]",
];

#[test]
fn every_question_of_a_quiz_is_complete() {
    let quiz = Quiz::new(&bank(), spec(65, "exam")).unwrap();
    assert_eq!(quiz.questions.len(), 65);
    for q in &quiz.questions {
        let q: &Question = q;
        assert!(q.grade(&q.right_answer()).correct, "{}", q.id);
        assert!(!q.cards.is_empty() && !q.source.is_empty(), "{}", q.id);
    }
}
