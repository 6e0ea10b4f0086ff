//! The one module that touches `localStorage`. Every key KeyDeck stores is
//! declared here, and nothing else in the app reads or writes storage.
//!
//! When the browser refuses storage (disabled, or a private mode that throws),
//! KeyDeck keeps everything in memory for the visit and says so.

use std::cell::RefCell;

use gloo_storage::{LocalStorage, Storage};
use keydeck_lab_protocol::{LabProgress, LabState};
use keydeck_study::progress::{Progress, ProgressError};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// Every localStorage key KeyDeck uses. `index.html` reads [`THEME`] before
/// the wasm loads, to paint the right theme on the first frame.
pub mod keys {
    /// The learner's explicit theme choice, `"light"` or `"dark"`; absent
    /// means "follow the system".
    pub const THEME: &str = "keydeck.theme";
    /// Card memories, the review log and settings: `Progress` as JSON.
    pub const PROGRESS: &str = "keydeck.progress";
    /// Prefix of copies of progress text that could not be read, one key per
    /// occurrence (`keydeck.progress.unreadable.<unix millis>`), never overwritten.
    pub const PROGRESS_BACKUP_PREFIX: &str = "keydeck.progress.unreadable.";
    /// Decks the learner imported: `[{"file": "...", "text": "..."}]`.
    pub const IMPORTED_DECKS: &str = "keydeck.decks.imported";
    /// The quiz or exam in progress: `{"mode", "checked", "exam"}`.
    pub const QUIZ_IN_PROGRESS: &str = "keydeck.quiz.current";
    /// Finished quizzes and exams, oldest first: `[QuizRecord]`.
    pub const QUIZ_HISTORY: &str = "keydeck.quiz.history";
    /// Walkthroughs watched to their last step: `{id: first time}`.
    pub const WALKTHROUGHS_COMPLETED: &str = "keydeck.walkthroughs.completed";
    /// Prefix of each lab's state (`keydeck.lab.<id>`): `LabState`, the
    /// simulator's seed and the log that rebuilds it, at most 1 MB.
    pub const LAB_STATE_PREFIX: &str = "keydeck.lab.";
    /// Tasks done in each lab: `LabProgress`.
    pub const LAB_PROGRESS: &str = "keydeck.labs.progress";
}

/// A lab's saved state, if there is a readable one.
pub fn load_lab_state(lab: &str) -> Option<LabState> {
    load(&format!("{}{lab}", keys::LAB_STATE_PREFIX))
}

/// Stores a lab's state, already serialized (and bounded) by `LabState`.
pub fn save_lab_state_json(lab: &str, json: &str) -> Result<(), SaveError> {
    set_raw(&format!("{}{lab}", keys::LAB_STATE_PREFIX), json)
}

pub fn lab_progress() -> LabProgress {
    load(keys::LAB_PROGRESS).unwrap_or_default()
}

/// Folds the tasks now done into the stored lab progress.
pub fn record_lab_tasks(
    lab: &str,
    done: &[String],
    tasks: usize,
) -> Result<LabProgress, SaveError> {
    let mut progress = lab_progress();
    if progress.record(lab, done, tasks, js_sys::Date::now() as i64) {
        save(keys::LAB_PROGRESS, &progress)?;
    }
    Ok(progress)
}

/// Why a value could not be saved, in words a learner understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError(pub String);

/// Where KeyDeck's data lives during this visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Local,
    /// Storage is unavailable: data lasts until the tab closes.
    Memory,
}

