//! `--output text`: the CLI's tab-separated form (aws-cli `awscli/text.py`;
//! <https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-output-format.html#text-output>).
//!
//! - a structure's scalars go on one line, tab-separated, in key order,
//!   after the upper-cased name of the member holding it (if any);
//! - its lists and structures follow, each under its own member name;
//! - a list of structures prints one line per structure, with the union
//!   of their scalar keys as columns;
//! - a list of scalars prints on one line, or one `NAME\tvalue` line each
//!   under a member name;
//! - a bare scalar prints as Python's `str()` does (`True`, `None`).

use serde_json::{Map, Value};

pub fn format(value: &Value) -> String {
    let mut out = String::new();
    item(value, None, None, &mut out);
    out
}

/// Python's `str()` of a JSON scalar.
pub fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Null => "None".to_owned(),
        Value::Number(n) if n.is_f64() => {
            let f = n.as_f64().unwrap_or_default();
            if f.fract() == 0.0 && f.abs() < 1e16 {
                format!("{f:.1}")
            } else {
                f.to_string()
            }
        }
        other => other.to_string(),
    }
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
}

fn item(v: &Value, identifier: Option<&str>, scalar_keys: Option<&[String]>, out: &mut String) {
    match v {
        Value::Object(map) => dict(map, identifier, scalar_keys, out),
        Value::Array(items) => list(items, identifier, out),
        scalar => {
            out.push_str(&py_str(scalar));
            out.push('\n');
        }
    }
}

fn list(items: &[Value], identifier: Option<&str>, out: &mut String) {
    if items.is_empty() {
        return;
    }
    if items.iter().any(Value::is_object) {
        let keys = all_scalar_keys(items);
        for element in items {
            item(element, identifier, Some(&keys), out);
        }
    } else if items.iter().any(Value::is_array) {
        let scalars: Vec<&Value> = items.iter().filter(|v| is_scalar(v)).collect();
        if !scalars.is_empty() {
            scalar_list(&scalars, identifier, out);
        }
        for nested in items.iter().filter(|v| !is_scalar(v)) {
            item(nested, identifier, None, out);
        }
    } else {
        let all: Vec<&Value> = items.iter().collect();
        scalar_list(&all, identifier, out);
    }
}

fn scalar_list(items: &[&Value], identifier: Option<&str>, out: &mut String) {
    match identifier {
        Some(id) => {
            for v in items {
                out.push_str(&format!("{}\t{}\n", id.to_uppercase(), py_str(v)));
            }
        }
        None => {
            let cells: Vec<String> = items.iter().map(|v| py_str(v)).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
}

fn all_scalar_keys(items: &[Value]) -> Vec<String> {
    let mut keys: Vec<String> = items
        .iter()
        .filter_map(Value::as_object)
        .flat_map(|m| {
            m.iter()
                .filter(|(_, v)| is_scalar(v))
                .map(|(k, _)| k.clone())
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

fn dict(
    map: &Map<String, Value>,
    identifier: Option<&str>,
    keys: Option<&[String]>,
    out: &mut String,
) {
    let mut sorted: Vec<(&String, &Value)> = map.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    let (mut scalars, nested): (Vec<String>, Vec<(&String, &Value)>) = match keys {
        None => (
            sorted
                .iter()
                .filter(|(_, v)| is_scalar(v))
                .map(|(_, v)| py_str(v))
                .collect(),
            sorted.into_iter().filter(|(_, v)| !is_scalar(v)).collect(),
        ),
        Some(keys) => (
            keys.iter()
                .map(|k| map.get(k).map_or_else(String::new, py_str))
                .collect(),
            sorted
                .into_iter()
                .filter(|(k, _)| !keys.contains(k))
                .collect(),
        ),
    };
    if !scalars.is_empty() {
        if let Some(id) = identifier {
            scalars.insert(0, id.to_uppercase());
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (name, value) in nested {
        item(value, Some(name), None, out);
    }
}
