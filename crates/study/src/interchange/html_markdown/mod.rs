//! An Anki field's HTML as Markdown. What has a Markdown form keeps it:
//! paragraphs and `<div>`s, `<br>`, bold, italic, strikethrough, code,
//! preformatted blocks, lists, quotes, tables, and links that
//! [`crate::markdown`] would keep. Other elements give their text (`<u>`,
//! `<span style>`, `<font>`), images their alt text, and script, style,
//! iframes and the like nothing at all. Text is escaped, so what Anki showed
//! as text is never read as Markdown. Headings become bold lines: the deck
//! format keeps `#` to `###` for itself.
//!
//! The Markdown then renders through [`crate::markdown::to_safe_html`] like
//! every card, so nothing here has to be a security boundary; it is one
//! anyway, since no attribute but a checked `href` is carried over.

mod structures;

use super::html::{is_block, parse, Element, Node};
use super::text::{escape_inline, escape_line_start, restore_cloze};
use crate::markdown::is_safe_url;
use structures::{code_block, list, quote, table};

/// A `<br>` while a paragraph is assembled.
const BREAK: char = '\u{E002}';
/// A block boundary met inside inline content.
const PARAGRAPH: char = '\u{E003}';

/// Elements that give nothing, not even their text.
const DROPPED: [&str; 8] = [
    "head", "template", "iframe", "object", "embed", "svg", "math", "select",
];

/// `html` as Markdown.
pub(super) fn html_to_markdown(html: &str) -> String {
    restore_cloze(&join(&blocks(&parse(html)), "\n\n"))
}

/// A block of Markdown, and whether it is a list (which may follow a
/// paragraph inside a tight list item).
struct Block {
    text: String,
    list: bool,
}

fn join(blocks: &[Block], separator: &str) -> String {
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    texts.join(separator)
}

fn blocks<'a>(nodes: impl IntoIterator<Item = &'a Node>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut run = String::new();
    for node in nodes {
        match node {
            Node::Element(e) if DROPPED.contains(&e.name.as_str()) => {}
            Node::Element(e) if is_block(&e.name) => {
                paragraphs(&std::mem::take(&mut run), &mut out);
                block(e, &mut out);
            }
            _ => inline(node, &mut run),
        }
    }
    paragraphs(&run, &mut out);
    out
}

fn block(e: &Element, out: &mut Vec<Block>) {
    let text = match e.name.as_str() {
        "ul" | "ol" => {
            out.push(Block {
                text: list(e),
                list: true,
            });
            return;
        }
        "pre" => code_block(e),
        "blockquote" => quote(&join(&blocks(&e.children), "\n\n")),
        "table" => table(e),
        "hr" => "---".to_owned(),
        "h1" | "h2" | "h3" => wrap_line("**", &one_line(&e.children), "**"),
        "h4" | "h5" | "h6" => {
            let level = e.name[1..].parse().unwrap_or(4);
            wrap_line(
                &format!("{} ", "#".repeat(level)),
                &one_line(&e.children),
                "",
            )
        }
        _ => {
            out.extend(blocks(&e.children));
            return;
        }
    };
    if !text.is_empty() {
        out.push(Block { text, list: false });
    }
}

fn inline(node: &Node, out: &mut String) {
    let e = match node {
        Node::Text(text) => return push_text(text, out),
        Node::Element(e) => e,
    };
    match e.name.as_str() {
        name if DROPPED.contains(&name) => {}
        "br" => out.push(BREAK),
        "img" => push_text(e.attr("alt").unwrap_or(""), out),
        "b" | "strong" => wrap(e, "**", out),
        "i" | "em" => wrap(e, "*", out),
        "s" | "del" | "strike" => wrap(e, "~~", out),
        "code" | "kbd" | "samp" | "tt" => code_span(e, out),
        "a" => link(e, out),
        name => {
            let block = is_block(name);
            if block {
                out.push(PARAGRAPH);
            }
            e.children.iter().for_each(|c| inline(c, out));
            if block {
                out.push(PARAGRAPH);
            }
        }
    }
}

/// HTML text: whitespace collapses (a run with a newline stays a newline,
/// which Markdown also reads as a space) and Markdown's characters are
/// escaped.
fn push_text(text: &str, out: &mut String) {
    let mut collapsed = String::with_capacity(text.len());
    let mut run: Option<bool> = None;
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            run = Some(run.unwrap_or(false) || c == '\n');
            continue;
        }
        if let Some(newline) = run.take() {
            collapsed.push(if newline { '\n' } else { ' ' });
        }
        collapsed.push(c);
    }
    if let Some(newline) = run {
        collapsed.push(if newline { '\n' } else { ' ' });
    }
    escape_inline(&collapsed, out);
}

