//! One operation's command line: its options (one per member, `--x` and
//! `--no-x` for booleans, and the paging options of list operations), and
//! the request built from them (aws-cli `awscli/clidriver.py`,
//! `ServiceOperation`).

use super::args::{self, Arity, OptSpec, ParserSpec, Positional};
use super::errors::CliError;
use super::model::{Operation, Shape};
use super::names;
use super::pyvalue::Py;
use super::validate;
use super::values;
use crate::io::Vfs;
use serde_json::Value;

/// The options `aws` adds to every list operation it pages through
/// (<https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-pagination.html>).
pub const PAGING_OPTIONS: &[&str] = &["--starting-token", "--page-size", "--max-items"];

/// What the words after `aws <service> <operation>` asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Invocation {
    Help,
    Call(Call),
}

/// A call whose parameters are read from the command line. The CLI
/// resolves the profile and Region next, and only then decodes blobs and
/// validates the parameters ([`Call::request`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub operation: &'static Operation,
    /// The parameters, unpacked from the command line, in member order.
    pub params: Vec<(String, Py)>,
    pub paging: Option<PagingArgs>,
    /// `--cli-binary-format raw-in-base64-out`.
    pub raw_blobs: bool,
}

impl Call {
    /// The JSON 1.1 request body: blobs decoded, parameters validated
    /// (botocore's `provide-client-params` and `ParamValidator`), then
    /// serialized.
    pub fn request(&self) -> Result<Value, CliError> {
        let mut params = self.params.clone();
        for (name, value) in &mut params {
            if let Some(m) = self.operation.member(name) {
                validate::decode_blobs(value, &m.shape, self.raw_blobs)?;
            }
        }
        validate::validate(&params, self.operation.members)?;
        Ok(validate::request(&params, self.operation.members))
    }
}

/// How to page: `None` in [`Call::paging`] means one call as given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PagingArgs {
    pub starting_token: Option<String>,
    pub page_size: Option<i64>,
    pub max_items: Option<i64>,
}

/// The option names of an operation, as `aws <service> <op> help` lists
/// them: members, then paging options.
pub fn option_names(op: &Operation) -> Vec<String> {
    spec(op)
        .options
        .into_iter()
        .filter(|o| !op.pages_with(&o.dest))
        .map(|o| o.flag)
        .collect()
}

fn spec(op: &Operation) -> ParserSpec {
    let mut options = Vec::new();
    for m in op.members {
        let flag = names::option(m.name);
        let mut o = match m.shape {
            Shape::Bool => OptSpec::new(&flag, Arity::Flag(true)),
            Shape::List(_) => OptSpec::new(&flag, Arity::Many),
            _ => OptSpec::new(&flag, Arity::One),
        };
        o.dest = m.name.to_owned();
        o.required = m.required;
        options.push(o);
        if m.shape == Shape::Bool {
            let mut no = OptSpec::new(&format!("--no-{}", &flag[2..]), Arity::Flag(false));
            no.dest = m.name.to_owned();
            options.push(no);
        }
    }
    if op.paging.is_some() {
        options.extend(PAGING_OPTIONS.iter().map(|f| OptSpec::new(f, Arity::One)));
    }
    ParserSpec {
        options,
        positional: Some(Positional {
            name: "help",
            choices: None,
            required: false,
        }),
    }
}

/// Parses an operation's words and builds its request.
pub fn invocation(
    op: &'static Operation,
    words: &[String],
    files: &Vfs,
    paginate: bool,
    raw_blobs: bool,
) -> Result<Invocation, CliError> {
    if words.len() == 1 && words[0] == "help" {
        return Ok(Invocation::Help);
    }
    let mut parsed = args::parse(&spec(op), words)?;
    match parsed.positional.take() {
        Some(word) if word == "help" => return Ok(Invocation::Help),
        Some(word) => parsed.extras.push(word),
        None => {}
    }
    if !parsed.extras.is_empty() {
        return Err(CliError::Unknown(parsed.extras));
    }
    let paging = paging_args(op, &parsed, paginate)?;
    let params = unpack(op, &parsed, files)?;
    Ok(Invocation::Call(Call {
        operation: op,
        params,
        paging,
        raw_blobs,
    }))
}

/// Turns paging on unless `--no-paginate` or a manual `--marker` or
/// `--limit` turned it off (aws-cli `customizations/paginate.py`).
fn paging_args(
    op: &Operation,
    parsed: &args::Parsed,
    paginate: bool,
) -> Result<Option<PagingArgs>, CliError> {
    if op.paging.is_none() {
        return Ok(None);
    }
    let manual = op.paging.is_some_and(|p| {
        parsed.get(p.tokens.input).is_some() || parsed.get(p.tokens.limit).is_some()
    });
    let used: Vec<&str> = PAGING_OPTIONS
        .iter()
        .copied()
        .filter(|o| parsed.get(o).is_some())
        .collect();
    if !paginate || manual {
        if !used.is_empty() {
            return Err(CliError::Param(format!(
                "Cannot specify --no-paginate along with pagination arguments: {}",
                used.join(", ")
            )));
        }
        return Ok(None);
    }
    let int =
        |o: &str| -> Result<Option<i64>, CliError> {
            match parsed.one(o) {
                None => Ok(None),
                Some(v) => v.trim().parse().map(Some).map_err(|_| {
                    CliError::Usage(format!("argument {o}: invalid int value: '{v}'"))
                }),
            }
        };
    Ok(Some(PagingArgs {
        starting_token: parsed.one("--starting-token").map(str::to_owned),
        page_size: int("--page-size")?,
        max_items: int("--max-items")?,
    }))
}

/// Each member given, unpacked from its words, in member order (the CLI
/// builds its parameters in the order of its argument table).
fn unpack(
    op: &Operation,
    parsed: &args::Parsed,
    files: &Vfs,
) -> Result<Vec<(String, Py)>, CliError> {
    let mut params: Vec<(String, Py)> = Vec::new();
    for m in op.members {
        if let Some(value) = parsed.get(m.name) {
            let py = values::unpack(files, m, &names::option(m.name), value)?;
            params.push((m.name.to_owned(), py));
        }
    }
    Ok(params)
}
