//! The whole deck as the pages that show cards read it: the outline's lines
//! (`outline.rs`), each followed by what the outline leaves out. Reading it
//! takes no JSON reader: serde_json's visitors for decks were about 10 KiB
//! of brotli on the study page, which reads its saved progress with
//! serde_json but needs nothing else of it for the deck.
//!
//! Every text is written as a line naming it with its count of lines,
//! then those lines, so that no text is escaped. A text with n newlines
//! is n + 1 lines, the last of them empty when the text ends with a
//! newline, as a rendered side does. The counts are mostly 1 or 2, which
//! brotli all but erases (lengths in bytes made the file 1.8 KiB larger).
//! For example:
//!
//! ```text
//! keydeck-deck 1
//! topic kms-basics first-key KMS basics
//! intro 1
//! What KMS is.
//! card kms-acronym basic forward 2 - 6
//! front 1
//! What does KMS stand for?
//! back 1
//! Key Management Service
//! source 1
//! https://example.com/
//! tags 2
//! seed
//! kms
//! prompt 2
//! <p>What does KMS stand for?</p>
//!
//! answer 2
//! <p>Key Management Service</p>
//!
//! ```
//!
//! A topic's line is followed by its `intro`. A card's line is followed by
//! its `front`, `back`, `source` and `tags` (one a line; tags never hold a
//! newline), then, where the card has them, its `note`, and its rendered
//! sides: `prompt`, `answer` and `face-note`.

use std::fmt::Write;

use super::outline::{card_line, check_header, read_card, read_topic, topic_line, unreadable};
use super::{BundleError, FORMAT};
use crate::card::Faces;
use crate::deck::{Deck, Topic};

const MAGIC: &str = "keydeck-deck";

/// The deck bundle's text, each card's sides rendered
/// ([`Card::faces`](crate::card::Card::faces)), so that the page shows
/// shipped cards without a Markdown parser.
pub fn deck_text(deck: &Deck) -> String {
    let mut rendered = deck.clone();
    rendered.render_faces();
    let mut out = format!("{MAGIC} {FORMAT}\n");
    for topic in &rendered.topics {
        out.push_str(&topic_line(topic));
        text(&mut out, "intro", &topic.intro);
        for card in &topic.cards {
            out.push_str(&card_line(card));
            text(&mut out, "front", &card.front);
            text(&mut out, "back", &card.back);
            text(&mut out, "source", &card.source);
            text(&mut out, "tags", &card.tags.join("\n"));
            if let Some(note) = &card.note {
                text(&mut out, "note", note);
            }
            if let Some(faces) = &card.faces {
                text(&mut out, "prompt", &faces.prompt);
                text(&mut out, "answer", &faces.answer);
                if let Some(note) = &faces.note {
                    text(&mut out, "face-note", note);
                }
            }
        }
    }
    out
}

/// Each topic's [`deck_text`] alone, with its id, in deck order: the page
/// fetches only the topics it shows.
pub fn topic_texts(deck: &Deck) -> Vec<(String, String)> {
    deck.topics
        .iter()
        .map(|topic| {
            let alone = Deck::from_topics(vec![topic.clone()]);
            (topic.id.clone(), deck_text(&alone))
        })
        .collect()
}

fn text(out: &mut String, name: &str, value: &str) {
    let _ = writeln!(out, "{name} {}", value.split('\n').count());
    out.push_str(value);
    out.push('\n');
}

