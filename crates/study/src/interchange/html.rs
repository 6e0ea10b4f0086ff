//! The HTML of an Anki field read into a tree, as forgiving as a browser is
//! of what Anki's editor writes: unclosed `<li>` and `<p>`, stray end tags,
//! comments. Only what becomes Markdown is kept (element names, their `href`,
//! `alt`, `class`, `start` and `style`); `html_markdown` converts the tree.
//!
//! The tree never reaches a page: the Markdown made from it does, through
//! [`crate::markdown::to_safe_html`].

/// A node of a field's HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Node {
    /// Text with its entities decoded.
    Text(String),
    Element(Element),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Element {
    /// Lowercase.
    pub name: String,
    attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

impl Element {
    /// An attribute's value, entities decoded.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Elements with no content and no end tag.
const VOID: [&str; 12] = [
    "br", "img", "hr", "input", "meta", "link", "wbr", "col", "area", "base", "source", "track",
];

/// Elements whose content is not HTML and is dropped whole.
const RAW: [&str; 6] = ["script", "style", "textarea", "title", "xmp", "noscript"];

/// Block elements: one of them closes an open `<p>`.
const BLOCKS: [&str; 36] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

pub(super) fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

/// Parses `html` into its top-level nodes.
pub(super) fn parse(html: &str) -> Vec<Node> {
    let mut tree = Tree {
        open: vec![Element {
            name: String::new(),
            attrs: Vec::new(),
            children: Vec::new(),
        }],
    };
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            tree.text(rest);
            break;
        };
        tree.text(&rest[..lt]);
        rest = &rest[lt..];
        let next = rest[1..].chars().next().unwrap_or(' ');
        rest = if let Some(comment) = rest.strip_prefix("<!--") {
            comment.find("-->").map_or("", |end| &comment[end + 3..])
        } else if next == '!' || next == '?' {
            rest.find('>').map_or("", |end| &rest[end + 1..])
        } else if next == '/' {
            let (name, after) = tag_name(&rest[2..]);
            tree.close(&name);
            after.find('>').map_or("", |end| &after[end + 1..])
        } else if next.is_ascii_alphabetic() {
            let (name, after) = tag_name(&rest[1..]);
            let (attrs, after) = attributes(after);
            if RAW.contains(&name.as_str()) {
                skip_raw(after, &name)
            } else {
                tree.open(name, attrs);
                after
            }
        } else {
            tree.text("<");
            &rest[1..]
        };
    }
    tree.finish()
}

struct Tree {
    /// The open elements, the root first.
    open: Vec<Element>,
}

impl Tree {
    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let decoded = html_escape::decode_html_entities(raw).into_owned();
        let children = &mut self.top().children;
        if let Some(Node::Text(t)) = children.last_mut() {
            t.push_str(&decoded);
        } else {
            children.push(Node::Text(decoded));
        }
    }

    fn top(&mut self) -> &mut Element {
        self.open.last_mut().expect("the root stays open")
    }

    fn open(&mut self, name: String, attrs: Vec<(String, String)>) {
        // What a browser closes implicitly.
        let closes: &[&str] = match name.as_str() {
            "li" => &["li"],
            "dt" | "dd" => &["dt", "dd"],
            "td" | "th" => &["td", "th"],
            "tr" => &["tr", "td", "th"],
            _ if is_block(&name) => &["p"],
            _ => &[],
        };
        let scope: &[&str] = &["ul", "ol", "dl", "table", "tr"];
        if let Some(i) = self
            .open
            .iter()
            .rposition(|e| closes.contains(&e.name.as_str()))
        {
            if !self.open[i + 1..]
                .iter()
                .any(|e| scope.contains(&e.name.as_str()))
            {
                self.pop_to(i);
            }
        }
        let element = Element {
            name,
            attrs,
            children: Vec::new(),
        };
        if VOID.contains(&element.name.as_str()) {
            self.top().children.push(Node::Element(element));
        } else {
            self.open.push(element);
        }
    }

    fn close(&mut self, name: &str) {
        if let Some(i) = self.open.iter().skip(1).rposition(|e| e.name == name) {
            self.pop_to(i + 1);
        }
    }

    /// Closes the element at `index` and everything opened inside it.
    fn pop_to(&mut self, index: usize) {
        while self.open.len() > index {
            let done = self.open.pop().expect("not the root");
            self.top().children.push(Node::Element(done));
        }
    }

    fn finish(mut self) -> Vec<Node> {
        self.pop_to(1);
        self.open.pop().expect("the root").children
    }
}

/// A tag's lowercase name, and what follows it.
fn tag_name(s: &str) -> (String, &str) {
    let end = s
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(s.len());
    (s[..end].to_ascii_lowercase(), &s[end..])
}

/// The attributes up to the end of a start tag, and what follows the tag.
fn attributes(mut s: &str) -> (Vec<(String, String)>, &str) {
    let mut attrs = Vec::new();
    loop {
        s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if s.is_empty() {
            return (attrs, s);
        }
        if let Some(after) = s.strip_prefix('>') {
            return (attrs, after);
        }
        let end = s
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(s.len())
            .max(1);
        let name = s[..end].to_ascii_lowercase();
        s = s[end..].trim_start();
        let mut value = String::new();
        if let Some(after) = s.strip_prefix('=') {
            let after = after.trim_start();
            let (raw, rest) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let close = body.find(q).unwrap_or(body.len());
                    (&body[..close], body.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let close = after
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    (&after[..close], &after[close..])
                }
            };
            value = html_escape::decode_html_entities(raw).into_owned();
            s = rest;
        }
        attrs.push((name, value));
    }
}

/// What follows the end tag of a raw-text element such as `<script>`.
fn skip_raw<'a>(s: &'a str, name: &str) -> &'a str {
    let lower = s.to_ascii_lowercase();
    match lower.find(&format!("</{name}")) {
        Some(at) => s[at..].find('>').map_or("", |end| &s[at + end + 1..]),
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(nodes: &[Node]) -> Vec<String> {
        nodes
            .iter()
            .map(|n| match n {
                Node::Text(t) => format!("{t:?}"),
                Node::Element(e) => format!("{}[{}]", e.name, names(&e.children).join(" ")),
            })
            .collect()
    }

    #[test]
    fn unclosed_items_and_paragraphs_close_as_a_browser_closes_them() {
        let tree = parse("<ul><li>one<li>two</ul><p>a<p>b<div>c</div>");
        assert_eq!(
            names(&tree),
            [
                "ul[li[\"one\"] li[\"two\"]]",
                "p[\"a\"]",
                "p[\"b\"]",
                "div[\"c\"]"
            ]
        );
    }

    #[test]
    fn scripts_comments_and_stray_end_tags_vanish() {
        let tree = parse("a<script>alert('</b>')</script><!-- <b>x</b> --></i>b &amp; &lt;c&gt;");
        assert_eq!(names(&tree), ["\"ab & <c>\""]);
    }

    #[test]
    fn attributes_are_read_quoted_or_not() {
        let tree = parse("<a href=\"https://x.test/?a=1&amp;b=2\" title='t'>x</a><img alt=diagram src=x onerror=alert(1)>");
        let [Node::Element(a), Node::Element(img)] = tree.as_slice() else {
            panic!("{tree:?}");
        };
        assert_eq!(a.attr("href"), Some("https://x.test/?a=1&b=2"));
        assert_eq!(img.attr("alt"), Some("diagram"));
        assert_eq!(img.attr("onerror"), Some("alert(1)"));
    }
}
