//! The one module that touches `localStorage`. Every key KeyDeck stores is
//! declared here, and nothing else in the app reads or writes storage.

use gloo_storage::{LocalStorage, Storage};
use keydeck_study::progress::{Progress, ProgressError};
use serde::{de::DeserializeOwned, Serialize};

/// Every localStorage key KeyDeck uses. `index.html` reads [`THEME`] before
/// the wasm loads, to paint the right theme on the first frame.
pub mod keys {
    /// The learner's explicit theme choice, `"light"` or `"dark"`; absent
    /// means "follow the system".
    pub const THEME: &str = "keydeck.theme";
    /// Card memories, the review log and settings: `Progress` as JSON.
    pub const PROGRESS: &str = "keydeck.progress";
    /// Progress text that could not be read, kept rather than overwritten.
    pub const PROGRESS_BACKUP: &str = "keydeck.progress.unreadable";
    /// Decks the learner imported: `[{"file": "...", "text": "..."}]`.
    pub const IMPORTED_DECKS: &str = "keydeck.decks.imported";
}

/// A deck file the learner imported, kept as written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportedDeck {
    pub file: String,
    pub text: String,
}

pub fn load_imported_decks() -> Vec<ImportedDeck> {
    load(keys::IMPORTED_DECKS).unwrap_or_default()
}

pub fn save_imported_decks(decks: &[ImportedDeck]) -> Result<(), SaveError> {
    save(keys::IMPORTED_DECKS, &decks).map_err(|_| {
        SaveError(
            "Your browser's storage for KeyDeck is full or turned off, so the deck was not kept."
                .to_owned(),
        )
    })
}

/// Why a value could not be saved, in words a learner understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError(pub String);

pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    LocalStorage::get(key).ok()
}

pub fn save<T: Serialize>(key: &str, value: &T) -> Result<(), SaveError> {
    LocalStorage::set(key, value)
        .map_err(|e| SaveError(format!("Your browser refused to save: {e}")))
}

/// Progress as stored, and what went wrong reading it, if anything.
pub struct LoadedProgress {
    pub progress: Progress,
    pub problem: Option<String>,
}

/// Reads the learner's progress. Unreadable text is kept under
/// [`keys::PROGRESS_BACKUP`] (never over an earlier backup) before starting fresh.
pub fn load_progress() -> LoadedProgress {
    let raw = LocalStorage::raw().get_item(keys::PROGRESS).ok().flatten();
    let Some(text) = raw else {
        return LoadedProgress {
            progress: Progress::default(),
            problem: None,
        };
    };
    match Progress::from_json(&text) {
        Ok(progress) => LoadedProgress {
            progress,
            problem: None,
        },
        Err(e) => {
            let store = LocalStorage::raw();
            let kept = match store.get_item(keys::PROGRESS_BACKUP).ok().flatten() {
                Some(_) => true,
                None => store.set_item(keys::PROGRESS_BACKUP, &text).is_ok(),
            };
            let problem = match (&e, kept) {
                (ProgressError::NewerSchema(_), _) => e.to_string(),
                (_, true) => format!("Your saved progress could not be read, so KeyDeck started afresh. The old data is kept in this browser ({e})."),
                (_, false) => format!("Your saved progress could not be read, and there was no room to keep a copy ({e})."),
            };
            LoadedProgress {
                progress: Progress::default(),
                problem: Some(problem),
            }
        }
    }
}

/// Writes the whole of `progress` in one `setItem`, so a failure leaves the
/// previous copy intact.
pub fn save_progress(progress: &Progress) -> Result<(), SaveError> {
    LocalStorage::raw().set_item(keys::PROGRESS, &progress.to_json()).map_err(|_| {
        SaveError("Your browser's storage for KeyDeck is full or turned off, so this review was not saved.".to_owned())
    })
}
