//! Reading a JSON 1.1 request body member by member, collecting constraint
//! failures the way AWS reports them:
//! `1 validation error detected: Value 'x' at 'keyId' failed to satisfy
//! constraint: Member must have length less than or equal to 2048`.
//!
//! Members are named in messages as AWS names them there: the member name
//! with its first letter in lower case (`KeyId` → `keyId`). Sensitive
//! members (plaintexts, private keys) never echo their value, and other
//! blobs are shown the way AWS's Java front end prints them.

use crate::platform::error::Error;
use base64::Engine as _;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A request body, read member by member.
pub struct Request<'a> {
    body: &'a Map<String, Value>,
    problems: Vec<String>,
    malformed: Option<Error>,
}

fn field(member: &str) -> String {
    let mut chars = member.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_lowercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

fn serialization(message: &str) -> Error {
    Error::SerializationException(message.to_owned())
}

impl<'a> Request<'a> {
    /// The body must be a JSON object, as every KMS request is.
    pub fn new(body: &'a Value) -> Result<Request<'a>, Error> {
        let body = body
            .as_object()
            .ok_or_else(|| serialization("Start of structure or map found where not expected."))?;
        Ok(Request {
            body,
            problems: Vec::new(),
            malformed: None,
        })
    }

    fn get(&self, member: &str) -> Option<&'a Value> {
        self.body.get(member).filter(|v| !v.is_null())
    }

    fn malformed(&mut self, e: Error) {
        self.malformed.get_or_insert(e);
    }

    fn problem(&mut self, shown: Option<String>, member: &str, constraint: String) {
        let value = shown.map(|s| format!(" '{s}'")).unwrap_or_default();
        self.problems.push(format!(
            "Value{value} at '{}' failed to satisfy constraint: {constraint}",
            field(member)
        ));
    }

    fn null(&mut self, member: &str) {
        self.problems.push(format!(
            "Value null at '{}' failed to satisfy constraint: Member must not be null",
            field(member)
        ));
    }

    fn length(&mut self, shown: Option<String>, member: &str, len: usize, min: usize, max: usize) {
        if len < min {
            let c = format!("Member must have length greater than or equal to {min}");
            self.problem(shown, member, c);
        } else if len > max {
            let c = format!("Member must have length less than or equal to {max}");
            self.problem(shown, member, c);
        }
    }

    /// An optional string member of `min..=max` characters.
    pub fn string(&mut self, member: &str, min: usize, max: usize) -> Option<String> {
        let value = self.get(member)?;
        let Some(s) = value.as_str() else {
            self.malformed(serialization(&format!(
                "NUMBER_VALUE or structure can not be converted to a String at '{}'",
                field(member)
            )));
            return None;
        };
        self.length(Some(s.to_owned()), member, s.chars().count(), min, max);
        Some(s.to_owned())
    }

    pub fn required_string(&mut self, member: &str, min: usize, max: usize) -> Option<String> {
        let s = self.string(member, min, max);
        if self.get(member).is_none() {
            self.null(member);
        }
        s
    }

    /// An optional base64 blob of `min..=max` bytes. A sensitive blob's
    /// value is never shown in messages.
    pub fn blob(
        &mut self,
        member: &str,
        min: usize,
        max: usize,
        sensitive: bool,
    ) -> Option<Vec<u8>> {
        let value = self.get(member)?;
        let decoded = value
            .as_str()
            .and_then(|s| base64::engine::general_purpose::STANDARD.decode(s).ok());
        let Some(bytes) = decoded else {
            self.malformed(serialization(&format!(
                "Value at '{}' is not a valid base64-encoded blob",
                field(member)
            )));
            return None;
        };
        let n = bytes.len();
        let shown = (!sensitive).then(|| format!("java.nio.HeapByteBuffer[pos=0 lim={n} cap={n}]"));
        self.length(shown, member, n, min, max);
        Some(bytes)
    }

    pub fn required_blob(
        &mut self,
        member: &str,
        min: usize,
        max: usize,
        sensitive: bool,
    ) -> Option<Vec<u8>> {
        let b = self.blob(member, min, max, sensitive);
        if self.get(member).is_none() {
            self.null(member);
        }
        b
    }

    /// An optional integer member in `min..=max`.
    pub fn int(&mut self, member: &str, min: i64, max: i64) -> Option<i64> {
        let value = self.get(member)?;
        let Some(n) = value.as_i64() else {
            self.malformed(serialization(&format!(
                "STRING_VALUE can not be converted to an Integer at '{}'",
                field(member)
            )));
            return None;
        };
        if n < min {
            let c = format!("Member must have value greater than or equal to {min}");
            self.problem(Some(n.to_string()), member, c);
        } else if n > max {
            let c = format!("Member must have value less than or equal to {max}");
            self.problem(Some(n.to_string()), member, c);
        }
        Some(n)
    }

    pub fn required_int(&mut self, member: &str, min: i64, max: i64) -> Option<i64> {
        let n = self.int(member, min, max);
        if self.get(member).is_none() {
            self.null(member);
        }
        n
    }

    pub fn bool(&mut self, member: &str) -> Option<bool> {
        let value = self.get(member)?;
        let b = value.as_bool();
        if b.is_none() {
            self.malformed(serialization(&format!(
                "STRING_VALUE can not be converted to a Boolean at '{}'",
                field(member)
            )));
        }
        b
    }

    /// An optional member whose value must be one of `allowed`.
    pub fn enumeration(&mut self, member: &str, allowed: &[&str]) -> Option<String> {
        let s = self.string(member, 0, usize::MAX)?;
        if !allowed.contains(&s.as_str()) {
            let c = format!(
                "Member must satisfy enum value set: [{}]",
                allowed.join(", ")
            );
            self.problem(Some(s.clone()), member, c);
            return None;
        }
        Some(s)
    }

    pub fn required_enumeration(&mut self, member: &str, allowed: &[&str]) -> Option<String> {
        let e = self.enumeration(member, allowed);
        if self.get(member).is_none() {
            self.null(member);
        }
        e
    }

    /// A map of strings to strings, such as `EncryptionContext`.
    pub fn string_map(&mut self, member: &str) -> Option<BTreeMap<String, String>> {
        let value = self.get(member)?;
        let map = value.as_object().and_then(|o| {
            o.iter()
                .map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                .collect::<Option<BTreeMap<_, _>>>()
        });
        if map.is_none() {
            self.malformed(serialization(&format!(
                "Expected a map of strings to strings at '{}'",
                field(member)
            )));
        }
        map
    }

    /// A list of strings of at most `max_items` items.
    pub fn string_list(&mut self, member: &str, max_items: usize) -> Option<Vec<String>> {
        let value = self.get(member)?;
        let list = value.as_array().and_then(|a| {
            a.iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
        });
        match list {
            None => {
                self.malformed(serialization(&format!(
                    "Expected a list of strings at '{}'",
                    field(member)
                )));
                None
            }
            Some(list) => {
                if list.len() > max_items {
                    let c = format!("Member must have length less than or equal to {max_items}");
                    self.problem(Some(format!("[{}]", list.join(", "))), member, c);
                }
                Some(list)
            }
        }
    }

    pub fn required_string_list(&mut self, member: &str, max_items: usize) -> Option<Vec<String>> {
        let list = self.string_list(member, max_items);
        if self.get(member).is_none() {
            self.null(member);
        }
        list
    }

    /// A list of `{"Key", "Value"}` tags, as several services take them;
    /// items without both are skipped.
    pub fn tags(&self, member: &str) -> Vec<(String, String)> {
        let tag = |t: &Value| {
            Some((
                t["Key"].as_str()?.to_owned(),
                t["Value"].as_str()?.to_owned(),
            ))
        };
        self.get(member)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(tag).collect())
            .unwrap_or_default()
    }

    /// A member of any JSON shape, for structures read by their own module.
    pub fn raw(&self, member: &str) -> Option<&'a Value> {
        self.get(member)
    }

    /// Fails with the first malformed member, else with every constraint
    /// failure at once, as AWS does.
    pub fn finish(self) -> Result<(), Error> {
        if let Some(e) = self.malformed {
            return Err(e);
        }
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(Error::validation(&self.problems))
        }
    }
}

/// Bytes as a JSON blob member's value: a base64 string, as in the real protocol.
pub fn base64_json(bytes: &[u8]) -> Value {
    Value::String(base64::engine::general_purpose::STANDARD.encode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn oversized_plaintext_is_reported_without_its_value() {
        let body = json!({"KeyId": "k", "Plaintext": base64_json(&[0; 4097])});
        let mut r = Request::new(&body).unwrap();
        r.required_string("KeyId", 1, 2048);
        r.required_blob("Plaintext", 1, 4096, true);
        assert_eq!(
            r.finish().unwrap_err().message(),
            Some("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096")
        );
    }

    #[test]
    fn missing_members_and_bad_enums_are_all_reported() {
        let body = json!({"KeySpec": "AES_512"});
        let mut r = Request::new(&body).unwrap();
        r.required_string("KeyId", 1, 2048);
        r.enumeration("KeySpec", &["AES_256", "AES_128"]);
        assert_eq!(
            r.finish().unwrap_err().message(),
            Some("2 validation errors detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null; Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]")
        );
    }
}
