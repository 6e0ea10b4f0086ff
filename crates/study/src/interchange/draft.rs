//! What every importer builds: the rows of a file as card fields in
//! Markdown, turned into one deck file and checked by the deck parser.

use std::collections::HashMap;

use super::markdown_out::topic_markdown;
use super::text::neutralize_headings;
use super::{ids, Imported, Problem, Severity, IMPORTED_SOURCE};
use crate::card::{Card, CardKind, Direction};
use crate::content_file::is_aws_source;
use crate::deck::section::has_table;
use crate::deck::{parse_topic, Topic};

/// One card as a file gives it, its text already Markdown.
#[derive(Debug, Clone, Default)]
pub(super) struct Row {
    /// The line the row starts on.
    pub line: usize,
    /// The id the file gives the card, if any (see [`ids::card_id`]).
    pub id: Option<String>,
    /// `None`: basic, or table when the back holds a Markdown table.
    pub kind: Option<CardKind>,
    pub front: String,
    pub back: String,
    pub tags: Vec<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    /// A shipped card's place in the seed deck (the parser checks it).
    pub seed_position: Option<u8>,
    pub walkthrough: Option<String>,
}

/// An import under way: its rows and what went wrong so far.
pub(super) struct Draft {
    file: String,
    /// The deck's title; the file name when there is none.
    pub title: Option<String>,
    rows: Vec<Row>,
    problems: Vec<Problem>,
}

impl Draft {
    pub fn new(file: &str) -> Draft {
        Draft {
            file: file.to_owned(),
            title: None,
            rows: Vec::new(),
            problems: Vec::new(),
        }
    }

    pub fn error(&mut self, line: usize, message: impl Into<String>) {
        self.problem(line, Severity::Error, message.into());
    }

    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.problem(line, Severity::Warning, message.into());
    }

    fn problem(&mut self, line: usize, severity: Severity, message: String) {
        self.problems.push(Problem {
            file: self.file.clone(),
            line,
            severity,
            message,
        });
    }

    pub fn push(&mut self, row: Row) {
        self.rows.push(row);
    }

    /// The deck file, its preview, and every problem in line order. Each row
    /// is parsed as a deck of its own first, so that a row the parser
    /// refuses is reported at its own line and left out.
    pub fn finish(mut self) -> Imported {
        let topic_id = ids::topic_id(&self.file);
        let file = format!("{topic_id}.md");
        let title = self
            .title
            .take()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| ids::file_stem(&self.file).to_owned());
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut cards = Vec::new();
        for row in std::mem::take(&mut self.rows) {
            let front = neutralize_headings(row.front.trim());
            let back = neutralize_headings(row.back.trim());
            if front.is_empty() || back.is_empty() {
                let side = if front.is_empty() { "front" } else { "back" };
                self.error(row.line, format!("the {side} is empty"));
                continue;
            }
            let mut id = ids::card_id(&front, row.id.as_deref());
            if let Some(&first) = seen.get(&id) {
                if row.id.as_deref() == Some(id.as_str()) {
                    self.error(
                        row.line,
                        format!("card id \"{id}\" is already used at line {first}"),
                    );
                    continue;
                }
                let n = (2..).find(|n| !seen.contains_key(&format!("{id}-{n}")));
                id = format!("{id}-{}", n.expect("a free number"));
                self.warn(
                    row.line,
                    format!("the same card as line {first}; imported again as \"{id}\""),
                );
            }
            let source = match row.source {
                Some(url) if is_aws_source(&url) => url,
                Some(url) => {
                    self.warn(row.line, format!("source \"{url}\" is not an AWS page; the card links to {IMPORTED_SOURCE}"));
                    IMPORTED_SOURCE.to_owned()
                }
                None => IMPORTED_SOURCE.to_owned(),
            };
            let card = Card {
                faces: None,
                id,
                topic: topic_id.clone(),
                kind: row.kind.unwrap_or(if has_table(&back) {
                    CardKind::Table
                } else {
                    CardKind::Basic
                }),
                direction: Direction::Forward,
                note: row
                    .note
                    .map(|n| neutralize_headings(n.trim()))
                    .filter(|n| !n.is_empty()),
                front,
                back,
                tags: clean_tags(row.tags),
                source,
                seed_position: row.seed_position,
                walkthrough: row.walkthrough,
                line: row.line,
            };
            let alone = Topic {
                id: topic_id.clone(),
                title: title.clone(),
                intro: String::new(),
                labs: Vec::new(),
                cards: vec![card.clone()],
            };
            match parse_topic(&file, &topic_markdown(&alone)) {
                Ok(parsed) if parsed.cards.len() == 1 => {
                    seen.insert(card.id.clone(), row.line);
                    cards.push(card);
                }
                Ok(_) => self.error(row.line, "the card's text splits it into several cards"),
                Err(errors) => errors
                    .into_iter()
                    .for_each(|e| self.error(row.line, e.message)),
            }
        }
        let topic = Topic {
            id: topic_id,
            title,
            intro: String::new(),
            labs: Vec::new(),
            cards,
        };
        let markdown = topic_markdown(&topic);
        let parsed = if topic.cards.is_empty() {
            self.error(1, "no card could be imported from this file");
            None
        } else {
            parse_topic(&file, &markdown)
                .map_err(|errors| errors.into_iter().for_each(|e| self.error(1, e.message)))
                .ok()
        };
        self.problems.sort_by_key(|p| p.line);
        Imported {
            file,
            markdown,
            topic: parsed,
            problems: self.problems,
        }
    }
}

/// Tags as the deck format keeps them: no commas (they separate tags), no
/// blanks, each once.
fn clean_tags(tags: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().replace(',', "-");
        if !tag.is_empty() && !out.contains(&tag) {
            out.push(tag);
        }
    }
    out
}
