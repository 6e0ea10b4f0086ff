//! Feedback on a checked answer: the verdict, each option's label, and the
//! order the explanations are read in.

use keydeck_study::quiz::{Answer, Mark, Question};
use serde_json::{json, Value};

fn question(body: Value) -> Question {
    serde_json::from_value(json!({
        "id": "q-x", "topic": "kms", "stem": "Which?", "body": body, "cards": [],
        "source": "https://docs.aws.amazon.com/kms/", "origin": "written"
    }))
    .unwrap()
}

fn option(text: &str, correct: bool) -> Value {
    json!({ "text": text, "correct": correct, "explanation": format!("Why {text}"), "source": "" })
}

fn single() -> Question {
    question(json!({ "kind": "single", "options": [
        option("Encrypt", false), option("`GenerateDataKey`", true), option("Sign", false)
    ]}))
}

fn labels(marks: &[Mark]) -> Vec<Option<&'static str>> {
    marks.iter().map(|m| m.label()).collect()
}

#[test]
fn a_wrong_single_answer_names_the_right_option_in_the_verdict_and_its_label() {
    let q = single();
    let feedback = q.feedback(Some(&Answer::Single(0)));
    assert!(!feedback.correct);
    assert_eq!(feedback.headline, "Not quite");
    assert_eq!(feedback.right_answer, "The answer is: GenerateDataKey.");
    assert_eq!(
        labels(&q.marks(Some(&Answer::Single(0)))),
        [
            Some("Your answer · wrong"),
            Some("Correct answer · missed"),
            None
        ]
    );
}

#[test]
fn a_right_answer_is_correct_and_labelled_so() {
    let q = single();
    let feedback = q.feedback(Some(&Answer::Single(1)));
    assert_eq!((feedback.correct, feedback.headline), (true, "Correct"));
    assert_eq!(
        q.marks(Some(&Answer::Single(1))),
        [Mark::Unmarked, Mark::ChosenRight, Mark::Unmarked]
    );
}

#[test]
fn a_missed_true_or_false_marks_the_right_value() {
    let q = question(json!({ "kind": "truefalse", "answer": true, "explanation": "" }));
    let given = Answer::TrueFalse(false);
    assert_eq!(
        labels(&q.marks(Some(&given))),
        [Some("Correct answer · missed"), Some("Your answer · wrong")]
    );
    assert_eq!(
        q.feedback(Some(&given)).right_answer,
        "The answer is: True."
    );
}

#[test]
fn a_multiple_response_answer_labels_each_option() {
    let q = question(json!({ "kind": "multi", "choose": 2, "options": [
        option("Grant", true), option("Key policy", true), option("SCP", false), option("ACL", false)
    ]}));
    let given = Answer::Multi(vec![0, 2]);
    assert_eq!(
        q.marks(Some(&given)),
        [
            Mark::ChosenRight,
            Mark::Missed,
            Mark::ChosenWrong,
            Mark::Unmarked
        ]
    );
    let feedback = q.feedback(Some(&given));
    assert_eq!(feedback.headline, "Not quite");
    assert_eq!(feedback.right_answer, "The answers are: Grant; Key policy.");
    // The learner's own choices are explained first, then what they missed.
    assert_eq!(q.explanation_order(Some(&given)), [0, 2, 1, 3]);
}

#[test]
fn nothing_given_is_not_quite_and_every_right_option_is_missed() {
    let q = single();
    assert_eq!(q.feedback(None).headline, "Not quite");
    assert_eq!(
        q.marks(None),
        [Mark::Unmarked, Mark::Missed, Mark::Unmarked]
    );
    assert_eq!(q.explanation_order(None), [1, 0, 2]);
}

#[test]
fn matching_labels_each_term_and_typed_answers_have_only_the_verdict() {
    let q = question(json!({ "kind": "matching", "explanation": "",
        "terms": ["CMK", "DEK", "EDK"], "descriptions": ["wraps", "encrypts data", "stored"], "key": [0, 1, 2] }));
    let given = Answer::Matching(vec![Some(0), Some(2), None]);
    assert_eq!(
        q.marks(Some(&given)),
        [Mark::ChosenRight, Mark::ChosenWrong, Mark::Missed]
    );
    assert_eq!(
        q.feedback(Some(&given)).right_answer,
        "The answers are: CMK → wraps; DEK → encrypts data; EDK → stored."
    );
    let typed = question(
        json!({ "kind": "typed", "accept": ["Key Management Service"], "explanation": "" }),
    );
    assert!(typed.marks(Some(&Answer::Typed("KMS".into()))).is_empty());
    assert_eq!(
        typed
            .feedback(Some(&Answer::Typed("Key Management Service".into())))
            .headline,
        "Correct"
    );
}

#[test]
fn a_review_lists_a_choice_questions_options_with_their_marks() {
    assert_eq!(
        single().marked_options(Some(&Answer::Single(2))),
        [
            ("Encrypt".to_owned(), Mark::Unmarked),
            ("GenerateDataKey".to_owned(), Mark::Missed),
            ("Sign".to_owned(), Mark::ChosenWrong)
        ]
    );
    let tf = question(json!({ "kind": "truefalse", "answer": false, "explanation": "" }));
    assert_eq!(
        tf.marked_options(Some(&Answer::TrueFalse(false))),
        [
            ("True".to_owned(), Mark::Unmarked),
            ("False".to_owned(), Mark::ChosenRight)
        ]
    );
    let typed = question(json!({ "kind": "typed", "accept": ["KMS"], "explanation": "" }));
    assert!(typed.marked_options(None).is_empty());
}
