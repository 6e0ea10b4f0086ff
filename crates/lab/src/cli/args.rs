//! Command-line parsing as the AWS CLI's argparse parsers do it
//! (aws-cli `awscli/argparser.py` over Python's `argparse`,
//! `parse_known_args`):
//!
//! - an option may be abbreviated to any unique prefix (`--key` for
//!   `--key-id`); a prefix of several is "ambiguous";
//! - `--opt=value` and `--opt value` both work; a word starting with `-`
//!   is not taken as a value, except a negative number or a word with a
//!   space;
//! - list options take every following word up to the next option
//!   (`--grant-tokens t1 t2`);
//! - the first free word fills the positional (the command, the
//!   operation, or an operation's `help`); other free words and unknown
//!   options are left over, in order, for the caller to complain about;
//! - a repeated option keeps its last value;
//! - missing required arguments are reported together, in declaration
//!   order, after everything else has parsed.

use super::errors::{invalid_choice, py_repr, CliError};

/// How many words an option takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arity {
    One,
    Many,
    /// A flag with no value that stores `true` or `false` in its `dest`.
    Flag(bool),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptSpec {
    /// `--key-id`
    pub flag: String,
    /// Where the value goes: `--multi-region` and `--no-multi-region`
    /// share one.
    pub dest: String,
    pub arity: Arity,
    pub choices: Option<Vec<&'static str>>,
    pub required: bool,
}

