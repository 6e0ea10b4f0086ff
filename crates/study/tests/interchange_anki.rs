//! Importing Anki's "Notes in Plain Text" export: its header lines, its
//! quoting, its note types, and the errors a learner sees for bad rows.

mod interchange_fixture;

use interchange_fixture::{problems, topic};
use keydeck_study::card::{Card, CardKind};
use keydeck_study::interchange::{import, ImportFormat, Imported, IMPORTED_SOURCE};

fn anki(file: &str, text: &str) -> Imported {
    import(&ImportFormat::Anki, file, text)
}

/// Each card as (id, kind, front, back, tags).
fn cards(imported: &Imported) -> Vec<(String, CardKind, String, String, Vec<String>)> {
    topic(imported)
        .cards
        .iter()
        .map(|c: &Card| {
            (
                c.id.clone(),
                c.kind,
                c.front.clone(),
                c.back.clone(),
                c.tags.clone(),
            )
        })
        .collect()
}

fn tags(list: &[&str]) -> Vec<String> {
    list.iter().map(|t| (*t).to_owned()).collect()
}

/// What Anki 2.1.55+ writes for File > Export > Notes in Plain Text, with
/// every "Include" box ticked.
const ANKI_EXPORT: &str = "#separator:tab
#html:true
#guid column:1
#notetype column:2
#deck column:3
#tags column:6
f:Xz3#q\tBasic\tAWS::KMS\tWhat does <b>KMS</b> stand for?\tKey Management Service\tkms seed
Gu7|v>2kq\tBasic (and reversed card)\tAWS::KMS\tA user-friendly name for a KMS key\t<i>Alias</i>\tkms
o]6Lw@z,P\tCloze\tAWS::KMS\tAudit key use with {{c1::CloudTrail}}.\t\taudit
";

#[test]
fn an_anki_export_with_every_header_line_imports_its_notes() {
    let imported = anki("KMS export.txt", ANKI_EXPORT);
    assert_eq!(problems(&imported), Vec::<String>::new());
    assert_eq!(imported.file, "kms-export.md");
    assert_eq!(
        topic(&imported).title,
        "AWS::KMS",
        "the deck column names the deck"
    );
    assert_eq!(
        cards(&imported),
        [
            (
                "f-xz3-q-e6bb016c".to_owned(),
                CardKind::Basic,
                "What does **KMS** stand for?".to_owned(),
                "Key Management Service".to_owned(),
                tags(&["kms", "seed"]),
            ),
            (
                "gu7-v-2kq-78a13c97".to_owned(),
                CardKind::Term,
                "A user-friendly name for a KMS key".to_owned(),
                "*Alias*".to_owned(),
                tags(&["kms"]),
            ),
            (
                "o-6lw-z-p-d7b7736b".to_owned(),
                CardKind::Cloze,
                "Audit key use with {{CloudTrail}}.".to_owned(),
                "CloudTrail".to_owned(),
                tags(&["audit"]),
            ),
        ]
    );
    let card = &topic(&imported).cards[0];
    assert_eq!(card.source, IMPORTED_SOURCE);
    assert_eq!(card.topic, "kms-export");
}

#[test]
fn the_same_file_imported_again_gives_the_same_ids() {
    let first = anki("KMS export.txt", ANKI_EXPORT);
    let edited = ANKI_EXPORT.replace("What does <b>KMS</b> stand for?", "What does KMS mean?");
    let again = anki("KMS export.txt", &edited);
    let ids = |i: &Imported| {
        topic(i)
            .cards
            .iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&first),
        ids(&again),
        "a GUID keeps its id when the text changes"
    );
}

