//! Markdown to HTML that never runs script: raw HTML becomes text, only
//! http, https, mailto and relative links survive, images become their alt
//! text, and heading attributes are never parsed.

use pulldown_cmark::{html, Event, Options, Parser, Tag, TagEnd};

/// Opens the box a table sits in: on a narrow screen the table keeps its
/// words whole and scrolls sideways inside it, the box focusable so the
/// keyboard can scroll it too, and named for screen readers.
const TABLE_OPEN: &str =
    r#"<div class="md-table" role="region" tabindex="0" aria-label="Table, scrolls sideways">"#;
const TABLE_CLOSE: &str = "</div>";

/// Renders learner-facing Markdown (cards, explanations, imported decks).
pub fn to_safe_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut dropped_links = 0usize;
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            if is_safe_url(&dest_url) {
                Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            } else {
                dropped_links += 1;
                None
            }
        }
        Event::End(TagEnd::Link) if dropped_links > 0 => {
            dropped_links -= 1;
            None
        }
        // The alt text inside an image stays, as plain text.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    // After the filter above, which turns the author's raw HTML into text:
    // these two are the renderer's own.
    let events = events.flat_map(|event| match event {
        Event::Start(Tag::Table(_)) => vec![Event::Html(TABLE_OPEN.into()), event],
        Event::End(TagEnd::Table) => vec![event, Event::Html(TABLE_CLOSE.into())],
        other => vec![other],
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// The words of a Markdown snippet without its marks, on one line: for
/// one-line summaries and `<option>` text. Emphasis, code spans and links
/// give their text; line breaks and runs of spaces become one space.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t);
            }
            // Blocks end with a space, so "a" and "b" in two paragraphs stay two words.
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(end) if !is_inline(end) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_inline(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Links open the AWS docs; everything else is text. Deck imports keep only
/// the links this accepts, so the rule lives in one place.
pub(crate) fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        // A colon before any slash, `?` or `#` is a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::{plain_text, to_safe_html};

    #[test]
    fn plain_text_keeps_the_words_and_drops_the_marks() {
        assert_eq!(
            plain_text("Use **`GenerateDataKey`** with the\n*key ID*, see [the docs](https://docs.aws.amazon.com/kms/)."),
            "Use GenerateDataKey with the key ID, see the docs."
        );
        assert_eq!(
            plain_text("2 * 3 and a_b_c"),
            "2 * 3 and a_b_c",
            "lone marks are text"
        );
        assert_eq!(plain_text("  spaced   out  "), "spaced out");
        assert_eq!(plain_text("<b>raw</b>"), "<b>raw</b>");
        assert_eq!(plain_text("one\n\ntwo"), "one two");
    }

    #[test]
    fn a_table_sits_in_a_named_box_that_scrolls() {
        let html = to_safe_html("| a | b |\n|---|---|\n| 1 | 2 |\n\nafter");
        assert!(
            html.starts_with(
                r#"<div class="md-table" role="region" tabindex="0" aria-label="Table, scrolls sideways"><table>"#
            ),
            "{html}"
        );
        assert!(html.contains("</table>\n</div>"), "{html:?}");
        assert!(html.ends_with("</div>\n<p>after</p>\n"), "{html:?}");
        assert_eq!(html.matches("<div").count(), 1);
        // The author's own HTML is still text, table or not.
        let raw = to_safe_html("<div class=\"md-table\">x</div>");
        assert!(!raw.contains("<div"), "{raw}");
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_safe_html("Hello <script>alert(1)</script> and <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
    }

    #[test]
    fn a_block_of_raw_html_is_text_too() {
        let html = to_safe_html("<div onclick=\"alert(1)\">\nhi\n</div>\n");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains("&lt;div onclick="), "{html}");
    }

    #[test]
    fn only_web_and_mail_links_survive() {
        let html = to_safe_html(
            "[docs](https://docs.aws.amazon.com/kms/) [mail](mailto:a@b.c) [rel](/study) \
             [bad](javascript:alert(1)) [bad2](JaVaScRiPt:alert(1)) [data](data:text/html,x) [vb]( vbscript:x)",
        );
        assert!(
            html.contains(r#"<a href="https://docs.aws.amazon.com/kms/">docs</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="mailto:a@b.c">mail</a>"#),
            "{html}"
        );
        assert!(html.contains(r#"<a href="/study">rel</a>"#), "{html}");
        assert!(!html.to_ascii_lowercase().contains("javascript:"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(!html.contains("vbscript"), "{html}");
        assert!(html.contains("bad2"), "the link text stays: {html}");
    }

    #[test]
    fn images_become_their_alt_text() {
        let html = to_safe_html("![a diagram](https://example.com/x.png)");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("a diagram"), "{html}");
    }

    #[test]
    fn heading_attributes_are_not_parsed() {
        let html = to_safe_html("## Title {#id onclick=x}");
        assert!(html.contains("<h2>Title {#id onclick=x}</h2>"), "{html}");
    }

    #[test]
    fn lists_bold_code_and_tables_render() {
        let html = to_safe_html("- **bold** `code`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(
            html.contains("<li><strong>bold</strong> <code>code</code></li>"),
            "{html}"
        );
        assert!(html.contains("<table>"), "{html}");
    }
}
