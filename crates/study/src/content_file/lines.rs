//! Lines: a byte offset's line number, and the lines of part of a file with
//! the offset each starts at.

use std::ops::Range;

/// Byte offsets to 1-based line numbers.
pub struct LineIndex(Vec<usize>);

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        LineIndex(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    /// The line that holds byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// One line of a file: the byte offset it starts at, and its text without
/// the blanks around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    pub at: usize,
    pub text: &'a str,
}

impl<'a> Line<'a> {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// The line split at its first colon, as a `key: value` field line: the
    /// key as written, the value without the blanks around it. Each format
    /// decides which keys it knows.
    pub fn field(&self) -> Option<(&'a str, &'a str)> {
        self.text
            .split_once(':')
            .map(|(key, value)| (key, value.trim()))
    }
}

/// The lines of `range` of `text`, blank ones included.
pub fn lines_in(text: &str, range: Range<usize>) -> impl Iterator<Item = Line<'_>> {
    let mut at = range.start;
    text[range].split_inclusive('\n').map(move |raw| {
        let line = Line {
            at,
            text: raw.trim(),
        };
        at += raw.len();
        line
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_from_one() {
        let lines = LineIndex::new("a\nbc\n\nd");
        assert_eq!(
            [0, 1, 2, 4, 5, 6].map(|o| lines.line(o)),
            [1, 1, 2, 2, 3, 4]
        );
    }

    #[test]
    fn lines_keep_their_offsets_and_split_at_the_first_colon() {
        let text = "# T\nkind : basic \n\n  source: https://x/y\n";
        let found: Vec<Line> = lines_in(text, 4..text.len()).collect();
        assert_eq!(
            found.iter().map(|l| (l.at, l.text)).collect::<Vec<_>>(),
            [(4, "kind : basic"), (18, ""), (19, "source: https://x/y")]
        );
        assert_eq!(found[0].field(), Some(("kind ", "basic")));
        assert_eq!(found[2].field(), Some(("source", "https://x/y")));
        assert!(found[1].is_blank() && found[1].field().is_none());
    }
}
