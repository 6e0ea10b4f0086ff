//! The shipped question files parse, and a broken question is refused with
//! its file, its line and what is wrong.

use keydeck_study::builtin::{self, QUESTION_FILES};
use keydeck_study::deck::{Deck, DeckError};
use keydeck_study::quiz::{
    parse_question_file, parse_questions, Body, Origin, Question, QuestionKind, TaskStatement,
};

fn deck() -> Deck {
    builtin::deck().expect("the shipped decks parse")
}

fn shipped() -> Vec<Question> {
    builtin::questions(&deck()).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the shipped questions do not parse:\n{}", list.join("\n"))
    })
}

#[test]
fn all_shipped_question_files_parse() {
    let questions = shipped();
    assert!(questions.len() >= 150, "{} questions", questions.len());
    for kind in QuestionKind::ALL {
        assert!(
            questions.iter().any(|q| q.kind() == kind),
            "the shipped questions include a {kind} question"
        );
    }
    for q in &questions {
        assert_eq!(q.origin, Origin::Written);
        assert!(
            !q.stem.is_empty() && !q.explanation().is_empty(),
            "{}",
            q.id
        );
        for option in q.options() {
            assert!(!option.explanation.is_empty(), "{}", q.id);
            assert!(
                option.source.starts_with("https://docs.aws.amazon.com/")
                    || option.source.starts_with("https://aws.amazon.com/"),
                "{}: {}",
                q.id,
                option.source
            );
        }
    }
}

#[test]
fn the_shipped_list_is_exactly_the_questions_folder() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/questions");
    let mut on_disk: Vec<String> = std::fs::read_dir(folder)
        .expect("content/questions exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    let mut shipped: Vec<String> = QUESTION_FILES
        .iter()
        .map(|(n, _)| (*n).to_owned())
        .collect();
    on_disk.sort();
    shipped.sort();
    assert_eq!(shipped, on_disk);
}

#[test]
fn each_kind_reads_into_its_body() {
    let questions = shipped();
    let find = |id: &str| questions.iter().find(|q| q.id == id).expect(id);

    let single = find("q-rotation-custom-period");
    assert_eq!(single.topic, "rotation");
    assert_eq!(single.options().len(), 4);
    assert_eq!(
        single.options()[0].text,
        "Enable automatic key rotation on the key with RotationPeriodInDays set to 180."
    );
    assert!(single.options()[0]
        .explanation
        .starts_with("The rotation period"));
    assert_eq!(
        single.cards,
        [
            "kms-rotation-period-range",
            "kms-automatic-key-rotation",
            "kms-rotation-what-changes"
        ]
    );

    let Body::Multi { options, choose } = &find("q-envelope-workflow-steps").body else {
        panic!("a multi question");
    };
    assert_eq!(
        (*choose, options.iter().filter(|o| o.correct).count()),
        (3, 3)
    );

    let Body::TrueFalse {
        answer,
        explanation,
    } = &find("q-rotation-old-ciphertext").body
    else {
        panic!("a truefalse question");
    };
    assert!(!answer && explanation.starts_with("AWS KMS keeps every earlier version"));

    let Body::Typed { accept, .. } = &find("q-rotation-on-demand-operation").body else {
        panic!("a typed question");
    };
    assert_eq!(accept[0], "RotateKeyOnDemand");
    assert_eq!(accept.len(), 4);

    let Body::Matching {
        terms,
        descriptions,
        key,
        explanation,
    } = &find("q-kms-basics-ownership-matching").body
    else {
        panic!("a matching question");
    };
    assert_eq!(terms[1], "AWS managed key");
    assert!(
        descriptions[1].contains("`aws/ebs`"),
        "inline Markdown stays: {}",
        descriptions[1]
    );
    assert_eq!(key, &[0, 1, 2, 3]);
    assert!(explanation.starts_with("Customer managed keys give you full control"));
}

const DECK: &str = "\
# Rotation

## kms-rotation-a
kind: basic
source: https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html

### Front
Q?

### Back
A.
";

fn small_deck() -> Deck {
    Deck::parse([("rotation.md", DECK)]).expect("the test deck parses")
}

fn option(correct: bool, text: &str) -> String {
    format!(
        "### Option\ncorrect: {}\nsource: https://docs.aws.amazon.com/kms/\n\n{text}\n\nBecause.\n\n",
        if correct { "yes" } else { "no" }
    )
}

fn single(id: &str, options: &[(bool, &str)]) -> String {
    let mut text = format!(
        "## {id}\nkind: single\ntask: 2.2\ncards: kms-rotation-a\nsource: https://docs.aws.amazon.com/kms/\n\n### Question\nWhich one?\n\n"
    );
    for (correct, t) in options {
        text.push_str(&option(*correct, t));
    }
    text
}

