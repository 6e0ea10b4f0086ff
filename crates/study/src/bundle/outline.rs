//! The deck's outline as the first page reads it: a few lines of text, one
//! per topic and one per card, so that the code the first page loads holds
//! no JSON reader and no serde visitors for decks (about 10 KiB of brotli).
//! Every field but a topic's title is an id or a number, and ids never hold
//! spaces (`content_file::ids`), so a line splits on spaces; the title is
//! the rest of its line.
//!
//! ```text
//! keydeck-outline 1
//! topic kms-basics first-key KMS basics
//! card kms-acronym basic forward 2 - 6
//! card kms-overview term forward 3 snapshot-copy 18
//! ```
//!
//! A topic line: its id, its labs (comma-separated, `-` for none), its
//! title. A card line: its id, kind, direction, seed position, walkthrough
//! (`-` for none) and line; the card belongs to the topic above it.

use std::fmt::Write;

use super::{BundleError, FORMAT};
use crate::card::{Card, CardKind, Direction};
use crate::deck::{Deck, Topic};

const MAGIC: &str = "keydeck-outline";
const NONE: &str = "-";

/// The outline of `deck` ([`Deck::outline`]) as text.
pub fn outline_text(deck: &Deck) -> String {
    let mut out = format!("{MAGIC} {FORMAT}\n");
    for topic in &deck.topics {
        out.push_str(&topic_line(topic));
        for card in &topic.cards {
            out.push_str(&card_line(card));
        }
    }
    out
}

/// A topic's line, its newline included.
pub(super) fn topic_line(topic: &Topic) -> String {
    let labs = if topic.labs.is_empty() {
        NONE.to_owned()
    } else {
        topic.labs.join(",")
    };
    format!("topic {} {labs} {}\n", topic.id, topic.title.trim())
}

/// A card's line, its newline included.
pub(super) fn card_line(card: &Card) -> String {
    let seed = card
        .seed_position
        .map_or_else(|| NONE.to_owned(), |s| s.to_string());
    let direction = match card.direction {
        Direction::Forward => "forward",
        Direction::Reverse => "reverse",
    };
    let mut line = String::new();
    let _ = writeln!(
        line,
        "card {} {} {direction} {seed} {} {}",
        card.id,
        card.kind.name(),
        card.walkthrough.as_deref().unwrap_or(NONE),
        card.line
    );
    line
}

/// Reads [`outline_text`] back into the deck's outline.
pub fn read_outline(text: &str) -> Result<Deck, BundleError> {
    let mut lines = text.lines().enumerate();
    let header = lines.next().map(|(_, l)| l).unwrap_or_default();
    check_header(header, MAGIC, "it is not a deck outline")?;
    let mut topics: Vec<Topic> = Vec::new();
    for (index, line) in lines {
        let number = index + 1;
        if line.is_empty() {
            continue;
        }
        match line.split(' ').next() {
            Some("topic") => topics.push(read_topic(number, line)?),
            Some("card") => {
                let Some(topic) = topics.last_mut() else {
                    return Err(unreadable(number, "a card comes before any topic"));
                };
                let card = read_card(&topic.id, line)
                    .ok_or_else(|| unreadable(number, "the card line does not read"))?;
                topic.cards.push(card);
            }
            _ => return Err(unreadable(number, "the line is neither a topic nor a card")),
        }
    }
    Ok(Deck::from_topics(topics))
}

/// Checks a bundle's first line: `magic`, then this build's [`FORMAT`].
/// `not_it` says what a file that does not start with `magic` is not.
pub(super) fn check_header(header: &str, magic: &str, not_it: &str) -> Result<(), BundleError> {
    match header.split_once(' ') {
        Some((start, format)) if start == magic => match format.trim().parse::<u32>() {
            Ok(FORMAT) => Ok(()),
            Ok(other) => Err(BundleError::Format(other)),
            Err(_) => Err(unreadable(1, "its format is not a number")),
        },
        _ => Err(unreadable(1, not_it)),
    }
}

