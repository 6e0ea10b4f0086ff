//! The decks and questions that ship with KeyDeck, compiled into the binary
//! from `content/decks/` and `content/questions/`. Tests keep these lists
//! equal to those folders.

use crate::deck::{Deck, DeckError};
use crate::quiz::{parse_questions, Question};

macro_rules! decks {
    ($($name:literal),* $(,)?) => {
        /// `(file name, Markdown)` for every shipped deck, in study order.
        pub const DECK_FILES: &[(&str, &str)] = &[
            $(($name, include_str!(concat!("../../../content/decks/", $name)))),*
        ];
    };
}

decks!(
    "kms-basics.md",
    "key-types.md",
    "envelope-encryption.md",
    "key-policies.md",
    "rotation.md",
    "key-lifecycle.md",
    "multi-region-keys.md",
    "quotas.md",
    "snapshot-copy.md",
    "s3-encryption.md",
    "ami-sharing.md",
    "client-side-encryption.md",
    "encryption-sdk.md",
    "parameter-store.md",
    "secrets-manager.md",
    "acm.md",
);

/// Parses the shipped decks. They are validated by tests and by
/// `cargo xtask deck`, so an error here is a build defect.
pub fn deck() -> Result<Deck, Vec<DeckError>> {
    Deck::parse(DECK_FILES.iter().copied())
}

macro_rules! questions {
    ($($name:literal),* $(,)?) => {
        /// `(file name, Markdown)` for every shipped question file, in study order.
        pub const QUESTION_FILES: &[(&str, &str)] = &[
            $(($name, include_str!(concat!("../../../content/questions/", $name)))),*
        ];
    };
}

questions!(
    "kms-basics.md",
    "key-types.md",
    "envelope-encryption.md",
    "key-policies.md",
    "rotation.md",
    "key-lifecycle.md",
    "multi-region-keys.md",
    "quotas.md",
    "snapshot-copy.md",
    "s3-encryption.md",
    "ami-sharing.md",
    "client-side-encryption.md",
    "encryption-sdk.md",
    "parameter-store.md",
    "secrets-manager.md",
    "acm.md",
);

/// Parses the shipped questions against `deck` (the shipped deck). Like
/// [`deck`], an error here is a build defect.
pub fn questions(deck: &Deck) -> Result<Vec<Question>, Vec<DeckError>> {
    parse_questions(QUESTION_FILES.iter().copied(), deck)
}
