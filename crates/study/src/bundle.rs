//! The shipped decks and questions as the page receives them: parsed and
//! checked at build time (natively, by `cargo xtask`), then written as files
//! the page fetches when it needs them: the deck's outline as a few lines of
//! text (`outline.rs`), each topic's cards as text too (`deck_text.rs`),
//! and the questions as JSON. Neither
//! the Markdown parser nor the Markdown text is part of the code the page
//! loads first, and nor is a JSON reader.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

mod deck_text;
mod outline;

pub use deck_text::{deck_text, read_deck, topic_texts};
pub use outline::{outline_text, read_outline};

use crate::builtin;
use crate::deck::DeckError;
use crate::quiz::Question;

/// Bumped whenever the shape of a bundle changes. A page only reads the
/// bundles of its own build (their names carry a content hash), so this
/// guards against a stale or foreign file, not against migrations.
pub const FORMAT: u32 = 1;

/// Any bundle's format alone: read first, so that a later shape is
/// reported as such rather than as a field that does not parse.
#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

impl FormatOnly {
    fn check(&self) -> Result<(), BundleError> {
        if self.format == FORMAT {
            Ok(())
        } else {
            Err(BundleError::Format(self.format))
        }
    }
}

#[derive(Serialize, Deserialize)]
struct QuestionFile<'a> {
    format: u32,
    questions: Cow<'a, [Question]>,
}

/// A bundle that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    /// Not JSON of the expected shape.
    #[error("the content file could not be read: {0}")]
    Unreadable(String),
    /// Written by a build with another format.
    #[error(
        "the content file has format {0}, but this version of KeyDeck reads format {max}",
        max = FORMAT
    )]
    Format(u32),
}

/// The question bundle's JSON.
pub fn questions_json(questions: &[Question]) -> String {
    let file = QuestionFile {
        format: FORMAT,
        questions: Cow::Borrowed(questions),
    };
    serde_json::to_string(&file).expect("questions always serialize")
}

/// Reads a question bundle.
pub fn read_questions(json: &str) -> Result<Vec<Question>, BundleError> {
    let file: QuestionFile = read(json)?;
    Ok(file.questions.into_owned())
}

/// The bundles of the shipped content: the deck as text, the questions as JSON.
pub struct Shipped {
    /// The deck's [outline](Deck::outline) as text ([`outline_text`]):
    /// what the first page reads.
    pub outline: String,
    /// Each topic alone ([`topic_texts`]): (its id, its text), in deck
    /// order, for the pages that show cards, which fetch the topics they
    /// show and [fill](crate::deck::Deck::fill) the outline with them.
    pub topics: Vec<(String, String)>,
    pub questions: String,
}

/// The bundles of the shipped content.
pub fn shipped() -> Result<Shipped, Vec<DeckError>> {
    let deck = builtin::deck()?;
    let questions = builtin::questions(&deck)?;
    Ok(Shipped {
        outline: outline_text(&deck),
        topics: topic_texts(&deck),
        questions: questions_json(&questions),
    })
}

