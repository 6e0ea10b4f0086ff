//! The pieces inside a question's sections: field lines, top-level Markdown
//! blocks and the rows of a table, as byte ranges of the file.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::content_file::lines_in;

/// One `key: value` line.
#[derive(Debug)]
pub(super) struct Field {
    pub key: String,
    pub value: String,
    /// The byte offset of the line in the file.
    pub at: usize,
}

/// A non-blank line that is not `key: value`.
pub(super) struct NotAField {
    pub line: String,
    pub at: usize,
}

/// Reads `key: value` lines from `range` of `text` until the first blank
/// line after them. Returns the fields, the lines that are not fields, and
/// where the rest of the range starts.
pub(super) fn fields(
    text: &str,
    range: Range<usize>,
    stop_at_blank: bool,
) -> (Vec<Field>, Vec<NotAField>, usize) {
    let (mut found, mut strays) = (Vec::new(), Vec::new());
    for line in lines_in(text, range.clone()) {
        if line.is_blank() {
            if stop_at_blank && !(found.is_empty() && strays.is_empty()) {
                return (found, strays, line.at);
            }
        } else if let Some((key, value)) = line.field().filter(|(k, _)| is_key(k)) {
            found.push(Field {
                key: key.to_owned(),
                value: value.to_owned(),
                at: line.at,
            });
        } else {
            strays.push(NotAField {
                line: line.text.to_owned(),
                at: line.at,
            });
        }
    }
    (found, strays, range.end)
}

/// Whether a range starts with a field line (`word: …`), so it has a field block.
pub(super) fn starts_with_field(text: &str) -> bool {
    let first = text.trim_start().lines().next().unwrap_or("");
    first.split_once(':').is_some_and(|(k, _)| is_key(k))
}

fn is_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase())
}

/// A top-level Markdown block, as a byte range of the file.
#[derive(Debug, Clone)]
pub(super) struct Block {
    pub range: Range<usize>,
    /// For a table, its number of columns.
    pub table_columns: Option<usize>,
}

/// The top-level blocks (paragraphs, lists, tables, code…) of `range`.
pub(super) fn blocks(text: &str, range: Range<usize>) -> Vec<Block> {
    let base = range.start;
    let mut depth = 0usize;
    let mut found = Vec::new();
    for (event, r) in Parser::new_ext(&text[range], Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    found.push(Block {
                        range: base + r.start..base + r.end,
                        table_columns: match tag {
                            Tag::Table(columns) => Some(columns.len()),
                            _ => None,
                        },
                    });
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            // Rules and raw HTML blocks stand alone at the top level.
            _ if depth == 0 => found.push(Block {
                range: base + r.start..base + r.end,
                table_columns: None,
            }),
            _ => {}
        }
    }
    found
}

/// The body rows of a table block (its header left out): each row's cells
/// as Markdown, with `\|` unescaped.
pub(super) fn table_rows(text: &str, table: &Block) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut in_head = false;
    let parser = Parser::new_ext(&text[table.range.clone()], Options::ENABLE_TABLES);
    for (event, r) in parser.into_offset_iter() {
        let r = table.range.start + r.start..table.range.start + r.end;
        match event {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) if !in_head => {
                if let Some(row) = rows.last_mut() {
                    row.push(text[r].trim().replace("\\|", "|"));
                }
            }
            _ => {}
        }
    }
    rows
}
