//! Taking a quiz: what Enter, the digit keys and the buttons do at each
//! question, in practice and in an exam, and what the page says about it.

use chrono::{DateTime, Duration, TimeZone, Utc};

use keydeck_study::quiz::{
    answer_for_key, Advance, Answer, Attempt, Body, Choice, MainAction, Mode, Origin, Question,
    Quiz, QuizLink, QuizSpec, Seed,
};

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap()
}

fn choice(text: &str, correct: bool) -> Choice {
    Choice {
        text: text.into(),
        correct,
        explanation: "Why.".into(),
        source: "https://docs.aws.amazon.com/kms/".into(),
    }
}

fn question(id: &str, body: Body) -> Question {
    Question {
        id: id.into(),
        topic: "kms".into(),
        stem: "Which?".into(),
        body,
        cards: vec![],
        source: "https://docs.aws.amazon.com/kms/".into(),
        origin: Origin::Written,
        task: None,
    }
}

fn single() -> Question {
    let options = vec![choice("A", true), choice("B", false), choice("C", false)];
    question("q-single", Body::Single { options })
}

fn multi() -> Question {
    let options = vec![choice("A", true), choice("B", false), choice("C", true)];
    question("q-multi", Body::Multi { options, choose: 2 })
}

fn true_false() -> Question {
    let body = Body::TrueFalse {
        answer: true,
        explanation: "Why.".into(),
    };
    question("q-tf", body)
}

fn attempt(mode: Mode, time_secs: Option<i64>) -> Attempt {
    let link = QuizLink {
        mode,
        spec: QuizSpec::new(3, Seed(7)),
        time_secs,
    };
    let quiz = Quiz {
        spec: link.spec.clone(),
        topics: vec![],
        questions: vec![single(), multi(), true_false()],
    };
    Attempt::new(&link, link.start(quiz, start()))
}

#[test]
fn practice_checks_an_answer_before_going_on_and_finishes_at_the_end() {
    let mut a = attempt(Mode::Practice, None);
    assert_eq!(a.main_action(), MainAction::Check { enabled: false });
    assert_eq!(a.advance(), Advance::Nothing, "nothing to check yet");
    assert!(a.press_digit(2));
    assert_eq!(a.main_action(), MainAction::Check { enabled: true });
    assert!(!a.is_revealed(0));
    assert_eq!(a.advance(), Advance::Checked);
    assert!(a.is_revealed(0));
    assert!(!a.press_digit(1), "a checked answer is locked");
    assert_eq!(a.sheet.answer_of(0), Some(&Answer::Single(1)));
    assert_eq!(a.main_action(), MainAction::Next);
    assert_eq!(a.advance(), Advance::Moved);
    assert_eq!(a.current(), 1);
    assert!(a.go_to(2));
    a.answer(Some(Answer::TrueFalse(false)));
    assert!(a.check());
    assert_eq!(a.main_action(), MainAction::SeeResults);
    assert_eq!(a.advance(), Advance::Finish);
}

#[test]
fn an_exam_moves_on_with_enter_and_is_submitted_only_by_its_button() {
    let mut a = attempt(Mode::Exam, None);
    assert_eq!(a.main_action(), MainAction::ExamNext { enabled: true });
    assert_eq!(a.advance(), Advance::Moved, "no checking in an exam");
    assert!(!a.is_revealed(0));
    assert!(a.go_to(2));
    assert_eq!(a.main_action(), MainAction::ExamNext { enabled: false });
    assert_eq!(a.advance(), Advance::Nothing);
    assert!(!a.check(), "an exam shows nothing before it is submitted");
}

#[test]
fn previous_and_next_stop_at_either_end() {
    let mut a = attempt(Mode::Practice, None);
    assert!(!a.can_go_back());
    assert!(!a.back());
    assert!(a.forward() && a.forward());
    assert!(!a.forward());
    assert_eq!(a.current(), 2);
    assert!(a.can_go_back() && a.back());
    assert_eq!(a.current(), 1);
    assert!(!a.go_to(3));
}

