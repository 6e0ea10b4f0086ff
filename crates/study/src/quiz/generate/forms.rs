//! The words of generated questions: stems, options and explanations, all
//! taken from the cards' Markdown.

use super::Form;
use crate::card::{Card, CardKind};
use crate::quiz::question::{Body, Choice};

/// The forms a card can be asked in.
pub(super) fn of(card: &Card) -> &'static [Form] {
    match card.kind {
        CardKind::Term => &[
            Form::NameTheTerm,
            Form::DescribeTheTerm,
            Form::TermStatement,
            Form::TypeTheTerm,
        ],
        CardKind::Basic if is_one_paragraph(&card.back) => &[Form::AnswerTheQuestion],
        CardKind::Cloze => &[
            Form::CompleteTheSentence,
            Form::SentenceStatement,
            Form::TypeTheBlank,
        ],
        CardKind::Basic | CardKind::Table => &[],
    }
}

/// Whether a card can stand as a distractor for a form.
pub(super) fn fits(form: Form, card: &Card) -> bool {
    match form {
        Form::AnswerTheQuestion => card.kind == CardKind::Basic && is_one_paragraph(&card.back),
        Form::CompleteTheSentence | Form::SentenceStatement | Form::TypeTheBlank => {
            card.kind == CardKind::Cloze
        }
        _ => card.kind == CardKind::Term,
    }
}

/// What the card answers in this form: the option text it supplies.
pub(super) fn answer(form: Form, card: &Card) -> String {
    match form {
        Form::DescribeTheTerm => inline(&card.front),
        Form::AnswerTheQuestion => card.back.trim().to_owned(),
        Form::CompleteTheSentence | Form::SentenceStatement | Form::TypeTheBlank => {
            card.cloze_answer().unwrap_or_default().trim().to_owned()
        }
        _ => card.back.trim().to_owned(),
    }
}

pub(super) fn stem(form: Form, card: &Card) -> String {
    match form {
        Form::NameTheTerm => format!("Which term fits this description?\n\n{}", card.front),
        Form::DescribeTheTerm => format!("Which description fits **{}**?", card.back.trim()),
        Form::AnswerTheQuestion => card.front.clone(),
        Form::CompleteTheSentence => {
            format!("Which answer completes the sentence?\n\n{}", card.prompt())
        }
        Form::TypeTheTerm => format!(
            "Type the term that fits this description.\n\n{}",
            card.front
        ),
        Form::TypeTheBlank => format!(
            "Type the missing part of the sentence.\n\n{}",
            card.prompt()
        ),
        Form::TermStatement | Form::SentenceStatement | Form::MatchTerms => String::new(),
    }
}

/// What a card teaches, as one piece of Markdown.
pub(super) fn gloss(form: Form, card: &Card) -> String {
    match card.kind {
        CardKind::Term => format!("**{}**: {}", card.back.trim(), inline(&card.front)),
        CardKind::Cloze => card.answer(),
        _ if form == Form::AnswerTheQuestion => card.back.clone(),
        _ => card.answer(),
    }
}

pub(super) fn right_choice(form: Form, card: &Card) -> Choice {
    Choice {
        text: answer(form, card),
        correct: true,
        explanation: gloss(form, card),
        source: card.source.clone(),
    }
}

/// A distractor, explained by what its own card says.
pub(super) fn wrong_choice(form: Form, card: &Card) -> Choice {
    let explanation = match form {
        Form::NameTheTerm => format!("That is a different term. {}", gloss(form, card)),
        Form::DescribeTheTerm => format!("That describes **{}**.", card.back.trim()),
        Form::AnswerTheQuestion => {
            format!("That answers another question: *{}*", card.front.trim())
        }
        _ => format!("That completes another sentence: {}", filled(card, None)),
    };
    Choice {
        text: answer(form, card),
        correct: false,
        explanation,
        source: card.source.clone(),
    }
}

/// A true/false statement: true when `shown` is `None`, else it puts the
/// other card's answer in place of this card's.
pub(super) fn statement(form: Form, card: &Card, shown: Option<&Card>) -> (String, Body) {
    let (stem, explanation) = if form == Form::TermStatement {
        let term = shown.unwrap_or(card).back.trim();
        let stem = format!(
            "True or false: the description below fits **{term}**.\n\n{}",
            card.front
        );
        let why = match shown {
            None => gloss(form, card),
            Some(other) => format!(
                "This describes **{}**. {}",
                card.back.trim(),
                gloss(form, other)
            ),
        };
        (stem, why)
    } else {
        let stem = format!(
            "True or false: the sentence below is right.\n\n{}",
            filled(card, shown.map(|o| answer(form, o)).as_deref())
        );
        (stem, card.answer())
    };
    let body = Body::TrueFalse {
        answer: shown.is_none(),
        explanation,
    };
    (stem, body)
}

/// A matching question over term cards: the terms and their descriptions
/// in the same order (a quiz shuffles the descriptions).
pub(super) fn matching(rows: &[&Card]) -> (String, Body) {
    let explanation = rows
        .iter()
        .map(|c| format!("- {}", gloss(Form::MatchTerms, c)))
        .collect::<Vec<_>>()
        .join("\n");
    let body = Body::Matching {
        terms: rows.iter().map(|c| c.back.trim().to_owned()).collect(),
        descriptions: rows.iter().map(|c| inline(&c.front)).collect(),
        key: (0..rows.len()).collect(),
        explanation,
    };
    ("Match each term to its description.".to_owned(), body)
}

/// A cloze card's sentence with its blank filled in bold: with its own
/// answer, or with `other` in its place.
fn filled(card: &Card, other: Option<&str>) -> String {
    let own = card.cloze_answer().unwrap_or_default();
    let blank = format!("{{{{{own}}}}}");
    card.front
        .replacen(&blank, &format!("**{}**", other.unwrap_or(own)), 1)
}

/// A description on one line, as an option or a table cell shows it: list
/// items joined with "; " after any lead-in line ("Types: a; b").
pub(super) fn inline(markdown: &str) -> String {
    let (mut lead, mut items): (Vec<&str>, Vec<String>) = (Vec::new(), Vec::new());
    for line in markdown.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match (
            line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")),
            items.last_mut(),
        ) {
            (Some(item), _) => items.push(item.trim().to_owned()),
            (None, None) => lead.push(line),
            // A wrapped line continues its item.
            (None, Some(last)) => {
                last.push(' ');
                last.push_str(line);
            }
        }
    }
    let lead = lead.join(" ");
    let lead = lead.trim_end_matches(['-', ':', ' ']);
    match (lead.is_empty(), items.is_empty()) {
        (_, true) => lead.to_owned(),
        (true, false) => items.join("; "),
        (false, false) => format!("{lead}: {}", items.join("; ")),
    }
}

fn is_one_paragraph(markdown: &str) -> bool {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut depth = 0usize;
    let mut top_level = Vec::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    top_level.push(matches!(tag, Tag::Paragraph));
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ if depth == 0 => top_level.push(false),
            _ => {}
        }
    }
    top_level == [true]
}
