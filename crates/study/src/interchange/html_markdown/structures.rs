//! The block structures of a field's HTML as Markdown: lists (tight or
//! loose, nested), preformatted code, quotes and tables.

use super::{blocks, longest_run, one_line, text_content};
use crate::interchange::html::{Element, Node};

pub(super) fn list(e: &Element) -> String {
    // Anki's editor nests a list right inside its parent list, not inside
    // an item: such a list joins the item before it.
    let mut items: Vec<Vec<&Node>> = Vec::new();
    for node in &e.children {
        match node {
            Node::Element(li) if li.name == "li" => items.push(li.children.iter().collect()),
            Node::Text(t) if t.trim().is_empty() => {}
            other => match items.last_mut() {
                Some(item) => item.push(other),
                None => items.push(vec![other]),
            },
        }
    }
    let is_p = |n: &&Node| matches!(n, Node::Element(p) if p.name == "p");
    let loose = items.iter().any(|item| item.iter().any(is_p));
    let start: usize = e
        .attr("start")
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(1);
    let rendered: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(k, item)| {
            let marker = match e.name.as_str() {
                "ol" => format!("{}. ", start + k),
                _ => "- ".to_owned(),
            };
            list_item(&marker, item, loose)
        })
        .collect();
    rendered.join(if loose { "\n\n" } else { "\n" })
}

fn list_item(marker: &str, nodes: &[&Node], loose: bool) -> String {
    let parts = blocks(nodes.iter().copied());
    let mut body = String::new();
    for (k, part) in parts.iter().enumerate() {
        if k > 0 {
            body.push_str(match (loose, parts[k - 1].list, part.list) {
                (true, _, _) | (false, true, false) => "\n\n",
                (false, _, true) => "\n",
                (false, false, false) => "\\\n",
            });
        }
        body.push_str(&part.text);
    }
    if body.is_empty() {
        return marker.trim_end().to_owned();
    }
    let indent = " ".repeat(marker.len());
    let mut out = marker.to_owned();
    for (k, line) in body.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&indent);
            }
        }
        out.push_str(line);
    }
    out
}

pub(super) fn code_block(pre: &Element) -> String {
    let mut code = String::new();
    text_content(&pre.children, &mut code);
    let code = code.strip_suffix('\n').unwrap_or(&code);
    let language = pre
        .children
        .iter()
        .find_map(|n| match n {
            Node::Element(c) if c.name == "code" => c.attr("class"),
            _ => None,
        })
        .and_then(|class| {
            class
                .split_whitespace()
                .find_map(|c| c.strip_prefix("language-"))
        })
        .filter(|l| {
            l.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '_'))
        })
        .unwrap_or("");
    let fence = "`".repeat(longest_run(code, '`').max(2) + 1);
    format!("{fence}{language}\n{code}\n{fence}")
}

pub(super) fn quote(inner: &str) -> String {
    let lines: Vec<String> = inner
        .lines()
        .map(|l| {
            if l.is_empty() {
                ">".to_owned()
            } else {
                format!("> {l}")
            }
        })
        .collect();
    lines.join("\n")
}

pub(super) fn table(e: &Element) -> String {
    let mut rows: Vec<Vec<(String, &'static str)>> = Vec::new();
    collect_rows(e, &mut rows);
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return String::new();
    }
    let line = |cells: Vec<&str>| format!("| {} |", cells.join(" | "));
    let cells = |row: &[(String, &'static str)]| {
        let mut cells: Vec<&str> = row.iter().map(|(text, _)| text.as_str()).collect();
        cells.resize(width, "");
        line(cells)
    };
    let mut out = vec![cells(&rows[0])];
    let mut rule: Vec<&str> = rows[0].iter().map(|(_, align)| *align).collect();
    rule.resize(width, "---");
    out.push(line(rule));
    out.extend(rows[1..].iter().map(|row| cells(row)));
    out.join("\n")
}

fn collect_rows(e: &Element, rows: &mut Vec<Vec<(String, &'static str)>>) {
    for node in &e.children {
        let Node::Element(child) = node else { continue };
        match child.name.as_str() {
            "tr" => rows.push(
                child
                    .children
                    .iter()
                    .filter_map(|c| match c {
                        Node::Element(cell) if matches!(cell.name.as_str(), "td" | "th") => {
                            Some((one_line(&cell.children), alignment(cell)))
                        }
                        _ => None,
                    })
                    .collect(),
            ),
            "thead" | "tbody" | "tfoot" => collect_rows(child, rows),
            _ => {}
        }
    }
}

/// A header cell's alignment, as pulldown-cmark writes it, as a rule cell.
fn alignment(cell: &Element) -> &'static str {
    let style = cell.attr("style").unwrap_or("").replace(' ', "");
    let align = cell.attr("align").unwrap_or("");
    match () {
        _ if style.contains("text-align:left") || align == "left" => ":--",
        _ if style.contains("text-align:center") || align == "center" => ":-:",
        _ if style.contains("text-align:right") || align == "right" => "--:",
        _ => "---",
    }
}
