//! The decks that ship with KeyDeck, compiled into the binary from
//! `content/decks/`. A test keeps this list equal to that folder.

use crate::deck::{Deck, DeckError};

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
