//! The messages between KeyDeck's page and its labs worker.
//!
//! The page never links the simulator: it sends a [`Request`] as JSON text
//! with `postMessage`, and the worker answers with a [`Reply`] carrying the
//! same `id`. This crate holds only the shapes of those messages, so that
//! both sides agree on them at compile time.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What changed a lab's state, in order. Replaying the entries on a
/// simulator with the same seed gives back the same state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Entry {
    /// A command line typed into the terminal.
    Line { line: String },
    /// An action taken in the console: an API call as a profile.
    Console {
        profile: String,
        region: String,
        service: String,
        operation: String,
        request: Value,
    },
}

/// What one command line printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    /// The exit status of the last command of the pipeline.
    pub status: i32,
    /// `clear` was run: the terminal empties its scrollback.
    pub clear: bool,
}
