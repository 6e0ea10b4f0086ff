//! The decks and questions that ship with KeyDeck, compiled into the binary
//! from `content/decks/` and `content/questions/`. Tests keep these lists
//! equal to those folders.

use crate::deck::{Deck, DeckError};
use crate::quiz::{parse_questions, Question};

/// Every topic has a deck file and a question file of the same name.
macro_rules! shipped {
    ($($topic:literal),* $(,)?) => {
        // Statics, not consts: a const is copied into each place that uses
        // it, and these are most of the app's data.
        /// `(file name, Markdown)` for every shipped deck, in study order.
        pub static DECK_FILES: &[(&str, &str)] = &[
            $((concat!($topic, ".md"), include_str!(concat!("../../../content/decks/", $topic, ".md")))),*
        ];
        /// `(file name, Markdown)` for every shipped question file, in study order.
        pub static QUESTION_FILES: &[(&str, &str)] = &[
            $((concat!($topic, ".md"), include_str!(concat!("../../../content/questions/", $topic, ".md")))),*
        ];
    };
}

shipped!(
    "kms-basics",
    "key-types",
    "envelope-encryption",
    "key-policies",
    "rotation",
    "key-lifecycle",
    "multi-region-keys",
    "quotas",
    "snapshot-copy",
    "s3-encryption",
    "ami-sharing",
    "client-side-encryption",
    "encryption-sdk",
    "parameter-store",
    "secrets-manager",
    "acm",
);

/// Parses the shipped decks. They are validated by tests and by
/// `cargo xtask deck`, so an error here is a build defect.
pub fn deck() -> Result<Deck, Vec<DeckError>> {
    Deck::parse(DECK_FILES.iter().copied())
}

/// Parses the shipped questions against `deck` (the shipped deck). Like
/// [`deck`], an error here is a build defect.
pub fn questions(deck: &Deck) -> Result<Vec<Question>, Vec<DeckError>> {
    parse_questions(QUESTION_FILES.iter().copied(), deck)
}
