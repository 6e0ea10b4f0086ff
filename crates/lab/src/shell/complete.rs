//! Tab completion: what the word under the cursor can become.
//!
//! The first word of a command completes to command names; after `aws`, to
//! services, then operations, then the operation's options and the global
//! options; after an option, to its values where they are known
//! (`--output`, `--profile`, `--key-spec`, …), or to the key IDs and
//! aliases of the caller's account and Region (`--key-id`). A word starting
//! with `fileb://` or `file://`, the word after `>`, and the arguments of
//! `cat`, `rm`, `base64` and `ls` complete to file names.

use keydeck_sim::Simulator;

use super::crypt;
use super::parse::{tokenize, Token};
use super::scan::{scan, Operator};
use super::values;
use crate::cli::Defaults;
use crate::esdk;
use crate::io::Vfs;

/// The candidates for the word that ends at the cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Completion {
    /// The byte offset in the line where the completed word starts.
    pub start: usize,
    /// Every word it can become, sorted; a single candidate means complete
    /// it.
    pub candidates: Vec<String>,
    /// What all the candidates start with (empty when there are none).
    pub common_prefix: String,
}

/// What completion reads besides the line.
pub struct Known<'a> {
    pub files: &'a Vfs,
    pub profiles: &'a [String],
    /// The keys and aliases, for `--key-id`.
    pub sim: &'a Simulator,
    /// The profile and Region in effect when the line names none.
    pub defaults: &'a Defaults,
}

/// Completes the word before byte offset `cursor` of `line`.
pub fn complete(known: &Known, line: &str, cursor: usize) -> Completion {
    let mut cursor = cursor.min(line.len());
    while !line.is_char_boundary(cursor) {
        cursor -= 1;
    }
    let before = &line[..cursor];
    let scanned = scan(before);
    let start = scanned.last_word_start;
    if scanned.comment.is_some() {
        return Completion {
            start,
            ..Completion::default()
        };
    }
    let partial = unquote(&before[start..]);
    let context = match tokenize(&before[..start]) {
        Ok(tokens) => Context::of(&tokens),
        Err(_) => Context::Nothing,
    };
    let mut candidates: Vec<String> = candidates(known, &context, &partial)
        .into_iter()
        .filter(|c| c.starts_with(&partial))
        .collect();
    candidates.sort();
    candidates.dedup();
    let candidates: Vec<String> = candidates.iter().map(|c| quote(c)).collect();
    Completion {
        start,
        common_prefix: common_prefix(&candidates),
        candidates,
    }
}

/// Where the word stands.
enum Context {
    /// The file after `>`, `>>` or `<`.
    Redirect,
    /// A word of a command; the words before it.
    Command(Vec<String>),
    Nothing,
}

impl Context {
    /// The context after the given tokens: the words of the last command of
    /// the pipeline, without redirect targets.
    fn of(tokens: &[Token]) -> Context {
        let stage = match tokens.iter().rposition(|t| *t == Token::Op(Operator::Pipe)) {
            Some(i) => &tokens[i + 1..],
            None => tokens,
        };
        if matches!(stage.last(), Some(Token::Op(_))) {
            return Context::Redirect;
        }
        let mut words = Vec::new();
        let mut after_redirect = false;
        for token in stage {
            match token {
                Token::Op(_) => after_redirect = true,
                Token::Word(_) if after_redirect => after_redirect = false,
                Token::Word(w) => words.push(w.clone()),
            }
        }
        Context::Command(words)
    }
}

