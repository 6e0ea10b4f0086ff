//! What the interchange tests read of an import. Each test file uses some.
#![allow(dead_code)]

use keydeck_study::deck::Topic;
use keydeck_study::interchange::Imported;

/// Every problem as the learner sees it: `file:line: message`.
pub fn problems(imported: &Imported) -> Vec<String> {
    imported.problems.iter().map(ToString::to_string).collect()
}

/// The imported deck, which must have cards.
pub fn topic(imported: &Imported) -> &Topic {
    imported.topic.as_ref().expect("cards were imported")
}