/// Reads [`deck_text`] back into the deck.
pub fn read_deck(text: &str) -> Result<Deck, BundleError> {
    let mut at = Cursor {
        rest: text,
        line: 1,
    };
    check_header(
        at.next_line().unwrap_or_default(),
        MAGIC,
        "it is not a deck",
    )?;
    let mut topics: Vec<Topic> = Vec::new();
    while let Some(line) = at.next_line() {
        let number = at.line - 1;
        match line.split(' ').next() {
            Some("topic") => {
                let mut topic = read_topic(number, line)?;
                topic.intro = at.text("intro")?;
                topics.push(topic);
            }
            Some("card") => {
                let Some(topic) = topics.last_mut() else {
                    return Err(unreadable(number, "a card comes before any topic"));
                };
                let mut card = read_card(&topic.id, line)
                    .ok_or_else(|| unreadable(number, "the card line does not read"))?;
                card.front = at.text("front")?;
                card.back = at.text("back")?;
                card.source = at.text("source")?;
                card.tags = at.text("tags")?.lines().map(str::to_owned).collect();
                card.note = at.optional("note")?;
                if at.next_is("prompt") {
                    card.faces = Some(Faces {
                        prompt: at.text("prompt")?,
                        answer: at.text("answer")?,
                        note: at.optional("face-note")?,
                    });
                }
                topic.cards.push(card);
            }
            _ => return Err(unreadable(number, "the line is neither a topic nor a card")),
        }
    }
    Ok(Deck::from_topics(topics))
}

/// What is left to read, and the number of its first line.
struct Cursor<'a> {
    rest: &'a str,
    line: usize,
}

impl<'a> Cursor<'a> {
    fn next_line(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let (line, rest) = self.rest.split_once('\n').unwrap_or((self.rest, ""));
        self.rest = rest;
        self.line += 1;
        Some(line)
    }

    /// Whether the next line starts the text `name`.
    fn next_is(&self, name: &str) -> bool {
        self.rest
            .strip_prefix(name)
            .is_some_and(|r| r.starts_with(' '))
    }

    fn optional(&mut self, name: &str) -> Result<Option<String>, BundleError> {
        self.next_is(name).then(|| self.text(name)).transpose()
    }