#[test]
fn quoted_fields_hold_tabs_newlines_and_doubled_quotes() {
    let text = "#separator:tab\n#html:false\n\
                \"Name two\tthings\"\t\"first line\nsecond line\n\"\"quoted\"\"\"\n\
                plain\tafter the multi-line field\n\
                lonely\n";
    let imported = anki("quoted.txt", text);
    assert_eq!(
        cards(&imported)
            .into_iter()
            .map(|(_, _, front, back, _)| (front, back))
            .collect::<Vec<_>>(),
        [
            (
                "Name two\tthings".to_owned(),
                "first line\\\nsecond line\\\n\"quoted\"".to_owned()
            ),
            ("plain".to_owned(), "after the multi-line field".to_owned()),
        ]
    );
    // The lines are the file's: the third note starts on line 7.
    assert_eq!(
        problems(&imported),
        ["quoted.txt:7: expected 2 fields, found 1"]
    );
}

#[test]
fn a_comma_separated_export_quotes_its_commas() {
    let text = "#separator:Comma\n#html:true\n\"Regions, accounts\",\"<div>one, two</div><div>three</div>\"\n";
    let imported = anki("commas.txt", text);
    assert_eq!(problems(&imported), Vec::<String>::new());
    let card = &topic(&imported).cards[0];
    assert_eq!(card.front, "Regions, accounts");
    assert_eq!(card.back, "one, two\n\nthree");
}

#[test]
fn every_separator_anki_names_is_read() {
    for (header, line) in [
        ("#separator:tab", "front\tback"),
        ("#separator:Semicolon", "front;back"),
        ("#separator:comma", "front,back"),
        ("#separator:Space", "front back"),
        ("#separator:PIPE", "front|back"),
        ("#separator:colon", "front:back"),
        ("#separator:|", "front|back"),
        ("#separator:;", "front;back"),
    ] {
        let imported = anki("sep.txt", &format!("{header}\n{line}\n"));
        let card = &topic(&imported).cards[0];
        assert_eq!(
            (card.front.as_str(), card.back.as_str()),
            ("front", "back"),
            "{header}"
        );
    }
}

#[test]
fn without_headers_the_separator_and_html_are_guessed() {
    let imported = anki("plain.txt", "a;b\n<b>c</b>;d\n");
    let fronts: Vec<String> = topic(&imported)
        .cards
        .iter()
        .map(|c| c.front.clone())
        .collect();
    assert_eq!(fronts, ["a", "**c**"]);
    let imported = anki("tabs.txt", "x, y\tz\n");
    assert_eq!(
        topic(&imported).cards[0].front,
        "x, y",
        "a tab wins over a comma"
    );
}

#[test]
fn header_lines_give_tags_deck_and_note_type_to_every_note() {
    let text = "tags:legacy\n#separator:tab\n#tags:kms exam\n#deck:My KMS\n#notetype:Basic (and reversed card)\n#columns:Front\tBack\n#if matches:update current\nfront\tback\n";
    let imported = anki("h.txt", text);
    assert_eq!(problems(&imported), Vec::<String>::new());
    let t = topic(&imported);
    assert_eq!(t.title, "My KMS");
    assert_eq!(t.cards[0].kind, CardKind::Term);
    assert_eq!(t.cards[0].tags, tags(&["kms", "exam"]));
    let imported = anki("legacy.txt", "tags:legacy old\nfront\tback\n");
    assert_eq!(topic(&imported).cards[0].tags, tags(&["legacy", "old"]));
}

#[test]
fn a_cloze_note_gives_a_card_per_cloze_number() {
    let text = "#separator:tab\n#html:true\n#notetype:Cloze\n\
                {{c1::KMS}} keys encrypt up to {{c2::4 KB::size}} directly.\tExtra <b>context</b>\n";
    let imported = anki("cloze.txt", text);
    assert_eq!(problems(&imported), Vec::<String>::new());
    let t = topic(&imported);
    let fronts: Vec<&str> = t.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        [
            "{{KMS}} keys encrypt up to 4 KB directly.",
            "KMS keys encrypt up to {{4 KB}} directly."
        ]
    );
    assert!(t.cards.iter().all(|c| c.back == "Extra **context**"));
    assert_ne!(t.cards[0].id, t.cards[1].id);
}