fn read<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, BundleError> {
    let unreadable = |e: serde_json::Error| BundleError::Unreadable(e.to_string());
    serde_json::from_str::<FormatOnly>(json)
        .map_err(unreadable)?
        .check()?;
    serde_json::from_str(json).map_err(unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Deck;

    /// The page shows a shipped card from the bundle alone: every studied
    /// card, reverse cards too, reads back with its sides rendered as the
    /// Markdown renderer renders them.
    #[test]
    fn every_shipped_card_reads_back_rendered() {
        let deck = builtin::deck().unwrap();
        let read = read_deck(&deck_text(&deck)).unwrap();
        // The id index is rebuilt: reverse cards are found too.
        let reverse = deck
            .study_cards()
            .find(|c| c.id.ends_with(crate::card::REVERSE_SUFFIX))
            .expect("the shipped deck has term cards");
        assert_eq!(read.card(&reverse.id).map(|c| c.id), Some(reverse.id));
        assert_eq!(read.study_cards().count(), deck.study_cards().count());
        for card in read.study_cards() {
            crate::card::assert_shown_is_rendered(&card);
        }
    }

    /// A page fills the outline with the topics it fetched: once it has
    /// all of them, it holds the whole deck card for card, and before that
    /// each topic it has is whole while the others keep their outline.
    #[test]
    fn the_outline_filled_with_each_topic_is_the_whole_deck() {
        let deck = builtin::deck().unwrap();
        let mut rendered = deck.clone();
        rendered.render_faces();
        let shipped = shipped().unwrap();
        let mut filled = read_outline(&shipped.outline).unwrap();
        for (n, (id, text)) in shipped.topics.iter().enumerate() {
            let part = read_deck(text).unwrap();
            assert_eq!(part.topics.len(), 1, "{id}");
            assert_eq!(&part.topics[0].id, id);
            filled.fill(part);
            for (t, topic) in filled.topics.iter().enumerate() {
                let whole = &rendered.topics[t];
                if t <= n {
                    assert_eq!(topic, whole, "{}", topic.id);
                } else {
                    assert!(topic
                        .cards
                        .iter()
                        .all(|c| c.front.is_empty() && c.faces.is_none()));
                    assert_eq!(topic.cards.len(), whole.cards.len());
                }
            }
        }
        let reverse = deck
            .study_cards()
            .find(|c| c.id.ends_with(crate::card::REVERSE_SUFFIX))
            .expect("the shipped deck has term cards");
        assert_eq!(filled.card(&reverse.id), rendered.card(&reverse.id));
        assert_eq!(
            filled.study_cards().collect::<Vec<_>>(),
            rendered.study_cards().collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_shipped_outline_names_every_card_at_a_fraction_of_the_size() {
        let deck = builtin::deck().unwrap();
        let shipped = shipped().unwrap();
        let outline = read_outline(&shipped.outline).unwrap();
        let ids = |d: &Deck| d.study_cards().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(ids(&outline), ids(&deck));
        let deck_len: usize = shipped.topics.iter().map(|(_, text)| text.len()).sum();
        assert!(
            shipped.outline.len() * 10 < deck_len,
            "outline {} bytes, deck {deck_len}",
            shipped.outline.len(),
        );
    }

    #[test]
    fn the_shipped_questions_read_back_unchanged() {
        let deck = builtin::deck().unwrap();
        let questions = builtin::questions(&deck).unwrap();
        assert!(!questions.is_empty());
        assert_eq!(
            read_questions(&questions_json(&questions)).unwrap(),
            questions
        );
    }

    #[test]
    fn another_format_is_named_and_garbage_is_refused() {
        assert_eq!(
            read_questions(r#"{"format": 2, "questions": "a later shape"}"#).unwrap_err(),
            BundleError::Format(2)
        );
        assert_eq!(
            read_questions(r#"{"format": 2, "questions": []}"#)
                .unwrap_err()
                .to_string(),
            "the content file has format 2, but this version of KeyDeck reads format 1"
        );
        assert!(matches!(
            read_questions("<!DOCTYPE html>"),
            Err(BundleError::Unreadable(_))
        ));
        assert!(matches!(
            read_questions(r#"{"format": 1}"#),
            Err(BundleError::Unreadable(_))
        ));
    }

    #[test]
    fn the_shipped_bundles_hold_every_shipped_topic() {
        let shipped = shipped().unwrap();
        let ids: Vec<&str> = shipped.topics.iter().map(|(id, _)| id.as_str()).collect();
        let files: Vec<&str> = builtin::DECK_FILES
            .iter()
            .map(|(f, _)| crate::deck::topic_id(f))
            .collect();
        assert_eq!(ids, files);
        let questions = read_questions(&shipped.questions).unwrap();
        for id in ids {
            assert!(
                questions.iter().any(|q| q.topic == id),
                "no question on {id}"
            );
        }
    }
}
