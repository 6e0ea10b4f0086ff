//! Quizlet's export: the text its "Export" dialog shows for a set (Quizlet
//! Help Center, "Exporting your sets"). The dialog offers tab, comma or a
//! custom string between a term and its definition, and a new line,
//! semicolon or a custom string between rows; the learner tells KeyDeck
//! which were chosen. Quizlet quotes nothing, so a row is split at the
//! first term separator: a term cannot hold it, a definition can.
//!
//! Terms and definitions are plain text; the term is the card's front.

use super::draft::{Draft, Row};
use super::text::plain_to_markdown;
use super::{Imported, RowSeparator, TermSeparator};

impl TermSeparator {
    fn text(&self) -> &str {
        match self {
            TermSeparator::Tab => "\t",
            TermSeparator::Comma => ",",
            TermSeparator::Custom(s) => s,
        }
    }

    /// How an error names it.
    fn describe(&self) -> String {
        match self {
            TermSeparator::Tab => "a tab".to_owned(),
            TermSeparator::Comma => "a comma".to_owned(),
            TermSeparator::Custom(s) => format!("\"{s}\""),
        }
    }
}

impl RowSeparator {
    fn text(&self) -> &str {
        match self {
            RowSeparator::NewLine => "\n",
            RowSeparator::Semicolon => ";",
            RowSeparator::Custom(s) => s,
        }
    }
}

pub(super) fn import(
    file: &str,
    text: &str,
    terms: &TermSeparator,
    rows: &RowSeparator,
) -> Imported {
    let mut draft = Draft::new(file);
    let text = text.replace("\r\n", "\n");
    let (term_separator, row_separator) = (terms.text(), rows.text());
    if term_separator.is_empty() || row_separator.is_empty() || term_separator == row_separator {
        draft.error(
            1,
            "the separators between terms and between rows must be different and not empty",
        );
        return draft.finish();
    }
    let mut offset = 0;
    for row in text.split(row_separator) {
        let line = 1 + text[..offset].matches('\n').count();
        // A row that starts with line breaks starts on its first text.
        let leading = row.len() - row.trim_start_matches('\n').len();
        let line = line + row[..leading].matches('\n').count();
        offset += row.len() + row_separator.len();
        if row.trim().is_empty() {
            continue;
        }
        match row.split_once(term_separator) {
            Some((term, definition)) => draft.push(Row {
                line,
                front: plain_to_markdown(term),
                back: plain_to_markdown(definition),
                ..Row::default()
            }),
            None => draft.error(
                line,
                format!(
                    "expected a term and a definition separated by {}",
                    terms.describe()
                ),
            ),
        }
    }
    draft.finish()
}