/// `**bold**`, with the spaces at its edges left outside, where Markdown
/// needs them.
fn wrap(e: &Element, marker: &str, out: &mut String) {
    let mut inner = String::new();
    e.children.iter().for_each(|c| inline(c, &mut inner));
    let edge = |c: char| c.is_whitespace() || c == BREAK;
    let core = inner.trim_matches(edge);
    if core.is_empty() {
        out.push_str(&inner);
        return;
    }
    let lead = inner.len() - inner.trim_start_matches(edge).len();
    let trail = inner.trim_end_matches(edge).len();
    out.push_str(&inner[..lead]);
    out.push_str(&wrap_line(marker, core, marker));
    out.push_str(&inner[trail..]);
}

fn wrap_line(open: &str, text: &str, close: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!("{open}{text}{close}")
    }
}

fn code_span(e: &Element, out: &mut String) {
    let mut code = String::new();
    text_content(&e.children, &mut code);
    let code = code.replace(['\n', '\r'], " ");
    if code.is_empty() {
        return;
    }
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    out.push_str(&format!("{fence}{pad}{code}{pad}{fence}"));
}

fn link(e: &Element, out: &mut String) {
    let mut text = String::new();
    e.children.iter().for_each(|c| inline(c, &mut text));
    let href = e.attr("href").unwrap_or("").trim();
    let usable = !href.is_empty() && is_safe_url(href) && !href.contains(['<', '>', '\n']);
    if !usable || text.trim().is_empty() {
        out.push_str(&text);
    } else if href.contains([' ', '(', ')']) {
        out.push_str(&format!("[{text}](<{href}>)"));
    } else {
        out.push_str(&format!("[{text}]({href})"));
    }
}

/// The text of `nodes`, a `<br>` as a newline.
fn text_content(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.name == "br" => out.push('\n'),
            Node::Element(e) if DROPPED.contains(&e.name.as_str()) => {}
            Node::Element(e) => text_content(&e.children, out),
        }
    }
}

fn longest_run(text: &str, c: char) -> usize {
    text.split(|x| x != c).map(str::len).max().unwrap_or(0)
}

/// Inline content as paragraphs: one `<br>` is a hard line break, two or
/// more (or a block inside inline content) start a new paragraph.
fn paragraphs(raw: &str, out: &mut Vec<Block>) {
    // Each line, and whether a hard break ends it.
    let mut lines: Vec<(String, bool)> = vec![(String::new(), false)];
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            BREAK | PARAGRAPH => {
                let (mut breaks, mut paragraph) = (usize::from(c == BREAK), c == PARAGRAPH);
                while let Some(&n) = chars
                    .peek()
                    .filter(|n| matches!(**n, BREAK | PARAGRAPH) || n.is_ascii_whitespace())
                {
                    breaks += usize::from(n == BREAK);
                    paragraph |= n == PARAGRAPH;
                    chars.next();
                }
                if paragraph || breaks >= 2 {
                    flush(&mut lines, out);
                } else {
                    lines.last_mut().expect("never empty").1 = true;
                    lines.push((String::new(), false));
                }
            }
            '\n' => lines.push((String::new(), false)),
            c => lines.last_mut().expect("never empty").0.push(c),
        }
    }
    flush(&mut lines, out);
}

fn flush(lines: &mut Vec<(String, bool)>, out: &mut Vec<Block>) {
    let mut text = String::new();
    let mut hard = false;
    for (line, breaks) in lines.drain(..) {
        let line = line.trim();
        if line.is_empty() {
            hard |= breaks;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if hard { "\\\n" } else { "\n" });
        }
        text.push_str(&escape_line_start(line));
        hard = breaks;
    }
    lines.push((String::new(), false));
    if !text.is_empty() {
        out.push(Block { text, list: false });
    }
}

/// A heading's or a cell's content on one line.
fn one_line(nodes: &[Node]) -> String {
    let mut parts = Vec::new();
    paragraphs(&inline_string(nodes), &mut parts);
    let text = join(&parts, " ");
    text.replace("\\\n", " ").replace('\n', " ")
}

fn inline_string(nodes: &[Node]) -> String {
    let mut s = String::new();
    nodes.iter().for_each(|n| inline(n, &mut s));
    s
}
