//! Export, then import: every shipped card comes back with its id (so its
//! progress), its kind, its tags, its source, and the text a learner sees.

mod interchange_fixture;

use interchange_fixture::problems;
use keydeck_study::builtin;
use keydeck_study::card::Card;
use keydeck_study::deck::{parse_topic, Deck, Topic};
use keydeck_study::interchange::{export, import, ExportFormat, ImportFormat};
use keydeck_study::markdown::to_safe_html;

fn shipped() -> Deck {
    builtin::deck().expect("the shipped decks parse")
}

/// Every field of every card is the same, but the line it was read from,
/// which an export moves.
fn assert_same_cards(got: &Topic, want: &Topic) {
    let unplaced = |t: &Topic| -> Vec<Card> {
        t.cards
            .iter()
            .map(|c| Card {
                line: 0,
                ..c.clone()
            })
            .collect()
    };
    assert_eq!(unplaced(got), unplaced(want), "{}", want.id);
}

/// Reads `exported` back as `format` and checks it holds no problem.
fn reimport(topic: &Topic, format: &ImportFormat, exported: &str, extension: &str) -> Topic {
    let file = format!("{}.{extension}", topic.id);
    let imported = import(format, &file, exported);
    assert_eq!(problems(&imported), Vec::<String>::new(), "{}", topic.id);
    assert_eq!(imported.file, format!("{}.md", topic.id));
    let back = imported.topic.expect("cards were imported");
    assert_eq!(
        parse_topic(&imported.file, &imported.markdown).as_ref(),
        Ok(&back),
        "the preview is the saved text, parsed"
    );
    back
}

#[test]
fn the_markdown_export_parses_back_to_the_same_topic() {
    for topic in &shipped().topics {
        let markdown = export(topic, ExportFormat::Markdown);
        let back = parse_topic(&format!("{}.md", topic.id), &markdown)
            .unwrap_or_else(|e| panic!("{}: {e:?}", topic.id));
        assert_eq!(back.title, topic.title);
        assert_eq!(back.intro, topic.intro);
        assert_eq!(back.labs, topic.labs);
        assert_same_cards(&back, topic);
    }
}

#[test]
fn the_markdown_export_imports_back_as_written() {
    for topic in &shipped().topics {
        let markdown = export(topic, ExportFormat::Markdown);
        let back = reimport(topic, &ImportFormat::Markdown, &markdown, "md");
        assert_eq!(back.title, topic.title);
        assert_same_cards(&back, topic);
    }
}

#[test]
fn the_csv_export_imports_back_to_the_same_cards() {
    for topic in &shipped().topics {
        let csv = export(topic, ExportFormat::Csv);
        let back = reimport(topic, &ImportFormat::Csv, &csv, "csv");
        assert_same_cards(&back, topic);
    }
}

#[test]
fn the_anki_export_imports_back_to_the_same_cards() {
    for topic in &shipped().topics {
        let tsv = export(topic, ExportFormat::AnkiTsv);
        let back = reimport(topic, &ImportFormat::Anki, &tsv, "txt");
        assert_eq!(back.title, topic.title, "the deck column names the deck");
        assert_eq!(back.cards.len(), topic.cards.len(), "{}", topic.id);
        for (got, want) in back.cards.iter().zip(&topic.cards) {
            assert_eq!(got.id, want.id);
            assert_eq!(got.kind, want.kind, "{}", want.id);
            assert_eq!(got.tags, want.tags, "{}", want.id);
            assert_eq!(got.source, want.source, "{}", want.id);
            // The fields travel as HTML: what the learner sees is the same.
            assert_eq!(
                to_safe_html(&got.front),
                to_safe_html(&want.front),
                "{}",
                want.id
            );
            assert_eq!(
                to_safe_html(&got.back),
                to_safe_html(&want.back),
                "{}",
                want.id
            );
        }
    }
}

#[test]
fn a_round_trip_keeps_the_progress_of_an_imported_deck() {
    let deck = shipped();
    let topic = deck.topic("kms-basics").expect("a shipped topic");
    for format in ExportFormat::ALL {
        let (kind, extension) = match format {
            ExportFormat::Markdown => (ImportFormat::Markdown, "md"),
            ExportFormat::AnkiTsv => (ImportFormat::Anki, "txt"),
            ExportFormat::Csv => (ImportFormat::Csv, "csv"),
        };
        let first = reimport(topic, &kind, &export(topic, format), extension);
        let again = reimport(&first, &kind, &export(&first, format), extension);
        let ids = |t: &Topic| t.cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&again), ids(topic), "{format:?}");
        // The ids are the ones progress is stored under, reverses included.
        let merged = Deck::default()
            .with_imported([(
                format!("{}.md", first.id).as_str(),
                export(&first, ExportFormat::Markdown).as_str(),
            )])
            .expect("the re-imported deck loads");
        for card in topic.study_cards() {
            assert!(merged.card(&card.id).is_some(), "{format:?}: {}", card.id);
        }
    }
}

const SMALL_DECK: &str = "# KMS: the basics

## kms-acronym
kind: basic
tags: seed, kms
source: https://docs.aws.amazon.com/kms/latest/developerguide/overview.html

### Front
#1: what does **KMS** stand for?

### Back
Key Management Service

## kms-audit
kind: cloze
source: https://docs.aws.amazon.com/kms/latest/developerguide/logging-using-cloudtrail.html

### Front
Audit KMS key use with {{CloudTrail}}.

### Back
CloudTrail, \"every call\".

### Note
The seed said CMK.
";

#[test]
fn the_anki_export_is_what_anki_imports() {
    let topic = parse_topic("kms.md", SMALL_DECK).expect("the deck parses");
    assert_eq!(
        export(&topic, ExportFormat::AnkiTsv),
        "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n\
         kms-acronym\tBasic\tKMS: the basics\t\"<p>#1: what does <strong>KMS</strong> stand for?</p>\"\t\
         \"<p>Key Management Service</p>\n<p><a href=\"\"https://docs.aws.amazon.com/kms/latest/developerguide/overview.html\"\">AWS documentation</a></p>\"\t\
         seed kms\n\
         kms-audit\tCloze\tKMS: the basics\t<p>Audit KMS key use with {{c1::CloudTrail}}.</p>\t\
         \"<p>CloudTrail, \"\"every call\"\".</p>\n<p><a href=\"\"https://docs.aws.amazon.com/kms/latest/developerguide/logging-using-cloudtrail.html\"\">AWS documentation</a></p>\"\t\n"
    );
}

#[test]
fn the_csv_export_has_a_header_and_every_field() {
    let topic = parse_topic("kms.md", SMALL_DECK).expect("the deck parses");
    assert_eq!(
        export(&topic, ExportFormat::Csv),
        "front,back,tags,id,kind,source,note,seed,walkthrough\r\n\
         #1: what does **KMS** stand for?,Key Management Service,\"seed, kms\",kms-acronym,basic,https://docs.aws.amazon.com/kms/latest/developerguide/overview.html,,,\r\n\
         Audit KMS key use with {{CloudTrail}}.,\"CloudTrail, \"\"every call\"\".\",,kms-audit,cloze,https://docs.aws.amazon.com/kms/latest/developerguide/logging-using-cloudtrail.html,The seed said CMK.,,\r\n"
    );
}