fn candidates(known: &Known, context: &Context, partial: &str) -> Vec<String> {
    let words = match context {
        Context::Nothing => return Vec::new(),
        Context::Redirect => return file_names(known.files, ""),
        Context::Command(words) => words,
    };
    for scheme in ["fileb://", "file://"] {
        if partial.starts_with(scheme) {
            return file_names(known.files, scheme);
        }
    }
    let Some((command, args)) = words.split_first() else {
        return super::commands::names().map(str::to_owned).collect();
    };
    match command.as_str() {
        "aws" => values::aws(known, args, partial),
        "keydeck" => values::keydeck(args, partial),
        "keydeck-crypt" => crypt_words(known.files, args),
        "aws-encryption-cli" => encryption_cli_words(known.files, args, partial),
        "keydeck-esdk-flip" if args.is_empty() => file_names(known.files, ""),
        "help" => super::commands::names().map(str::to_owned).collect(),
        "base64" if partial.starts_with('-') => owned(&["--decode", "--wrap="]),
        "ls" if partial.starts_with('-') => owned(&["-l"]),
        "rm" if partial.starts_with('-') => owned(&["-f"]),
        "cat" | "rm" | "base64" | "ls" => file_names(known.files, ""),
        _ => Vec::new(),
    }
}

/// keydeck-crypt: its subcommands, their options, and the options' values.
fn crypt_words(files: &Vfs, args: &[String]) -> Vec<String> {
    let Some((sub, rest)) = args.split_first() else {
        return crypt::SUBCOMMANDS
            .iter()
            .map(|(n, _)| (*n).to_owned())
            .collect();
    };
    match rest.last().map(String::as_str) {
        Some("--signing-algorithm") => owned(crypt::verify::ALGORITHMS),
        Some("--algorithm") => owned(crypt::rsa_encrypt::ALGORITHMS),
        Some("--key" | "--public-key" | "--message" | "--signature") => {
            file_names(files, "fileb://")
        }
        Some("--in" | "--out") => file_names(files, ""),
        _ => crypt::options_of(sub)
            .iter()
            .filter(|o| !rest.iter().any(|r| r == *o))
            .map(|o| (*o).to_owned())
            .collect(),
    }
}

/// aws-encryption-cli: its options, and the values of those that have a
/// known set.
fn encryption_cli_words(files: &Vfs, args: &[String], partial: &str) -> Vec<String> {
    match args.last().map(String::as_str) {
        Some("--commitment-policy") => owned(esdk::COMMITMENT_POLICIES),
        Some("--algorithm") => esdk::ALGORITHMS
            .iter()
            .map(|(n, _)| (*n).to_owned())
            .collect(),
        Some("-i" | "--input" | "-o" | "--output" | "--metadata-output") => file_names(files, ""),
        _ if partial.starts_with('-') => esdk::CLI_OPTIONS
            .iter()
            .filter(|o| !args.iter().any(|a| a == *o))
            .map(|o| (*o).to_owned())
            .collect(),
        _ => Vec::new(),
    }
}

/// Every file name, after a scheme such as `fileb://`.
fn file_names(files: &Vfs, scheme: &str) -> Vec<String> {
    files.list().map(|(n, _)| format!("{scheme}{n}")).collect()
}

pub(super) fn owned(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| (*w).to_owned()).collect()
}

/// The word typed so far, without its quotes (an open quote is closed).
fn unquote(word: &str) -> String {
    [word.to_owned(), format!("{word}'"), format!("{word}\"")]
        .iter()
        .find_map(|w| shell_words::split(w).ok())
        .and_then(|words| words.into_iter().next())
        .unwrap_or_default()
}

/// A candidate as it must be typed: quoted if it holds a character this
/// shell reads specially (a blank, a quote, `\\`, `|`, `<`, `>` or `#`).
fn quote(candidate: &str) -> String {
    let special = |c: char| c.is_whitespace() || "'\"\\|<>#".contains(c);
    if candidate.contains(special) {
        shell_words::quote(candidate).into_owned()
    } else {
        candidate.to_owned()
    }
}

fn common_prefix(candidates: &[String]) -> String {
    let Some(first) = candidates.first() else {
        return String::new();
    };
    let mut end = first.len();
    for other in &candidates[1..] {
        end = first
            .char_indices()
            .zip(other.chars())
            .find(|((_, a), b)| a != b)
            .map_or(end.min(other.len()), |((i, _), _)| i.min(end));
    }
    first[..end].to_owned()
}
