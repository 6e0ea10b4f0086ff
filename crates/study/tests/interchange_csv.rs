//! Importing CSV from a spreadsheet: with or without a header row, quoted
//! fields, and the errors a learner sees for bad rows.

mod interchange_fixture;

use interchange_fixture::{problems, topic};
use keydeck_study::card::CardKind;
use keydeck_study::interchange::{import, ImportFormat, Imported, IMPORTED_SOURCE};

fn csv(text: &str) -> Imported {
    import(&ImportFormat::Csv, "cards.csv", text)
}

/// Each card as (front, back, tags).
fn rows(imported: &Imported) -> Vec<(String, String, Vec<String>)> {
    topic(imported)
        .cards
        .iter()
        .map(|c| (c.front.clone(), c.back.clone(), c.tags.clone()))
        .collect()
}

fn row(front: &str, back: &str, tags: &[&str]) -> (String, String, Vec<String>) {
    (
        front.to_owned(),
        back.to_owned(),
        tags.iter().map(|t| (*t).to_owned()).collect(),
    )
}

#[test]
fn without_a_header_the_columns_are_front_back_and_tags() {
    let imported = csv("\u{feff}What is KMS?,Key Management Service,kms seed\nWhat is ACM?,AWS Certificate Manager\n");
    assert_eq!(problems(&imported), Vec::<String>::new());
    assert_eq!(
        rows(&imported),
        [
            row("What is KMS?", "Key Management Service", &["kms", "seed"]),
            row("What is ACM?", "AWS Certificate Manager", &[]),
        ]
    );
    let card = &topic(&imported).cards[0];
    assert_eq!(
        (card.kind, card.source.as_str()),
        (CardKind::Basic, IMPORTED_SOURCE)
    );
}

#[test]
fn a_header_row_names_the_columns_in_any_order() {
    let imported = csv("Tags,Back,Front,Kind,Id\n\"kms, exam\",Alias,A friendly name for a key,term,kms-alias-term\n");
    assert_eq!(problems(&imported), Vec::<String>::new());
    let card = &topic(&imported).cards[0];
    assert_eq!(card.id, "kms-alias-term");
    assert_eq!(card.kind, CardKind::Term);
    assert_eq!(
        (card.front.as_str(), card.back.as_str()),
        ("A friendly name for a key", "Alias")
    );
    assert_eq!(card.tags, ["kms", "exam"]);
}

#[test]
fn quoted_fields_hold_commas_newlines_and_doubled_quotes() {
    let text = "front,back\n\"Name the key types, please\",\"- symmetric\n- asymmetric \"\"RSA\"\"\"\nnext,row\n";
    let imported = csv(text);
    assert_eq!(
        rows(&imported),
        [
            row(
                "Name the key types, please",
                "- symmetric\n- asymmetric \"RSA\"",
                &[]
            ),
            row("next", "row", &[]),
        ]
    );
}

#[test]
fn a_table_on_the_back_makes_a_table_card() {
    let imported = csv("Compare tiers,\"| Tier | Size |\n|---|---|\n| Standard | 4 KB |\"\n");
    let card = &topic(&imported).cards[0];
    assert_eq!(card.kind, CardKind::Table);
}

#[test]
fn a_heading_in_a_field_cannot_cut_the_card() {
    let imported = csv("\"# Big\n## card-two\",back\n");
    assert_eq!(problems(&imported), Vec::<String>::new());
    let topic = topic(&imported);
    assert_eq!(topic.cards.len(), 1);
    assert_eq!(topic.cards[0].front, "\\# Big\n\\## card-two");
}

#[test]
fn bad_rows_are_left_out_and_named_by_file_and_line() {
    let text = "front,back,tags,kind,id,colour\n\
                good,card,,,\n\
                only a front\n\
                ,no front\n\
                \n\
                \"multi\nline\",x,,bogus\n\
                cloze without braces,x,,cloze\n\
                dup,first,,,same-id\n\
                dup,second,,,same-id\n\
                ,,,,\n\
                NOT KEBAB,y,,,Not Kebab\n";
    let imported = csv(text);
    assert_eq!(
        problems(&imported),
        [
            "cards.csv:1: column \"colour\" is not read (expected front, back, tags, id, kind, source, note, seed or walkthrough)",
            "cards.csv:3: expected 2 fields, found 1",
            "cards.csv:4: the front is empty",
            "cards.csv:6: unknown kind \"bogus\" (expected basic, term, cloze or table)",
            "cards.csv:8: a cloze card needs exactly one {{hidden part}} on its front, found 0",
            "cards.csv:10: card id \"same-id\" is already used at line 9",
        ]
    );
    let topic = topic(&imported);
    let ids: Vec<&str> = topic.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids[1], "same-id");
    assert!(
        ids[2].starts_with("not-kebab-"),
        "an id that is not kebab-case is hashed: {ids:?}"
    );
    assert_eq!(topic.cards.len(), 3);
}

#[test]
fn extra_columns_without_a_header_are_reported_once() {
    let imported = csv("a,b,t,extra\nc,d,t,extra\n");
    assert_eq!(
        problems(&imported),
        ["cards.csv:1: expected at most 3 fields (front, back, tags), found 4; the others are not read"]
    );
    assert_eq!(imported.errors().count(), 0, "a warning leaves the row in");
}

#[test]
fn an_empty_file_has_nothing_to_save() {
    let imported = csv("front,back\n");
    assert_eq!(
        problems(&imported),
        ["cards.csv:1: no card could be imported from this file"]
    );
    assert!(!imported.has_cards());
}
