//! Parameter values as the AWS CLI holds them between the command line and
//! the request: Python values. Its error messages print them with Python's
//! `str()` and name their Python type (`<class 'list'>`), so they are kept
//! in that form until the request is built.

use super::errors::py_repr;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub enum Py {
    Str(String),
    Bytes(Vec<u8>),
    Int(i64),
    Float(f64),
    Bool(bool),
    None,
    List(Vec<Py>),
    /// A dict; `ordered` when it came from JSON, which the CLI reads into
    /// an `OrderedDict`.
    Dict {
        items: Vec<(String, Py)>,
        ordered: bool,
    },
}

impl Py {
    /// A JSON value as `json.loads(..., object_pairs_hook=OrderedDict)`
    /// gives it.
    pub fn from_json(v: &Value) -> Py {
        match v {
            Value::Null => Py::None,
            Value::Bool(b) => Py::Bool(*b),
            Value::Number(n) => n
                .as_i64()
                .map(Py::Int)
                .unwrap_or_else(|| Py::Float(n.as_f64().unwrap_or_default())),
            Value::String(s) => Py::Str(s.clone()),
            Value::Array(a) => Py::List(a.iter().map(Py::from_json).collect()),
            Value::Object(o) => Py::Dict {
                items: o
                    .iter()
                    .map(|(k, v)| (k.clone(), Py::from_json(v)))
                    .collect(),
                ordered: true,
            },
        }
    }

    pub fn dict(items: Vec<(String, Py)>) -> Py {
        Py::Dict {
            items,
            ordered: false,
        }
    }

    /// `str(type(value))`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Py::Str(_) => "<class 'str'>",
            Py::Bytes(_) => "<class 'bytes'>",
            Py::Int(_) => "<class 'int'>",
            Py::Float(_) => "<class 'float'>",
            Py::Bool(_) => "<class 'bool'>",
            Py::None => "<class 'NoneType'>",
            Py::List(_) => "<class 'list'>",
            Py::Dict { ordered: true, .. } => "<class 'collections.OrderedDict'>",
            Py::Dict { ordered: false, .. } => "<class 'dict'>",
        }
    }

    /// `str(value)`.
    pub fn py_str(&self) -> String {
        match self {
            Py::Str(s) => s.clone(),
            other => other.py_repr(),
        }
    }

    /// `repr(value)`.
    pub fn py_repr(&self) -> String {
        match self {
            Py::Str(s) => py_repr(s),
            Py::Bytes(b) => bytes_repr(b),
            Py::Int(i) => i.to_string(),
            Py::Float(f) => float_repr(*f),
            Py::Bool(true) => "True".to_owned(),
            Py::Bool(false) => "False".to_owned(),
            Py::None => "None".to_owned(),
            Py::List(items) => {
                let inner: Vec<String> = items.iter().map(Py::py_repr).collect();
                format!("[{}]", inner.join(", "))
            }
            Py::Dict { items, ordered } => {
                let inner: Vec<String> = items
                    .iter()
                    .map(|(k, v)| format!("{}: {}", py_repr(k), v.py_repr()))
                    .collect();
                let body = format!("{{{}}}", inner.join(", "));
                if *ordered {
                    format!("OrderedDict({body})")
                } else {
                    body
                }
            }
        }
    }
}

/// `repr(float)`: the shortest digits that read back as the same float
/// (serde_json's, as Python's), in fixed notation from 1e-4 up to 1e16 and
/// in scientific notation (`1.5e-05`, `1e+16`) outside it.
fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    let shortest = Value::from(f).to_string();
    let (sign, unsigned) = match shortest.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", shortest.as_str()),
    };
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The value is 0.DIGITS × 10^point.
    let digits = format!("{whole}{fraction}");
    let leading = digits.len() - digits.trim_start_matches('0').len();
    let digits = digits.trim_matches('0');
    if digits.is_empty() {
        return format!("{sign}0.0");
    }
    let point = whole.len() as i32 + exponent - leading as i32;
    if (-3..=16).contains(&point) {
        let (int, frac) = if point <= 0 {
            (
                "0".to_owned(),
                format!("{}{digits}", "0".repeat((-point) as usize)),
            )
        } else if point as usize >= digits.len() {
            (
                format!("{digits}{}", "0".repeat(point as usize - digits.len())),
                String::new(),
            )
        } else {
            let (a, b) = digits.split_at(point as usize);
            (a.to_owned(), b.to_owned())
        };
        let frac = if frac.is_empty() {
            "0".to_owned()
        } else {
            frac
        };
        format!("{sign}{int}.{frac}")
    } else {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        let e = point - 1;
        let e_sign = if e < 0 { '-' } else { '+' };
        format!("{sign}{first}{dot}{rest}e{e_sign}{:02}", e.abs())
    }
}

/// `repr(bytes)`: `b'...'` with escapes for quotes, backslashes and
/// bytes outside printable ASCII.
fn bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = format!("b{quote}");
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b if b as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(b as char),
            b => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_as_python_prints_them() {
        let list = Py::List(vec![Py::Str("b".into()), Py::Str("c".into())]);
        assert_eq!(list.py_str(), "['b', 'c']");
        assert_eq!(Py::Bytes(b"a\x00'".to_vec()).py_repr(), "b\"a\\x00'\"");
        let d = Py::from_json(&serde_json::json!({"a": 1}));
        assert_eq!(d.py_str(), "OrderedDict({'a': 1})");
        assert_eq!(Py::Bool(true).py_str(), "True");
    }

    #[test]
    fn floats_print_as_python_repr_prints_them() {
        for (f, python) in [
            (3.0, "3.0"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (123.456, "123.456"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (0.000015, "1.5e-05"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.2345e20, "1.2345e+20"),
            (-2.5e-7, "-2.5e-07"),
            (1e100, "1e+100"),
            (f64::MAX, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (f64::INFINITY, "inf"),
        ] {
            assert_eq!(float_repr(f), python, "{f:e}");
        }
    }
}
