//! One card's section of a deck file: `## id`, field lines, then
//! `### Front`, `### Back` and an optional `### Note`.

use super::{DeckError, Heading, LineIndex};
use crate::card::{Card, CardKind, Direction};

pub(super) struct CardSection<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub topic: &'a str,
    /// Index of the card's `##` heading.
    pub heading: usize,
    /// Index of the next card's heading (or the number of headings).
    pub end: usize,
}

const SEED_CARDS: u8 = 35;

impl CardSection<'_> {
    pub fn parse(&self, headings: &[Heading]) -> Result<Card, Vec<DeckError>> {
        let head = &headings[self.heading];
        let head_line = self.lines.line(head.start);
        let mut errors = Vec::new();
        let id = head.text.trim().to_owned();
        if !is_kebab(&id) {
            errors.push(self.err(
                head_line,
                format!("card id \"{id}\" must be lowercase kebab-case, like \"kms-acronym\""),
            ));
        }

        let subsections: Vec<&Heading> = headings[self.heading + 1..self.end]
            .iter()
            .filter(|h| h.level == 3)
            .collect();
        let section_end = |i: usize| {
            subsections
                .get(i + 1)
                .map_or_else(|| self.body_end(headings), |h| h.start)
        };
        let fields_end = subsections
            .first()
            .map_or_else(|| self.body_end(headings), |h| h.start);
        let fields = self.fields(head.end, fields_end, &mut errors);

        let (mut front, mut back, mut note) = (None, None, None);
        for (i, sub) in subsections.iter().enumerate() {
            let body = self.text[sub.end..section_end(i)].trim().to_owned();
            let line = self.lines.line(sub.start);
            let slot = match sub.text.trim() {
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
                errors.push(self.err(line, format!("\"### {}\" appears twice", sub.text.trim())));
            } else if body.is_empty() {
                errors.push(self.err(line, format!("\"### {}\" is empty", sub.text.trim())));
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
                if !url.starts_with("https://docs.aws.amazon.com/")
                    && !url.starts_with("https://aws.amazon.com/")
                {
                    errors.push(self.err(*line, format!("source \"{url}\" must be an https://docs.aws.amazon.com/ or https://aws.amazon.com/ page")));
                }
                url.clone()
            }
        };
        let seed = fields
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
            seed,
            walkthrough: fields.get("walkthrough").map(|(_, w)| w.clone()),
            line: head_line,
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
        start: usize,
        end: usize,
        errors: &mut Vec<DeckError>,
    ) -> std::collections::HashMap<&'static str, (usize, String)> {
        const KNOWN: [&str; 5] = ["kind", "tags", "seed", "source", "walkthrough"];
        let mut fields = std::collections::HashMap::new();
        let mut offset = start;
        for raw in self.text[start..end].split_inclusive('\n') {
            let line_no = self.lines.line(offset);
            offset += raw.len();
            let line = raw.trim();
            if line.is_empty() {
                continue;
            }
            let Some((key, value)) = line.split_once(':') else {
                errors.push(self.err(
                    line_no,
                    format!("expected a \"field: value\" line, found \"{line}\""),
                ));
                continue;
            };
            let key = key.trim();
            match KNOWN.iter().find(|k| **k == key) {
                Some(k) if fields.contains_key(k) => errors.push(self.err(line_no, format!("field \"{key}\" appears twice"))),
                Some(k) => {
                    fields.insert(*k, (line_no, value.trim().to_owned()));
                }
                None => errors.push(self.err(
                    line_no,
                    format!("unknown field \"{key}\" (expected kind, tags, seed, source or walkthrough)"),
                )),
            }
        }
        fields
    }

    fn body_end(&self, headings: &[Heading]) -> usize {
        headings.get(self.end).map_or(self.text.len(), |h| h.start)
    }

    fn err(&self, line: usize, message: String) -> DeckError {
        DeckError {
            file: self.file.to_owned(),
            line,
            message,
        }
    }
}

pub(super) fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
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
