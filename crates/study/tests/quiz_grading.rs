//! Grading every kind of question, with typed answers graded tolerantly.

use keydeck_study::quiz::{
    Answer, Body, Choice, Origin, Question, QuestionBank, QuestionKind, Seed, Verdict,
};

fn question(body: Body) -> Question {
    Question {
        id: "q-test".into(),
        topic: "kms-basics".into(),
        stem: "Which?".into(),
        body,
        cards: vec!["kms-acronym".into()],
        source: "https://docs.aws.amazon.com/kms/".into(),
        origin: Origin::Written,
        task: None,
    }
}

fn options(right: &[usize], n: usize) -> Vec<Choice> {
    (0..n)
        .map(|i| Choice {
            text: format!("option {i}"),
            correct: right.contains(&i),
            explanation: format!("why {i}"),
            source: "https://docs.aws.amazon.com/kms/".into(),
        })
        .collect()
}

fn typed(accept: &[&str]) -> Question {
    question(Body::Typed {
        accept: accept.iter().map(|a| (*a).to_owned()).collect(),
        explanation: "Because.".into(),
    })
}

fn right(q: &Question, answer: Answer) -> bool {
    q.grade(&answer).correct
}

#[test]
fn a_single_question_is_right_only_with_its_right_option() {
    let q = question(Body::Single {
        options: options(&[2], 4),
    });
    assert!(right(&q, Answer::Single(2)));
    assert!(!right(&q, Answer::Single(0)));
    assert!(!right(&q, Answer::Single(9)), "an option it lacks is wrong");
    assert_eq!(q.right_answer(), Answer::Single(2));
    assert_eq!(q.explanation(), "why 2");
}

#[test]
fn a_multi_question_needs_all_and_only_the_right_options() {
    let q = question(Body::Multi {
        options: options(&[0, 3], 5),
        choose: 2,
    });
    assert_eq!(
        q.grade(&Answer::Multi(vec![3, 0])),
        Verdict {
            correct: true,
            parts: vec![true; 5]
        }
    );
    assert_eq!(
        q.grade(&Answer::Multi(vec![0])),
        Verdict {
            correct: false,
            parts: vec![true, true, true, false, true]
        },
        "a right option left out is the wrong part"
    );
    assert_eq!(
        q.grade(&Answer::Multi(vec![0, 1, 3])).parts,
        [true, false, true, true, true],
        "a wrong option chosen is the wrong part"
    );
    assert!(!right(&q, Answer::Multi(vec![])));
}

#[test]
fn a_true_false_question_is_right_with_its_truth() {
    let q = question(Body::TrueFalse {
        answer: false,
        explanation: "No.".into(),
    });
    assert!(right(&q, Answer::TrueFalse(false)));
    assert!(!right(&q, Answer::TrueFalse(true)));
}

#[test]
fn a_matching_question_grades_every_pair() {
    let q = question(Body::Matching {
        terms: vec!["A".into(), "B".into(), "C".into()],
        descriptions: vec!["c".into(), "a".into(), "b".into()],
        key: vec![1, 2, 0],
        explanation: "Pairs.".into(),
    });
    assert_eq!(
        q.grade(&Answer::Matching(vec![Some(1), Some(2), Some(0)])),
        Verdict {
            correct: true,
            parts: vec![true; 3]
        }
    );
    assert_eq!(
        q.grade(&Answer::Matching(vec![Some(2), Some(1), Some(0)])),
        Verdict {
            correct: false,
            parts: vec![false, false, true]
        }
    );
    assert_eq!(
        q.grade(&Answer::Matching(vec![Some(1), None, Some(0)]))
            .parts,
        [true, false, true],
        "an unmatched term is a wrong pair"
    );
    assert!(
        !right(&q, Answer::Matching(vec![Some(1)])),
        "every term needs a description"
    );
}

#[test]
fn a_typed_answer_ignores_case_spacing_and_punctuation() {
    let q = typed(&["RotateKeyOnDemand"]);
    for given in [
        "RotateKeyOnDemand",
        "rotatekeyondemand",
        "  Rotate Key On Demand ",
        "rotate-key-on-demand",
        "RotateKeyOnDemand.",
        "\"RotateKeyOnDemand\"",
    ] {
        assert!(right(&q, Answer::Typed(given.into())), "{given:?}");
    }
    for given in [
        "",
        "   ",
        "RotateKey",
        "RotateKeyOnDemands",
        "EnableKeyRotation",
    ] {
        assert!(!right(&q, Answer::Typed(given.into())), "{given:?}");
    }
}

#[test]
fn a_typed_answer_accepts_every_listed_answer() {
    let q = typed(&["grant token", "GrantToken", "grant tokens"]);
    assert!(right(&q, Answer::Typed("Grant Tokens".into())));
    assert!(right(&q, Answer::Typed("granttoken".into())));
    assert_eq!(q.right_answer(), Answer::Typed("grant token".into()));
}

#[test]
fn a_typed_answer_accepts_the_known_synonyms() {
    let kms_key = typed(&["KMS key"]);
    for given in [
        "CMK",
        "cmk",
        "customer master key",
        "Customer Master Key",
        "KMS key",
    ] {
        assert!(right(&kms_key, Answer::Typed(given.into())), "{given:?}");
    }
    assert!(
        right(&typed(&["CMK"]), Answer::Typed("KMS key".into())),
        "both ways"
    );

    let managed = typed(&["customer managed key"]);
    for given in [
        "customer managed CMK",
        "Customer-managed CMK",
        "customer managed KMS key",
    ] {
        assert!(right(&managed, Answer::Typed(given.into())), "{given:?}");
    }
    assert!(!right(&managed, Answer::Typed("KMS key".into())));

    let service = typed(&["AWS Key Management Service"]);
    assert!(right(&service, Answer::Typed("AWS KMS".into())));
    assert!(right(
        &typed(&["KMS"]),
        Answer::Typed("key management service".into())
    ));
}

#[test]
fn an_answer_of_another_kind_is_wrong_in_every_part() {
    let multi = question(Body::Multi {
        options: options(&[0, 1], 4),
        choose: 2,
    });
    assert_eq!(
        multi.grade(&Answer::Single(0)),
        Verdict {
            correct: false,
            parts: vec![false; 4]
        }
    );
    assert!(!right(&typed(&["KMS"]), Answer::TrueFalse(true)));
    assert!(!multi.fits(&Answer::Multi(vec![7])));
    assert!(!right(&multi, Answer::Multi(vec![0, 1, 7])));
}

#[test]
fn every_shipped_and_generated_question_grades_its_right_answer_right() {
    let bank = QuestionBank::builtin().expect("the shipped content parses");
    let generated = bank
        .plans()
        .iter()
        .filter_map(|p| bank.generate(p, Seed(5)));
    for q in bank.written().iter().cloned().chain(generated) {
        assert!(q.grade(&q.right_answer()).correct, "{}", q.id);
        let wrong = match q.right_answer() {
            Answer::Single(i) => Answer::Single((i + 1) % q.options().len()),
            Answer::Multi(_) => Answer::Multi(vec![]),
            Answer::TrueFalse(t) => Answer::TrueFalse(!t),
            Answer::Typed(_) => Answer::Typed("no such answer".into()),
            Answer::Matching(pairs) => Answer::Matching(vec![None; pairs.len()]),
        };
        assert!(!q.grade(&wrong).correct, "{}", q.id);
        assert_eq!(q.right_answer().kind(), q.kind());
        assert!(QuestionKind::ALL.contains(&q.kind()));
    }
}
