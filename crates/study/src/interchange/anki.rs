//! Anki's "Notes in Plain Text" export, read as Anki reads it
//! (<https://docs.ankiweb.net/importing/text-files.html>): header lines
//! first, then one note per record, separated as `#separator:` says.
//!
//! The header lines (<https://docs.ankiweb.net/importing/text-files.html#file-headers>)
//! are `#key:value` lines at the top of the file, and, for historic reasons,
//! a first line `tags:…`. KeyDeck reads `#separator:` (comma, semicolon, tab,
//! space, pipe, colon, by name or as the character), `#html:`, `#tags:`,
//! `#deck:`, `#notetype:` and the four column lines (`#guid column:`,
//! `#notetype column:`, `#deck column:`, `#tags column:`, numbered from 1).
//! Other header lines (`#columns:`, `#if matches:`, comments) change
//! nothing, as the note fields are taken in order. Like Anki, a line that
//! starts with `#` later in the file is a comment.
//!
//! Without `#separator:`, the first note line decides: a tab, else a
//! semicolon, else a comma, else a pipe, else a colon. Without `#html:`,
//! the fields are HTML if any of them looks like HTML, as Anki guesses.
//!
//! A note becomes a card by its note type: "Cloze" a cloze card per cloze
//! number (`{{c1::…}}`), "Basic (and reversed card)" a term card (which
//! KeyDeck also asks in reverse), "Basic (optional reversed card)" a term
//! card when its third field is filled, any other a basic card from its
//! first two fields (a table card when the back is a table).
//!
//! Anki's media files do not come along: an `<img>` gives its alt text and
//! a `[sound:…]` reference nothing, and a note with a side that held only
//! those is reported and left out.

use super::anki_cloze::cloze_rows;
use super::csv_file::record_line;
use super::draft::{Draft, Row};
use super::html_markdown::html_to_markdown;
use super::text::plain_to_markdown;
use super::Imported;
use crate::card::CardKind;
use crate::content_file::is_aws_source;

/// The separators `#separator:` names, as Anki spells them.
const SEPARATORS: [(&str, u8); 6] = [
    ("comma", b','),
    ("semicolon", b';'),
    ("tab", b'\t'),
    ("space", b' '),
    ("pipe", b'|'),
    ("colon", b':'),
];

/// What the header lines say.
#[derive(Default)]
struct Header {
    separator: Option<u8>,
    html: Option<bool>,
    tags: Vec<String>,
    deck: Option<String>,
    notetype: Option<String>,
    guid_column: Option<usize>,
    notetype_column: Option<usize>,
    deck_column: Option<usize>,
    tags_column: Option<usize>,
    /// Where the notes start: a byte offset, and the lines before it.
    body: usize,
    lines: usize,
}

impl Header {
    fn read(text: &str, draft: &mut Draft) -> Header {
        let mut header = Header::default();
        for raw in text.split_inclusive('\n') {
            let line = raw.trim_end_matches(['\r', '\n']);
            let number = header.lines + 1;
            if number == 1 && line.starts_with("tags:") {
                header.tags = split_tags(&line["tags:".len()..]);
            } else if let Some(meta) = line.strip_prefix('#') {
                if let Some((key, value)) = meta.split_once(':') {
                    header.set(key, value, number, draft);
                }
            } else {
                break;
            }
            header.body += raw.len();
            header.lines += 1;
        }
        header
    }

    fn set(&mut self, key: &str, value: &str, line: usize, draft: &mut Draft) {
        let key = key.trim().to_ascii_lowercase();
        let column = match key.as_str() {
            "separator" => {
                let lower = value.to_ascii_lowercase();
                let found = SEPARATORS
                    .iter()
                    .find(|(name, byte)| lower.trim() == *name || lower.as_bytes() == [*byte]);
                match found {
                    Some((_, byte)) => self.separator = Some(*byte),
                    None => draft.warn(line, format!("unknown separator \"{value}\" (expected comma, semicolon, tab, space, pipe or colon)")),
                }
                return;
            }
            "html" => {
                match value.trim().to_ascii_lowercase().parse() {
                    Ok(html) => self.html = Some(html),
                    Err(_) => draft.warn(
                        line,
                        format!("\"#html:\" must be true or false, found \"{value}\""),
                    ),
                }
                return;
            }
            "tags" => return self.tags = split_tags(value),
            "deck" => return self.deck = Some(value.trim().to_owned()),
            "notetype" => return self.notetype = Some(value.trim().to_owned()),
            "guid column" => &mut self.guid_column,
            "notetype column" => &mut self.notetype_column,
            "deck column" => &mut self.deck_column,
            "tags column" => &mut self.tags_column,
            _ => return,
        };
        match value.trim().parse::<usize>() {
            Ok(n) if n > 0 => *column = Some(n),
            _ => draft.warn(
                line,
                format!("\"#{key}:\" must be a column number from 1, found \"{value}\""),
            ),
        }
    }

    fn is_meta_column(&self, column: usize) -> bool {
        [
            self.guid_column,
            self.notetype_column,
            self.deck_column,
            self.tags_column,
        ]
        .contains(&Some(column))
    }
}

