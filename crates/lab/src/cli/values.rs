//! From the words after an option to a parameter value, in the CLI's two
//! steps (aws-cli `awscli/paramfile.py` and `awscli/argprocess.py`):
//!
//! 1. `file://NAME` is replaced by the file's text and `fileb://NAME` by
//!    its bytes (<https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters-file.html>);
//! 2. the value is unpacked by type: shorthand or JSON for structures,
//!    maps and lists of structures; one word each for lists of strings;
//!    `int()` for integers; strings, blobs and timestamps as they are.

use super::args;
use super::errors::{py_repr, CliError};
use super::model::{Member, Shape};
use super::pyvalue::Py;
use super::shorthand::{self, Failure};
use crate::io::Vfs;

/// What `file://` or `fileb://` names, or `None` if `value` names no file.
/// Errors carry the CLI's message, without the option name.
pub fn load_paramfile(files: &Vfs, value: &str) -> Option<Result<Py, String>> {
    let (path, binary) = if let Some(p) = value.strip_prefix("fileb://") {
        (p, true)
    } else if let Some(p) = value.strip_prefix("file://") {
        (p, false)
    } else {
        return None;
    };
    let name = path.strip_prefix("./").unwrap_or(path);
    let Some(bytes) = files.read(name) else {
        return Some(Err(format!(
            "Unable to load paramfile {value}: [Errno 2] No such file or directory: {}",
            py_repr(path)
        )));
    };
    if binary {
        return Some(Ok(Py::Bytes(bytes.to_vec())));
    }
    Some(match std::str::from_utf8(bytes) {
        // Python reads text files with universal newlines.
        Ok(text) => Ok(Py::Str(text.replace("\r\n", "\n").replace('\r', "\n"))),
        Err(_) => Err(format!(
            "Unable to load paramfile ({path}), text contents could not be decoded.  \
             If this is a binary file, please use the fileb:// prefix instead of the \
             file:// prefix."
        )),
    })
}

/// A member's value as given, after step 1.
enum Given {
    One(Py),
    Words(Vec<String>),
}

/// Unpacks the value given for `member` (steps 1 and 2).
pub fn unpack(
    files: &Vfs,
    member: &Member,
    option: &str,
    value: &args::Value,
) -> Result<Py, CliError> {
    let load = |word: &str| -> Result<Py, CliError> {
        match load_paramfile(files, word) {
            Some(loaded) => loaded.map_err(|m| CliError::parsing(option, &m)),
            None => Ok(Py::Str(word.to_owned())),
        }
    };
    let given = match value {
        args::Value::Flag(b) => return Ok(Py::Bool(*b)),
        args::Value::One(word) => Given::One(load(word)?),
        args::Value::Many(words) if words.len() == 1 => match load_paramfile(files, &words[0]) {
            Some(_) => Given::One(load(&words[0])?),
            None => Given::Words(words.clone()),
        },
        args::Value::Many(words) => Given::Words(words.clone()),
    };
    if supports_shorthand(&member.shape) && !looks_like_json(&given) {
        return shorthand_value(files, option, given).and_then(|v| typed(&member.shape, v));
    }
    unpack_typed(&member.shape, option, given)
}

fn supports_shorthand(shape: &Shape) -> bool {
    match shape {
        Shape::Structure(_) | Shape::Map => true,
        Shape::List(item) => matches!(item, Shape::Structure(_) | Shape::Map | Shape::List(_)),
        _ => false,
    }
}

fn looks_like_json(given: &Given) -> bool {
    let first = match given {
        Given::One(Py::Str(s)) => s.as_str(),
        Given::Words(w) if !w.is_empty() => w[0].as_str(),
        _ => return false,
    };
    first.trim_start().starts_with(['[', '{'])
}

fn shorthand_value(files: &Vfs, option: &str, given: Given) -> Result<Py, CliError> {
    let loader = |v: &str| load_paramfile(files, v).map(|r| r.map_err(CliError::General));
    let parse_one = |text: &str| {
        shorthand::parse(text, &loader).map_err(|f| match f {
            Failure::Syntax(m) => CliError::parsing(option, &m),
            Failure::Other(e) => e,
        })
    };
    match given {
        Given::One(Py::Str(text)) => parse_one(&text),
        Given::One(other) => Ok(other),
        Given::Words(words) => Ok(Py::List(
            words
                .iter()
                .map(|w| parse_one(w))
                .collect::<Result<_, _>>()?,
        )),
    }
}

