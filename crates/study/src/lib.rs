//! KeyDeck's study domain: decks, cards, scheduling, quizzes and progress.
//!
//! Pure Rust with no web dependencies, so every rule here is tested natively.

pub mod day;