pub(super) fn import(file: &str, text: &str) -> Imported {
    let mut draft = Draft::new(file);
    let header = Header::read(text, &mut draft);
    let body = &text[header.body..];
    let html = header.html.unwrap_or_else(|| looks_like_html(body));
    let convert = |field: &str| {
        let field = without_sounds(field);
        if html {
            html_to_markdown(&field)
        } else {
            plain_to_markdown(&field)
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .delimiter(header.separator.unwrap_or_else(|| guess_separator(body)))
        .from_reader(body.as_bytes());
    let mut decks: Vec<String> = Vec::new();
    let mut wide_notetypes: Vec<String> = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                draft.error(
                    header.lines + line,
                    format!("the file cannot be read further: {e}"),
                );
                break;
            }
        };
        let line = header.lines + record_line(body, &record, Some(b'#'));
        let column = |n: Option<usize>| {
            n.and_then(|n| record.get(n - 1))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let fields: Vec<&str> = (1..=record.len())
            .filter(|&n| !header.is_meta_column(n))
            .filter_map(|n| record.get(n - 1))
            .collect();
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let notetype = column(header.notetype_column)
            .or(header.notetype.as_deref())
            .unwrap_or("Basic");
        if let Some(deck) = column(header.deck_column).filter(|d| !decks.iter().any(|x| x == d)) {
            if decks.len() == 1 {
                draft.warn(line, format!("this note is in the Anki deck \"{deck}\", the notes before it in \"{}\"; they all become one deck", decks[0]));
            }
            decks.push(deck.to_owned());
        }
        let mut tags = header.tags.clone();
        tags.extend(split_tags(column(header.tags_column).unwrap_or("")));
        let guid = column(header.guid_column);
        let kind = note_kind(notetype, &fields);
        if kind == Some(CardKind::Cloze) {
            for row in cloze_rows(&fields, guid, &convert) {
                draft.push(Row {
                    line,
                    tags: tags.clone(),
                    ..row
                });
            }
            continue;
        }
        if fields.len() < 2 {
            draft.error(line, format!("expected 2 fields, found {}", fields.len()));
            continue;
        }
        let extra = fields[2..].iter().any(|f| !f.trim().is_empty());
        if extra && kind.is_none() && !wide_notetypes.iter().any(|n| n == notetype) {
            wide_notetypes.push(notetype.to_owned());
            draft.warn(line, format!("notes of type \"{notetype}\" have {} fields; the first two are read as front and back", fields.len()));
        }
        let front = convert(fields[0]);
        let (back, source) = split_source(convert(fields[1]));
        let media = [("front", fields[0], &front), ("back", fields[1], &back)]
            .into_iter()
            .find(|(_, raw, text)| text.trim().is_empty() && has_media(raw));
        if let Some((side, _, _)) = media {
            draft.error(
                line,
                format!("the {side} holds only images or sounds, which KeyDeck cannot show"),
            );
            continue;
        }
        draft.push(Row {
            line,
            id: guid.map(str::to_owned),
            kind,
            front,
            back,
            tags,
            source,
            ..Row::default()
        });
    }
    draft.title = header
        .deck
        .clone()
        .or_else(|| (decks.len() == 1).then(|| decks[0].clone()));
    draft.finish()
}

/// The card kind a note type gives: `None` for basic (or table).
fn note_kind(notetype: &str, fields: &[&str]) -> Option<CardKind> {
    let name = notetype.to_ascii_lowercase();
    if name.contains("cloze") {
        Some(CardKind::Cloze)
    } else if name.contains("optional reversed") {
        fields
            .get(2)
            .filter(|f| !f.trim().is_empty())
            .map(|_| CardKind::Term)
    } else if name.contains("reversed") {
        Some(CardKind::Term)
    } else {
        None
    }
}

/// KeyDeck's Anki export ends each back with a link to the card's source
/// (`[AWS documentation](https://docs.aws.amazon.com/…)`, as its own
/// paragraph); that link is the card's `source:` again.
pub(super) fn split_source(back: String) -> (String, Option<String>) {
    let (rest, last) = back.rsplit_once("\n\n").unwrap_or(("", back.as_str()));
    let url = last
        .strip_prefix("[AWS documentation](")
        .and_then(|l| l.strip_suffix(')'))
        .filter(|url| is_aws_source(url));
    match url {
        Some(url) => (rest.to_owned(), Some(url.to_owned())),
        None => (back, None),
    }
}

/// Whether a field shows an image or plays a sound in Anki.
fn has_media(field: &str) -> bool {
    let lower = field.to_ascii_lowercase();
    lower.contains("<img") || lower.contains("[sound:")
}

/// `field` without Anki's `[sound:file.mp3]` references: KeyDeck has no
/// media files to play.
fn without_sounds(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut rest = field;
    while let Some(start) = rest.find("[sound:") {
        let Some(end) = rest[start..].find(']') else {
            break;
        };
        out.push_str(&rest[..start]);
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out
}

fn split_tags(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

/// The separator of a file without `#separator:`, from its first note line.
fn guess_separator(body: &str) -> u8 {
    let first = body
        .lines()
        .find(|l| !l.starts_with('#') && !l.trim().is_empty())
        .unwrap_or("");
    [b'\t', b';', b',', b'|', b':']
        .into_iter()
        .find(|b| first.as_bytes().contains(b))
        .unwrap_or(b'\t')
}

/// Whether fields hold HTML: a tag or an entity, as Anki guesses.
fn looks_like_html(text: &str) -> bool {
    let tag = text.match_indices('<').any(|(i, _)| {
        let rest = &text[i + 1..];
        rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') && rest.contains('>')
    });
    let entity = text.match_indices('&').any(|(i, _)| {
        let rest = &text[i + 1..];
        let name = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        name > 0 && rest.as_bytes().get(name) == Some(&b';')
    });
    tag || entity
}
