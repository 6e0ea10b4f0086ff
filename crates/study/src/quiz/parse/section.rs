//! One question's section: `## q-id`, field lines, `### Question`, then
//! `### Option`s, an `### Answer` or `### Pairs` according to its kind.

use std::collections::BTreeMap;
use std::ops::Range;

use super::blocks::{self, Field};
use crate::content_file::{is_aws_source, is_kebab_case, ContentFile, Part, Section, AWS_SOURCE};
use crate::deck::{Deck, DeckError};
use crate::quiz::question::{Body, Origin, Question, QuestionKind};
use crate::quiz::task::TaskStatement;

/// A question's answer sections (`Option`, `Answer`, `Pairs`) by name.
type Sections<'h> = BTreeMap<&'h str, Vec<Part<'h>>>;

pub(super) struct QuestionSection<'a> {
    pub source: &'a ContentFile<'a>,
    pub deck: &'a Deck,
    pub topic: &'a str,
    pub section: Section<'a>,
    /// The section's `###` parts.
    pub parts: Vec<Part<'a>>,
}

/// How many options a single or multi question has.
pub(super) const OPTIONS: std::ops::RangeInclusive<usize> = 3..=6;

impl<'a> QuestionSection<'a> {
    pub fn parse(&self) -> Result<Question, Vec<DeckError>> {
        let mut errors = Vec::new();
        let at = self.section.heading.start;
        let id = self.section.id().to_owned();
        if !is_question_id(&id) {
            errors.push(self.err(at, format!("question id \"{id}\" must be lowercase kebab-case starting with \"q-\", like \"q-rotation-imported-material\"")));
        }
        let fields = self.fields(
            self.section.lead(&self.parts),
            false,
            &["kind", "task", "cards", "source", "choose"],
            &mut errors,
        );
        let kind = match fields.get("kind") {
            None => {
                errors.push(self.err(at, format!("question \"{id}\" has no \"kind:\" field")));
                None
            }
            Some(f) => QuestionKind::parse(&f.value).or_else(|| {
                errors.push(self.err(f.at, format!("unknown kind \"{}\" (expected single, multi, truefalse, typed or matching)", f.value)));
                None
            }),
        };
        let task = self.task(&id, fields.get("task"), &mut errors);
        let cards = self.cards(&id, fields.get("cards"), &mut errors);
        let source = self.url(
            &format!("question \"{id}\""),
            fields.get("source"),
            &mut errors,
        );
        let choose = self.choose(kind, fields.get("choose"), &mut errors);

        let (stem, by_name) = self.sections(&id, &mut errors);
        let body = kind.and_then(|kind| self.body(kind, choose, &by_name, &mut errors));
        match (errors.is_empty(), body, stem) {
            (true, Some(body), Some(stem)) => Ok(Question {
                id,
                topic: self.topic.to_owned(),
                stem,
                body,
                cards,
                source,
                origin: Origin::Written,
                task,
            }),
            _ => Err(errors),
        }
    }

    /// The stem, and the other `###` sections by name.
    fn sections(&self, id: &str, errors: &mut Vec<DeckError>) -> (Option<String>, Sections<'a>) {
        let mut stem: Option<(usize, String)> = None;
        let mut by_name: Sections<'a> = BTreeMap::new();
        for part in &self.parts {
            match part.name() {
                "Question" if stem.is_some() => errors.push(
                    self.err(part.heading.start, "\"### Question\" appears twice".into()),
                ),
                "Question" => stem = Some((part.heading.start, self.text(part.body.clone()))),
                name @ ("Option" | "Answer" | "Pairs") => {
                    by_name.entry(name).or_default().push(part.clone())
                }
                other => errors.push(self.err(part.heading.start, format!("unknown section \"### {other}\" (expected Question, Option, Answer or Pairs)"))),
            }
        }
        match &stem {
            None => errors.push(self.err(
                self.section.heading.start,
                format!("question \"{id}\" has no \"### Question\" section"),
            )),
            Some((start, text)) if text.is_empty() => {
                errors.push(self.err(*start, "\"### Question\" is empty".into()))
            }
            Some(_) => {}
        }
        (stem.map(|(_, text)| text), by_name)
    }

    /// The kind's answer sections, refusing the sections of other kinds.
    fn body(
        &self,
        kind: QuestionKind,
        choose: Option<usize>,
        parts: &Sections<'_>,
        errors: &mut Vec<DeckError>,
    ) -> Option<Body> {
        let wanted = match kind {
            QuestionKind::Single | QuestionKind::Multi => "Option",
            QuestionKind::TrueFalse | QuestionKind::Typed => "Answer",
            QuestionKind::Matching => "Pairs",
        };
        for (name, found) in parts {
            if *name != wanted {
                errors.push(self.err(
                    found[0].heading.start,
                    format!(
                        "a {kind} question has no \"### {name}\" section; it uses \"### {wanted}\""
                    ),
                ));
            } else if wanted != "Option" && found.len() > 1 {
                errors.push(self.err(
                    found[1].heading.start,
                    format!("\"### {name}\" appears twice"),
                ));
            }
        }
        let Some(found) = parts.get(wanted) else {
            errors.push(self.err(
                self.section.heading.start,
                format!("a {kind} question needs \"### {wanted}\""),
            ));
            return None;
        };
        let part = &found[0];
        match kind {
            QuestionKind::Single | QuestionKind::Multi => {
                let options = self.options(kind, choose, found, errors)?;
                Some(match choose {
                    Some(choose) => Body::Multi { options, choose },
                    None => Body::Single { options },
                })
            }
            QuestionKind::TrueFalse => self.true_false(part, errors),
            QuestionKind::Typed => self.typed(part, errors),
            QuestionKind::Matching => self.matching(part, errors),
        }
    }

