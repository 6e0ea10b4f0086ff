//! The CLI's shorthand syntax for structures, maps and lists of
//! structures (<https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-shorthand.html>),
//! parsed as aws-cli's `awscli/shorthand.py` parses it:
//!
//! - `Key1=a,Key2=b` is a structure or map; a value may be a
//!   comma-separated list (`Key=a,b,c`), a `[list]` or a `{structure}`;
//! - values may be quoted with `'` or `"`, and `\,` is a literal comma;
//! - `Key@=file://x` reads the value from a file;
//! - errors point at the character with a caret.

use super::errors::CliError;
use super::pyvalue::Py;

/// Reads `file://` and `fileb://` values for `Key@=...`: `None` when the
/// value is not a file reference.
pub type Loader<'a> = &'a dyn Fn(&str) -> Option<Result<Py, CliError>>;

/// A shorthand syntax error, with the message the CLI prints after
/// `Error parsing parameter '<option>': `.
#[derive(Debug)]
pub enum Failure {
    Syntax(String),
    /// Not a syntax error: passed through unchanged (a paramfile error).
    Other(CliError),
}

const KEY_CHARS: &str = "-_.#/:";

/// The values of the shorthand's three kinds of unquoted value.
#[derive(Clone, Copy)]
enum Kind {
    First,
    Second,
}

fn in_start(c: char) -> bool {
    let n = c as u32;
    n <= 0xffff
        && n > 0x20
        && !matches!(c, '"' | '\'' | ',' | '=' | '[' | '{')
        && !c.is_whitespace()
}

fn in_follow(kind: Kind, c: char) -> bool {
    if c as u32 > 0xffff {
        return false;
    }
    if c.is_whitespace() {
        return true;
    }
    if (c as u32) < 0x21 {
        return false;
    }
    match kind {
        Kind::First => !matches!(c, '"' | '\'' | ',' | ']' | '}'),
        Kind::Second => !matches!(c, '"' | '\'' | ',' | '='),
    }
}

struct Parser<'a> {
    input: Vec<char>,
    i: usize,
    resolve_files: bool,
    loader: Loader<'a>,
}

/// Parses one shorthand value into a dict.
pub fn parse(value: &str, loader: Loader<'_>) -> Result<Py, Failure> {
    let mut p = Parser {
        input: value.chars().collect(),
        i: 0,
        resolve_files: false,
        loader,
    };
    p.parameter()
}

