//! One card's section of a deck file: `## id`, field lines, then
//! `### Front`, `### Back` and an optional `### Note`.

use std::ops::Range;

use super::DeckError;
use crate::card::{Card, CardKind, Direction};
use crate::content_file::{
    is_aws_source, is_kebab_case, lines_in, ContentFile, Section, AWS_SOURCE,
};

pub(super) struct CardSection<'a> {
    pub source: &'a ContentFile<'a>,
    pub topic: &'a str,
    pub section: Section<'a>,
}

const SEED_CARDS: u8 = 35;

impl CardSection<'_> {
    pub fn parse(&self) -> Result<Card, Vec<DeckError>> {
        let head_line = self.source.line(self.section.heading.start);
        let mut errors = Vec::new();
        let id = self.section.id().to_owned();
        if !is_kebab_case(&id) {
            errors.push(self.err(
                head_line,
                format!("card id \"{id}\" must be lowercase kebab-case, like \"kms-acronym\""),
            ));
        }

        let parts = self.section.parts();
        let fields = self.fields(self.section.lead(&parts), &mut errors);

        let (mut front, mut back, mut note) = (None, None, None);
        for part in &parts {
            let body = self.source.text()[part.body.clone()].trim().to_owned();
            let line = self.source.line(part.heading.start);
            let slot = match part.name() {
                "Front" => &mut front,
                "Back" => &mut back,
                "Note" => &mut note,
                other => {
                    errors.push(self.err(
                        line,
                        format!("unknown section \"### {other}\" (expected Front, Back or Note)"),
                    ));
                    continue;
                }
            };
            if slot.is_some() {
                errors.push(self.err(line, format!("\"### {}\" appears twice", part.name())));
            } else if body.is_empty() {
                errors.push(self.err(line, format!("\"### {}\" is empty", part.name())));
            }
            *slot = Some(body);
        }
        for (name, value) in [("Front", &front), ("Back", &back)] {
            if value.is_none() {
                errors.push(self.err(
                    head_line,
                    format!("card \"{id}\" has no \"### {name}\" section"),
                ));
            }
        }

        let kind = match fields.get("kind") {
            None => {
                errors.push(self.err(head_line, format!("card \"{id}\" has no \"kind:\" field")));
                None
            }
            Some((line, value)) => CardKind::parse(value).or_else(|| {
                errors.push(self.err(
                    *line,
                    format!("unknown kind \"{value}\" (expected basic, term, cloze or table)"),
                ));
                None
            }),
        };
        let source = match fields.get("source") {
            None => {
                errors.push(self.err(
                    head_line,
                    format!("card \"{id}\" has no \"source:\" field citing the AWS documentation"),
                ));
                String::new()
            }
            Some((line, url)) => {
                if !is_aws_source(url) {
                    errors.push(self.err(*line, format!("source \"{url}\" must be {AWS_SOURCE}")));
                }
                url.clone()
            }
        };
        let seed_position =
            fields
                .get("seed")
                .and_then(|(line, value)| match value.parse::<u8>() {
                    Ok(n) if (1..=SEED_CARDS).contains(&n) => Some(n),
                    _ => {
                        errors.push(self.err(
                            *line,
                            format!("seed \"{value}\" must be a number from 1 to {SEED_CARDS}"),
                        ));
                        None
                    }
                });
        if let (Some(kind), Some(front), Some(back)) = (kind, &front, &back) {
            self.check_kind(kind, front, back, head_line, &mut errors);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let tags = fields.get("tags").map_or_else(Vec::new, |(_, t)| {
            t.split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        });
        Ok(Card {
            id,
            topic: self.topic.to_owned(),
            kind: kind.expect("checked above"),
            direction: Direction::Forward,
            front: front.expect("checked above"),
            back: back.expect("checked above"),
            note,
            tags,
            source,
            seed_position,
            walkthrough: fields.get("walkthrough").map(|(_, w)| w.clone()),
            line: head_line,
            faces: None,
        })
    }

    fn check_kind(
        &self,
        kind: CardKind,
        front: &str,
        back: &str,
        line: usize,
        errors: &mut Vec<DeckError>,
    ) {
        let markers = markers_outside_code(front);
        match kind {
            CardKind::Cloze if markers != 1 || front.matches("}}").count() != 1 => errors.push(self.err(
                line,
                format!("a cloze card needs exactly one {{{{hidden part}}}} on its front, found {markers}"),
            )),
            CardKind::Cloze => {}
            _ if markers > 0 || markers_outside_code(back) > 0 => errors.push(self.err(
                line,
                format!("\"{{{{\" marks a cloze, but this card's kind is {kind}"),
            )),
            CardKind::Table if !has_table(back) => {
                errors.push(self.err(line, "a table card's back must hold a Markdown table".into()))
            }
            _ => {}
        }
    }

    /// The `key: value` lines between the card heading and its first section.
    fn fields(
        &self,
        range: Range<usize>,
        errors: &mut Vec<DeckError>,
    ) -> std::collections::HashMap<&'static str, (usize, String)> {
        const KNOWN: [&str; 5] = ["kind", "tags", "seed", "source", "walkthrough"];
        let mut fields = std::collections::HashMap::new();
        for line in lines_in(self.source.text(), range).filter(|l| !l.is_blank()) {
            let line_no = self.source.line(line.at);
            let Some((key, value)) = line.field() else {
                errors.push(self.err(
                    line_no,
                    format!("expected a \"field: value\" line, found \"{}\"", line.text),
                ));
                continue;
            };
            let key = key.trim();
            match KNOWN.iter().find(|k| **k == key) {
                Some(k) if fields.contains_key(k) => errors.push(self.err(line_no, format!("field \"{key}\" appears twice"))),
                Some(k) => {
                    fields.insert(*k, (line_no, value.to_owned()));
                }
                None => errors.push(self.err(
                    line_no,
                    format!("unknown field \"{key}\" (expected kind, tags, seed, source or walkthrough)"),
                )),
            }
        }
        fields
    }

    fn err(&self, line: usize, message: String) -> DeckError {
        self.source.error_on_line(line, message)
    }
}

/// Cloze markers in prose; `{{resolve:…}}` inside code is CloudFormation, not a cloze.
fn markers_outside_code(markdown: &str) -> usize {
    pulldown_cmark::Parser::new(markdown)
        .map(|e| match e {
            pulldown_cmark::Event::Text(t) => t.matches("{{").count(),
            _ => 0,
        })
        .sum()
}

/// Whether `markdown` holds a table: a back with one makes a table card.
pub(crate) fn has_table(markdown: &str) -> bool {
    pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES).any(|e| {
        matches!(
            e,
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Table(_))
        )
    })
}
