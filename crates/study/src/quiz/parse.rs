//! Hand-written questions: one Markdown file per topic in
//! `content/questions/`, parsed with pulldown-cmark and checked against the
//! deck. The format is documented in `content/README.md`.

use std::collections::BTreeMap;

use super::question::Question;
use crate::content_file::{headings, Heading};
use crate::deck::{Deck, DeckError};

mod answers;
mod blocks;
mod section;

/// Parses `(file name, text)` pairs. Question ids must be unique across
/// files, every file must be named like a deck topic, and every card a
/// question cites must be in `deck`.
pub fn parse_questions<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    deck: &Deck,
) -> Result<Vec<Question>, Vec<DeckError>> {
    let mut questions = Vec::new();
    let mut errors = Vec::new();
    let mut first_seen: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for (file, text) in files {
        match parse_file(file, text, deck) {
            Ok(parsed) => {
                for (question, line) in parsed {
                    if let Some((other, at)) = first_seen.get(&question.id) {
                        errors.push(DeckError {
                            file: file.to_owned(),
                            line,
                            message: format!(
                                "question id \"{}\" is already used at {other}:{at}",
                                question.id
                            ),
                        });
                    } else {
                        first_seen.insert(question.id.clone(), (file.to_owned(), line));
                        questions.push(question);
                    }
                }
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(questions)
    } else {
        Err(errors)
    }
}

/// Parses one question file.
pub fn parse_question_file(
    file: &str,
    text: &str,
    deck: &Deck,
) -> Result<Vec<Question>, Vec<DeckError>> {
    parse_file(file, text, deck).map(|parsed| parsed.into_iter().map(|(q, _)| q).collect())
}

/// The questions with the line of each heading.
fn parse_file(
    file: &str,
    text: &str,
    deck: &Deck,
) -> Result<Vec<(Question, usize)>, Vec<DeckError>> {
    let source = Source::new(file, text);
    let topic = file
        .rsplit('/')
        .next()
        .unwrap_or(file)
        .trim_end_matches(".md");
    let headings = headings(text);
    let Some(first) = headings.first().filter(|h| h.level == 1) else {
        let at = headings.first().map_or(0, |h| h.start);
        return Err(vec![source.err(
            at,
            "a question file must start with a \"# Title\" heading".into(),
        )]);
    };
    let mut errors = Vec::new();
    if deck.topic(topic).is_none() {
        errors.push(source.err(
            first.start,
            format!("there is no deck \"{topic}\": name a question file like the content/decks file it belongs to"),
        ));
    }
    for h in &headings[1..] {
        if h.level == 1 {
            errors.push(source.err(
                h.start,
                "a question file has one \"# Title\"; use \"## q-id\" for questions".into(),
            ));
        }
    }
    let starts: Vec<usize> = (0..headings.len())
        .filter(|&i| headings[i].level == 2)
        .collect();
    if let Some(stray) = headings[1..starts.first().copied().unwrap_or(headings.len())]
        .iter()
        .find(|h| h.level == 3)
    {
        errors.push(source.err(
            stray.start,
            format!("\"### {}\" comes before the first \"## q-id\"", stray.text),
        ));
    }
    let mut questions = Vec::new();
    for (n, &h) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(headings.len());
        let section = section::QuestionSection {
            source: &source,
            deck,
            topic,
            heading: &headings[h],
            parts: headings[h + 1..end]
                .iter()
                .filter(|s| s.level == 3)
                .collect(),
            end: headings.get(end).map_or(text.len(), |next| next.start),
        };
        match section.parse() {
            Ok(q) => questions.push((q, source.line(headings[h].start))),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if starts.is_empty() && errors.is_empty() {
        errors.push(source.err(first.start, "the file has no questions".into()));
    }
    if errors.is_empty() {
        Ok(questions)
    } else {
        Err(errors)
    }
}

/// One file's text, for slicing and for pointing errors at lines.
struct Source<'a> {
    file: &'a str,
    text: &'a str,
    /// The byte offset where each line starts.
    line_starts: Vec<usize>,
}

impl<'a> Source<'a> {
    fn new(file: &'a str, text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            file,
            text,
            line_starts,
        }
    }

    /// The 1-based line of a byte offset.
    fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    fn err(&self, offset: usize, message: String) -> DeckError {
        DeckError {
            file: self.file.to_owned(),
            line: self.line(offset),
            message,
        }
    }
}
