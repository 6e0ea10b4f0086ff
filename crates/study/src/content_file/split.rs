//! A content file split at its headings: the `# Title`, the headings before
//! the first `##`, the `##` sections, and each section's parts.

use std::ops::Range;

use super::error::FileError;
use super::headings::{headings, Heading};
use super::lines::LineIndex;

/// One content file, read: its name, its text, its headings and its lines.
/// The file's structure is found once here; each format then says what its
/// title, sections and parts must hold.
pub struct ContentFile<'a> {
    name: &'a str,
    text: &'a str,
    lines: LineIndex,
    headings: Vec<Heading>,
    /// The indices in `headings` of the `##` headings.
    sections: Vec<usize>,
}

impl<'a> ContentFile<'a> {
    /// Reads `text`, the content of the file `name`.
    pub fn read(name: &'a str, text: &'a str) -> ContentFile<'a> {
        let headings = headings(text);
        let sections = (0..headings.len())
            .filter(|&i| headings[i].level == 2)
            .collect();
        ContentFile {
            name,
            text,
            lines: LineIndex::new(text),
            headings,
            sections,
        }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The line (from 1) that holds byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.lines.line(offset)
    }

    /// An error at the line that holds byte `offset`.
    pub fn error(&self, offset: usize, message: impl Into<String>) -> FileError {
        FileError::new(self.name, self.line(offset), message)
    }

    /// An error at `line` (from 1).
    pub fn error_on_line(&self, line: usize, message: impl Into<String>) -> FileError {
        FileError::new(self.name, line, message)
    }

    /// The file's first heading, whatever its level.
    pub fn first_heading(&self) -> Option<&Heading> {
        self.headings.first()
    }

    /// The `# Title`: the first heading, when it is of level 1.
    pub fn title(&self) -> Option<&Heading> {
        self.first_heading().filter(|h| h.level == 1)
    }

    /// The level-1 headings after the first heading: a file has one title.
    pub fn extra_titles(&self) -> impl Iterator<Item = &Heading> {
        self.headings.iter().skip(1).filter(|h| h.level == 1)
    }

    /// The headings after the first one and before the first `##`.
    pub fn before_sections(&self) -> &[Heading] {
        let from = self.headings.len().min(1);
        let to = self.sections.first().map_or(self.headings.len(), |&i| i);
        &self.headings[from..to.max(from)]
    }

    /// Where the first `##` section starts, or the end of the file.
    pub fn sections_start(&self) -> usize {
        self.sections
            .first()
            .map_or(self.text.len(), |&i| self.headings[i].start)
    }

    pub fn has_sections(&self) -> bool {
        !self.sections.is_empty()
    }

    /// The `##` sections, in order.
    pub fn sections(&self) -> impl Iterator<Item = Section<'_>> {
        self.sections.iter().enumerate().map(|(n, &i)| {
            let next = self
                .sections
                .get(n + 1)
                .copied()
                .unwrap_or(self.headings.len());
            Section {
                heading: &self.headings[i],
                under: &self.headings[i + 1..next],
                end: self.headings.get(next).map_or(self.text.len(), |h| h.start),
            }
        })
    }
}

/// A `##` section: its heading, every heading under it, and where it ends.
#[derive(Debug, Clone, Copy)]
pub struct Section<'f> {
    pub heading: &'f Heading,
    /// The headings after this one, up to the next `##`.
    pub under: &'f [Heading],
    /// The byte offset where the section ends: the next `##` heading, or the
    /// end of the file.
    pub end: usize,
}

impl<'f> Section<'f> {
    /// The section's id: its heading's text.
    pub fn id(&self) -> &'f str {
        self.heading.text.trim()
    }

    /// The section's `###` parts. Deeper headings belong to a part's body.
    pub fn parts(&self) -> Vec<Part<'f>> {
        self.parts_at(|h| h.level == 3)
    }

    /// Every heading under the section as a part, for a format that
    /// refuses any heading but its own `###` parts.
    pub fn subsections(&self) -> Vec<Part<'f>> {
        self.parts_at(|_| true)
    }

    /// What comes between the section's heading and the first of `parts`:
    /// its field lines and its own text.
    pub fn lead(&self, parts: &[Part<'_>]) -> Range<usize> {
        self.heading.end..parts.first().map_or(self.end, |p| p.heading.start)
    }

    fn parts_at(&self, is_part: impl Fn(&Heading) -> bool) -> Vec<Part<'f>> {
        let heads: Vec<&'f Heading> = self.under.iter().filter(|h| is_part(h)).collect();
        heads
            .iter()
            .enumerate()
            .map(|(i, &heading)| Part {
                heading,
                body: heading.end..heads.get(i + 1).map_or(self.end, |next| next.start),
            })
            .collect()
    }
}

/// A part of a section: its heading and the byte range of its body, up to
/// the next part or the end of the section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part<'f> {
    pub heading: &'f Heading,
    pub body: Range<usize>,
}

impl<'f> Part<'f> {
    /// The part's name: its heading's text.
    pub fn name(&self) -> &'f str {
        self.heading.text.trim()
    }
}