/// Shorthand gives strings; the CLI then shapes them by the model
/// (aws-cli's `BackCompatVisitor`): integers through `int()`, booleans by
/// whether they read `true`, and a single value where the model has a list
/// becomes a list of one (`Values=completed` is `["completed"]`).
fn typed(shape: &Shape, value: Py) -> Result<Py, CliError> {
    match (shape, value) {
        (_, Py::None) => Ok(Py::None),
        (Shape::Int { .. }, v @ Py::Str(_)) => int(&v),
        (Shape::Bool, Py::Str(s)) => Ok(Py::Bool(s.eq_ignore_ascii_case("true"))),
        (Shape::List(item), Py::List(items)) => items
            .into_iter()
            .map(|v| typed(item, v))
            .collect::<Result<_, _>>()
            .map(Py::List),
        (Shape::List(item), one) => Ok(Py::List(vec![typed(item, one)?])),
        (Shape::Structure(members), Py::Dict { items, ordered }) => {
            let items = items
                .into_iter()
                .map(|(k, v)| match members.iter().find(|m| m.name == k) {
                    Some(m) => typed(&m.shape, v).map(|v| (k, v)),
                    None => Ok((k, v)),
                })
                .collect::<Result<_, _>>()?;
            Ok(Py::Dict { items, ordered })
        }
        (_, v) => Ok(v),
    }
}

fn unpack_typed(shape: &Shape, option: &str, given: Given) -> Result<Py, CliError> {
    match (shape, given) {
        (Shape::Int { .. }, Given::One(v)) => int(&v),
        (Shape::Structure(_) | Shape::Map, Given::One(Py::Str(text))) => {
            if text.trim_start().starts_with('{') {
                json(option, &text)
            } else {
                Err(CliError::parsing(option, &format!("Invalid JSON:\n{text}")))
            }
        }
        (Shape::List(item), Given::One(Py::Str(text))) => {
            if text.trim_start().starts_with('[') {
                return json(option, &text);
            }
            // Python iterates over the characters of a string.
            let chars = text.chars().map(|c| Given::One(Py::Str(c.to_string())));
            chars
                .map(|c| unpack_typed(item, option, c))
                .collect::<Result<_, _>>()
                .map(Py::List)
        }
        (Shape::List(item), Given::Words(words)) => {
            if let [only] = words.as_slice() {
                if only.trim().starts_with('[') {
                    return json(option, only);
                }
            }
            let items = words
                .iter()
                .map(|w| unpack_typed(item, option, Given::One(Py::Str(w.clone()))));
            items.collect::<Result<_, _>>().map(Py::List)
        }
        (_, Given::One(v)) => Ok(v),
        (_, Given::Words(words)) => Ok(Py::List(words.into_iter().map(Py::Str).collect())),
    }
}

/// Python's `int(value)`: surrounding whitespace, a sign, and single
/// underscores between digits are allowed.
fn int(value: &Py) -> Result<Py, CliError> {
    let Py::Str(text) = value else {
        return Ok(value.clone());
    };
    let t = text.trim();
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    let well_formed = !digits.is_empty()
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        && !digits.contains("__")
        && digits.chars().all(|c| c.is_ascii_digit() || c == '_');
    match t.replace('_', "").parse::<i64>() {
        Ok(n) if well_formed => Ok(Py::Int(n)),
        _ => Err(CliError::General(format!(
            "invalid literal for int() with base 10: {}",
            py_repr(text)
        ))),
    }
}

/// `json.loads(value)`, with Python's wording for the common mistakes.
pub fn json(option: &str, text: &str) -> Result<Py, CliError> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => Ok(Py::from_json(&v)),
        Err(e) => Err(CliError::parsing(
            option,
            &format!(
                "Invalid JSON: {}\nJSON received: {text}",
                python_json_error(&e, text)
            ),
        )),
    }
}

/// The message Python's `json` module gives for the error serde_json found.
fn python_json_error(e: &serde_json::Error, text: &str) -> String {
    let raw = e.to_string();
    let what = if raw.starts_with("trailing characters") {
        "Extra data"
    } else if raw.starts_with("key must be a string") {
        "Expecting property name enclosed in double quotes"
    } else if raw.starts_with("expected `:`") {
        "Expecting ':' delimiter"
    } else if raw.starts_with("expected `,` or `}`") || raw.starts_with("expected `,` or `]`") {
        "Expecting ',' delimiter"
    } else if raw.starts_with("trailing comma") {
        "Illegal trailing comma before end of object"
    } else {
        "Expecting value"
    };
    let (line, column) = (e.line(), e.column().max(1));
    let offset: usize = text
        .split('\n')
        .take(line - 1)
        .map(|l| l.chars().count() + 1)
        .sum();
    let char_index = offset + column - 1;
    format!("{what}: line {line} column {column} (char {char_index})")
}
