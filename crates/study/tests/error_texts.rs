//! Every error the study crate gives, in the exact words a learner or a
//! content author reads.

use keydeck_study::bundle::BundleError;
use keydeck_study::day::RolloverError;
use keydeck_study::deck::DeckError;
use keydeck_study::progress::ProgressError;
use keydeck_study::quiz::{QuizError, SeedError, SheetError};
use keydeck_study::walkthrough::{Problem, WalkthroughError};

#[test]
fn progress_and_bundle_errors_say_what_was_read_and_which_format() {
    assert_eq!(
        ProgressError::Malformed("eof".into()).to_string(),
        "this is not KeyDeck progress data (eof)"
    );
    assert_eq!(
        ProgressError::NewerSchema(9).to_string(),
        "this progress was saved by a newer version of KeyDeck (format 9; this one reads up to 2); reload to update"
    );
    assert_eq!(
        BundleError::Unreadable("eof".into()).to_string(),
        "the content file could not be read: eof"
    );
    assert_eq!(
        BundleError::Format(7).to_string(),
        "the content file has format 7, but this version of KeyDeck reads format 1"
    );
}

#[test]
fn quiz_exam_and_seed_errors_count_questions_from_one() {
    assert_eq!(
        SheetError::NoSuchQuestion(0).to_string(),
        "the exam has no question 1"
    );
    assert_eq!(
        SheetError::AnswerDoesNotFit(4).to_string(),
        "that answer does not fit question 5"
    );
    assert_eq!(
        SheetError::Submitted.to_string(),
        "the exam is submitted; answers can no longer change"
    );
    assert_eq!(
        SheetError::NewerSchema(3).to_string(),
        "this exam was saved by a newer version of KeyDeck (format 3; this one reads up to 1); reload to update"
    );
    assert_eq!(
        SheetError::Malformed("eof".into()).to_string(),
        "this is not a saved KeyDeck exam (eof)"
    );
    assert_eq!(
        QuizError::UnknownTopic("x".into()).to_string(),
        "there is no topic \"x\""
    );
    assert_eq!(
        QuizError::NoCount.to_string(),
        "choose at least one question"
    );
    assert_eq!(
        QuizError::NoQuestions.to_string(),
        "the chosen topics and question kinds hold no question"
    );
    assert_eq!(
        SeedError::Empty.to_string(),
        "the quiz link has an empty seed"
    );
    assert_eq!(
        SeedError::BadCharacter('!').to_string(),
        "the quiz seed may hold only letters and digits, not \"!\""
    );
    assert_eq!(SeedError::TooLarge.to_string(), "the quiz seed is too long");
}

#[test]
fn file_errors_point_at_the_file_line_or_step() {
    assert_eq!(
        RolloverError(24).to_string(),
        "the day must start at an hour from 0 to 23, not 24"
    );
    let deck = DeckError {
        file: "kms.md".into(),
        line: 12,
        message: "no answer".into(),
    };
    assert_eq!(deck.to_string(), "kms.md:12: no answer");
    let mut walkthrough = WalkthroughError {
        walkthrough: "envelope".into(),
        step: Some(3),
        problem: Problem::NoSteps,
    };
    assert_eq!(
        walkthrough.to_string(),
        "envelope, step 3: the walkthrough has no steps"
    );
    walkthrough.step = None;
    assert_eq!(
        walkthrough.to_string(),
        "envelope: the walkthrough has no steps"
    );
}
