//! Hand-written questions: one Markdown file per topic in
//! `content/questions/`, parsed with pulldown-cmark and checked against the
//! deck. The format is documented in `content/README.md`.

use super::question::Question;
use crate::content_file::{ContentFile, FirstSeen};
use crate::deck::{topic_id, Deck, DeckError};

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
    let mut first_seen: FirstSeen<(String, usize)> = FirstSeen::new();
    for (file, text) in files {
        match parse_file(file, text, deck) {
            Ok(parsed) => {
                for (question, line) in parsed {
                    let place = (file.to_owned(), line);
                    if let Some((other, at)) = first_seen.note(&question.id, place) {
                        errors.push(DeckError::new(
                            file,
                            line,
                            format!(
                                "question id \"{}\" is already used at {other}:{at}",
                                question.id
                            ),
                        ));
                    } else {
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
    let source = ContentFile::read(file, text);
    let topic = topic_id(file);
    let Some(first) = source.title() else {
        let at = source.first_heading().map_or(0, |h| h.start);
        return Err(vec![source.error(
            at,
            "a question file must start with a \"# Title\" heading",
        )]);
    };
    let mut errors = Vec::new();
    if deck.topic(topic).is_none() {
        errors.push(source.error(
            first.start,
            format!("there is no deck \"{topic}\": name a question file like the content/decks file it belongs to"),
        ));
    }
    for h in source.extra_titles() {
        errors.push(source.error(
            h.start,
            "a question file has one \"# Title\"; use \"## q-id\" for questions",
        ));
    }
    if let Some(stray) = source.before_sections().iter().find(|h| h.level == 3) {
        errors.push(source.error(
            stray.start,
            format!("\"### {}\" comes before the first \"## q-id\"", stray.text),
        ));
    }
    let mut questions = Vec::new();
    for section in source.sections() {
        let question = section::QuestionSection {
            source: &source,
            deck,
            topic,
            section,
            parts: section.parts(),
        };
        match question.parse() {
            Ok(q) => questions.push((q, source.line(section.heading.start))),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if !source.has_sections() && errors.is_empty() {
        errors.push(source.error(first.start, "the file has no questions"));
    }
    if errors.is_empty() {
        Ok(questions)
    } else {
        Err(errors)
    }
}
