//! Importing KeyDeck's own deck files, and naming an import before it is
//! saved.

mod interchange_fixture;

use interchange_fixture::{problems, topic};
use keydeck_study::deck::parse_topic;
use keydeck_study::interchange::{import, pasted_file_name, ImportFormat, Imported};

const DECK: &str = "# My KMS notes\n\n## my-card\nkind: basic\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\nQ?\n\n### Back\nA\n";

fn markdown(file: &str, text: &str) -> Imported {
    import(&ImportFormat::Markdown, file, text)
}

#[test]
fn a_deck_file_is_saved_as_written_under_a_kebab_case_name() {
    let imported = markdown("My Notes.md", &format!("\u{feff}{DECK}"));
    assert_eq!(problems(&imported), Vec::<String>::new());
    assert_eq!(imported.file, "my-notes.md");
    assert_eq!(imported.markdown, DECK);
    let topic = topic(&imported);
    assert_eq!(topic.id, "my-notes");
    assert_eq!(topic.title, "My KMS notes");
    assert_eq!(topic.cards[0].id, "my-card");
}

#[test]
fn any_error_refuses_the_deck_with_the_learners_file_name() {
    let imported = markdown(
        "broken.md",
        "# Broken\n\n## Bad Id\nkind: riddle\n\n### Front\nQ\n",
    );
    assert!(!imported.has_cards());
    let mut got = problems(&imported);
    got.sort();
    assert_eq!(
        got,
        [
            "broken.md:3: card \"Bad Id\" has no \"### Back\" section",
            "broken.md:3: card \"Bad Id\" has no \"source:\" field citing the AWS documentation",
            "broken.md:3: card id \"Bad Id\" must be lowercase kebab-case, like \"kms-acronym\"",
            "broken.md:4: unknown kind \"riddle\" (expected basic, term, cloze or table)",
        ]
    );
    assert_eq!(imported.errors().count(), 4);
}

#[test]
fn a_deck_without_cards_is_not_a_deck() {
    let imported = markdown("empty.md", "# Empty\n\nNothing yet.\n");
    assert!(!imported.has_cards());
    assert_eq!(problems(&imported), ["empty.md:1: the deck has no cards"]);
}

#[test]
fn the_title_the_learner_gives_is_saved_and_the_same_title_changes_nothing() {
    let imported = markdown("notes.md", DECK);
    assert_eq!(imported.titled("  My KMS\nnotes "), Ok(DECK.to_owned()));
    let renamed = imported.titled("Key Management").expect("retitled");
    let back = parse_topic(&imported.file, &renamed).expect("parses");
    assert_eq!(back.title, "Key Management");
    assert_eq!(back.cards, topic(&imported).cards);
    let untitled = imported.titled(" ").expect_err("a title is needed");
    assert_eq!(untitled[0].to_string(), "notes.md:1: a deck needs a title");
}

#[test]
fn nothing_to_save_cannot_be_titled() {
    let imported = markdown("empty.md", "# Empty\n");
    let err = imported.titled("Anything").expect_err("no cards");
    assert_eq!(err[0].to_string(), "empty.md:1: there are no cards to save");
}

#[test]
fn pasted_quizlet_text_is_a_deck_named_after_its_title() {
    let format = ImportFormat::Quizlet {
        terms: keydeck_study::interchange::TermSeparator::Tab,
        rows: keydeck_study::interchange::RowSeparator::NewLine,
    };
    let imported = import(&format, &pasted_file_name("KMS terms"), "CMK\tKMS key\n");
    assert_eq!(imported.file, "kms-terms.md");
    assert_eq!(topic(&imported).title, "KMS terms");
    let untitled = import(&format, &pasted_file_name(""), "CMK\tKMS key\n");
    assert_eq!(untitled.file, "pasted-cards.md");
    assert_eq!(topic(&untitled).title, "Pasted cards");
}
