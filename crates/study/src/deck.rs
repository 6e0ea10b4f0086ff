//! Decks: one Markdown file per topic, parsed with pulldown-cmark.
//! The format is documented in `content/README.md`.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::card::{Card, CardKind, Direction, REVERSE_SUFFIX};
use crate::content_file::{is_kebab_case, ContentFile, FileError, FirstSeen};

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
        self.study_sides().map(Side::to_card)
    }

    /// The cards studied, as [`Topic::study_cards`] lists them, without
    /// copying their text.
    pub fn study_sides(&self) -> impl Iterator<Item = Side<'_>> + '_ {
        self.cards.iter().flat_map(|c| {
            let reverse = (c.kind == CardKind::Term).then_some(Side {
                card: c,
                reverse: true,
            });
            std::iter::once(Side {
                card: c,
                reverse: false,
            })
            .chain(reverse)
        })
    }
}

/// A studied card by reference: a written card, asked forward or, for a
/// term, in reverse.
#[derive(Debug, Clone, Copy)]
pub struct Side<'d> {
    card: &'d Card,
    reverse: bool,
}

impl<'d> Side<'d> {
    /// The id progress is kept under: the written card's, or its reverse's.
    pub fn id(&self) -> Cow<'d, str> {
        if self.reverse {
            Cow::Owned(format!("{}{REVERSE_SUFFIX}", self.card.id))
        } else {
            Cow::Borrowed(&self.card.id)
        }
    }

    pub fn topic(&self) -> &'d str {
        &self.card.topic
    }

    /// The card as studied, text and all.
    pub fn to_card(self) -> Card {
        if self.reverse {
            self.card.reversed()
        } else {
            self.card.clone()
        }
    }
}

/// A parse error, pointing at the file and line that cause it.
pub type DeckError = FileError;

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
        let mut cards_seen: FirstSeen<(String, usize)> = FirstSeen::new();
        let mut topics_seen: FirstSeen<String> = FirstSeen::new();
        for (file, text) in files {
            match parse_topic(file, text) {
                Ok(topic) => {
                    if let Some(other) = topics_seen.note(&topic.id, file.to_owned()) {
                        errors.push(DeckError::new(
                            file,
                            1,
                            format!(
                                "topic \"{}\" is already the topic of {other}; rename one of the files",
                                topic.id
                            ),
                        ));
                        continue;
                    }
                    for card in &topic.cards {
                        let place = (file.to_owned(), card.line);
                        if let Some((other, line)) = cards_seen.note(&card.id, place) {
                            errors.push(DeckError::new(
                                file,
                                card.line,
                                format!(
                                    "card id \"{}\" is already used at {other}:{line}",
                                    card.id
                                ),
                            ));
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

    /// Puts each of `part`'s topics in place of this deck's topic of the
    /// same id: an [outline](Deck::outline) filled in, topic by topic, as
    /// their text arrives. A topic this deck does not have is left out.
    pub fn fill(&mut self, part: Deck) {
        let mut topics = std::mem::take(&mut self.topics);
        for topic in part.topics {
            if let Some(mine) = topics.iter_mut().find(|t| t.id == topic.id) {
                *mine = topic;
            }
        }
        *self = Deck::from_topics(topics);
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
                errors.push(DeckError::new(
                    file,
                    1,
                    format!(
                        "a topic named \"{}\" already exists; rename the file",
                        topic.id
                    ),
                ));
            }
            topics.push(&topic.id);
            for card in &topic.cards {
                if let Some(mine) = self.card(&card.id) {
                    errors.push(DeckError::new(
                        file,
                        card.line,
                        format!(
                            "card id \"{}\" is already used at {}.md:{}",
                            card.id, mine.topic, mine.line
                        ),
                    ));
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // A learner's cards are shown from their rendered sides, as the
        // shipped ones are.
        let mut imported = imported;
        imported.render_faces();
        let mut all = self.topics.clone();
        all.extend(imported.topics);
        Ok(Deck::from_topics(all))
    }

    /// Renders every card's sides that are not yet
    /// ([`Card::render_faces`]).
    pub fn render_faces(&mut self) {
        for card in self.topics.iter_mut().flat_map(|t| &mut t.cards) {
            card.render_faces();
        }
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// A topic's title; the id itself for a topic this deck does not have
    /// (a link written for a deck the learner has since deleted, say).
    pub fn topic_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.topic(id).map_or(id, |t| t.title.as_str())
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

    /// Every studied card by reference, in the order of [`Deck::study_cards`].
    pub fn study_sides(&self) -> impl Iterator<Item = Side<'_>> + '_ {
        self.topics.iter().flat_map(Topic::study_sides)
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
    let source = ContentFile::read(file, text);
    let Some(first) = source.first_heading() else {
        return Err(vec![
            source.error_on_line(1, "the file has no \"# Title\" heading")
        ]);
    };
    if first.level != 1 {
        return Err(vec![source.error(
            first.start,
            "the file must start with a \"# Title\" heading",
        )]);
    }
    let mut errors = Vec::new();
    if let Some(extra) = source.extra_titles().next() {
        errors.push(source.error(
            extra.start,
            "a deck file has one \"# Title\"; use \"## card-id\" for cards",
        ));
    }
    let strays = source.before_sections();
    let intro_end = strays.first().map_or(source.sections_start(), |h| h.start);
    let header = TopicHeader::read(text, first.end, intro_end);
    for (offset, bad) in &header.bad_labs {
        errors.push(source.error(
            *offset,
            format!("lab id \"{bad}\" must be lowercase kebab-case, like \"first-key\""),
        ));
    }
    let mut topic = Topic {
        id: topic_id(file).to_owned(),
        title: first.text.clone(),
        intro: header.intro,
        labs: header.labs,
        cards: Vec::new(),
    };
    if let Some(stray) = strays.first() {
        errors.push(source.error(
            stray.start,
            format!("\"{}\" comes before the first \"## card-id\"", stray.text),
        ));
    }
    for section in source.sections() {
        let card = CardSection {
            source: &source,
            topic: &topic.id,
            section,
        };
        match card.parse() {
            Ok(card) => topic.cards.push(card),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if topic.cards.is_empty() && errors.is_empty() {
        errors.push(source.error(first.start, "the deck has no cards"));
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
            .filter(|l| !is_kebab_case(l))
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
