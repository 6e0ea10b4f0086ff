//! The quiz's address: what a shared link gives, and how odd links are read.

use std::collections::BTreeMap;

use keydeck_study::quiz::{
    seed_from_code, Mode, QuestionBank, QuestionKind, QuizLink, QuizSpec, Seed, EXAM_KINDS,
};

fn read(query: &str) -> Option<QuizLink> {
    let pairs: BTreeMap<String, String> = query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    QuizLink::from_query(|name| pairs.get(name).cloned())
}

#[test]
fn a_link_reads_back_as_it_was_written() {
    for query in [
        "mode=practice&n=5&seed=class7",
        "mode=exam&n=6&seed=resume1",
        "mode=practice&n=5&seed=room42&topics=rotation,key-policies",
        "mode=exam&n=5&seed=short&time=3",
        "mode=exam&n=4&seed=topics9&topics=acm,rotation&time=600",
    ] {
        let link = read(query).unwrap_or_else(|| panic!("{query} reads"));
        assert_eq!(link.to_query(), query);
        assert_eq!(link.link(), format!("/quiz?{query}"));
    }
}

#[test]
fn a_link_holds_the_mode_the_draw_and_the_time() {
    let link = read("mode=exam&n=4&seed=topics9&topics=acm,rotation&time=600").unwrap();
    assert_eq!(
        link,
        QuizLink {
            mode: Mode::Exam,
            spec: QuizSpec {
                topics: Some(vec!["acm".into(), "rotation".into()]),
                kinds: Some(vec![QuestionKind::Single, QuestionKind::Multi]),
                ..QuizSpec::new(4, "topics9".parse().unwrap())
            },
            time_secs: Some(600),
        }
    );
}

#[test]
fn without_a_readable_seed_there_is_no_quiz_yet() {
    assert_eq!(read(""), None);
    assert_eq!(read("mode=exam&n=5"), None);
    assert_eq!(read("mode=exam&n=5&seed=not-a-seed"), None);
}

#[test]
fn missing_and_odd_values_fall_back_to_a_ten_question_practice_quiz() {
    let link = read("seed=abc").unwrap();
    assert_eq!(link.mode, Mode::Practice);
    assert_eq!(link.spec.count, 10);
    assert_eq!(link.spec.topics, None);
    assert_eq!(link.time_secs, None);
    assert_eq!(link.to_query(), "mode=practice&n=10&seed=abc");
    let odd = read("mode=timed&n=lots&seed=abc&topics=&time=-5").unwrap();
    assert_eq!(odd.to_query(), "mode=practice&n=10&seed=abc");
    assert_eq!(read("seed=abc&time=0").unwrap().time_secs, None);
}

#[test]
fn the_count_is_kept_between_one_and_a_hundred() {
    assert_eq!(read("seed=abc&n=0").unwrap().spec.count, 1);
    assert_eq!(read("seed=abc&n=65").unwrap().spec.count, 65);
    assert_eq!(read("seed=abc&n=100").unwrap().spec.count, 100);
    assert_eq!(read("seed=abc&n=5000").unwrap().spec.count, 100);
}

#[test]
fn a_quiz_code_gives_its_seed_and_a_blank_one_a_random_seed() {
    assert_eq!(
        seed_from_code(" Class7 ", || 1),
        Ok("class7".parse().unwrap())
    );
    assert_eq!(seed_from_code("  ", || 42), Ok(Seed(42)));
    assert_eq!(
        seed_from_code("class 7", || 1),
        Err("The quiz code is not valid: the quiz seed may hold only letters and digits, not \" \".".to_owned())
    );
}

#[test]
fn mode_names_are_those_of_the_link_and_the_page() {
    assert_eq!(
        (Mode::Practice.name(), Mode::Practice.title()),
        ("practice", "Practice")
    );
    assert_eq!((Mode::Exam.name(), Mode::Exam.title()), ("exam", "Exam"));
    assert_eq!(serde_json::to_string(&Mode::Exam).unwrap(), "\"exam\"");
}

/// The kinds of the questions a link draws from the shipped questions.
fn kinds_drawn(query: &str) -> Vec<QuestionKind> {
    let bank = QuestionBank::builtin().expect("the shipped content parses");
    let quiz = read(query).unwrap().draw(&bank).expect("the quiz draws");
    quiz.questions.iter().map(|q| q.kind()).collect()
}

#[test]
fn an_exam_draws_only_the_real_exams_kinds_and_practice_draws_every_kind() {
    let mut practised = Vec::new();
    for seed in ["class7", "room42", "exam2026"] {
        let exam = kinds_drawn(&format!("mode=exam&n=65&seed={seed}"));
        assert_eq!(exam.len(), 65, "{seed}");
        assert!(
            exam.iter().all(|k| EXAM_KINDS.contains(k)),
            "{seed}: {exam:?}"
        );
        assert!(exam.contains(&QuestionKind::Multi), "{seed}");
        let practice = kinds_drawn(&format!("mode=practice&n=65&seed={seed}"));
        assert!(
            practice.iter().any(|k| !EXAM_KINDS.contains(k)),
            "{seed}: {practice:?}"
        );
        practised.extend(practice);
    }
    for kind in [
        QuestionKind::Single,
        QuestionKind::Multi,
        QuestionKind::TrueFalse,
        QuestionKind::Typed,
        QuestionKind::Matching,
    ] {
        assert!(practised.contains(&kind), "practice never drew {kind:?}");
    }
}
