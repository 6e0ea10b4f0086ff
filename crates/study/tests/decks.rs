//! The shipped decks: every file parses, and the seed deck survives intact.

use keydeck_study::builtin::{self, DECK_FILES};
use keydeck_study::card::CardKind;
use keydeck_study::deck::Deck;

fn deck() -> Deck {
    builtin::deck().unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the shipped decks do not parse:\n{}", list.join("\n"))
    })
}

#[test]
fn every_deck_file_parses() {
    let deck = deck();
    assert_eq!(deck.topics.len(), DECK_FILES.len());
    assert!(
        deck.written_cards().count() >= 35 + 60,
        "the deck holds the seed plus at least 60 more cards"
    );
}

#[test]
fn the_shipped_list_is_exactly_the_decks_folder() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/decks");
    let mut on_disk: Vec<String> = std::fs::read_dir(folder)
        .expect("content/decks exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    let mut shipped: Vec<String> = DECK_FILES.iter().map(|(n, _)| (*n).to_owned()).collect();
    on_disk.sort();
    shipped.sort();
    assert_eq!(shipped, on_disk);
}

/// The seed export's 35 cards: position, and the answer as the seed gives it
/// (with the export's typos fixed).
const SEED_ANSWERS: [(u8, &str); 35] = [
    (1, "SSL certificates"),
    (2, "Key Management Service"),
    (3, "KMS (Key Management Service)"),
    (4, "CloudTrail"),
    (5, "API calls (SDK, CLI)"),
    (6, "code / environment variables"),
    (7, "Symmetric (AES-256 keys)"),
    (8, "Asymmetric (RSA & ECC key pairs)"),
    (9, "Types of KMS Keys"),
    (10, "Automatic Key rotation"),
    (11, "Default KMS Key Policy"),
    (12, "Custom KMS Key Policy"),
    (13, "Create a Snapshot, encrypted with your own KMS Key"),
    (14, "KMS Multi-Region Keys"),
    (15, "KMS Multi-Region Keys"),
    (16, "KMS Multi-Region Keys"),
    (17, "KMS Multi-Region Keys"),
    (18, "Amazon DynamoDB Encryption Client"),
    (
        19,
        "DynamoDB Global Tables and KMS Multi-Region Keys Client-Side encryption",
    ),
    (
        20,
        "Global Aurora and KMS Multi-Region Keys Client-Side encryption",
    ),
    (21, "S3 Replication Encryption Considerations"),
    (22, "AMI Sharing Process Encrypted via KMS"),
    (23, "SSM Parameter Store"),
    (24, "Advanced"),
    (25, "Standard - 10,000"),
    (26, "Advanced - 8KB"),
    (27, "Advanced - Yes"),
    (28, "Standard - No additional charge"),
    (29, "$0.05 per advanced parameter per month"),
    (30, "Parameter Policies (for advanced parameters)"),
    (31, "AWS Secrets Manager"),
    (32, "AWS Secrets Manager – Multi-Region Secrets"),
    (33, "AWS Secrets Manager – Multi-Region Secrets"),
    (34, "AWS Certificate Manager (ACM)"),
    (35, "AWS Certificate Manager (ACM)"),
];

/// Seed cards 15 to 17 had the same answer as card 14 ("KMS Multi-Region
/// Keys"), so their reverses asked one prompt four times; they now live in
/// card 14. Each entry: the seed card, the card it was merged into, and the
/// wording of its front that the merged card keeps.
const MERGED_SEEDS: [(u8, u8, &str); 3] = [
    (15, 14, "Encrypt in one Region and decrypt in other Regions"),
    (16, 14, "They are NOT global (Primary + Replicas)"),
    (
        17,
        14,
        "global client-side encryption, encryption on Global DynamoDB, Global Aurora",
    ),
];

#[test]
fn all_35_seed_cards_are_in_the_deck_with_their_answers_intact() {
    let deck = deck();
    for (seed, answer) in SEED_ANSWERS {
        let merged = MERGED_SEEDS.iter().find(|(from, _, _)| *from == seed);
        let home = merged.map_or(seed, |(_, into, _)| *into);
        let cards: Vec<_> = deck
            .written_cards()
            .filter(|c| c.seed_position == Some(home))
            .collect();
        assert_eq!(cards.len(), 1, "seed card {seed} appears once");
        let card = cards[0];
        assert!(
            card.tags.iter().any(|t| t == "seed"),
            "seed card {seed} ({}) is tagged seed",
            card.id
        );
        let revealed = card.answer();
        assert!(
            squash(&revealed).contains(&squash(answer)),
            "seed card {seed} ({}) keeps its answer {answer:?}; it reveals:\n{revealed}",
            card.id
        );
        if let Some((_, _, wording)) = merged {
            assert!(
                squash(&card.front).contains(&squash(wording)),
                "seed card {seed}, merged into {}, keeps {wording:?} on its front",
                card.id
            );
        }
    }
    assert_eq!(
        deck.written_cards().filter(|c| c.from_seed_deck()).count(),
        35 - MERGED_SEEDS.len()
    );
}