impl OptSpec {
    pub fn new(flag: &str, arity: Arity) -> OptSpec {
        OptSpec {
            flag: flag.to_owned(),
            dest: flag.to_owned(),
            arity,
            choices: None,
            required: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Positional {
    /// The name in messages: `command`, `operation`, `help`.
    pub name: &'static str,
    /// The valid values, or `None` for any word.
    pub choices: Option<Vec<&'static str>>,
    pub required: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParserSpec {
    pub options: Vec<OptSpec>,
    pub positional: Option<Positional>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    One(String),
    Many(Vec<String>),
    Flag(bool),
}

/// What a parser took, by `dest`, in the order first given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub values: Vec<(String, Value)>,
    pub positional: Option<String>,
    pub extras: Vec<String>,
}

impl Parsed {
    pub fn get(&self, dest: &str) -> Option<&Value> {
        self.values.iter().find(|(d, _)| d == dest).map(|(_, v)| v)
    }

    pub fn one(&self, dest: &str) -> Option<&str> {
        match self.get(dest) {
            Some(Value::One(s)) => Some(s),
            _ => None,
        }
    }

    pub fn flag(&self, dest: &str) -> Option<bool> {
        match self.get(dest) {
            Some(Value::Flag(b)) => Some(*b),
            _ => None,
        }
    }

    fn set(&mut self, dest: &str, value: Value) {
        match self.values.iter_mut().find(|(d, _)| d == dest) {
            Some(slot) => slot.1 = value,
            None => self.values.push((dest.to_owned(), value)),
        }
    }
}

/// A word classified: an option (known or not, with any `=value`), or a
/// free word.
enum Word<'s> {
    Opt(Option<&'s OptSpec>, Option<String>),
    Free,
}

fn is_negative_number(word: &str) -> bool {
    let Some(rest) = word.strip_prefix('-') else {
        return false;
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    match rest.split_once('.') {
        None => !rest.is_empty() && digits(rest),
        Some((int, frac)) => digits(int) && !frac.is_empty() && digits(frac),
    }
}

fn classify<'s>(spec: &'s ParserSpec, word: &str) -> Result<Word<'s>, CliError> {
    if !word.starts_with('-') || word.len() == 1 {
        return Ok(Word::Free);
    }
    if let Some(o) = spec.options.iter().find(|o| o.flag == word) {
        return Ok(Word::Opt(Some(o), None));
    }
    if let Some((name, value)) = word.split_once('=') {
        if let Some(o) = spec.options.iter().find(|o| o.flag == name) {
            return Ok(Word::Opt(Some(o), Some(value.to_owned())));
        }
    }
    let (prefix, explicit) = match word.split_once('=') {
        Some((p, v)) if word.starts_with("--") => (p, Some(v.to_owned())),
        _ => (word, None),
    };
    let matches: Vec<&OptSpec> = spec
        .options
        .iter()
        .filter(|o| o.flag.starts_with(prefix))
        .collect();
    match matches.as_slice() {
        [one] => return Ok(Word::Opt(Some(one), explicit)),
        [] => {}
        many => {
            let names: Vec<&str> = many.iter().map(|o| o.flag.as_str()).collect();
            return Err(CliError::Usage(format!(
                "ambiguous option: {word} could match {}",
                names.join(", ")
            )));
        }
    }
    if is_negative_number(word) || word.contains(' ') {
        return Ok(Word::Free);
    }
    Ok(Word::Opt(None, None))
}

/// Parses `args` against `spec`, leaving unknown words in `extras`.
pub fn parse(spec: &ParserSpec, args: &[String]) -> Result<Parsed, CliError> {
    let mut words = Vec::with_capacity(args.len());
    let mut after_dashes = false;
    for arg in args {
        if after_dashes {
            words.push((arg.as_str(), Word::Free));
        } else if arg == "--" {
            after_dashes = true;
        } else {
            words.push((arg.as_str(), classify(spec, arg)?));
        }
    }
    let mut parsed = Parsed::default();
    let mut i = 0;
    while i < words.len() {
        let (word, kind) = &words[i];
        i += 1;
        match kind {
            Word::Free => free_word(spec, &mut parsed, word)?,
            Word::Opt(None, _) => parsed.extras.push((*word).to_owned()),
            Word::Opt(Some(o), explicit) => {
                let free_after = words[i..]
                    .iter()
                    .take_while(|(_, k)| matches!(k, Word::Free))
                    .count();
                let taken =
                    take_value(o, explicit.clone(), &words[i..i + free_after], &mut parsed)?;
                i += taken;
            }
        }
    }
    let missing: Vec<String> = spec
        .options
        .iter()
        .filter(|o| o.required && parsed.get(&o.dest).is_none())
        .map(|o| o.flag.clone())
        .chain(
            spec.positional
                .iter()
                .filter(|p| p.required && parsed.positional.is_none())
                .map(|p| p.name.to_owned()),
        )
        .collect();
    if !missing.is_empty() {
        return Err(CliError::Usage(format!(
            "the following arguments are required: {}",
            missing.join(", ")
        )));
    }
    Ok(parsed)
}

fn free_word(spec: &ParserSpec, parsed: &mut Parsed, word: &str) -> Result<(), CliError> {
    match &spec.positional {
        Some(p) if parsed.positional.is_none() => {
            if let Some(choices) = &p.choices {
                if !choices.contains(&word) {
                    return Err(invalid_choice(p.name, word, choices));
                }
            }
            parsed.positional = Some(word.to_owned());
        }
        _ => parsed.extras.push(word.to_owned()),
    }
    Ok(())
}

/// Stores an option's value; returns how many following words it took.
fn take_value(
    o: &OptSpec,
    explicit: Option<String>,
    following: &[(&str, Word<'_>)],
    parsed: &mut Parsed,
) -> Result<usize, CliError> {
    let (value, taken) = match (o.arity, explicit) {
        (Arity::Flag(b), None) => (Value::Flag(b), 0),
        (Arity::Flag(_), Some(arg)) => {
            return Err(CliError::Usage(format!(
                "argument {}: ignored explicit argument {}",
                o.flag,
                py_repr(&arg)
            )))
        }
        (Arity::One, Some(arg)) => (Value::One(arg), 0),
        (Arity::One, None) => match following.first() {
            Some((w, _)) => (Value::One((*w).to_owned()), 1),
            None => {
                return Err(CliError::Usage(format!(
                    "argument {}: expected one argument",
                    o.flag
                )))
            }
        },
        (Arity::Many, Some(arg)) => (Value::Many(vec![arg]), 0),
        (Arity::Many, None) => {
            let all = following.iter().map(|(w, _)| (*w).to_owned()).collect();
            (Value::Many(all), following.len())
        }
    };
    if let (Some(choices), Value::One(v)) = (&o.choices, &value) {
        if !choices.contains(&v.as_str()) {
            return Err(invalid_choice(&o.flag, v, choices));
        }
    }
    parsed.set(&o.dest, value);
    Ok(taken)
}