fn errors(text: &str) -> Vec<String> {
    parse_question_file("rotation.md", text, &small_deck())
        .expect_err("the file is refused")
        .iter()
        .map(DeckError::to_string)
        .collect()
}

fn assert_error(errors: &[String], expected: &str) {
    assert!(
        errors.iter().any(|e| e == expected),
        "expected {expected:?} among {errors:#?}"
    );
}

#[test]
fn a_well_formed_single_question_parses() {
    let text = format!(
        "# Rotation\n\n{}",
        single("q-one", &[(true, "A"), (false, "B"), (false, "C")])
    );
    let questions = parse_question_file("rotation.md", &text, &small_deck()).expect("it parses");
    assert_eq!(
        questions[0].right_answer(),
        keydeck_study::quiz::Answer::Single(0)
    );
}

#[test]
fn a_single_question_needs_exactly_one_right_option() {
    let text = format!(
        "# Rotation\n\n{}",
        single("q-one", &[(true, "A"), (true, "B"), (false, "C")])
    );
    assert_error(
        &errors(&text),
        "rotation.md:12: a single question has exactly one \"correct: yes\" option, found 2",
    );
}

#[test]
fn a_question_has_three_to_six_options() {
    let text = format!(
        "# Rotation\n\n{}",
        single("q-one", &[(true, "A"), (false, "B")])
    );
    assert_error(
        &errors(&text),
        "rotation.md:12: a single question has 3 to 6 options, found 2",
    );
}

#[test]
fn a_multi_question_has_as_many_right_options_as_it_says() {
    let text = format!(
        "# Rotation\n\n{}",
        single(
            "q-two",
            &[(true, "A"), (false, "B"), (false, "C"), (false, "D")]
        )
        .replace("kind: single", "kind: multi\nchoose: 2")
    );
    assert_error(
        &errors(&text),
        "rotation.md:13: \"choose: 2\" but 1 options are \"correct: yes\"",
    );
    let without_choose = text.replace("choose: 2\n", "");
    assert_error(
        &errors(&without_choose),
        "rotation.md:3: a multi question needs \"choose: N\" (how many options are right)",
    );
}

#[test]
fn ids_are_q_kebab_case_and_unique_across_files() {
    let text = format!(
        "# Rotation\n\n{}",
        single("Rotation_One", &[(true, "A"), (false, "B"), (false, "C")])
    );
    assert_error(&errors(&text), "rotation.md:3: question id \"Rotation_One\" must be lowercase kebab-case starting with \"q-\", like \"q-rotation-imported-material\"");

    let file = format!(
        "# Rotation\n\n{}",
        single("q-same", &[(true, "A"), (false, "B"), (false, "C")])
    );
    let found = parse_questions(
        [
            ("rotation.md", file.as_str()),
            ("questions/rotation.md", file.as_str()),
        ],
        &small_deck(),
    )
    .expect_err("an id used twice is refused");
    assert_eq!(
        found[0].to_string(),
        "questions/rotation.md:3: question id \"q-same\" is already used at rotation.md:3"
    );
}

#[test]
fn cited_cards_must_be_in_the_deck() {
    let text = format!(
        "# Rotation\n\n{}",
        single("q-one", &[(true, "A"), (false, "B"), (false, "C")]).replace(
            "cards: kms-rotation-a",
            "cards: kms-rotation-a, kms-no-such-card"
        )
    );
    assert_error(
        &errors(&text),
        "rotation.md:6: card \"kms-no-such-card\" is not in the deck",
    );
}

#[test]
fn every_option_cites_an_aws_page_and_explains_itself() {
    let text = format!(
        "# Rotation\n\n{}",
        single("q-one", &[(true, "A"), (false, "B"), (false, "C")])
            .replacen(
                "source: https://docs.aws.amazon.com/kms/\n\nA",
                "source: https://example.com/kms\n\nA",
                1
            )
            .replacen("B\n\nBecause.", "B", 1)
    );
    let found = errors(&text);
    assert_error(&found, "rotation.md:14: source \"https://example.com/kms\" must be an https://docs.aws.amazon.com/ or https://aws.amazon.com/ page");
    assert_error(&found, "rotation.md:20: the option has no explanation: add a paragraph after its text that says why it is right or wrong");
}

#[test]
fn a_question_file_is_named_like_a_deck() {
    let text = format!(
        "# Nothing\n\n{}",
        single("q-one", &[(true, "A"), (false, "B"), (false, "C")])
    );
    let found: Vec<String> = parse_question_file("nothing.md", &text, &small_deck())
        .expect_err("no deck is named so")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_error(&found, "nothing.md:1: there is no deck \"nothing\": name a question file like the content/decks file it belongs to");
}