impl Parser<'_> {
    fn current(&self) -> Option<char> {
        self.input.get(self.i).copied()
    }

    fn eof(&self) -> bool {
        self.i >= self.input.len()
    }

    fn error(&self, expected: &str, actual: &str) -> Failure {
        Failure::Syntax(format!(
            "Expected: '{expected}', received: '{actual}' for input:\n {}",
            location(&self.input, self.i)
        ))
    }

    fn whitespace(&mut self) {
        while self.current().is_some_and(char::is_whitespace) {
            self.i += 1;
        }
    }

    fn expect(&mut self, c: char, ws: bool) -> Result<(), Failure> {
        if ws {
            self.whitespace();
        }
        match self.current() {
            None => return Err(self.error(&c.to_string(), "EOF")),
            Some(a) if a != c => return Err(self.error(&c.to_string(), &a.to_string())),
            Some(_) => self.i += 1,
        }
        if ws {
            self.whitespace();
        }
        Ok(())
    }

    fn parameter(&mut self) -> Result<Py, Failure> {
        let mut items: Vec<(String, Py)> = Vec::new();
        let (key, value) = self.keyval()?;
        items.push((key, value));
        let mut last = self.i;
        while !self.eof() {
            self.expect(',', true)?;
            let (key, value) = self.keyval()?;
            if items.iter().any(|(k, _)| *k == key) {
                return Err(Failure::Syntax(format!(
                    "Second instance of key \"{key}\" encountered for input:\n{}\n\
                     This is often because there is a preceding \",\" instead of a space.",
                    location(&self.input, last + 1)
                )));
            }
            items.push((key, value));
            last = self.i;
        }
        Ok(Py::dict(items))
    }

    fn key(&mut self) -> String {
        let start = self.i;
        while self
            .current()
            .is_some_and(|c| c.is_ascii_alphanumeric() || KEY_CHARS.contains(c))
        {
            self.i += 1;
        }
        self.input[start..self.i].iter().collect()
    }

    fn key_and_equals(&mut self) -> Result<String, Failure> {
        let key = self.key();
        let before = self.i;
        self.resolve_files = self.expect('@', true).is_ok();
        if !self.resolve_files {
            self.i = before;
        }
        self.expect('=', true)?;
        Ok(key)
    }

    fn keyval(&mut self) -> Result<(String, Py), Failure> {
        let key = self.key_and_equals()?;
        let value = match self.current() {
            None => Py::Str(String::new()),
            Some('[') => self.explicit_list()?,
            Some('{') => self.hash_literal()?,
            Some(_) => self.csv_value()?,
        };
        Ok((key, value))
    }

    fn csv_value(&mut self) -> Result<Py, Failure> {
        let first = self.first_value()?;
        self.whitespace();
        if self.current() != Some(',') {
            return Ok(first);
        }
        self.expect(',', true)?;
        let mut list = vec![first.clone()];
        loop {
            match self.csv_step() {
                Ok((v, done)) => {
                    list.push(v);
                    if done {
                        break;
                    }
                }
                Err(e) if self.eof() => return Err(e),
                Err(_) => {
                    self.backtrack_to_comma();
                    break;
                }
            }
        }
        Ok(if list.len() == 1 {
            first
        } else {
            Py::List(list)
        })
    }

    /// One more value of a comma-separated list, and whether the input
    /// ended after it.
    fn csv_step(&mut self) -> Result<(Py, bool), Failure> {
        let v = self.second_value()?;
        self.whitespace();
        if self.eof() {
            return Ok((v, true));
        }
        self.expect(',', true)?;
        Ok((v, false))
    }

    fn backtrack_to_comma(&mut self) {
        while self.i > 0 && self.current() != Some(',') {
            self.i -= 1;
        }
    }

    fn explicit_list(&mut self) -> Result<Py, Failure> {
        self.expect('[', true)?;
        let mut values = Vec::new();
        while self.current() != Some(']') {
            values.push(self.explicit_value()?);
            self.whitespace();
            if self.current() != Some(']') {
                self.expect(',', false)?;
                self.whitespace();
            }
        }
        self.expect(']', false)?;
        Ok(Py::List(values))
    }

    fn hash_literal(&mut self) -> Result<Py, Failure> {
        self.expect('{', true)?;
        let mut items: Vec<(String, Py)> = Vec::new();
        while self.current() != Some('}') {
            let key = self.key_and_equals()?;
            let value = self.explicit_value()?;
            self.whitespace();
            if self.current() != Some('}') {
                self.expect(',', false)?;
                self.whitespace();
            }
            match items.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => items.push((key, value)),
            }
        }
        self.expect('}', false)?;
        Ok(Py::dict(items))
    }

    fn explicit_value(&mut self) -> Result<Py, Failure> {
        match self.current() {
            Some('[') => self.explicit_list(),
            Some('{') => self.hash_literal(),
            _ => self.first_value(),
        }
    }

    fn first_value(&mut self) -> Result<Py, Failure> {
        match self.current() {
            Some(q @ ('\'' | '"')) => self.quoted(q),
            _ => {
                let raw = self.unquoted(Kind::First).unwrap_or_default();
                self.resolved(raw)
            }
        }
    }

    fn second_value(&mut self) -> Result<Py, Failure> {
        match self.current() {
            Some(q @ ('\'' | '"')) => self.quoted(q),
            _ => match self.unquoted(Kind::Second) {
                Some(raw) => self.resolved(raw),
                None => Err(self.error("<second>", "<none>")),
            },
        }
    }

    /// An unquoted value: a start character then follow characters, `\,`
    /// standing for a comma; trailing whitespace dropped.
    fn unquoted(&mut self, kind: Kind) -> Option<String> {
        let start = self.i;
        let mut j = self.i;
        let escaped = |j: usize, s: &[char]| s.get(j) == Some(&'\\') && s.get(j + 1) == Some(&',');
        while j < self.input.len() {
            let step = if escaped(j, &self.input) {
                2
            } else if (j == start && in_start(self.input[j]))
                || (j > start && in_follow(kind, self.input[j]))
            {
                1
            } else {
                break;
            };
            j += step;
        }
        if j == start {
            return None;
        }
        self.i = j;
        let consumed: String = self.input[start..j].iter().collect();
        Some(consumed.replace("\\,", ",").trim_end().to_owned())
    }

    fn quoted(&mut self, q: char) -> Result<Py, Failure> {
        let name = if q == '\'' {
            "<singled quoted>"
        } else {
            "<double quoted>"
        };
        let mut j = self.i + 1;
        let mut last_escaped_quote = None;
        let end = loop {
            match self.input.get(j) {
                None => match last_escaped_quote {
                    Some(at) => break at,
                    None => return Err(self.error(name, "<none>")),
                },
                Some('\\') if self.input.get(j + 1) == Some(&q) => {
                    last_escaped_quote = Some(j + 1);
                    j += 2;
                }
                Some(c) if *c == q => break j,
                Some(_) => j += 1,
            }
        };
        let inner: String = self.input[self.i + 1..end].iter().collect();
        self.i = end + 1;
        let value = inner
            .replace(&format!("\\{q}"), &q.to_string())
            .replace("\\\\", "\\");
        self.resolved(value)
    }

    fn resolved(&self, value: String) -> Result<Py, Failure> {
        if self.resolve_files {
            if let Some(loaded) = (self.loader)(&value) {
                return loaded.map_err(Failure::Other);
            }
        }
        Ok(Py::Str(value))
    }
}

