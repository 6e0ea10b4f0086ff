//! A command line into a pipeline: commands separated by `|`, each with its
//! words, at most one output redirect (`> FILE` or `>> FILE`) and at most
//! one input file (`< FILE`). Words and
//! quotes follow POSIX shell rules through `shell-words`; errors read like
//! bash's.

use std::fmt;

use super::scan::{scan, Operator};

/// Where a command's standard output goes instead of the next command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    pub file: String,
    /// `>>`: add to the end of the file rather than replace it.
    pub append: bool,
}

/// One command of a pipeline: its words (the name first) and its redirects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Command {
    pub words: Vec<String>,
    pub redirect: Option<Redirect>,
    /// `< FILE`: the file standard input is read from.
    pub input: Option<String>,
}

/// Commands joined by pipes, left to right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pipeline {
    pub commands: Vec<Command>,
}

/// Why a line could not be parsed, worded as bash words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// An operator where a word or a command was expected; `newline` when
    /// the line ended instead.
    UnexpectedToken(&'static str),
    /// The line ended right after a `|`.
    UnexpectedEnd,
    /// A quote was opened and never closed.
    UnterminatedQuote(char),
    /// One of bash's operators that this shell does not have.
    Unsupported(&'static str),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::UnexpectedToken(t) => {
                write!(f, "syntax error near unexpected token '{t}'")
            }
            ParseError::UnexpectedEnd => f.write_str("syntax error: unexpected end of file"),
            ParseError::UnterminatedQuote(q) => {
                write!(f, "unexpected EOF while looking for matching `{q}'")
            }
            ParseError::Unsupported("$(" | "`") => f.write_str(
                "command substitution is not supported here: run the command on its \
                 own line, or save its output with > FILE and pass fileb://FILE",
            ),
            ParseError::Unsupported("2>") => f.write_str(
                "'2>' is not supported here: error messages always show on the terminal",
            ),
            ParseError::Unsupported(t) => {
                write!(f, "'{t}' is not supported here: run one command per line")
            }
        }
    }
}

/// A word or an operator, in the order typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Word(String),
    Op(Operator),
}

/// Splits a line into words and operators. Comments (`# …`) are dropped.
pub fn tokenize(line: &str) -> Result<Vec<Token>, ParseError> {
    let scanned = scan(line);
    if let Some(q) = scanned.open_quote {
        return Err(ParseError::UnterminatedQuote(q));
    }
    if let Some(token) = scanned.unsupported {
        return Err(ParseError::Unsupported(token));
    }
    let line = &line[..scanned.comment.unwrap_or(line.len())];
    let mut tokens = Vec::new();
    let mut from = 0;
    for (start, end, op) in scanned.operators {
        push_words(&mut tokens, &line[from..start])?;
        tokens.push(Token::Op(op));
        from = end;
    }
    push_words(&mut tokens, &line[from..])?;
    Ok(tokens)
}

fn push_words(tokens: &mut Vec<Token>, text: &str) -> Result<(), ParseError> {
    // The scan has already found every open quote, so this cannot fail.
    let words = shell_words::split(text).map_err(|_| ParseError::UnterminatedQuote('"'))?;
    tokens.extend(words.into_iter().map(Token::Word));
    Ok(())
}

/// Parses a line. `Ok(None)` is a line with nothing to run (blank, or only
/// a comment).
pub fn parse(line: &str) -> Result<Option<Pipeline>, ParseError> {
    let mut commands = Vec::new();
    let mut current = Command::default();
    let mut target: Option<Operator> = None;
    for token in tokenize(line)? {
        match (token, target.take()) {
            (Token::Word(file), Some(Operator::Read)) => current.input = Some(file),
            (Token::Word(file), Some(op)) => {
                current.redirect = Some(Redirect {
                    file,
                    append: op == Operator::Append,
                })
            }
            (Token::Word(word), None) => current.words.push(word),
            (Token::Op(op), Some(_)) => return Err(ParseError::UnexpectedToken(op.token())),
            (Token::Op(Operator::Pipe), None) if is_empty(&current) => {
                return Err(ParseError::UnexpectedToken("|"))
            }
            (Token::Op(Operator::Pipe), None) => commands.push(std::mem::take(&mut current)),
            (Token::Op(op), None) => target = Some(op),
        }
    }
    if target.is_some() {
        return Err(ParseError::UnexpectedToken("newline"));
    }
    match (is_empty(&current), commands.is_empty()) {
        (true, true) => Ok(None),
        (true, false) => Err(ParseError::UnexpectedEnd),
        (false, _) => {
            commands.push(current);
            Ok(Some(Pipeline { commands }))
        }
    }
}

fn is_empty(command: &Command) -> bool {
    command.words.is_empty() && command.redirect.is_none() && command.input.is_none()
}
