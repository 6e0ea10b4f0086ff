//! What `aws` prints for a response
//! (<https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-output-format.html>):
//! timestamps as ISO 8601, then `--query`, then the `--output` format.
//!
//! JSON output is always at hand. `--query` (a JMESPath interpreter) and
//! the `text` and `table` formats are [`Formats`], which the browser's labs
//! worker fetches as a chunk the first time a command asks for one of them
//! (see [`keydeck_sim::platform::lazy`]).

mod query;
mod table;
mod text;

use super::blobs::iso8601;
use super::errors::CliError;
use keydeck_sim::platform::lazy::lazy_slot;
use serde_json::Value;

/// `--query` and the `text` and `table` outputs.
pub trait Formats: Sync {
    /// Checks that `query` compiles, failing as the CLI does with
    /// `Bad value for --query`.
    fn check_query(&self, query: &str) -> Result<(), CliError>;
    /// `query` applied to `data`.
    fn search(&self, query: &str, data: &Value) -> Result<Value, CliError>;
    /// `--output text`.
    fn text(&self, value: &Value) -> String;
    /// `--output table`, titled with the operation's API name.
    fn table(&self, title: &str, value: &Value) -> String;
}

/// The formats as native builds link them and the `formats` chunk holds
/// them.
pub struct Builtin;

impl Formats for Builtin {
    fn check_query(&self, query: &str) -> Result<(), CliError> {
        query::compile(query).map(drop)
    }

    fn search(&self, query: &str, data: &Value) -> Result<Value, CliError> {
        query::compile(query)?.search(data)
    }

    fn text(&self, value: &Value) -> String {
        text::format(value)
    }

    fn table(&self, title: &str, value: &Value) -> String {
        table::format(title, value)
    }
}

lazy_slot! {
    /// [`Formats`], in the `formats` chunk in the browser.
    pub static FORMATS: dyn Formats = ("formats", &Builtin);
}

/// The formats, or an error while their chunk is not loaded (the lab host
/// notices the miss, loads the chunk and runs the command again).
pub fn formats() -> Result<&'static dyn Formats, CliError> {
    FORMATS
        .get()
        .map_err(|missing| CliError::General(missing.to_string()))
}

/// `--query`, if given, applied to `response`.
pub fn query(query: Option<&str>, response: Value) -> Result<Value, CliError> {
    match query {
        Some(q) => formats()?.search(q, &response),
        None => Ok(response),
    }
}

/// The members that hold timestamps in KMS, Parameter Store, Secrets
/// Manager and EC2 responses; the wire has epoch seconds and the CLI prints
/// them as ISO 8601 (`cli_timestamp_format`).
const TIMESTAMPS: &[&str] = &[
    "CreateTime",
    "CreatedDate",
    "CreationDate",
    "DeletedDate",
    "DeletionDate",
    "LastAccessedDate",
    "LastChangedDate",
    "LastRotatedDate",
    "LastModifiedDate",
    "LastUpdatedDate",
    "NextRotationDate",
    "OnDemandRotationStartDate",
    "ParametersValidTo",
    "RotationDate",
    "StartTime",
    "ValidTo",
];

/// Rewrites epoch-second timestamps as the CLI shows them.
pub fn timestamps(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                match v.as_f64() {
                    Some(t) if TIMESTAMPS.contains(&k.as_str()) => {
                        *v = Value::String(iso8601(t.floor() as i64));
                    }
                    _ => timestamps(v),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(timestamps),
        _ => {}
    }
}

/// Formats a response (already queried) as `output` asks; `title` is the
/// operation's API name, the title of a table.
pub fn render(output: &str, title: &str, value: &Value) -> Result<String, CliError> {
    Ok(match output {
        "text" => formats()?.text(value),
        "table" => formats()?.table(title, value),
        _ => json(value),
    })
}

/// `--output json`: four-space indents, members in response order, and
/// nothing at all for an empty response.
pub fn json(value: &Value) -> String {
    if value.as_object().is_some_and(|m| m.is_empty()) {
        return String::new();
    }
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    serde::Serialize::serialize(value, &mut ser).expect("JSON values serialize");
    let mut text = String::from_utf8(out).expect("serde_json writes UTF-8");
    text.push('\n');
    text
}
