//! Text made safe for a deck file: plain text that renders as written, and
//! Markdown that cannot break a deck file's structure.

use crate::content_file::headings;

/// Marks a cloze's hidden part while a field is converted, so that escaping
/// leaves its braces alone: private-use characters no real text holds.
pub(super) const CLOZE_OPEN: char = '\u{E000}';
pub(super) const CLOZE_CLOSE: char = '\u{E001}';

/// Plain text (a Quizlet term, an Anki field without HTML) as Markdown that
/// renders as the same text: Markdown's characters are escaped, a line
/// break stays a line break and a blank line starts a paragraph.
pub(super) fn plain_to_markdown(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut paragraphs = Vec::new();
    for block in text.split("\n\n") {
        let lines: Vec<String> = block
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                let mut out = String::with_capacity(l.len());
                escape_inline(l, &mut out);
                escape_line_start(&out)
            })
            .collect();
        if !lines.is_empty() {
            paragraphs.push(lines.join("\\\n"));
        }
    }
    restore_cloze(&paragraphs.join("\n\n"))
}

/// Appends `text` with the characters that start Markdown inline syntax
/// escaped: emphasis, code, links, raw HTML, entities, tables,
/// strikethrough and cloze braces.
pub(super) fn escape_inline(text: &str, out: &mut String) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let entity = c == '&'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#');
        if entity
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '{' | '|' | '~'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
}

/// `line` with a character escaped if it would start a block at the start
/// of a line: a heading, a quote, a list item or a setext underline.
pub(super) fn escape_line_start(line: &str) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..10).contains(&digits) && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    if line.starts_with(['#', '>', '-', '+', '=']) {
        format!("\\{line}")
    } else {
        line.to_owned()
    }
}

/// Puts the braces of a cloze's hidden part back.
pub(super) fn restore_cloze(markdown: &str) -> String {
    markdown
        .replace(CLOZE_OPEN, "{{")
        .replace(CLOZE_CLOSE, "}}")
}

/// `markdown` with every heading of level 1 to 3 turned into text: a deck
/// file uses those for its title, its cards and their sections, so one in
/// a field would cut the card apart.
pub(super) fn neutralize_headings(markdown: &str) -> String {
    let mut out = markdown.to_owned();
    // From the last, so that earlier offsets stay right.
    for h in headings(markdown).iter().rev().filter(|h| h.level <= 3) {
        let heading = &markdown[h.start..h.end];
        let at = match heading.trim_start().starts_with('#') {
            // `## Title`: escape the first `#`.
            true => h.start + heading.len() - heading.trim_start().len(),
            // A setext heading: escape its `===` or `---` underline.
            false => {
                let body = heading.trim_end();
                let line_start = body.rfind('\n').map_or(0, |i| i + 1);
                let line = &body[line_start..];
                h.start + line_start + (line.len() - line.trim_start().len())
            }
        };
        out.insert(at, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::to_safe_html;

    #[test]
    fn plain_text_renders_as_written() {
        let text = "*not bold* and <b>not a tag</b> & [not](a link) `x` a|b {{c}}\n# not a heading\n1. not a list\n- nor this";
        let html = to_safe_html(&plain_to_markdown(text));
        assert_eq!(
            html,
            "<p>*not bold* and &lt;b&gt;not a tag&lt;/b&gt; &amp; [not](a link) `x` a|b {{c}}<br />\n\
             # not a heading<br />\n1. not a list<br />\n- nor this</p>\n"
        );
    }

    #[test]
    fn blank_lines_start_paragraphs() {
        assert_eq!(
            plain_to_markdown("one\r\n\r\ntwo\nthree"),
            "one\n\ntwo\\\nthree"
        );
    }

    #[test]
    fn headings_that_would_cut_a_card_become_text() {
        let md = "# One\n\n## Two\n\nThree\n===\n\n#### Four stays\n\n```\n# code stays\n```";
        let safe = neutralize_headings(md);
        assert_eq!(
            safe,
            "\\# One\n\n\\## Two\n\nThree\n\\===\n\n#### Four stays\n\n```\n# code stays\n```"
        );
        assert!(headings(&safe).iter().all(|h| h.level > 3));
    }
}