#[test]
fn an_optional_reverse_is_a_term_card_only_when_asked_for() {
    let text = "#separator:tab\n#notetype column:1\n\
                Basic (optional reversed card)\tone\tuno\ty\n\
                Basic (optional reversed card)\ttwo\tdos\t\n";
    let kinds: Vec<CardKind> = cards(&anki("opt.txt", text))
        .into_iter()
        .map(|c| c.1)
        .collect();
    assert_eq!(kinds, [CardKind::Term, CardKind::Basic]);
}

#[test]
fn bad_rows_are_left_out_and_named_by_file_and_line() {
    let text = "#separator:tab\n\
                #html:maybe\n\
                #separator:Banana\n\
                #tags column:zero\n\
                good\tcard\n\
                only a front\n\
                empty back\t\n\
                \tempty front\n\
                #a comment line, as Anki reads it\n\
                \n\
                after a comment and a blank line\n\
                Cloze without a deletion\tx\n\
                last\tgood card\n";
    let imported = anki("cards.txt", text);
    assert_eq!(
        problems(&imported),
        [
            "cards.txt:2: \"#html:\" must be true or false, found \"maybe\"",
            "cards.txt:3: unknown separator \"Banana\" (expected comma, semicolon, tab, space, pipe or colon)",
            "cards.txt:4: \"#tags column:\" must be a column number from 1, found \"zero\"",
            "cards.txt:6: expected 2 fields, found 1",
            "cards.txt:7: the back is empty",
            "cards.txt:8: the front is empty",
            "cards.txt:11: expected 2 fields, found 1",
        ]
    );
    assert_eq!(imported.errors().count(), 4);
    let fronts: Vec<String> = cards(&imported).into_iter().map(|c| c.2).collect();
    assert_eq!(fronts, ["good", "Cloze without a deletion", "last"]);
}

#[test]
fn a_cloze_note_without_a_deletion_gets_the_deck_parsers_message() {
    let text = "#separator:tab\n#notetype:Cloze\nNo deletion here\tx\n";
    let imported = anki("c.txt", text);
    assert_eq!(
        problems(&imported),
        [
            "c.txt:1: no card could be imported from this file",
            "c.txt:3: a cloze card needs exactly one {{hidden part}} on its front, found 0",
        ]
    );
    assert!(!imported.has_cards());
}

#[test]
fn a_note_type_with_more_fields_is_read_from_its_first_two() {
    let text = "#separator:tab\n#notetype:Vocabulary\nhola\thello\t/ˈo.la/\nadiós\tgoodbye\t\n";
    let imported = anki("vocab.txt", text);
    assert_eq!(
        problems(&imported),
        ["vocab.txt:3: notes of type \"Vocabulary\" have 3 fields; the first two are read as front and back"]
    );
    assert_eq!(topic(&imported).cards.len(), 2);
}

#[test]
fn notes_from_several_decks_become_one_deck_with_a_warning() {
    let text = "#separator:tab\n#deck column:1\nA\tq1\ta1\nA\tq2\ta2\nB\tq3\ta3\n";
    let imported = anki("decks.txt", text);
    assert_eq!(
        problems(&imported),
        ["decks.txt:5: this note is in the Anki deck \"B\", the notes before it in \"A\"; they all become one deck"]
    );
    assert_eq!(
        topic(&imported).title,
        "decks",
        "the file names a deck of several"
    );
}

#[test]
fn media_does_not_come_along() {
    let text = "#separator:tab\n#html:true\n\
                Which service?<br>[sound:q.mp3]\t<img src=\"kms.png\">\n\
                Say it [sound:kms.mp3]\tKMS <img src=\"kms.png\" alt=\"(logo)\">\n";
    let imported = anki("media.txt", text);
    assert_eq!(
        problems(&imported),
        ["media.txt:3: the back holds only images or sounds, which KeyDeck cannot show"]
    );
    let card = &topic(&imported).cards[0];
    assert_eq!(
        (card.front.as_str(), card.back.as_str()),
        ("Say it", "KMS (logo)")
    );
}
