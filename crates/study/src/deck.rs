//! Decks: one Markdown file per topic, parsed with pulldown-cmark.
//! The format is documented in `content/README.md`.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::card::{Card, CardKind, Direction};
pub(crate) use crate::content_file::{headings, Heading, LineIndex};

/// One topic's cards, in the order the file gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// The file name without `.md`.
    pub id: String,
    pub title: String,
    pub intro: String,
    /// The guided labs that practise this topic, from the optional
    /// `labs: first-key, envelope-encryption` line under the title.
    pub labs: Vec<String>,
    /// The written cards; a term card's reverse is not listed here.
    pub cards: Vec<Card>,
}

impl Topic {
    /// Every reviewable card: the written ones, each term card followed by its reverse.
    pub fn study_cards(&self) -> impl Iterator<Item = Card> + '_ {
        self.cards.iter().flat_map(|c| {
            let reverse = (c.kind == CardKind::Term).then(|| c.reversed());
            std::iter::once(c.clone()).chain(reverse)
        })
    }
}

/// A parse error, pointing at the file and line that cause it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct DeckError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Every topic, with each card reachable by id.
#[derive(Debug, Clone, Default)]
pub struct Deck {
    pub topics: Vec<Topic>,
    index: HashMap<String, (usize, Direction)>,
}

