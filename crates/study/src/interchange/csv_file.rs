//! Decks as CSV (RFC 4180: commas, fields quoted with `"` when they hold a
//! comma, a quote or a line break, quotes doubled): what a spreadsheet
//! saves, and what [`super::ExportFormat::Csv`] writes.
//!
//! Without a header row the columns are front, back and tags. A first row
//! that names a `front` and a `back` column is a header row, and may also
//! name `tags`, `id`, `kind`, `source`, `note`, `seed` and `walkthrough`
//! columns (the fields of a deck file's card), in any order.
//! Fields are Markdown, as in a deck file; tags are separated by commas or
//! spaces.

use super::draft::{Draft, Row};
use super::Imported;
use crate::card::CardKind;
use crate::deck::Topic;

/// The columns a header row can name, in the order the export writes them.
const COLUMNS: [&str; 9] = [
    "front",
    "back",
    "tags",
    "id",
    "kind",
    "source",
    "note",
    "seed",
    "walkthrough",
];

pub(super) fn import(file: &str, text: &str) -> Imported {
    let mut draft = Draft::new(file);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // Which field each of COLUMNS is in.
    let mut columns: [Option<usize>; 9] = [
        Some(0),
        Some(1),
        Some(2),
        None,
        None,
        None,
        None,
        None,
        None,
    ];
    let mut first = true;
    let mut warned_wide = false;
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                draft.error(line, format!("the file cannot be read further: {e}"));
                break;
            }
        };
        let line = record_line(text, &record, None);
        if std::mem::take(&mut first) && is_header(&record) {
            columns = [None; 9];
            for (i, name) in record.iter().enumerate() {
                let name = name.trim().to_ascii_lowercase();
                match COLUMNS.iter().position(|c| *c == name) {
                    Some(c) if columns[c].is_none() => columns[c] = Some(i),
                    Some(_) => draft.warn(line, format!("column \"{name}\" appears twice; the first is read")),
                    None => draft.warn(line, format!("column \"{name}\" is not read (expected front, back, tags, id, kind, source, note, seed or walkthrough)")),
                }
            }
            continue;
        }
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let field = |c: usize| {
            columns[c]
                .and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|f| !f.is_empty())
        };
        let needed = columns[1].map_or(2, |back| back.max(columns[0].unwrap_or(0)) + 1);
        if record.len() < needed {
            draft.error(
                line,
                format!("expected {needed} fields, found {}", record.len()),
            );
            continue;
        }
        if columns[3].is_none() && record.len() > 3 && !warned_wide {
            warned_wide = true;
            draft.warn(line, format!("expected at most 3 fields (front, back, tags), found {}; the others are not read", record.len()));
        }
        let kind = match field(4).map(|k| (k, CardKind::parse(&k.to_ascii_lowercase()))) {
            None => None,
            Some((_, Some(kind))) => Some(kind),
            Some((name, None)) => {
                draft.error(
                    line,
                    format!("unknown kind \"{name}\" (expected basic, term, cloze or table)"),
                );
                continue;
            }
        };
        let seed_position = match field(7).map(|s| (s, s.parse::<u8>())) {
            None => None,
            Some((_, Ok(n))) => Some(n),
            Some((text, Err(_))) => {
                draft.error(
                    line,
                    format!("seed \"{text}\" must be a number from 1 to 35"),
                );
                continue;
            }
        };
        draft.push(Row {
            line,
            seed_position,
            walkthrough: field(8).map(str::to_owned),
            id: field(3).map(str::to_owned),
            kind,
            front: field(0).unwrap_or("").to_owned(),
            back: field(1).unwrap_or("").to_owned(),
            tags: field(2)
                .unwrap_or("")
                .split(|c: char| c == ',' || c.is_whitespace())
                .map(str::to_owned)
                .collect(),
            source: field(5).map(str::to_owned),
            note: field(6).map(str::to_owned),
        });
    }
    draft.finish()
}

/// The line a record starts on. The csv crate places a record at the blank
/// lines (and comment lines) it skipped before it; this skips them too.
pub(super) fn record_line(text: &str, record: &csv::StringRecord, comment: Option<u8>) -> usize {
    let Some(position) = record.position() else {
        return 1;
    };
    let mut line = position.line() as usize;
    let mut rest = text.get(position.byte() as usize..).unwrap_or("");
    while let Some(end) = rest.find('\n') {
        let current = rest[..end].trim_end_matches('\r');
        if !current.is_empty() && comment.is_none_or(|c| !current.as_bytes().starts_with(&[c])) {
            break;
        }
        line += 1;
        rest = &rest[end + 1..];
    }
    line
}

/// A first row naming both a front and a back column.
fn is_header(record: &csv::StringRecord) -> bool {
    let named = |name: &str| record.iter().any(|f| f.trim().eq_ignore_ascii_case(name));
    named("front") && named("back")
}

/// A header row of [`COLUMNS`], then a row per card.
pub(super) fn export(topic: &Topic) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let rows = topic.cards.iter().map(|card| {
        [
            card.front.clone(),
            card.back.clone(),
            card.tags.join(", "),
            card.id.clone(),
            card.kind.to_string(),
            card.source.clone(),
            card.note.clone().unwrap_or_default(),
            card.seed_position
                .map(|n| n.to_string())
                .unwrap_or_default(),
            card.walkthrough.clone().unwrap_or_default(),
        ]
    });
    let header = COLUMNS.map(str::to_owned);
    for row in std::iter::once(header).chain(rows) {
        writer
            .write_record(&row)
            .expect("writing to memory cannot fail");
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("the fields are UTF-8")
}
