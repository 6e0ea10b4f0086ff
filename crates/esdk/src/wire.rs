//! Big-endian reading that labels every byte range it consumes, so the
//! parser that decrypts is the same one that annotates.

use std::fmt;
use std::ops::Range;

use crate::error::Error;

/// The field a byte range of a message belongs to. Indexes count from 1:
/// the nth encryption-context entry, encrypted data key, or frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Version,
    Type,
    SuiteId,
    MessageId,
    AadLength,
    ContextCount,
    ContextKeyLength(u16),
    ContextKey(u16),
    ContextValueLength(u16),
    ContextValue(u16),
    EdkCount,
    EdkProviderIdLength(u16),
    EdkProviderId(u16),
    EdkProviderInfoLength(u16),
    EdkProviderInfo(u16),
    EdkCiphertextLength(u16),
    EdkCiphertext(u16),
    ContentType,
    Reserved,
    IvLength,
    FrameLength,
    CommitKey,
    HeaderIv,
    HeaderTag,
    FinalFrameMarker,
    FrameSequenceNumber(u32),
    FrameIv(u32),
    FinalFrameContentLength(u32),
    FrameContent(u32),
    FrameTag(u32),
    BodyIv,
    BodyContentLength,
    BodyContent,
    BodyTag,
    SignatureLength,
    Signature,
}

impl Field {
    /// A header length or count: changing one moves where every later
    /// header field is read.
    pub fn is_header_length(self) -> bool {
        use Field::*;
        matches!(
            self,
            AadLength
                | ContextCount
                | ContextKeyLength(_)
                | ContextValueLength(_)
                | EdkCount
                | EdkProviderIdLength(_)
                | EdkProviderInfoLength(_)
                | EdkCiphertextLength(_)
        )
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Field::*;
        match self {
            Version => write!(f, "version"),
            Type => write!(f, "type"),
            SuiteId => write!(f, "algorithm suite ID"),
            MessageId => write!(f, "message ID"),
            AadLength => write!(f, "AAD length"),
            ContextCount => write!(f, "encryption context count"),
            ContextKeyLength(i) => write!(f, "encryption context {i} key length"),
            ContextKey(i) => write!(f, "encryption context {i} key"),
            ContextValueLength(i) => write!(f, "encryption context {i} value length"),
            ContextValue(i) => write!(f, "encryption context {i} value"),
            EdkCount => write!(f, "encrypted data key count"),
            EdkProviderIdLength(i) => write!(f, "encrypted data key {i} provider ID length"),
            EdkProviderId(i) => write!(f, "encrypted data key {i} provider ID"),
            EdkProviderInfoLength(i) => write!(f, "encrypted data key {i} provider info length"),
            EdkProviderInfo(i) => write!(f, "encrypted data key {i} provider info"),
            EdkCiphertextLength(i) => write!(f, "encrypted data key {i} ciphertext length"),
            EdkCiphertext(i) => write!(f, "encrypted data key {i} ciphertext"),
            ContentType => write!(f, "content type"),
            Reserved => write!(f, "reserved"),
            IvLength => write!(f, "IV length"),
            FrameLength => write!(f, "frame length"),
            CommitKey => write!(f, "algorithm suite data (commitment key)"),
            HeaderIv => write!(f, "header IV"),
            HeaderTag => write!(f, "header authentication tag"),
            FinalFrameMarker => write!(f, "final frame marker"),
            FrameSequenceNumber(n) => write!(f, "frame {n} sequence number"),
            FrameIv(n) => write!(f, "frame {n} IV"),
            FinalFrameContentLength(n) => write!(f, "frame {n} (final) content length"),
            FrameContent(n) => write!(f, "frame {n} encrypted content"),
            FrameTag(n) => write!(f, "frame {n} authentication tag"),
            BodyIv => write!(f, "body IV"),
            BodyContentLength => write!(f, "body content length"),
            BodyContent => write!(f, "body encrypted content"),
            BodyTag => write!(f, "body authentication tag"),
            SignatureLength => write!(f, "signature length"),
            Signature => write!(f, "signature"),
        }
    }
}

/// A labelled byte range of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    pub field: Field,
}

/// Reads a message front to back, recording a [`Span`] for each field.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    spans: Vec<Span>,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes,
            pos: 0,
            spans: Vec::new(),
        }
    }

    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    /// The bytes from `start` to the current position.
    pub fn since(&self, start: usize) -> &'a [u8] {
        &self.bytes[start..self.pos]
    }

    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    pub fn into_spans(self) -> Vec<Span> {
        self.spans
    }

    pub fn take(&mut self, n: usize, field: Field) -> Result<&'a [u8], Error> {
        if n > self.remaining() {
            return Err(Error::Truncated {
                field,
                offset: self.pos,
                needed: n,
                available: self.remaining(),
            });
        }
        let start = self.pos;
        self.pos += n;
        self.spans.push(Span {
            range: start..self.pos,
            field,
        });
        Ok(&self.bytes[start..self.pos])
    }

    pub fn u8(&mut self, field: Field) -> Result<u8, Error> {
        Ok(self.take(1, field)?[0])
    }

    pub fn u16(&mut self, field: Field) -> Result<u16, Error> {
        let b = self.take(2, field)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    pub fn u32(&mut self, field: Field) -> Result<u32, Error> {
        let b = self.take(4, field)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn u64(&mut self, field: Field) -> Result<u64, Error> {
        let b = self.take(8, field)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_be_bytes(a))
    }

    /// The next four bytes, without consuming them.
    pub fn peek_u32(&self) -> Option<u32> {
        let b = self.bytes.get(self.pos..self.pos + 4)?;
        Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// A length-prefixed (u16) field, as the header writes strings and blobs.
pub fn put_u16_prefixed(out: &mut Vec<u8>, bytes: &[u8]) -> Result<(), Error> {
    let len = u16::try_from(bytes.len()).map_err(|_| {
        Error::InvalidArgument(format!("{} bytes exceed a u16 length", bytes.len()))
    })?;
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(bytes);
    Ok(())
}
