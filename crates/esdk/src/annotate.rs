//! The annotated parse: every byte range of a message labelled with its
//! field, from the same readers decryption uses, without any key.

use crate::body;
use crate::error::Error;
use crate::footer;
use crate::header::Header;
pub use crate::wire::Span;
use crate::wire::{Field, Reader};

/// The fields of a message, in order. When the message is well formed they
/// tile it exactly and `error` is `None`; otherwise they cover what was
/// read before `error`.
#[derive(Debug, Clone)]
pub struct Annotation {
    pub spans: Vec<Span>,
    pub error: Option<Error>,
}

pub fn annotate(message: &[u8]) -> Annotation {
    let mut r = Reader::new(message);
    let error = walk(&mut r).err();
    Annotation {
        spans: r.into_spans(),
        error,
    }
}

fn walk(r: &mut Reader<'_>) -> Result<(), Error> {
    let header = Header::read(r, None)?;
    body::read(r, &header)?;
    if header.suite.signature.is_some() {
        footer::read(r)?;
    }
    match r.remaining() {
        0 => Ok(()),
        n => Err(Error::TrailingBytes(n)),
    }
}

impl Span {
    /// The field's value in words: numbers in decimal, text quoted, other
    /// bytes in hex (long values shortened).
    pub fn value(&self, message: &[u8]) -> String {
        let bytes = &message[self.range.clone()];
        let number = || bytes.iter().fold(0u64, |n, &b| n << 8 | u64::from(b));
        use Field::*;
        match self.field {
            Version | Type | IvLength | ContentType => format!("0x{:02x}", number()),
            SuiteId => format!("0x{:04x}", number()),
            f if f.is_header_length() => number().to_string(),
            FrameLength
            | FrameSequenceNumber(_)
            | FinalFrameContentLength(_)
            | BodyContentLength
            | SignatureLength => number().to_string(),
            ContextKey(_) | ContextValue(_) | EdkProviderId(_) => text(bytes),
            EdkProviderInfo(_) => match std::str::from_utf8(bytes) {
                Ok(s) if s.chars().all(|c| !c.is_control()) => format!("{s:?}"),
                _ => hex(bytes),
            },
            _ => hex(bytes),
        }
    }
}

fn text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => format!("{s:?}"),
        Err(_) => hex(bytes),
    }
}

fn hex(bytes: &[u8]) -> String {
    const SHOWN: usize = 32;
    let shown: String = bytes
        .iter()
        .take(SHOWN)
        .map(|b| format!("{b:02x}"))
        .collect();
    if bytes.len() > SHOWN {
        format!("{shown}… ({} bytes)", bytes.len())
    } else {
        shown
    }
}
