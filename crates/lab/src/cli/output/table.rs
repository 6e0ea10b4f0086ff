//! `--output table`: the CLI's boxed tables (aws-cli `awscli/formatter.py`,
//! `TableFormatter`, and `awscli/table.py`;
//! <https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-output-format.html#table-output>).
//!
//! The operation's name is the title. A structure's scalars form one row
//! under their sorted keys (a single scalar is a `key | value` row); each
//! list or structure inside it is a section of its own, indented one
//! level. A list of structures is a table with one row per structure.
//! Columns are scaled to the widest section; past the 80-column terminal,
//! single-row sections turn into `key | value` rows.

use super::text::py_str;
use serde_json::{Map, Value};

const TERMINAL_WIDTH: usize = 80;

#[derive(Debug, Default)]
struct Section {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent: usize,
    max_widths: Vec<usize>,
}

/// Display width: East Asian wide and full-width characters take two
/// columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

impl Section {
    fn update_widths(&mut self, row: &[String]) {
        if self.max_widths.is_empty() {
            self.max_widths = row.iter().map(|c| width(c)).collect();
        } else {
            for (i, cell) in row.iter().enumerate() {
                if let Some(w) = self.max_widths.get_mut(i) {
                    *w = (*w).max(width(cell));
                }
            }
        }
    }

    fn add_header(&mut self, headers: Vec<String>) {
        self.update_widths(&headers);
        self.headers = headers;
    }

    fn add_row(&mut self, row: Vec<String>) {
        self.update_widths(&row);
        self.rows.push(row);
    }

    /// Column widths plus padding, scaled to add up to `max_width`, with
    /// Python's rounding (half to even).
    fn column_widths(&self, padding: usize, max_width: Option<usize>) -> Vec<usize> {
        let unscaled: Vec<usize> = self.max_widths.iter().map(|w| w + padding).collect();
        let Some(max_width) = max_width.filter(|_| !unscaled.is_empty()) else {
            return unscaled;
        };
        let scale = max_width as f64 / unscaled.iter().sum::<usize>() as f64;
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|w| (scale * *w as f64).round_ties_even() as i64)
            .collect();
        let mut off_by = scaled.iter().sum::<i64>() - max_width as i64;
        while off_by != 0 {
            let order: Vec<usize> = if off_by < 0 {
                (0..scaled.len()).rev().collect()
            } else {
                (0..scaled.len()).collect()
            };
            for i in order {
                scaled[i] -= off_by.signum();
                off_by -= off_by.signum();
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled.into_iter().map(|w| w.max(0) as usize).collect()
    }

    fn total_width(&self) -> usize {
        let columns: usize = self.max_widths.iter().map(|w| w + 4).sum();
        let total = columns + 2 + 2 * self.indent;
        total.max(width(&self.title) + 2 + 2 * self.indent)
    }
}

/// The table for `value`, titled `title`; empty when the value is empty
/// or false, as the CLI prints nothing then.
pub fn format(title: &str, value: &Value) -> String {
    let mut t = Table::default();
    if !t.build(Some(title), value, 0) {
        return String::new();
    }
    t.render()
}

#[derive(Default)]
struct Table {
    sections: Vec<Section>,
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
}

fn falsy(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
    }
}

impl Table {
    fn current(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        self.sections.last_mut().expect("a section")
    }

    fn new_section(&mut self, title: &str, indent: usize) {
        self.sections.push(Section {
            title: title.to_owned(),
            indent,
            ..Section::default()
        });
    }

    fn build(&mut self, title: Option<&str>, value: &Value, indent: usize) -> bool {
        if falsy(value) {
            return false;
        }
        if let Some(title) = title {
            self.new_section(title, indent);
        }
        match value {
            Value::Array(items) if items[0].is_object() => self.list_rows(items, indent, title),
            Value::Array(items) => {
                for item in items {
                    match item {
                        v if is_scalar(v) => self.current().add_row(vec![py_str(v)]),
                        Value::Array(cells) if cells.iter().all(is_scalar) => {
                            self.current().add_row(cells.iter().map(py_str).collect())
                        }
                        Value::Object(map) => self.current().add_row(map.keys().cloned().collect()),
                        other => {
                            self.build(None, other, 0);
                        }
                    }
                }
            }
            Value::Object(map) => self.dict_rows(map, indent),
            _ => {}
        }
        true
    }

    fn dict_rows(&mut self, map: &Map<String, Value>, indent: usize) {
        let (headers, more) = group(map);
        match headers.as_slice() {
            [one] => {
                let cell = py_str(&map[one]);
                self.current().add_row(vec![one.clone(), cell]);
            }
            [] => {}
            _ => {
                let row = headers.iter().map(|k| py_str(&map[k])).collect();
                self.current().add_header(headers);
                self.current().add_row(row);
            }
        }
        for key in more {
            self.build(Some(&key), &map[&key], indent + 1);
        }
    }