#[test]
fn flags_belong_to_exams_and_show_in_the_navigator() {
    let mut practice = attempt(Mode::Practice, None);
    assert!(!practice.toggle_flag());
    let mut a = attempt(Mode::Exam, None);
    assert_eq!(a.navigator_label(0), "Question 1");
    assert!(a.toggle_flag() && a.is_flagged());
    assert!(a.press_digit(1));
    assert_eq!(a.navigator_label(0), "Question 1, answered, flagged");
    assert!(a.toggle_flag() && !a.is_flagged());
}

#[test]
fn the_submit_question_counts_what_is_unanswered() {
    let mut a = attempt(Mode::Exam, None);
    assert_eq!(a.submit_warning(), "3 questions are unanswered.");
    assert_eq!(a.progress(), ("0 of 3 answered".to_owned(), 0));
    a.answer(Some(Answer::Single(0)));
    assert_eq!(a.progress(), ("1 of 3 answered".to_owned(), 33));
    a.forward();
    a.answer(Some(Answer::Multi(vec![0])));
    assert_eq!(a.submit_warning(), "1 question is unanswered.");
    a.forward();
    a.answer(Some(Answer::TrueFalse(true)));
    assert_eq!(a.submit_warning(), "Every question is answered.");
    a.answer(None);
    assert_eq!(a.unanswered(), 1);
}

#[test]
fn the_exam_clock_counts_down_to_zero_and_warns_in_the_last_minute() {
    let a = attempt(Mode::Exam, Some(125));
    assert_eq!(a.time_left(start()), "2:05");
    assert!(!a.time_is_short(start()));
    let late = start() + Duration::seconds(70);
    assert_eq!(a.time_left(late), "0:55");
    assert!(a.time_is_short(late));
    assert_eq!(a.time_left(start() + Duration::hours(1)), "0:00");
}

#[test]
fn a_saved_attempt_resumes_its_own_link_until_it_is_submitted() {
    let mut a = attempt(Mode::Exam, None);
    assert_eq!(a.link, "/quiz?mode=exam&n=3&seed=7");
    assert!(a.resumes("/quiz?mode=exam&n=3&seed=7"));
    assert!(!a.resumes("/quiz?mode=exam&n=3&seed=8"));
    a.sheet.submit(start());
    assert!(a.is_finished());
    assert!(!a.resumes("/quiz?mode=exam&n=3&seed=7"));
}

#[test]
fn an_attempt_is_saved_in_the_shape_it_always_had() {
    let a = attempt(Mode::Practice, None);
    let json: serde_json::Value = serde_json::to_value(&a).unwrap();
    // The members, whatever order serde_json's features keep them in.
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["checked", "exam", "link", "mode"]);
    assert_eq!(json["mode"], "practice");
    let back: Attempt = serde_json::from_value(json).unwrap();
    assert_eq!(back, a);
}

#[test]
fn digit_keys_pick_options_and_toggle_them_on_multi_questions() {
    assert_eq!(answer_for_key(&single(), None, 3), Some(Answer::Single(2)));
    assert_eq!(answer_for_key(&single(), None, 4), None);
    assert_eq!(answer_for_key(&single(), None, 0), None);
    let picked = answer_for_key(&multi(), None, 3);
    assert_eq!(picked, Some(Answer::Multi(vec![2])));
    let both = answer_for_key(&multi(), picked.as_ref(), 1);
    assert_eq!(both, Some(Answer::Multi(vec![0, 2])));
    assert_eq!(
        answer_for_key(&multi(), both.as_ref(), 3),
        Some(Answer::Multi(vec![0]))
    );
    assert_eq!(
        answer_for_key(&true_false(), None, 1),
        Some(Answer::TrueFalse(true))
    );
    assert_eq!(
        answer_for_key(&true_false(), None, 2),
        Some(Answer::TrueFalse(false))
    );
    assert_eq!(answer_for_key(&true_false(), None, 3), None);
}