const OTHER_KINDS: &str = "\
# Rotation

## q-tf
kind: truefalse
task: 2.2
cards: kms-rotation-a
source: https://docs.aws.amazon.com/kms/

### Question
True or false: it rotates.

### Answer
maybe

Explained.

## q-typed
kind: typed
task: 2.2
cards: kms-rotation-a
source: https://docs.aws.amazon.com/kms/

### Question
Which operation?

### Answer
accept: ;  ;

Explained.

## q-match
kind: matching
task: 2.2
cards: kms-rotation-a
source: https://docs.aws.amazon.com/kms/

### Question
Match them.

### Pairs
| Term | Description |
|---|---|
| A | one |
| B | two |

Explained.
";

#[test]
fn truefalse_typed_and_matching_answers_are_checked() {
    let found = errors(OTHER_KINDS);
    assert_error(
        &found,
        "rotation.md:12: a truefalse answer starts with \"true\" or \"false\", found \"maybe\"",
    );
    assert_error(&found, "rotation.md:27: \"accept:\" lists no answer");
    assert_error(
        &found,
        "rotation.md:40: a matching question has 3 to 6 pairs, found 2",
    );
}

#[test]
fn sections_of_another_kind_are_refused() {
    let text = OTHER_KINDS.replace("kind: truefalse", "kind: single");
    assert_error(
        &errors(&text),
        "rotation.md:12: a single question has no \"### Answer\" section; it uses \"### Option\"",
    );
}

/// A file with one well-formed single question, `q-one`, serving task 2.2.
fn one_good_question() -> String {
    format!(
        "# Rotation\n\n{}",
        single("q-one", &[(true, "A"), (false, "B"), (false, "C")])
    )
}

#[test]
fn a_question_names_the_task_statement_it_serves() {
    let text = one_good_question();
    let questions = parse_question_file("rotation.md", &text, &small_deck()).expect("it parses");
    let task = questions[0].task.expect("a written question has a task");
    assert_eq!(task, TaskStatement::parse("2.2").unwrap());
    assert_eq!(task.number(), "2.2");
    assert_eq!(task.title(), "Implement encryption by using AWS services");

    let unknown = text.replace("task: 2.2", "task: 2.4");
    assert_error(
        &errors(&unknown),
        "rotation.md:5: unknown task statement \"2.4\" (expected a DVA-C02 task statement: 1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 3.4, 4.1, 4.2 or 4.3)",
    );
    let missing = text.replace("task: 2.2\n", "");
    assert_error(
        &errors(&missing),
        "rotation.md:3: question \"q-one\" has no \"task:\" field naming the DVA-C02 task statement it serves (1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 3.4, 4.1, 4.2 or 4.3)",
    );
}

#[test]
fn every_shipped_question_serves_a_task_statement_and_most_are_scenarios() {
    let questions = shipped();
    for q in &questions {
        assert!(q.task.is_some(), "{} has no task statement", q.id);
    }
    let scenarios = questions.iter().filter(|q| q.is_scenario()).count();
    assert!(scenarios >= 100, "{scenarios} scenario questions");
    for number in ["2.1", "2.2", "2.3"] {
        let task = TaskStatement::parse(number).unwrap();
        assert!(
            questions.iter().any(|q| q.task == Some(task)),
            "no question serves task statement {number}"
        );
    }
}

#[test]
fn a_scenario_is_a_stem_of_sentences_that_ends_in_a_question() {
    let with_stem = |kind: &str, stem: &str| {
        let text = one_good_question().replace("Which one?", stem);
        let text = if kind == "multi" {
            text.replace("kind: single", "kind: multi\nchoose: 2")
                .replacen("correct: no", "correct: yes", 1)
        } else {
            text
        };
        parse_question_file("rotation.md", &text, &small_deck()).expect("it parses")[0]
            .is_scenario()
    };
    assert!(with_stem(
        "single",
        "A developer must encrypt a 10 MB file. Which solution meets these requirements?"
    ));
    assert!(with_stem(
        "multi",
        "A team uses `aws.kms` in a Lambda function.\nWhich steps are needed? (Choose two.)"
    ));
    assert!(!with_stem("single", "Which operation creates a data key?"));
    assert!(!with_stem(
        "single",
        "A developer calls `kms.Decrypt`. The call fails."
    ));
    // A full stop inside a code span ends no sentence.
    assert!(!with_stem(
        "single",
        "Which key does `alias/aws/ssm. It` name?"
    ));
}
