//! AnswerSheet mode: DVA-C02's pace, answers and flags until submission, scores
//! per topic, a reload in the middle, and the cards to study again.

use chrono::{DateTime, Duration, TimeZone, Utc};

use keydeck_study::quiz::{
    default_time_limit, missed_cards, Answer, AnswerSheet, Question, QuestionBank, Quiz,
    QuizResult, QuizSpec, Seed, SheetError, PASS_PERCENT,
};

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap()
}

fn quiz(count: usize, seed: u64) -> Quiz {
    let bank = QuestionBank::builtin().expect("the shipped content parses");
    Quiz::new(&bank, QuizSpec::new(count, Seed(seed))).expect("a quiz")
}

/// An answer that grades wrong.
fn wrong(q: &Question) -> Answer {
    match q.right_answer() {
        Answer::Single(i) => Answer::Single((i + 1) % q.options().len()),
        Answer::Multi(_) => Answer::Multi(vec![]),
        Answer::TrueFalse(t) => Answer::TrueFalse(!t),
        Answer::Typed(_) => Answer::Typed("not it".into()),
        Answer::Matching(pairs) => Answer::Matching(vec![None; pairs.len()]),
    }
}

/// Answers question `i` right when `right(i)`, wrong otherwise.
fn answer_all(exam: &mut AnswerSheet, right: impl Fn(usize) -> bool) {
    for i in 0..exam.len() {
        let q = exam.question(i).unwrap().clone();
        let answer = if right(i) {
            q.right_answer()
        } else {
            wrong(&q)
        };
        exam.answer(i, answer).unwrap();
    }
}

#[test]
fn the_default_time_follows_the_dva_c02_pace() {
    assert_eq!(default_time_limit(65), Duration::minutes(130));
    assert_eq!(default_time_limit(10), Duration::minutes(20));
    let exam = AnswerSheet::new(quiz(10, 1), start());
    assert_eq!(exam.deadline() - exam.started_at, Duration::minutes(20));
    assert_eq!(
        exam.remaining(start() + Duration::minutes(5)),
        Duration::minutes(15)
    );
}

#[test]
fn answers_can_change_until_submission() {
    let mut exam = AnswerSheet::new(quiz(5, 2), start());
    let q = exam.question(0).unwrap().clone();
    exam.answer(0, wrong(&q)).unwrap();
    exam.answer(0, q.right_answer()).unwrap();
    assert_eq!(exam.answer_of(0), Some(&q.right_answer()));
    exam.clear_answer(1).unwrap();
    assert_eq!(exam.answer_of(1), None);

    let result = exam.submit(start() + Duration::minutes(3));
    assert!(result.review[0].correct);
    assert!(!result.review[1].correct, "an unanswered question is wrong");
    assert_eq!(exam.answer(0, wrong(&q)), Err(SheetError::Submitted));
    assert_eq!(exam.toggle_flag(0), Err(SheetError::Submitted));
    assert_eq!(
        exam.submit(start() + Duration::minutes(9)),
        result,
        "submitting again changes nothing"
    );
}

#[test]
fn an_answer_must_fit_its_question() {
    let mut exam = AnswerSheet::new(quiz(5, 3), start());
    let q = exam.question(0).unwrap().clone();
    let misfit = match q.right_answer() {
        Answer::TrueFalse(_) => Answer::Typed("x".into()),
        _ => Answer::TrueFalse(true),
    };
    assert_eq!(exam.answer(0, misfit), Err(SheetError::AnswerDoesNotFit(0)));
    assert_eq!(
        exam.answer(99, q.right_answer()),
        Err(SheetError::NoSuchQuestion(99))
    );
    assert_eq!(
        SheetError::NoSuchQuestion(99).to_string(),
        "the exam has no question 100"
    );
}

#[test]
fn flags_mark_questions_for_review_in_the_navigator() {
    let mut exam = AnswerSheet::new(quiz(6, 4), start());
    assert_eq!(exam.toggle_flag(2), Ok(true));
    assert_eq!(exam.toggle_flag(4), Ok(true));
    assert_eq!(exam.toggle_flag(4), Ok(false));
    let q = exam.question(3).unwrap().clone();
    exam.answer(3, q.right_answer()).unwrap();
    let slots = exam.slots();
    assert!(slots[2].flagged && !slots[2].answered);
    assert!(slots[3].answered && !slots[3].flagged);
    assert!(!slots[4].flagged);
    let result = exam.submit(start() + Duration::minutes(1));
    assert!(result.review[2].flagged && !result.review[4].flagged);
}

#[test]
fn per_topic_scores_match_the_answers_given() {
    let mut exam = AnswerSheet::new(quiz(30, 5), start());
    answer_all(&mut exam, |i| i % 3 != 0);
    let result = exam.submit(start() + Duration::minutes(40));

    let mut expected: Vec<(String, usize, usize)> = Vec::new();
    for (i, q) in exam.quiz.questions.iter().enumerate() {
        let right = usize::from(i % 3 != 0);
        match expected.iter_mut().find(|(t, _, _)| *t == q.topic) {
            Some(entry) => {
                entry.1 += right;
                entry.2 += 1;
            }
            None => expected.push((q.topic.clone(), right, 1)),
        }
    }
    assert_eq!(result.topics.len(), expected.len());
    for score in &result.topics {
        let (_, right, total) = expected.iter().find(|(t, _, _)| *t == score.topic).unwrap();
        assert_eq!(
            (score.right, score.total),
            (*right, *total),
            "{}",
            score.topic
        );
        assert!(!score.title.is_empty());
    }
    assert_eq!(result.right, 20);
    assert_eq!(result.total, 30);
    assert_eq!(result.percent, 66);
    assert!(!result.passed);
}

