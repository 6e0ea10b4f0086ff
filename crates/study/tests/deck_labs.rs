//! A deck may name the guided labs that practise its topic, on a `labs:`
//! line right under its title.

mod deck_fixture;

use deck_fixture::GOOD_CARD as CARD;
use keydeck_study::builtin;
use keydeck_study::deck::parse_topic;

#[test]
fn the_labs_line_lists_the_labs_and_stays_out_of_the_intro() {
    let text = format!("# KMS\nlabs: first-key, envelope-encryption\n\nIntro.\n\n{CARD}");
    let topic = parse_topic("decks/kms.md", &text).expect("parses");
    assert_eq!(topic.labs, ["first-key", "envelope-encryption"]);
    assert_eq!(topic.intro, "Intro.");
    assert_eq!(topic.cards[0].line, 6);
}

#[test]
fn a_labs_line_after_a_blank_line_counts_too() {
    let text = format!("# KMS\n\nlabs: rotation\n\nIntro.\n\n{CARD}");
    let topic = parse_topic("decks/kms.md", &text).expect("parses");
    assert_eq!(topic.labs, ["rotation"]);
    assert_eq!(topic.intro, "Intro.");
}

#[test]
fn without_a_labs_line_a_topic_has_no_labs() {
    let text = format!("# KMS\n\nIntro that mentions labs: in passing.\n\n{CARD}");
    let topic = parse_topic("decks/kms.md", &text).expect("parses");
    assert!(topic.labs.is_empty());
    assert_eq!(topic.intro, "Intro that mentions labs: in passing.");
}

#[test]
fn a_lab_id_that_is_not_kebab_case_names_its_line() {
    let text = format!("# KMS\n\nlabs: first-key, First Key\n\nIntro.\n\n{CARD}");
    let errors: Vec<String> = parse_topic("decks/kms.md", &text)
        .expect_err("refused")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        ["decks/kms.md:3: lab id \"First Key\" must be lowercase kebab-case, like \"first-key\""]
    );
}

#[test]
fn the_shipped_decks_name_their_labs() {
    let deck = builtin::deck().expect("the shipped decks parse");
    let rotation = deck.topic("rotation").expect("a rotation deck");
    assert_eq!(rotation.labs, ["rotation"]);
    assert!(!rotation.intro.starts_with("labs:"));
}
