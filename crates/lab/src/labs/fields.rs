//! Field lines: the paragraph of `key: value` lines right under a lab's
//! `# Title` or a task's `## task-id`, as in deck files.

use std::ops::Range;

use keydeck_study::content_file::{lines_in, ContentFile, Line};

use super::error::Report;

/// One `key: value` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Field {
    pub key: &'static str,
    pub value: String,
    pub line: usize,
}

/// The field lines of a section and the byte offset where they end.
pub(super) struct Fields {
    pub list: Vec<Field>,
    pub end: usize,
}

/// Which keys a section accepts, and which of them may repeat.
pub(super) struct Schema {
    pub known: &'static [&'static str],
    pub repeatable: &'static [&'static str],
}

impl Fields {
    /// Reads the field paragraph that starts at the first non-blank line of
    /// `range` and ends at a blank line or at the end of the range.
    pub fn read(
        source: &ContentFile<'_>,
        range: Range<usize>,
        schema: &Schema,
        report: &mut Report<'_>,
    ) -> Fields {
        let mut list: Vec<Field> = Vec::new();
        let mut end = range.end;
        let mut started = false;
        for line in lines_in(source.text(), range) {
            if line.is_blank() {
                if started {
                    end = line.at;
                    break;
                }
                continue;
            }
            started = true;
            if let Some(field) = parse_line(line, source.line(line.at), schema, report) {
                if list.iter().any(|f| f.key == field.key)
                    && !schema.repeatable.contains(&field.key)
                {
                    report.error(field.line, format!("field \"{}\" appears twice", field.key));
                }
                list.push(field);
            }
        }
        Fields { list, end }
    }

    /// The value of a field that appears at most once.
    pub fn one(&self, key: &str) -> Option<&Field> {
        self.list.iter().find(|f| f.key == key)
    }

    /// Every value of a repeatable field, in order.
    pub fn all(&self, key: &str) -> impl Iterator<Item = &Field> + '_ {
        let key = key.to_owned();
        self.list.iter().filter(move |f| f.key == key)
    }
}

fn parse_line(
    line: Line<'_>,
    line_no: usize,
    schema: &Schema,
    report: &mut Report<'_>,
) -> Option<Field> {
    let Some((key, value)) = line.field() else {
        report.error(
            line_no,
            format!("expected a \"field: value\" line, found \"{}\"", line.text),
        );
        return None;
    };
    let key = key.trim();
    let Some(known) = schema.known.iter().find(|k| **k == key) else {
        report.error(
            line_no,
            format!(
                "unknown field \"{key}\" (expected {})",
                schema.known.join(", ")
            ),
        );
        return None;
    };
    if value.is_empty() {
        report.error(line_no, format!("field \"{key}\" is empty"));
        return None;
    }
    Some(Field {
        key: known,
        value: value.to_owned(),
        line: line_no,
    })
}

/// A comma-separated list, with empty items dropped.
pub(super) fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