    /// Reads the text `name`: its line, then as many lines as it says,
    /// joined by newlines.
    fn text(&mut self, name: &str) -> Result<String, BundleError> {
        let number = self.line;
        let lines: usize = self
            .next_line()
            .and_then(|line| line.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
            .filter(|lines| *lines > 0)
            .ok_or_else(|| unreadable(number, &format!("the {name} is missing")))?;
        // Just past the newline that ends each of its lines in turn.
        let mut end = 0;
        for _ in 0..lines {
            let newline = self.rest[end..]
                .find('\n')
                .ok_or_else(|| unreadable(number, &format!("the {name} is cut short")))?;
            end += newline + 1;
        }
        let value = &self.rest[..end - 1];
        self.rest = &self.rest[end..];
        self.line += lines;
        Ok(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;
    use crate::card::{Card, CardKind};

    #[test]
    fn the_shipped_deck_reads_back_card_for_card() {
        let mut deck = builtin::deck().unwrap();
        let read = read_deck(&deck_text(&deck)).unwrap();
        deck.render_faces();
        assert_eq!(read.topics, deck.topics);
        // Every kind of text is exercised by the shipped deck.
        let cards: Vec<&Card> = read.topics.iter().flat_map(|t| &t.cards).collect();
        assert!(cards.iter().any(|c| c.note.is_some()));
        assert!(cards.iter().any(|c| c.note.is_none()));
        assert!(cards.iter().any(|c| c.tags.len() > 1));
        assert!(cards.iter().any(|c| c.front.contains('\n')));
        assert!(cards
            .iter()
            .any(|c| c.faces.as_ref().is_some_and(|f| f.note.is_some())));
        assert!(cards.iter().any(|c| !c.front.is_ascii()));
        for kind in CardKind::ALL {
            assert!(cards.iter().any(|c| c.kind == kind), "{kind}");
        }
    }

    /// A download cut short anywhere, even inside a character, is refused
    /// with the line it stops on, or reads as the cards before the cut.
    #[test]
    fn a_deck_cut_anywhere_never_panics() {
        let text = deck_text(&builtin::deck().unwrap());
        let whole = read_deck(&text).unwrap().study_cards().count();
        for end in (1..text.len()).step_by(211) {
            let cut = String::from_utf8_lossy(&text.as_bytes()[..end]);
            match read_deck(&cut) {
                Ok(deck) => assert!(deck.study_cards().count() <= whole),
                Err(BundleError::Unreadable(why)) => assert!(why.starts_with("line "), "{why}"),
                Err(other) => panic!("{other}"),
            }
        }
    }

    /// The example in this module's documentation.
    const EXAMPLE: &str = "keydeck-deck 1\ntopic kms-basics first-key KMS basics\nintro 1\n\
        What KMS is.\ncard kms-acronym basic forward 2 - 6\nfront 1\nWhat does KMS stand for?\n\
        back 1\nKey Management Service\nsource 1\nhttps://example.com/\ntags 2\nseed\nkms\n\
        prompt 2\n<p>What does KMS stand for?</p>\n\nanswer 2\n<p>Key Management Service</p>\n\n";

    #[test]
    fn the_documented_example_reads() {
        let deck = read_deck(EXAMPLE).unwrap();
        let card = &deck.topics[0].cards[0];
        assert_eq!(deck.topics[0].intro, "What KMS is.");
        assert_eq!(card.topic, "kms-basics");
        assert_eq!(card.tags, ["seed", "kms"]);
        assert_eq!(card.note, None);
        let faces = card.faces.as_ref().unwrap();
        assert_eq!(faces.answer, "<p>Key Management Service</p>\n");
        assert_eq!(faces.note, None);
        assert!(deck.card("kms-acronym").is_some());
    }

    #[test]
    fn a_text_is_read_by_its_count_of_lines_whatever_they_hold() {
        let text = EXAMPLE.replace(
            "front 1\nWhat does KMS stand for?",
            "front 3\nWhat is “KMS”?\nkms 3\nabc",
        );
        let deck = read_deck(&text).unwrap();
        assert_eq!(deck.topics[0].cards[0].front, "What is “KMS”?\nkms 3\nabc");
    }

    #[test]
    fn another_format_is_named_and_damage_is_placed() {
        let fails = |text: &str| read_deck(text).unwrap_err().to_string();
        assert_eq!(
            read_deck("keydeck-deck 2\ntopic a - A\n").unwrap_err(),
            BundleError::Format(2)
        );
        assert_eq!(
            fails(r#"{"format": 1, "topics": []}"#),
            "the content file could not be read: line 1: it is not a deck"
        );
        assert_eq!(
            fails("keydeck-outline 1\ntopic a - A\n"),
            "the content file could not be read: line 1: it is not a deck"
        );
        assert_eq!(
            fails("keydeck-deck 1\ntopic a - A\nintro 1\n\ncard a odd forward - - 1\n"),
            "the content file could not be read: line 5: the card line does not read"
        );
        // The line after a text of two lines is numbered as such.
        assert_eq!(
            fails("keydeck-deck 1\ntopic a - A\nintro 2\na\nb\ncard a basic forward - - 1\nback 1\n\n"),
            "the content file could not be read: line 7: the front is missing"
        );
        // More lines than are left, or a last line without its newline
        // (a download cut short), is refused.
        assert_eq!(
            fails("keydeck-deck 1\ntopic a - A\nintro 3\nshort\n"),
            "the content file could not be read: line 3: the intro is cut short"
        );
        assert_eq!(
            fails("keydeck-deck 1\ntopic a - A\nintro 1\nabc"),
            "the content file could not be read: line 3: the intro is cut short"
        );
        // Every text has a line, if an empty one.
        for count in ["x", "0", "-1"] {
            assert_eq!(
                fails(&format!("keydeck-deck 1\ntopic a - A\nintro {count}\n\n")),
                "the content file could not be read: line 3: the intro is missing"
            );
        }
        assert_eq!(
            fails("keydeck-deck 1\ncard a basic forward - - 1\n"),
            "the content file could not be read: line 2: a card comes before any topic"
        );
        // A prompt needs its answer.
        let no_answer = EXAMPLE.replace("answer 2\n<p>Key Management Service</p>\n\n", "");
        assert_eq!(
            fails(&no_answer),
            "the content file could not be read: line 18: the answer is missing"
        );
    }
}
