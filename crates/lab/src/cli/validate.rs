//! What botocore does with the parameters before sending them: decodes
//! base64 blobs, checks types, required members and minimums
//! (`Parameter validation failed:`), and serializes them as the JSON 1.1
//! body (blobs as base64, timestamps as epoch seconds).

use super::blobs::{decode_base64, parse_timestamp};
use super::errors::CliError;
use super::model::{Member, Shape};
use super::pyvalue::Py;
use base64::Engine as _;
use serde_json::{Map, Value};

/// Decodes every blob given as text: base64 by default, or the text's
/// UTF-8 bytes with `--cli-binary-format raw-in-base64-out`.
pub fn decode_blobs(value: &mut Py, shape: &Shape, raw: bool) -> Result<(), CliError> {
    match (shape, value) {
        (Shape::Blob, v @ Py::Str(_)) => {
            let Py::Str(text) = &*v else { unreachable!() };
            *v = Py::Bytes(if raw {
                text.as_bytes().to_vec()
            } else {
                decode_base64(text)?
            });
        }
        (Shape::List(item), Py::List(items)) => {
            for v in items {
                decode_blobs(v, item, raw)?;
            }
        }
        (Shape::Structure(members), Py::Dict { items, .. }) => {
            for (name, v) in items {
                if let Some(m) = members.iter().find(|m| m.name == name) {
                    decode_blobs(v, &m.shape, raw)?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Checks `params` against `members` as botocore's `ParamValidator`.
pub fn validate(params: &[(String, Py)], members: &[Member]) -> Result<(), CliError> {
    let mut errors = Vec::new();
    structure(params, members, "", &mut errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CliError::Param(format!(
            "Parameter validation failed:\n{}",
            errors.join("\n")
        )))
    }
}

fn invalid_type(errors: &mut Vec<String>, name: &str, value: &Py, valid: &str) {
    errors.push(format!(
        "Invalid type for parameter {name}, value: {}, type: {}, valid types: {valid}",
        value.py_str(),
        value.type_name()
    ));
}

fn structure(params: &[(String, Py)], members: &[Member], name: &str, errors: &mut Vec<String>) {
    let shown = if name.is_empty() { "input" } else { name };
    for m in members.iter().filter(|m| m.required) {
        if !params.iter().any(|(k, _)| k == m.name) {
            errors.push(format!(
                "Missing required parameter in {shown}: \"{}\"",
                m.name
            ));
        }
    }
    let valid: Vec<&str> = members.iter().map(|m| m.name).collect();
    for (key, _) in params {
        if !valid.contains(&key.as_str()) {
            errors.push(format!(
                "Unknown parameter in {shown}: \"{key}\", must be one of: {}",
                valid.join(", ")
            ));
        }
    }
    for (key, value) in params {
        if let Some(m) = members.iter().find(|m| m.name == key) {
            let path = if name.is_empty() {
                key.clone()
            } else {
                format!("{name}.{key}")
            };
            check(value, &m.shape, &path, errors);
        }
    }
}

fn check(value: &Py, shape: &Shape, name: &str, errors: &mut Vec<String>) {
    match (shape, value) {
        (Shape::Str { min }, Py::Str(s)) => {
            let len = s.chars().count();
            if len < *min {
                errors.push(format!(
                    "Invalid length for parameter {name}, value: {len}, valid min length: {min}"
                ));
            }
        }
        (Shape::Str { .. }, v) => invalid_type(errors, name, v, "<class 'str'>"),
        (Shape::Int { min }, Py::Int(n)) if n < min => errors.push(format!(
            "Invalid value for parameter {name}, value: {n}, valid min value: {min}"
        )),
        (Shape::Int { .. }, Py::Int(_) | Py::Bool(_)) => {}
        (Shape::Int { .. }, v) => invalid_type(errors, name, v, "<class 'int'>"),
        (Shape::Bool, Py::Bool(_)) => {}
        (Shape::Bool, v) => invalid_type(errors, name, v, "<class 'bool'>"),
        (Shape::Blob, Py::Bytes(_) | Py::Str(_)) => {}
        (Shape::Blob, v) => errors.push(format!(
            "Invalid type for parameter {name}, value: {}, type: {}, valid types: \
             <class 'bytes'>, <class 'bytearray'>, file-like object",
            v.py_str(),
            v.type_name()
        )),
        (Shape::Timestamp, Py::Str(s)) if parse_timestamp(s).is_some() => {}
        (Shape::Timestamp, Py::Int(_) | Py::Float(_)) => {}
        (Shape::Timestamp, v) => invalid_type(
            errors,
            name,
            v,
            "<class 'datetime.datetime'>, timestamp-string",
        ),
        (Shape::Map, Py::Dict { items, .. }) => {
            for (k, v) in items {
                check(v, &Shape::Str { min: 0 }, &format!("{name}.{k}"), errors);
            }
        }
        (Shape::Structure(members), Py::Dict { items, .. }) => {
            structure(items, members, name, errors)
        }
        (Shape::Map | Shape::Structure(_), v) => invalid_type(errors, name, v, "<class 'dict'>"),
        (Shape::List(item), Py::List(items)) => {
            for (i, v) in items.iter().enumerate() {
                check(v, item, &format!("{name}[{i}]"), errors);
            }
        }
        (Shape::List(_), v) => invalid_type(errors, name, v, "<class 'list'>, <class 'tuple'>"),
    }
}

/// The JSON 1.1 body: blobs base64, timestamps epoch seconds, members in
/// the order given.
pub fn to_json(value: &Py, shape: &Shape) -> Value {
    match (shape, value) {
        (_, Py::Bytes(b)) => Value::String(base64::engine::general_purpose::STANDARD.encode(b)),
        (Shape::Timestamp, Py::Str(s)) => parse_timestamp(s).map_or(Value::Null, Value::from),
        (_, Py::Str(s)) => Value::String(s.clone()),
        (_, Py::Int(n)) => Value::from(*n),
        (_, Py::Float(f)) => Value::from(*f),
        (_, Py::Bool(b)) => Value::Bool(*b),
        (_, Py::None) => Value::Null,
        (Shape::List(item), Py::List(items)) => {
            Value::Array(items.iter().map(|v| to_json(v, item)).collect())
        }
        (_, Py::List(items)) => {
            Value::Array(items.iter().map(|v| to_json(v, &Shape::Map)).collect())
        }
        (Shape::Structure(members), Py::Dict { items, .. }) => {
            let mut map = Map::new();
            for (k, v) in items {
                let shape = members
                    .iter()
                    .find(|m| m.name == k)
                    .map_or(Shape::Map, |m| m.shape);
                map.insert(k.clone(), to_json(v, &shape));
            }
            Value::Object(map)
        }
        (_, Py::Dict { items, .. }) => Value::Object(
            items
                .iter()
                .map(|(k, v)| (k.clone(), to_json(v, &Shape::Map)))
                .collect(),
        ),
    }
}

/// The request body of an operation from its validated parameters.
pub fn request(params: &[(String, Py)], members: &[Member]) -> Value {
    let mut map = Map::new();
    for (name, value) in params {
        let shape = members
            .iter()
            .find(|m| m.name == name)
            .map_or(Shape::Map, |m| m.shape);
        map.insert(name.clone(), to_json(value, &shape));
    }
    Value::Object(map)
}