thread_local! {
    static BACKEND: Backend = detect();
    /// Each key and its value, when storage is unavailable: a handful of
    /// keys, so a list (a map's code would cost every page's first load).
    static MEMORY: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    /// The progress text this tab last read into its progress or wrote
    /// (`Some(None)`: known to be absent); `None` until it is known. While
    /// the stored text is still this, no other tab has saved since.
    static SEEN: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

fn seen(text: Option<String>) {
    SEEN.with(|s| *s.borrow_mut() = Some(text));
}

/// Storage counts as available only if a write and a removal both succeed.
fn detect() -> Backend {
    let usable = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some_and(|s| {
            s.set_item("keydeck.probe", "1").is_ok() && s.remove_item("keydeck.probe").is_ok()
        });
    if usable {
        Backend::Local
    } else {
        Backend::Memory
    }
}

pub fn backend() -> Backend {
    BACKEND.with(Clone::clone)
}

fn get_raw(key: &str) -> Option<String> {
    match backend() {
        Backend::Local => LocalStorage::raw().get_item(key).ok().flatten(),
        Backend::Memory => MEMORY.with(|m| {
            m.borrow()
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        }),
    }
}

/// One `setItem`: it either stores the whole value or nothing.
fn set_raw(key: &str, value: &str) -> Result<(), SaveError> {
    match backend() {
        Backend::Local => LocalStorage::raw().set_item(key, value).map_err(|_| {
            SaveError(
                "Your browser's storage for KeyDeck is full, so the latest change was not saved. \
                 Export your progress, then free some space."
                    .to_owned(),
            )
        }),
        Backend::Memory => {
            MEMORY.with(|m| {
                let mut m = m.borrow_mut();
                match m.iter_mut().find(|(k, _)| k == key) {
                    Some((_, v)) => value.clone_into(v),
                    None => m.push((key.to_owned(), value.to_owned())),
                }
            });
            Ok(())
        }
    }
}

fn remove_raw(key: &str) {
    match backend() {
        Backend::Local => LocalStorage::delete(key),
        Backend::Memory => MEMORY.with(|m| m.borrow_mut().retain(|(k, _)| k != key)),
    }
}

/// A key's text as stored, for a value that is not read as JSON here.
pub fn load_text(key: &str) -> Option<String> {
    get_raw(key)
}

pub fn save_text(key: &str, text: &str) -> Result<(), SaveError> {
    set_raw(key, text)
}

pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    get_raw(key).and_then(|text| serde_json::from_str(&text).ok())
}

pub fn save<T: Serialize>(key: &str, value: &T) -> Result<(), SaveError> {
    let text = serde_json::to_string(value).map_err(|e| SaveError(e.to_string()))?;
    set_raw(key, &text)
}

/// Progress as stored, and what went wrong reading it, if anything.
pub struct LoadedProgress {
    pub progress: Progress,
    pub problem: Option<String>,
}

/// Reads stored progress text of any schema: `Progress::from_json`, handed
/// over by whoever has it.
pub type ProgressReader = fn(&str) -> Result<Progress, ProgressError>;

/// The stored progress text, if there is any.
pub fn progress_text() -> Option<String> {
    let text = get_raw(keys::PROGRESS);
    if text.is_none() {
        seen(None);
    }
    text
}

/// Reads the learner's progress from its stored `text` with `read` (which
/// migrates older schemas). Unreadable text is copied to a new backup key
/// before KeyDeck starts afresh, so nothing is ever discarded.
pub fn load_progress(text: String, read: ProgressReader) -> LoadedProgress {
    match read(&text) {
        Ok(progress) => {
            seen(Some(text));
            LoadedProgress {
                progress,
                problem: None,
            }
        }
        Err(e @ ProgressError::NewerSchema(_)) => {
            // Keep the newer file untouched: an update will read it.
            LoadedProgress {
                progress: Progress::default(),
                problem: Some(e.to_string()),
            }
        }
        Err(e) => {
            let key = format!(
                "{}{}",
                keys::PROGRESS_BACKUP_PREFIX,
                js_sys::Date::now() as i64
            );
            let problem = match set_raw(&key, &text) {
                Ok(()) => {
                    remove_raw(keys::PROGRESS);
                    seen(None);
                    format!(
                        "Your saved progress could not be read, so KeyDeck started afresh. \
                         The damaged data is kept in this browser and can be downloaded ({e})."
                    )
                }
                Err(_) => format!(
                    "Your saved progress could not be read and there is no room to keep a copy, \
                     so it is left as it was ({e})."
                ),
            };
            LoadedProgress {
                progress: Progress::default(),
                problem: Some(problem),
            }
        }
    }
}

