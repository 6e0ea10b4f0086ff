//! The answer sections of a question: its options, its true/false or typed
//! answer, or its pairs, each with the explanation that follows.

use super::blocks;
use super::section::{QuestionSection, OPTIONS};
use crate::content_file::{Heading, Part};
use crate::deck::DeckError;
use crate::quiz::answer_text;
use crate::quiz::question::{Body, Choice, QuestionKind};

/// How many pairs a matching question has.
const PAIRS: std::ops::RangeInclusive<usize> = 3..=6;

impl QuestionSection<'_> {
    pub(super) fn options(
        &self,
        kind: QuestionKind,
        choose: Option<usize>,
        found: &[Part<'_>],
        errors: &mut Vec<DeckError>,
    ) -> Option<Vec<Choice>> {
        let at = found[0].heading.start;
        let count = errors.len();
        let options: Vec<Choice> = found
            .iter()
            .filter_map(|part| self.choice(part, errors))
            .collect();
        if !OPTIONS.contains(&found.len()) {
            errors.push(self.err(
                at,
                format!(
                    "a {kind} question has 3 to 6 options, found {}",
                    found.len()
                ),
            ));
        }
        let right = options.iter().filter(|o| o.correct).count();
        // A refused option would make the count of right ones misleading.
        let all_read = options.len() == found.len();
        match (kind, choose) {
            _ if !all_read => {}
            (QuestionKind::Multi, Some(n)) if n > 0 && n >= found.len() => errors.push(self.err(
                at,
                format!(
                    "\"choose: {n}\" leaves no wrong option among {}",
                    found.len()
                ),
            )),
            (QuestionKind::Multi, Some(n)) if n > 0 && right != n => errors.push(self.err(
                at,
                format!("\"choose: {n}\" but {right} options are \"correct: yes\""),
            )),
            (QuestionKind::Single, _) if right != 1 => errors.push(self.err(
                at,
                format!("a single question has exactly one \"correct: yes\" option, found {right}"),
            )),
            _ => {}
        }
        for (i, option) in options.iter().enumerate() {
            if options[..i]
                .iter()
                .any(|o| answer_text::same(&o.text, &option.text))
            {
                errors.push(self.err(at, format!("the option \"{}\" appears twice", option.text)));
            }
        }
        (errors.len() == count).then_some(options)
    }

    pub(super) fn choice(&self, part: &Part<'_>, errors: &mut Vec<DeckError>) -> Option<Choice> {
        let (heading, range) = (part.heading, part.body.clone());
        let count = errors.len();
        if !blocks::starts_with_field(&self.source.text()[range.clone()]) {
            errors.push(self.err(
                heading.start,
                "an option starts with its \"correct:\" and \"source:\" lines".into(),
            ));
            return None;
        }
        let (fields, rest) = self.leading_fields(range.clone(), &["correct", "source"], errors);
        let correct = match fields.get("correct").map(|f| (f, f.value.as_str())) {
            Some((_, "yes")) => true,
            Some((_, "no")) => false,
            Some((f, other)) => {
                errors.push(self.err(f.at, format!("\"correct: {other}\" must be yes or no")));
                false
            }
            None => {
                errors.push(self.err(
                    heading.start,
                    "the option has no \"correct: yes\" or \"correct: no\" line".into(),
                ));
                false
            }
        };
        let source = self.url("the option", fields.get("source"), errors);
        let parts = blocks::blocks(self.source.text(), rest..range.end);
        match parts.as_slice() {
            [] => errors.push(self.err(heading.start, "the option has no text".into())),
            [_] => errors.push(self.err(heading.start, "the option has no explanation: add a paragraph after its text that says why it is right or wrong".into())),
            _ => {}
        }
        if errors.len() > count || parts.len() < 2 {
            return None;
        }
        Some(Choice {
            text: self.text(parts[0].range.clone()),
            correct,
            explanation: self.text(parts[1].range.start..range.end),
            source,
        })
    }

    pub(super) fn true_false(&self, part: &Part<'_>, errors: &mut Vec<DeckError>) -> Option<Body> {
        let (heading, range) = (part.heading, part.body.clone());
        let body = self.text(range);
        let (first, rest) = body.split_once('\n').unwrap_or((&body, ""));
        let answer = match first.trim().to_lowercase().as_str() {
            "true" => true,
            "false" => false,
            other => {
                errors.push(self.err(
                    heading.start,
                    format!(
                        "a truefalse answer starts with \"true\" or \"false\", found \"{other}\""
                    ),
                ));
                return None;
            }
        };
        let explanation = self.explanation(heading, rest.trim(), errors)?;
        Some(Body::TrueFalse {
            answer,
            explanation,
        })
    }

    pub(super) fn typed(&self, part: &Part<'_>, errors: &mut Vec<DeckError>) -> Option<Body> {
        let (heading, range) = (part.heading, part.body.clone());
        let (fields, rest) = self.leading_fields(range.clone(), &["accept"], errors);
        let Some(field) = fields.get("accept") else {
            errors.push(self.err(
                heading.start,
                "a typed answer starts with an \"accept:\" line".into(),
            ));
            return None;
        };
        let accept: Vec<String> = field
            .value
            .split(';')
            .map(|a| a.trim().to_owned())
            .filter(|a| !answer_text::normalize(a).is_empty())
            .collect();
        if accept.is_empty() {
            errors.push(self.err(field.at, "\"accept:\" lists no answer".into()));
        }
        let explanation = self.explanation(heading, &self.text(rest..range.end), errors)?;
        (!accept.is_empty()).then_some(Body::Typed {
            accept,
            explanation,
        })
    }

    pub(super) fn matching(&self, part: &Part<'_>, errors: &mut Vec<DeckError>) -> Option<Body> {
        let (heading, range) = (part.heading, part.body.clone());
        let parts = blocks::blocks(self.source.text(), range.clone());
        let Some(table) = parts.first().filter(|b| b.table_columns == Some(2)) else {
            errors.push(self.err(
                heading.start,
                "\"### Pairs\" starts with a two-column table: term | description".into(),
            ));
            return None;
        };
        let rows = blocks::table_rows(self.source.text(), table);
        let count = errors.len();
        if !PAIRS.contains(&rows.len()) {
            errors.push(self.err(
                heading.start,
                format!("a matching question has 3 to 6 pairs, found {}", rows.len()),
            ));
        }
        for (i, row) in rows.iter().enumerate() {
            if row.iter().any(String::is_empty) {
                errors.push(self.err(
                    table.range.start,
                    format!("pair {} has an empty cell", i + 1),
                ));
            }
            for (column, name) in [(0, "term"), (1, "description")] {
                if rows[..i]
                    .iter()
                    .any(|r| answer_text::same(&r[column], &row[column]))
                {
                    errors.push(self.err(
                        table.range.start,
                        format!("the {name} \"{}\" appears twice", row[column]),
                    ));
                }
            }
        }
        let explanation =
            self.explanation(heading, &self.text(table.range.end..range.end), errors)?;
        (errors.len() == count).then(|| Body::Matching {
            terms: rows.iter().map(|r| r[0].clone()).collect(),
            descriptions: rows.iter().map(|r| r[1].clone()).collect(),
            key: (0..rows.len()).collect(),
            explanation,
        })
    }

    pub(super) fn explanation(
        &self,
        heading: &Heading,
        text: &str,
        errors: &mut Vec<DeckError>,
    ) -> Option<String> {
        if text.is_empty() {
            errors.push(self.err(
                heading.start,
                format!(
                    "\"### {}\" has no explanation: add a paragraph that says why",
                    heading.text.trim()
                ),
            ));
            return None;
        }
        Some(text.to_owned())
    }
}