    fn list_rows(&mut self, items: &[Value], indent: usize, title: Option<&str>) {
        let (mut headers, mut more) = (Vec::new(), Vec::new());
        for map in items.iter().filter_map(Value::as_object) {
            let (h, m) = group(map);
            headers.extend(h);
            more.extend(m);
        }
        for v in [&mut headers, &mut more] {
            v.sort();
            v.dedup();
        }
        self.current().add_header(headers.clone());
        for (i, item) in items.iter().enumerate() {
            let map = item.as_object().cloned().unwrap_or_default();
            if i > 0 && !more.is_empty() {
                self.new_section(title.unwrap_or_default(), indent);
                self.current().add_header(headers.clone());
            }
            let row = headers
                .iter()
                .map(|h| map.get(h).map_or_else(String::new, py_str))
                .collect();
            self.current().add_row(row);
            for key in more.iter().filter(|k| map.contains_key(*k)) {
                self.build(Some(key), &map[key], indent + 1);
            }
        }
    }

    fn render(mut self) -> String {
        let mut max_width = self.max_width();
        if max_width > TERMINAL_WIDTH {
            for s in &mut self.sections {
                if s.rows.len() == 1 && !s.headers.is_empty() {
                    let pairs: Vec<Vec<String>> = s
                        .headers
                        .iter()
                        .cloned()
                        .zip(s.rows[0].clone())
                        .map(|(h, c)| vec![h, c])
                        .collect();
                    *s = Section {
                        title: std::mem::take(&mut s.title),
                        indent: s.indent,
                        ..Section::default()
                    };
                    for pair in pairs {
                        s.add_row(pair);
                    }
                }
            }
            max_width = self.max_width();
        }
        let mut out = format!("{}\n", "-".repeat(max_width));
        for s in &self.sections {
            render_section(s, max_width, &mut out);
        }
        out
    }

    fn max_width(&self) -> usize {
        self.sections
            .iter()
            .map(Section::total_width)
            .max()
            .unwrap_or(0)
    }
}

/// A structure's keys: scalars and the rest, each sorted.
fn group(map: &Map<String, Value>) -> (Vec<String>, Vec<String>) {
    let (mut scalars, mut more): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for (k, v) in map {
        if is_scalar(v) {
            scalars.push(k.clone())
        } else {
            more.push(k.clone())
        }
    }
    scalars.sort();
    more.sort();
    (scalars, more)
}

fn center(text: &str, length: usize, left: &str) -> String {
    let tl = width(text) as i64;
    let start = length as i64 / 2 - tl / 2 - 1;
    let so_far = left.len() as i64 + start + tl;
    let right = length as i64 - 1 - so_far;
    let spaces = |n: i64| " ".repeat(n.max(0) as usize);
    format!("{left}{}{text}{}|", spaces(start), spaces(right))
}

fn align_left(text: &str, length: usize, left: &str) -> String {
    let tl = width(text);
    let padding = if length > tl + 2 + left.len() { 2 } else { 0 };
    let rest = (length as i64 - (left.len() + padding + tl) as i64 - 1).max(0) as usize;
    format!("{left}{}{text}{}|", " ".repeat(padding), " ".repeat(rest))
}

fn line_break(widths: &[usize]) -> String {
    let mut line = String::new();
    for (i, w) in widths.iter().enumerate() {
        if i == 0 {
            line.push_str(&format!("+{}+", "-".repeat(w.saturating_sub(2))));
        } else {
            line.push_str(&format!("{}+", "-".repeat(w.saturating_sub(1))));
        }
    }
    line
}

fn render_section(s: &Section, max_width: usize, out: &mut String) {
    let bars = "|".repeat(s.indent);
    let mut line = |text: String| out.push_str(&format!("{bars}{text}{bars}\n"));
    let max_width = max_width - s.indent * 2;
    if !s.title.is_empty() {
        line(center(&s.title, max_width, "|"));
        if s.headers.is_empty() && s.rows.is_empty() {
            line(format!("+{}+", "-".repeat(max_width.saturating_sub(2))));
        }
    }
    let widths = s.column_widths(4, Some(max_width));
    if !s.headers.is_empty() {
        let titles: String = widths
            .iter()
            .zip(&s.headers)
            .enumerate()
            .map(|(i, (w, h))| center(h, *w, if i == 0 { "|" } else { "" }))
            .collect();
        line(line_break(&widths));
        line(titles);
    }
    if s.rows.is_empty() || widths.is_empty() {
        return;
    }
    line(line_break(&widths));
    for row in &s.rows {
        let cells: String = widths
            .iter()
            .zip(row)
            .enumerate()
            .map(|(i, (w, c))| align_left(c, *w, if i == 0 { "|" } else { "" }))
            .collect();
        line(cells);
    }
    line(line_break(&widths));
}
