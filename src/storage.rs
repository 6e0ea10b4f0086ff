//! The one module that touches `localStorage`. Every key KeyDeck stores is
//! declared here, and nothing else in the app reads or writes storage.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

/// Every localStorage key KeyDeck uses. `index.html` reads [`THEME`] before
/// the wasm loads, to paint the right theme on the first frame.
pub mod keys {
    /// The learner's explicit theme choice, `"light"` or `"dark"`; absent
    /// means "follow the system".
    pub const THEME: &str = "keydeck.theme";
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