/// The progress currently stored, if `read` can read it.
pub fn stored_progress(read: ProgressReader) -> Option<Progress> {
    get_raw(keys::PROGRESS).and_then(|t| read(&t).ok())
}

/// Saves progress after folding in whatever another tab saved meanwhile,
/// and returns the merged progress. What is stored needs reading only if
/// it changed since this tab last read or wrote it; then it is read with
/// `read`, and without one nothing is written (`Ok(None)`): call again
/// with it. A failed write leaves the stored copy intact.
pub fn save_progress(
    progress: &Progress,
    read: Option<ProgressReader>,
) -> Result<Option<Progress>, SaveError> {
    let stored = get_raw(keys::PROGRESS);
    let mut merged = progress.clone();
    if SEEN.with(|s| s.borrow().as_ref() != Some(&stored)) {
        let Some(read) = read else {
            return Ok(None);
        };
        if let Some(theirs) = stored.and_then(|t| read(&t).ok()) {
            merged.merge(&theirs);
        }
    }
    let text = merged.to_json();
    set_raw(keys::PROGRESS, &text)?;
    seen(Some(text));
    Ok(Some(merged))
}

/// Replaces stored progress outright (import with "replace", or reset).
pub fn replace_progress(progress: &Progress) -> Result<(), SaveError> {
    let text = progress.to_json();
    set_raw(keys::PROGRESS, &text)?;
    seen(Some(text));
    Ok(())
}

/// Damaged copies kept by [`load_progress`], oldest first: (key, text).
pub fn backups() -> Vec<(String, String)> {
    let Backend::Local = backend() else {
        let mut found: Vec<(String, String)> = MEMORY.with(|m| {
            m.borrow()
                .iter()
                .filter(|(k, _)| k.starts_with(keys::PROGRESS_BACKUP_PREFIX))
                .cloned()
                .collect()
        });
        found.sort();
        return found;
    };
    let store = LocalStorage::raw();
    let count = store.length().unwrap_or(0);
    let mut found: Vec<(String, String)> = (0..count)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(keys::PROGRESS_BACKUP_PREFIX))
        .filter_map(|k| get_raw(&k).map(|v| (k, v)))
        .collect();
    found.sort();
    found
}

/// Asks the browser to exempt KeyDeck's storage from eviction (WebKit clears
/// script-written storage after seven days without a visit otherwise).
pub fn request_persistence() {
    if let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) {
        let _ = manager.persist();
    }
}

/// A deck file the learner imported, kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedDeck {
    pub file: String,
    pub text: String,
}

/// The imported decks' stored text, if there are any: read by the
/// `deck_parser` chunk with [`read_imported_decks`], so that a learner
/// without imported decks loads no reader for them.
pub fn imported_decks_text() -> Option<String> {
    get_raw(keys::IMPORTED_DECKS)
}

pub fn read_imported_decks(text: &str) -> Vec<ImportedDeck> {
    serde_json::from_str(text).unwrap_or_default()
}

pub fn save_imported_decks(decks: &[ImportedDeck]) -> Result<(), SaveError> {
    save(keys::IMPORTED_DECKS, &decks)
}

/// Calls `on_change` with the new progress text whenever another tab saves it.
pub fn watch_progress(on_change: impl Fn(String) + 'static) {
    let handle = leptos::prelude::window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(keys::PROGRESS) {
            if let Some(text) = ev.new_value() {
                on_change(text);
            }
        }
    });
    // The store lives as long as the app.
    std::mem::forget(handle);
}

pub fn remove(key: &str) {
    remove_raw(key);
}
