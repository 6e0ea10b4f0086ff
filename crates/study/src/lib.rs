//! KeyDeck's study domain: decks, cards, scheduling, quizzes and progress.
//!
//! Pure Rust with no web dependencies, so every rule here is tested natively.

pub mod builtin;
pub mod bundle;
pub mod card;
pub mod content_file;
pub mod day;
pub mod deck;
pub mod fnv;
pub mod html;
pub mod interchange;
pub mod markdown;
pub mod nav;
pub mod plan;
pub mod progress;
pub mod queue;
pub mod quiz;
pub mod review;
mod rng;
pub mod schedule;
pub mod stats;
pub mod walkthrough;
pub mod wording;