#[test]
fn each_reviewed_question_names_its_topic_as_the_topic_scores_do() {
    let mut exam = AnswerSheet::new(quiz(12, 9), start());
    answer_all(&mut exam, |i| i % 2 == 0);
    let result = exam.submit(start() + Duration::minutes(10));
    for item in &result.review {
        let score = result
            .topics
            .iter()
            .find(|t| t.topic == item.topic)
            .unwrap();
        assert_eq!(result.topic_title(&item.topic), score.title);
        assert_ne!(score.title, score.topic, "a title, not the id");
    }
    assert_eq!(result.topic_title("no-such-topic"), "no-such-topic");
}

#[test]
fn the_pass_line_is_72_percent() {
    let quiz = quiz(25, 6);
    let score = |right_count: usize| {
        let answers: Vec<Option<Answer>> = quiz
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                Some(if i < right_count {
                    q.right_answer()
                } else {
                    wrong(q)
                })
            })
            .collect();
        QuizResult::score(&quiz, &answers, &[])
    };
    assert_eq!(PASS_PERCENT, 72);
    let pass = score(18);
    assert_eq!((pass.percent, pass.passed), (72, true));
    let fail = score(17);
    assert_eq!((fail.percent, fail.passed), (68, false));
}

#[test]
fn the_review_shows_each_answer_the_right_one_and_why() {
    let mut exam = AnswerSheet::new(quiz(8, 7), start());
    answer_all(&mut exam, |i| i % 2 == 0);
    let result = exam.submit(start() + Duration::minutes(10));
    for (i, item) in result.review.iter().enumerate() {
        let q = &exam.quiz.questions[i];
        assert_eq!(item.question, q.id);
        assert_eq!(item.correct, i % 2 == 0);
        assert_eq!(item.right_answer, q.right_answer());
        assert!(item.given.is_some());
        assert!(!item.explanation.is_empty() && item.source.starts_with("https://"));
    }
    assert_eq!(result.time_taken_secs, Some(600));
}

#[test]
fn an_exam_in_progress_survives_a_reload() {
    let mut exam = AnswerSheet::new(quiz(10, 8), start());
    answer_all(&mut exam, |i| i < 4);
    exam.clear_answer(7).unwrap();
    exam.toggle_flag(5).unwrap();
    exam.current = 6;

    let saved = exam.to_json();
    let mut resumed = AnswerSheet::from_json(&saved).expect("the saved exam reads back");
    assert_eq!(resumed, exam);
    let now = start() + Duration::minutes(12);
    assert_eq!(resumed.remaining(now), Duration::minutes(8));
    assert_eq!(resumed.current, 6);
    assert!(resumed.is_flagged(5));

    let q = resumed.question(7).unwrap().clone();
    resumed.answer(7, q.right_answer()).unwrap();
    assert!(resumed.submit(now).review[7].correct);
}

#[test]
fn a_saved_exam_from_a_newer_version_is_refused() {
    let mut value: serde_json::Value =
        serde_json::from_str(&AnswerSheet::new(quiz(3, 9), start()).to_json()).unwrap();
    value["schema"] = 99.into();
    let err = AnswerSheet::from_json(&value.to_string()).unwrap_err();
    assert_eq!(err, SheetError::NewerSchema(99));
    assert!(err.to_string().contains("newer version of KeyDeck"));
    assert!(matches!(
        AnswerSheet::from_json("{}"),
        Err(SheetError::Malformed(_))
    ));
}

#[test]
fn time_running_out_ends_the_exam_at_the_deadline() {
    let mut exam = AnswerSheet::with_time_limit(quiz(5, 10), start(), Duration::seconds(30));
    assert!(!exam.is_time_up(start() + Duration::seconds(29)));
    let late = start() + Duration::seconds(95);
    assert!(exam.is_time_up(late));
    assert_eq!(exam.remaining(late), Duration::zero());
    let result = exam.submit(late);
    assert_eq!(
        result.time_taken_secs,
        Some(30),
        "no time past the deadline counts"
    );
    assert_eq!(exam.submitted_at(), Some(start() + Duration::seconds(30)));
}

#[test]
fn missed_questions_list_their_source_cards_once() {
    let mut exam = AnswerSheet::new(quiz(12, 11), start());
    answer_all(&mut exam, |i| i >= 4);
    exam.clear_answer(11).unwrap();
    let result = exam.submit(start() + Duration::minutes(20));

    let missed = missed_cards(&result);
    let mut expected: Vec<String> = Vec::new();
    for i in [0, 1, 2, 3, 11] {
        for card in &exam.quiz.questions[i].cards {
            if !expected.contains(card) {
                expected.push(card.clone());
            }
        }
    }
    assert_eq!(missed, expected);
    let bank = QuestionBank::builtin().unwrap();
    for card in &missed {
        assert!(bank.deck().card(card).is_some(), "{card} is a study card");
    }
}
