//! Ids: their kebab-case form, and ids that must be unique across files.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

/// Lowercase ASCII letters and digits, joined by single hyphens.
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The ids met so far, each with where it was first met (a file and line,
/// a file, or nothing): reading several files through one `FirstSeen`
/// finds an id used twice across them.
#[derive(Debug)]
pub struct FirstSeen<P> {
    places: HashMap<String, P>,
}

impl<P> Default for FirstSeen<P> {
    fn default() -> Self {
        FirstSeen {
            places: HashMap::new(),
        }
    }
}

impl<P> FirstSeen<P> {
    pub fn new() -> FirstSeen<P> {
        FirstSeen::default()
    }

    /// Notes `id` met at `place`. When it was met before, the first place
    /// stays and is returned.
    pub fn note(&mut self, id: &str, place: P) -> Option<&P> {
        match self.places.entry(id.to_owned()) {
            Entry::Occupied(first) => Some(first.into_mut()),
            Entry::Vacant(slot) => {
                slot.insert(place);
                None
            }
        }
    }
}
