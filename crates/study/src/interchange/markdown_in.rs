//! KeyDeck's own deck files, imported as written. The deck parser reads the
//! whole file, as it reads the shipped decks, and any error refuses the
//! deck: a deck file is the learner's own text, to be fixed where it is.

use super::{ids, Imported, Problem, Severity};
use crate::deck::parse_topic;

pub(super) fn import(file_name: &str, text: &str) -> Imported {
    let file = format!("{}.md", ids::topic_id(file_name));
    let problem = |line: usize, message: String| Problem {
        file: file_name.to_owned(),
        line,
        severity: Severity::Error,
        message,
    };
    let (topic, problems) = match parse_topic(&file, text) {
        Ok(topic) if topic.cards.is_empty() => {
            (None, vec![problem(1, "the deck has no cards".to_owned())])
        }
        Ok(topic) => (Some(topic), Vec::new()),
        Err(errors) => (
            None,
            errors
                .into_iter()
                .map(|e| problem(e.line, e.message))
                .collect(),
        ),
    };
    Imported {
        file,
        markdown: text.to_owned(),
        topic,
        problems,
    }
}