/// The input with a caret under position `index`, on the caret's line.
fn location(input: &[char], index: usize) -> String {
    let text: String = input.iter().collect();
    let before: String = input[..index.min(input.len())].iter().collect();
    let mut spaces = index;
    if let Some(nl) = before.rfind('\n') {
        spaces = index - before[..nl].chars().count() - 1;
    }
    let (consumed, remaining) = match input[index.min(input.len())..]
        .iter()
        .position(|c| *c == '\n')
    {
        Some(off) => {
            let at = index + off;
            (input[..at].iter().collect(), input[at..].iter().collect())
        }
        None => (text, String::new()),
    };
    format!("{consumed}\n{}^{remaining}", " ".repeat(spaces))
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Syntax(m) => f.write_str(m),
            Failure::Other(e) => f.write_str(e.text().trim()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_files(_: &str) -> Option<Result<Py, CliError>> {
        None
    }

    fn s(v: &str) -> Py {
        Py::Str(v.to_owned())
    }

    #[test]
    fn pairs_lists_and_nested_structures() {
        let parsed = parse("Dept=IT,Stage=test", &no_files).unwrap();
        assert_eq!(
            parsed,
            Py::dict(vec![("Dept".into(), s("IT")), ("Stage".into(), s("test"))])
        );
        let nested = parse("EncryptionContextSubset={k=v,a=b}", &no_files).unwrap();
        let inner = Py::dict(vec![("k".into(), s("v")), ("a".into(), s("b"))]);
        assert_eq!(
            nested,
            Py::dict(vec![("EncryptionContextSubset".into(), inner)])
        );
        let csv = parse("a=b,c,d=e", &no_files).unwrap();
        let list = Py::List(vec![s("b"), s("c")]);
        assert_eq!(
            csv,
            Py::dict(vec![("a".into(), list), ("d".into(), s("e"))])
        );
        let quoted = parse("a='x,y',b=\"p q\"", &no_files).unwrap();
        assert_eq!(
            quoted,
            Py::dict(vec![("a".into(), s("x,y")), ("b".into(), s("p q"))])
        );
    }

    #[test]
    fn errors_point_at_the_problem() {
        let Err(Failure::Syntax(m)) = parse("foo", &no_files) else {
            panic!("expected a syntax error")
        };
        assert_eq!(m, "Expected: '=', received: 'EOF' for input:\n foo\n   ^");
    }
}