#[test]
fn the_merged_multi_region_card_asks_its_reverse_once() {
    let deck = deck();
    let prompts: Vec<String> = deck
        .study_cards()
        .filter(|c| c.id.ends_with("~reverse"))
        .map(|c| c.prompt())
        .filter(|p| p.trim() == "KMS Multi-Region Keys")
        .collect();
    assert_eq!(prompts.len(), 1, "{prompts:?}");
}

#[test]
fn seed_blanks_are_cloze_cards_and_comparisons_are_tables() {
    let deck = deck();
    let kind_of = |seed: u8| {
        deck.written_cards()
            .find(|c| c.seed_position == Some(seed))
            .map(|c| c.kind)
    };
    for seed in [4, 5, 6, 18] {
        assert_eq!(kind_of(seed), Some(CardKind::Cloze), "seed {seed}");
    }
    for seed in 25..=29 {
        assert_eq!(kind_of(seed), Some(CardKind::Table), "seed {seed}");
    }
    assert_eq!(kind_of(2), Some(CardKind::Basic));
    assert_eq!(kind_of(11), Some(CardKind::Term));
}

#[test]
fn the_seed_typos_are_fixed() {
    for card in deck().written_cards() {
        for typo in [
            "encr ypted",
            "CloudFormatio ",
            "Multi- Region",
            "low- latency",
            "ReEncrypted",
            "used to encrypted",
        ] {
            let text = format!(
                "{} {} {}",
                card.front,
                card.back,
                card.note.clone().unwrap_or_default()
            );
            assert!(!text.contains(typo), "{} still has {typo:?}", card.id);
        }
    }
}

#[test]
fn outdated_seed_facts_carry_a_note() {
    let deck = deck();
    let rotation = deck
        .card("kms-automatic-key-rotation")
        .expect("the rotation seed card");
    let note = rotation.note.expect("the rotation card says what changed");
    assert!(note.contains("90") && note.contains("2560"), "{note}");
    assert!(note.contains("RotateKeyOnDemand"), "{note}");
    let symmetric = deck
        .written_cards()
        .find(|c| c.seed_position == Some(7))
        .unwrap();
    assert!(
        symmetric.note.as_deref().unwrap_or("").contains("KMS key"),
        "CMK is now KMS key"
    );
}

#[test]
fn term_cards_also_ask_in_reverse() {
    let deck = deck();
    let reverse = deck
        .card("kms-default-key-policy~reverse")
        .expect("the reverse card");
    assert_eq!(reverse.prompt(), "Default KMS Key Policy");
    assert!(reverse
        .answer()
        .contains("Complete access to the key to the root user"));
    let terms = deck
        .written_cards()
        .filter(|c| c.kind == CardKind::Term)
        .count();
    assert_eq!(
        deck.study_cards().count(),
        deck.written_cards().count() + terms
    );
}

/// Markdown list markers, table pipes and spacing do not change an answer.
fn squash(text: &str) -> String {
    text.replace(['|', '*'], " ")
        .replace(" KB", "KB")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_topic_is_named_by_its_title_and_an_unknown_one_by_its_id() {
    let deck = deck();
    assert_eq!(
        deck.topic_title("rotation"),
        deck.topic("rotation").unwrap().title
    );
    assert_ne!(deck.topic_title("rotation"), "rotation");
    assert_eq!(deck.topic_title("deleted-deck"), "deleted-deck");
}

#[test]
fn each_card_says_what_its_front_asks_for() {
    use keydeck_study::card::{CardKind, Direction};
    let deck = deck();
    let cards: Vec<_> = deck.study_cards().collect();
    let label_of = |kind: CardKind, direction: Direction| {
        cards
            .iter()
            .find(|c| c.kind == kind && c.direction == direction)
            .map(|c| c.prompt_label())
    };
    assert_eq!(
        label_of(CardKind::Basic, Direction::Forward),
        Some("Question")
    );
    assert_eq!(
        label_of(CardKind::Term, Direction::Forward),
        Some("Name the term")
    );
    assert_eq!(
        label_of(CardKind::Term, Direction::Reverse),
        Some("Describe the term")
    );
    assert_eq!(
        label_of(CardKind::Cloze, Direction::Forward),
        Some("Fill the blank")
    );
    assert_eq!(
        label_of(CardKind::Table, Direction::Forward),
        Some("Compare")
    );
}

#[test]
fn each_export_format_has_its_name_on_the_buttons() {
    use keydeck_study::interchange::ExportFormat;
    let titles: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.title()).collect();
    assert_eq!(titles, ["KeyDeck Markdown", "Anki", "CSV"]);
}
