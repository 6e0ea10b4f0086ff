//! What `aws` prints for a response
//! (<https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-output-format.html>):
//! timestamps as ISO 8601, then `--query`, then the `--output` format.

mod query;
mod table;
mod text;

pub use query::compile;

use super::blobs::iso8601;
use serde_json::Value;

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
pub fn render(output: &str, title: &str, value: &Value) -> String {
    match output {
        "text" => text::format(value),
        "table" => table::format(title, value),
        _ => json(value),
    }
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