    /// The required DVA-C02 task statement the question serves.
    fn task(
        &self,
        id: &str,
        field: Option<&Field>,
        errors: &mut Vec<DeckError>,
    ) -> Option<TaskStatement> {
        let Some(field) = field else {
            errors.push(self.err(
                self.section.heading.start,
                format!("question \"{id}\" has no \"task:\" field naming the DVA-C02 task statement it serves ({})", TaskStatement::list()),
            ));
            return None;
        };
        let task = TaskStatement::parse(&field.value);
        if task.is_none() {
            errors.push(self.err(
                field.at,
                format!(
                    "unknown task statement \"{}\" (expected a DVA-C02 task statement: {})",
                    field.value,
                    TaskStatement::list()
                ),
            ));
        }
        task
    }

    fn cards(&self, id: &str, field: Option<&Field>, errors: &mut Vec<DeckError>) -> Vec<String> {
        let Some(field) = field else {
            errors.push(self.err(
                self.section.heading.start,
                format!(
                    "question \"{id}\" has no \"cards:\" field naming the deck cards it rests on"
                ),
            ));
            return Vec::new();
        };
        let cards: Vec<String> = field
            .value
            .split(',')
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect();
        if cards.is_empty() {
            errors.push(self.err(field.at, "\"cards:\" names no card".into()));
        }
        for card in cards.iter().filter(|c| self.deck.card(c).is_none()) {
            errors.push(self.err(field.at, format!("card \"{card}\" is not in the deck")));
        }
        cards
    }

    fn choose(
        &self,
        kind: Option<QuestionKind>,
        field: Option<&Field>,
        errors: &mut Vec<DeckError>,
    ) -> Option<usize> {
        match (kind, field) {
            (Some(QuestionKind::Multi), None) => {
                errors.push(self.err(
                    self.section.heading.start,
                    "a multi question needs \"choose: N\" (how many options are right)".into(),
                ));
                Some(0)
            }
            (Some(QuestionKind::Multi), Some(f)) => match f.value.parse::<usize>() {
                Ok(n) if n >= 2 && n < *OPTIONS.end() => Some(n),
                _ => {
                    errors.push(self.err(
                        f.at,
                        format!("\"choose: {}\" must be a number from 2 to 5", f.value),
                    ));
                    Some(0)
                }
            },
            (_, Some(f)) => {
                errors.push(self.err(f.at, "\"choose:\" is only for multi questions".into()));
                None
            }
            (_, None) => None,
        }
    }

    /// A required documentation URL on docs.aws.amazon.com or aws.amazon.com.
    pub(super) fn url(
        &self,
        owner: &str,
        field: Option<&Field>,
        errors: &mut Vec<DeckError>,
    ) -> String {
        let Some(field) = field else {
            errors.push(self.err(
                self.section.heading.start,
                format!("{owner} has no \"source:\" field citing the AWS documentation"),
            ));
            return String::new();
        };
        if !is_aws_source(&field.value) {
            errors.push(self.err(
                field.at,
                format!("source \"{}\" must be {AWS_SOURCE}", field.value),
            ));
        }
        field.value.clone()
    }

    /// The field block at the top of a `###` section, and where the rest starts.
    pub(super) fn leading_fields(
        &self,
        range: Range<usize>,
        known: &[&'static str],
        errors: &mut Vec<DeckError>,
    ) -> (BTreeMap<&'static str, Field>, usize) {
        let (found, strays, rest) = blocks::fields(self.source.text(), range, true);
        for stray in strays {
            errors.push(self.err(stray.at, format!("expected a \"field: value\" line, found \"{}\" (leave a blank line before the text)", stray.line)));
        }
        (self.known(found, known, errors), rest)
    }

    fn fields(
        &self,
        range: Range<usize>,
        stop_at_blank: bool,
        known: &[&'static str],
        errors: &mut Vec<DeckError>,
    ) -> BTreeMap<&'static str, Field> {
        let (found, strays, _) = blocks::fields(self.source.text(), range, stop_at_blank);
        for stray in strays {
            errors.push(self.err(
                stray.at,
                format!("expected a \"field: value\" line, found \"{}\"", stray.line),
            ));
        }
        self.known(found, known, errors)
    }

    fn known(
        &self,
        found: Vec<Field>,
        known: &[&'static str],
        errors: &mut Vec<DeckError>,
    ) -> BTreeMap<&'static str, Field> {
        let mut fields = BTreeMap::new();
        for field in found {
            match known.iter().find(|k| **k == field.key) {
                Some(k) if fields.contains_key(k) => errors
                    .push(self.err(field.at, format!("field \"{}\" appears twice", field.key))),
                Some(k) => {
                    fields.insert(*k, field);
                }
                None => errors.push(self.err(
                    field.at,
                    format!(
                        "unknown field \"{}\" (expected {})",
                        field.key,
                        known.join(", ")
                    ),
                )),
            }
        }
        fields
    }

    pub(super) fn text(&self, range: Range<usize>) -> String {
        self.source.text()[range].trim().to_owned()
    }

    pub(super) fn err(&self, offset: usize, message: String) -> DeckError {
        self.source.error(offset, message)
    }
}

/// A kebab-case id that starts with `q-`.
fn is_question_id(id: &str) -> bool {
    id.starts_with("q-") && is_kebab_case(id)
}