impl Deck {
    /// Parses `(file name, text)` pairs, refusing topic and card ids used
    /// twice across files.
    pub fn parse<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Deck, Vec<DeckError>> {
        let mut deck = Deck::default();
        let mut errors = Vec::new();
        let mut first_seen: HashMap<String, (String, usize)> = HashMap::new();
        let mut topic_files: HashMap<String, String> = HashMap::new();
        for (file, text) in files {
            match parse_topic(file, text) {
                Ok(topic) => {
                    if let Some(other) = topic_files.get(&topic.id) {
                        errors.push(DeckError {
                            file: file.to_owned(),
                            line: 1,
                            message: format!(
                                "topic \"{}\" is already the topic of {other}; rename one of the files",
                                topic.id
                            ),
                        });
                        continue;
                    }
                    topic_files.insert(topic.id.clone(), file.to_owned());
                    for card in &topic.cards {
                        if let Some((other, line)) = first_seen.get(&card.id) {
                            errors.push(DeckError {
                                file: file.to_owned(),
                                line: card.line,
                                message: format!(
                                    "card id \"{}\" is already used at {other}:{line}",
                                    card.id
                                ),
                            });
                        } else {
                            first_seen.insert(card.id.clone(), (file.to_owned(), card.line));
                        }
                    }
                    deck.topics.push(topic);
                }
                Err(mut e) => errors.append(&mut e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Deck::from_topics(deck.topics))
    }

    /// A deck of topics already checked (by [`Deck::parse`], at build time).
    pub fn from_topics(topics: Vec<Topic>) -> Deck {
        let mut index = HashMap::new();
        for (t, topic) in topics.iter().enumerate() {
            for card in topic.study_cards() {
                index.insert(card.id.clone(), (t, card.direction));
            }
        }
        Deck { topics, index }
    }

    /// This deck without what its cards and topics say: ids, titles, kinds
    /// and links only. It counts and schedules exactly like the whole deck
    /// at a fraction of its size, so a page that only counts cards (the
    /// home page) need not wait for their text.
    pub fn outline(&self) -> Deck {
        let topics = self
            .topics
            .iter()
            .map(|t| Topic {
                id: t.id.clone(),
                title: t.title.clone(),
                intro: String::new(),
                labs: t.labs.clone(),
                cards: t.cards.iter().map(Card::outline).collect(),
            })
            .collect();
        Deck::from_topics(topics)
    }

    /// This deck followed by the learner's own deck files. Their topics and
    /// card ids must not clash with this deck's or each other's.
    pub fn with_imported<'a>(
        &self,
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Deck, Vec<DeckError>> {
        let files: Vec<(&str, &str)> = files.into_iter().collect();
        let imported = Deck::parse(files.iter().copied())?;
        let mut errors = Vec::new();
        let mut topics: Vec<&str> = self.topics.iter().map(|t| t.id.as_str()).collect();
        for (topic, (file, _)) in imported.topics.iter().zip(&files) {
            if topics.contains(&topic.id.as_str()) {
                errors.push(DeckError {
                    file: (*file).to_owned(),
                    line: 1,
                    message: format!(
                        "a topic named \"{}\" already exists; rename the file",
                        topic.id
                    ),
                });
            }
            topics.push(&topic.id);
            for card in &topic.cards {
                if let Some(mine) = self.card(&card.id) {
                    errors.push(DeckError {
                        file: (*file).to_owned(),
                        line: card.line,
                        message: format!(
                            "card id \"{}\" is already used at {}.md:{}",
                            card.id, mine.topic, mine.line
                        ),
                    });
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut all = self.topics.clone();
        all.extend(imported.topics);
        Ok(Deck::from_topics(all))
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// A card by id, including reverse cards (`<id>~reverse`).
    pub fn card(&self, id: &str) -> Option<Card> {
        let (topic, direction) = *self.index.get(id)?;
        let base = id.strip_suffix(crate::card::REVERSE_SUFFIX).unwrap_or(id);
        let card = self.topics[topic].cards.iter().find(|c| c.id == base)?;
        Some(match direction {
            Direction::Forward => card.clone(),
            Direction::Reverse => card.reversed(),
        })
    }

    /// Every reviewable card in deck order.
    pub fn study_cards(&self) -> impl Iterator<Item = Card> + '_ {
        self.topics.iter().flat_map(Topic::study_cards)
    }

    /// The written cards (without generated reverses).
    pub fn written_cards(&self) -> impl Iterator<Item = &Card> {
        self.topics.iter().flat_map(|t| t.cards.iter())
    }
}

/// The id of the topic a deck file holds: its name without folders and
/// `.md` (`decks/kms-basics.md` holds `kms-basics`).
pub fn topic_id(file: &str) -> &str {
    file.rsplit('/')
        .next()
        .unwrap_or(file)
        .trim_end_matches(".md")
}

/// Parses one topic file.
pub fn parse_topic(file: &str, text: &str) -> Result<Topic, Vec<DeckError>> {
    let id = topic_id(file).to_owned();
    let err = |line: usize, message: String| DeckError {
        file: file.to_owned(),
        line,
        message,
    };
    let lines = LineIndex::new(text);
    let headings = headings(text);

    let Some(first) = headings.first() else {
        return Err(vec![err(1, "the file has no \"# Title\" heading".into())]);
    };
    if first.level != 1 {
        return Err(vec![err(
            lines.line(first.start),
            "the file must start with a \"# Title\" heading".into(),
        )]);
    }
    let mut errors = Vec::new();
    if let Some(extra) = headings.iter().skip(1).find(|h| h.level == 1) {
        errors.push(err(
            lines.line(extra.start),
            "a deck file has one \"# Title\"; use \"## card-id\" for cards".into(),
        ));
    }
    let first_card = headings
        .iter()
        .position(|h| h.level == 2)
        .unwrap_or(headings.len());
    let intro_end = headings.get(1).map_or(text.len(), |h| h.start);
    let header = TopicHeader::read(text, first.end, intro_end);
    for (offset, bad) in &header.bad_labs {
        errors.push(err(
            lines.line(*offset),
            format!("lab id \"{bad}\" must be lowercase kebab-case, like \"first-key\""),
        ));
    }
    let mut topic = Topic {
        id,
        title: first.text.clone(),
        intro: header.intro,
        labs: header.labs,
        cards: Vec::new(),
    };
    if let Some(stray) = headings[1..first_card].first() {
        errors.push(err(
            lines.line(stray.start),
            format!("\"{}\" comes before the first \"## card-id\"", stray.text),
        ));
    }
    let cards: Vec<usize> = (first_card..headings.len())
        .filter(|&i| headings[i].level == 2)
        .collect();
    for (n, &h) in cards.iter().enumerate() {
        let end = cards.get(n + 1).map_or(headings.len(), |&next| next);
        let section = CardSection {
            file,
            text,
            lines: &lines,
            topic: &topic.id,
            heading: h,
            end,
        };
        match section.parse(&headings) {
            Ok(card) => topic.cards.push(card),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if topic.cards.is_empty() && errors.is_empty() {
        errors.push(err(lines.line(first.start), "the deck has no cards".into()));
    }
    if errors.is_empty() {
        Ok(topic)
    } else {
        Err(errors)
    }
}

/// What follows a deck's `# Title`: an optional `labs:` line, then the intro.
struct TopicHeader {
    labs: Vec<String>,
    /// Lab ids that are not kebab-case, with the byte offset of their line.
    bad_labs: Vec<(usize, String)>,
    intro: String,
}

impl TopicHeader {
    fn read(text: &str, start: usize, end: usize) -> TopicHeader {
        let body = &text[start..end];
        let first_line = body.trim_start_matches(['\r', '\n']);
        let line_start = start + (body.len() - first_line.len());
        let line = first_line.lines().next().unwrap_or("");
        let Some(list) = line.strip_prefix("labs:") else {
            return TopicHeader {
                labs: Vec::new(),
                bad_labs: Vec::new(),
                intro: body.trim().to_owned(),
            };
        };
        let labs: Vec<String> = list
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let bad_labs = labs
            .iter()
            .filter(|l| !section::is_kebab(l))
            .map(|l| (line_start, l.clone()))
            .collect();
        TopicHeader {
            labs,
            bad_labs,
            intro: first_line[line.len()..].trim().to_owned(),
        }
    }
}

pub(crate) mod section;
use section::CardSection;
