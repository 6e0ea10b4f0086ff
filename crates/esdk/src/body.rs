//! The message body (specification: `data-format/message-body.md` and
//! `message-body-aad.md`): framed (regular frames, then one final frame)
//! or non-framed, each piece AES-GCM under the derived key with the body
//! AAD `message ID || content string || sequence number || length`.

use crate::aead::{sequence_iv, AesKey};
use crate::error::Error;
use crate::header::Header;
use crate::suite::{IV_LEN, TAG_LEN};
use crate::wire::{Field, Reader};

/// The final frame starts with this in place of a sequence number.
const FINAL_FRAME_MARKER: u32 = 0xFFFF_FFFF;
/// Non-framed content is limited to 2^36 - 32 bytes by AES-GCM.
pub const MAX_NON_FRAMED: u64 = (1 << 36) - 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Regular,
    Final,
    NonFramed,
}

impl Kind {
    /// The body AAD content string.
    fn aad_content(self) -> &'static [u8] {
        match self {
            Kind::Regular => b"AWSKMSEncryptionClient Frame",
            Kind::Final => b"AWSKMSEncryptionClient Final Frame",
            Kind::NonFramed => b"AWSKMSEncryptionClient Single Block",
        }
    }
}

/// One encrypted piece of the body, as read from a message.
#[derive(Debug, Clone)]
pub struct Frame<'a> {
    pub kind: Kind,
    /// The sequence number as written (1 for a non-framed body).
    pub sequence: u32,
    pub iv: &'a [u8],
    pub content: &'a [u8],
    pub tag: &'a [u8],
}

fn body_aad(message_id: &[u8], kind: Kind, sequence: u32, length: u64) -> Vec<u8> {
    let mut aad = Vec::with_capacity(message_id.len() + 48);
    aad.extend_from_slice(message_id);
    aad.extend_from_slice(kind.aad_content());
    aad.extend_from_slice(&sequence.to_be_bytes());
    aad.extend_from_slice(&length.to_be_bytes());
    aad
}

/// Reads the whole body: every frame up to and including the final frame,
/// or the one non-framed piece.
pub fn read<'a>(r: &mut Reader<'a>, header: &Header) -> Result<Vec<Frame<'a>>, Error> {
    if !header.framed {
        return Ok(vec![read_non_framed(r)?]);
    }
    let mut frames = Vec::new();
    for index in 1..=u32::MAX {
        let frame = read_frame(r, header.frame_length, index)?;
        let last = frame.kind == Kind::Final;
        frames.push(frame);
        if last {
            break;
        }
    }
    Ok(frames)
}

/// Reads the frame at position `index` (from 1), regular or final.
fn read_frame<'a>(r: &mut Reader<'a>, frame_length: u32, index: u32) -> Result<Frame<'a>, Error> {
    let kind = if r.peek_u32() == Some(FINAL_FRAME_MARKER) {
        r.take(4, Field::FinalFrameMarker)?;
        Kind::Final
    } else {
        Kind::Regular
    };
    let sequence = r.u32(Field::FrameSequenceNumber(index))?;
    let iv = r.take(IV_LEN, Field::FrameIv(index))?;
    let length = match kind {
        Kind::Final => {
            let length = r.u32(Field::FinalFrameContentLength(index))?;
            if length > frame_length {
                return Err(Error::FinalFrameTooLong {
                    found: length,
                    frame_length,
                });
            }
            length
        }
        _ => frame_length,
    };
    let content = r.take(length as usize, Field::FrameContent(index))?;
    let tag = r.take(TAG_LEN, Field::FrameTag(index))?;
    Ok(Frame {
        kind,
        sequence,
        iv,
        content,
        tag,
    })
}

fn read_non_framed<'a>(r: &mut Reader<'a>) -> Result<Frame<'a>, Error> {
    let iv = r.take(IV_LEN, Field::BodyIv)?;
    let length = r.u64(Field::BodyContentLength)?;
    if length > MAX_NON_FRAMED {
        return Err(Error::BodyTooLong(length));
    }
    let content = r.take(length as usize, Field::BodyContent)?;
    let tag = r.take(TAG_LEN, Field::BodyTag)?;
    Ok(Frame {
        kind: Kind::NonFramed,
        sequence: 1,
        iv,
        content,
        tag,
    })
}

/// Decrypts frames in order; each must carry the next sequence number.
pub fn decrypt(frames: &[Frame<'_>], message_id: &[u8], key: &AesKey) -> Result<Vec<u8>, Error> {
    let mut plaintext = Vec::with_capacity(frames.iter().map(|f| f.content.len()).sum());
    for (expected, frame) in (1u32..).zip(frames) {
        if frame.sequence != expected {
            return Err(Error::SequenceOutOfOrder {
                expected,
                found: frame.sequence,
            });
        }
        let aad = body_aad(
            message_id,
            frame.kind,
            frame.sequence,
            frame.content.len() as u64,
        );
        let piece = key
            .open(frame.iv, &aad, frame.content, frame.tag)
            .ok_or(match frame.kind {
                Kind::NonFramed => Error::BodyTag,
                _ => Error::FrameTag(expected),
            })?;
        plaintext.extend_from_slice(&piece);
    }
    Ok(plaintext)
}

/// Encrypts `plaintext` into `out`: frames of `frame_length` bytes (the
/// last full frame is the final frame when the length is an exact
/// multiple), or one non-framed piece when `frame_length` is 0.
pub fn encrypt(
    out: &mut Vec<u8>,
    key: &AesKey,
    message_id: &[u8],
    frame_length: u32,
    plaintext: &[u8],
) -> Result<(), Error> {
    if frame_length == 0 {
        let length = plaintext.len() as u64;
        if length > MAX_NON_FRAMED {
            return Err(Error::BodyTooLong(length));
        }
        let iv = sequence_iv(1);
        let aad = body_aad(message_id, Kind::NonFramed, 1, length);
        let (content, tag) = key.seal(&iv, &aad, plaintext);
        out.extend_from_slice(&iv);
        out.extend_from_slice(&length.to_be_bytes());
        out.extend_from_slice(&content);
        out.extend_from_slice(&tag);
        return Ok(());
    }
    let size = frame_length as usize;
    let count = plaintext.len().div_ceil(size).max(1);
    if count >= FINAL_FRAME_MARKER as usize {
        return Err(Error::InvalidArgument(format!(
            "{count} frames exceed the format's limit"
        )));
    }
    for index in 0..count {
        let sequence = index as u32 + 1;
        let chunk = &plaintext[index * size..plaintext.len().min((index + 1) * size)];
        let kind = if index + 1 == count {
            Kind::Final
        } else {
            Kind::Regular
        };
        let iv = sequence_iv(sequence);
        let aad = body_aad(message_id, kind, sequence, chunk.len() as u64);
        let (content, tag) = key.seal(&iv, &aad, chunk);
        if kind == Kind::Final {
            out.extend_from_slice(&FINAL_FRAME_MARKER.to_be_bytes());
        }
        out.extend_from_slice(&sequence.to_be_bytes());
        out.extend_from_slice(&iv);
        if kind == Kind::Final {
            out.extend_from_slice(&(chunk.len() as u32).to_be_bytes());
        }
        out.extend_from_slice(&content);
        out.extend_from_slice(&tag);
    }
    Ok(())
}
