//! The encryption context and its serialization (specification:
//! `framework/structures.md`, Serialization): a u16 count, then each entry
//! as u16-prefixed UTF-8 key and value, sorted by the key's bytes.

use std::collections::BTreeMap;

use crate::error::Error;
use crate::wire::{put_u16_prefixed, Field, Reader};

/// The key under which signing suites store the verification key.
pub const PUBLIC_KEY: &str = "aws-crypto-public-key";

/// Key-value pairs bound to a message. A `BTreeMap` of `String`s iterates
/// in the byte order the serialization requires.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EncryptionContext(pub BTreeMap<String, String>);

impl EncryptionContext {
    pub fn new() -> EncryptionContext {
        EncryptionContext::default()
    }

    pub fn with(mut self, key: &str, value: &str) -> EncryptionContext {
        self.0.insert(key.to_owned(), value.to_owned());
        self
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The serialization: empty for an empty context, else count and
    /// sorted entries.
    pub fn serialize(&self) -> Result<Vec<u8>, Error> {
        let mut out = Vec::new();
        if self.0.is_empty() {
            return Ok(out);
        }
        let count = u16::try_from(self.0.len())
            .map_err(|_| Error::MalformedContext("more than 65535 entries".into()))?;
        out.extend_from_slice(&count.to_be_bytes());
        for (k, v) in &self.0 {
            put_u16_prefixed(&mut out, k.as_bytes())?;
            put_u16_prefixed(&mut out, v.as_bytes())?;
        }
        Ok(out)
    }

    /// Reads the header's AAD: a u16 length, then that many bytes of
    /// serialized context.
    pub fn read_aad(r: &mut Reader<'_>) -> Result<EncryptionContext, Error> {
        let len = usize::from(r.u16(Field::AadLength)?);
        let mut context = EncryptionContext::new();
        if len == 0 {
            return Ok(context);
        }
        let start = r.position();
        let end = start + len;
        if len > r.remaining() {
            return Err(Error::Truncated {
                field: Field::ContextCount,
                offset: r.position(),
                needed: len,
                available: r.remaining(),
            });
        }
        let count = r.u16(Field::ContextCount)?;
        if count == 0 {
            return Err(Error::MalformedContext(
                "count is 0 but the AAD is not empty".into(),
            ));
        }
        for i in 1..=count {
            let key = read_string(r, end, Field::ContextKeyLength(i), Field::ContextKey(i))?;
            let value = read_string(r, end, Field::ContextValueLength(i), Field::ContextValue(i))?;
            if context.0.insert(key.clone(), value).is_some() {
                return Err(Error::MalformedContext(format!("duplicate key {key:?}")));
            }
        }
        if r.position() != end {
            return Err(Error::MalformedContext(format!(
                "AAD length {len} does not match its {} bytes of entries",
                r.position() - start
            )));
        }
        Ok(context)
    }
}

/// A u16-prefixed UTF-8 string that must end within the AAD.
fn read_string(
    r: &mut Reader<'_>,
    end: usize,
    len_field: Field,
    field: Field,
) -> Result<String, Error> {
    let len = usize::from(r.u16(len_field)?);
    if r.position() > end || r.position() + len > end {
        return Err(Error::MalformedContext(format!(
            "{field} runs past the AAD"
        )));
    }
    let bytes = r.take(len, field)?;
    String::from_utf8(bytes.to_vec())
        .map_err(|_| Error::MalformedContext(format!("{field} is not UTF-8")))
}

impl<const N: usize> From<[(&str, &str); N]> for EncryptionContext {
    fn from(pairs: [(&str, &str); N]) -> EncryptionContext {
        EncryptionContext(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_sorted_by_their_keys_bytes() {
        let context = EncryptionContext::from([("b", "1"), ("ω", "3"), ("B", "2"), ("a", "")]);
        let bytes = context.serialize().unwrap();
        let expected: Vec<u8> = [
            &[0, 4][..],
            &[0, 1, b'B', 0, 1, b'2'],
            &[0, 1, b'a', 0, 0],
            &[0, 1, b'b', 0, 1, b'1'],
            &[0, 2, 0xcf, 0x89, 0, 1, b'3'],
        ]
        .concat();
        assert_eq!(bytes, expected);
        assert!(EncryptionContext::new().serialize().unwrap().is_empty());
    }

    #[test]
    fn a_duplicate_key_is_malformed() {
        // AAD length 14, two entries, both with key "k".
        let bytes = [0, 14, 0, 2, 0, 1, b'k', 0, 1, b'v', 0, 1, b'k', 0, 1, b'w'];
        let e = EncryptionContext::read_aad(&mut Reader::new(&bytes)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "malformed encryption context: duplicate key \"k\""
        );
    }
}
