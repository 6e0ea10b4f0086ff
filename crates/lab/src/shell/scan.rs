//! The one quote-aware pass over a command line: where the operators `|`,
//! `>`, `>>` and `<` are, and where words break, outside quotes. Words themselves
//! are split by `shell-words`; this pass only finds what it does not know.

/// A pipe or a redirect, as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    /// `|`: the left command's standard output is the right one's input.
    Pipe,
    /// `>`: standard output replaces a file.
    Write,
    /// `>>`: standard output is added to the end of a file.
    Append,
    /// `<`: standard input is read from a file.
    Read,
}

impl Operator {
    /// The operator as the learner typed it.
    pub fn token(self) -> &'static str {
        match self {
            Operator::Pipe => "|",
            Operator::Write => ">",
            Operator::Append => ">>",
            Operator::Read => "<",
        }
    }
}

/// What the pass found: operators and word breaks, at byte offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    /// Each operator outside quotes: its byte range in the line.
    pub operators: Vec<(usize, usize, Operator)>,
    /// The byte offset just after the last blank or operator outside quotes:
    /// where the line's last word starts.
    pub last_word_start: usize,
    /// The quote still open at the end of the line, if any.
    pub open_quote: Option<char>,
    /// Where a `#` comment starts, if the line has one.
    pub comment: Option<usize>,
    /// The first of bash's operators this shell does not have (`;`, `&&`,
    /// `||`, `&`, `2>`, `$(…)`, backquotes), if the line uses one.
    pub unsupported: Option<&'static str>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    None,
    Single,
    Double,
}

/// What an unquoted character starts: one of this shell's operators, or
/// one of bash's that this shell does not have.
enum Special {
    Op(Operator),
    Unsupported(&'static str),
}

/// The special token starting with `c`, and its length in bytes.
fn special(c: char, next: Option<char>) -> Option<(Special, usize)> {
    use Special::{Op, Unsupported};
    Some(match (c, next) {
        ('|', Some('|')) => (Unsupported("||"), 2),
        ('|', _) => (Op(Operator::Pipe), 1),
        ('>', Some('>')) => (Op(Operator::Append), 2),
        ('>', _) => (Op(Operator::Write), 1),
        ('<', _) => (Op(Operator::Read), 1),
        ('&', Some('&')) => (Unsupported("&&"), 2),
        ('&', _) => (Unsupported("&"), 1),
        (';', _) => (Unsupported(";"), 1),
        ('`', _) => (Unsupported("`"), 1),
        ('$', Some('(')) => (Unsupported("$("), 2),
        _ => return None,
    })
}

/// Scans a line. A backslash outside single quotes escapes the next
/// character; `#` at the start of a word begins a comment, as in bash.
pub fn scan(line: &str) -> Scan {
    let mut out = Scan::default();
    let mut quote = Quote::None;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        match (quote, c) {
            (Quote::Single, '\'') | (Quote::Double, '"') => quote = Quote::None,
            (Quote::Single, _) => {}
            (_, '\\') => {
                chars.next();
            }
            // Bash substitutes commands inside double quotes too.
            (Quote::Double, '`' | '$') => {
                out.special(line, i, c, next);
            }
            (Quote::Double, _) => {}
            (Quote::None, '\'') => quote = Quote::Single,
            (Quote::None, '"') => quote = Quote::Double,
            (Quote::None, '#') if i == out.last_word_start => {
                out.comment = Some(i);
                break;
            }
            (Quote::None, ' ' | '\t' | '\n') => out.last_word_start = i + 1,
            (Quote::None, _) => {
                if out.special(line, i, c, next) == 2 {
                    chars.next();
                }
            }
        }
    }
    out.open_quote = match quote {
        Quote::None => None,
        Quote::Single => Some('\''),
        Quote::Double => Some('"'),
    };
    out
}

impl Scan {
    /// Notes the special token at byte `i`, if `c` starts one; returns its
    /// length (0 for none).
    fn special(&mut self, line: &str, i: usize, c: char, next: Option<char>) -> usize {
        let Some((found, len)) = special(c, next) else {
            return 0;
        };
        match found {
            // `2>` would send error messages away; here they always show.
            Special::Op(Operator::Write | Operator::Append)
                if i == self.last_word_start + 1 && line[..i].ends_with('2') =>
            {
                self.unsupported.get_or_insert("2>");
            }
            Special::Op(op) => {
                self.operators.push((i, i + len, op));
                self.last_word_start = i + len;
            }
            Special::Unsupported(token) => {
                self.unsupported.get_or_insert(token);
            }
        }
        len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_inside_quotes_or_escaped_are_text() {
        let s = scan(r#"echo '|' ">" \| a|b>>c"#);
        let ops: Vec<_> = s.operators.iter().map(|o| o.2).collect();
        assert_eq!(ops, vec![Operator::Pipe, Operator::Append]);
        assert_eq!(s.last_word_start, s.operators[1].1);
    }

    #[test]
    fn a_comment_starts_only_at_a_word() {
        assert_eq!(scan("echo a#b | c").comment, None);
        assert_eq!(scan("echo a #b | c").comment, Some(7));
    }

    #[test]
    fn an_open_quote_is_reported() {
        assert_eq!(scan("echo 'abc").open_quote, Some('\''));
        assert_eq!(scan("echo \"a'b").open_quote, Some('"'));
    }
}