/// Reads a topic's line, its intro and cards left empty.
pub(super) fn read_topic(number: usize, line: &str) -> Result<Topic, BundleError> {
    let mut fields = line.splitn(4, ' ').skip(1);
    let (Some(id), Some(labs), Some(title)) = (fields.next(), fields.next(), fields.next()) else {
        return Err(unreadable(number, "a topic needs an id, labs and a title"));
    };
    Ok(Topic {
        id: id.to_owned(),
        title: title.to_owned(),
        intro: String::new(),
        labs: match labs {
            NONE => Vec::new(),
            labs => labs.split(',').map(str::to_owned).collect(),
        },
        cards: Vec::new(),
    })
}

/// Reads a card's line, its text left empty, in the topic `topic`.
pub(super) fn read_card(topic: &str, line: &str) -> Option<Card> {
    let fields: Vec<&str> = line.split(' ').collect();
    let ["card", id, kind, direction, seed, walkthrough, number] = fields[..] else {
        return None;
    };
    Some(Card {
        id: id.to_owned(),
        topic: topic.to_owned(),
        kind: CardKind::parse(kind)?,
        direction: match direction {
            "forward" => Direction::Forward,
            "reverse" => Direction::Reverse,
            _ => return None,
        },
        front: String::new(),
        back: String::new(),
        faces: None,
        note: None,
        tags: Vec::new(),
        source: String::new(),
        seed_position: match seed {
            NONE => None,
            seed => Some(seed.parse().ok()?),
        },
        walkthrough: (walkthrough != NONE).then(|| walkthrough.to_owned()),
        line: number.parse().ok()?,
    })
}

pub(super) fn unreadable(line: usize, why: &str) -> BundleError {
    BundleError::Unreadable(format!("line {line}: {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    #[test]
    fn the_shipped_deck_reads_back_as_its_outline() {
        let deck = builtin::deck().unwrap();
        let read = read_outline(&outline_text(&deck)).unwrap();
        assert_eq!(read.topics, deck.outline().topics);
        // Reverse cards are indexed as in the whole deck.
        let ids = |d: &Deck| d.study_cards().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(ids(&read), ids(&deck));
        // Every kind of field is exercised by the shipped deck.
        let cards: Vec<&Card> = read.topics.iter().flat_map(|t| &t.cards).collect();
        assert!(cards.iter().any(|c| c.walkthrough.is_some()));
        assert!(cards.iter().any(|c| c.seed_position.is_some()));
        assert!(cards.iter().any(|c| c.seed_position.is_none()));
        assert!(read.topics.iter().any(|t| t.labs.len() > 1));
        assert!(read.topics.iter().any(|t| t.labs.is_empty()));
        for kind in CardKind::ALL {
            assert!(cards.iter().any(|c| c.kind == kind), "{kind}");
        }
    }

    #[test]
    fn a_topic_title_keeps_its_spaces_and_punctuation() {
        let text = "keydeck-outline 1\ntopic acm - ACM: public  and private certificates\n\
                    card acm-what basic forward - - 4\n";
        let deck = read_outline(text).unwrap();
        assert_eq!(
            deck.topics[0].title,
            "ACM: public  and private certificates"
        );
        assert_eq!(deck.topics[0].cards[0].topic, "acm");
        assert_eq!(outline_text(&deck), text);
    }

    #[test]
    fn another_format_is_named_and_damage_is_placed() {
        assert_eq!(
            read_outline("keydeck-outline 2\ntopic a - A\n").unwrap_err(),
            BundleError::Format(2)
        );
        assert_eq!(
            read_outline("<!DOCTYPE html>").unwrap_err().to_string(),
            "the content file could not be read: line 1: it is not a deck outline"
        );
        assert_eq!(
            read_outline("keydeck-outline 1\ncard a basic forward - - 1\n")
                .unwrap_err()
                .to_string(),
            "the content file could not be read: line 2: a card comes before any topic"
        );
        assert_eq!(
            read_outline("keydeck-outline 1\ntopic a - A\ncard a odd forward - - 1\n")
                .unwrap_err()
                .to_string(),
            "the content file could not be read: line 3: the card line does not read"
        );
        assert_eq!(
            read_outline("keydeck-outline 1\ntopic a -\n")
                .unwrap_err()
                .to_string(),
            "the content file could not be read: line 2: a topic needs an id, labs and a title"
        );
    }
}
