//! The message header (specification: `data-format/message-header.md`):
//! the header body, then its authentication (v1: IV and tag; v2: tag).

use crate::aead::AesKey;
use crate::context::EncryptionContext;
use crate::error::Error;
use crate::materials::EncryptedDataKey;
use crate::suite::{Suite, COMMIT_KEY_LEN, IV_LEN, TAG_LEN};
use crate::wire::{put_u16_prefixed, Field, Reader};

/// Version 1's only message type, customer authenticated encrypted data.
const TYPE_CUSTOMER_AED: u8 = 0x80;
pub const CONTENT_NON_FRAMED: u8 = 0x01;
pub const CONTENT_FRAMED: u8 = 0x02;

/// A parsed header, with the exact bytes of its body for authentication.
#[derive(Debug, Clone)]
pub struct Header {
    pub suite: &'static Suite,
    pub message_id: Vec<u8>,
    pub context: EncryptionContext,
    pub encrypted_data_keys: Vec<EncryptedDataKey>,
    pub framed: bool,
    /// 0 for a non-framed body.
    pub frame_length: u32,
    /// The algorithm suite data of version 2 headers.
    pub commit_key: Option<[u8; COMMIT_KEY_LEN]>,
    /// Version 1 carries its IV (all zeros when written by an SDK);
    /// version 2's is implicitly zero.
    pub iv: [u8; IV_LEN],
    pub tag: [u8; TAG_LEN],
    pub body: Vec<u8>,
}

/// What a header body is written from.
pub struct HeaderFields<'a> {
    pub suite: &'static Suite,
    pub message_id: &'a [u8],
    pub context: &'a EncryptionContext,
    pub encrypted_data_keys: &'a [EncryptedDataKey],
    pub frame_length: u32,
    pub commit_key: Option<&'a [u8; COMMIT_KEY_LEN]>,
}

/// Serializes the header body; frame length 0 means non-framed.
pub fn write_body(h: &HeaderFields<'_>) -> Result<Vec<u8>, Error> {
    let mut out = vec![h.suite.version];
    if h.suite.version == 1 {
        out.push(TYPE_CUSTOMER_AED);
    }
    out.extend_from_slice(&h.suite.id.to_be_bytes());
    out.extend_from_slice(h.message_id);
    put_u16_prefixed(&mut out, &h.context.serialize()?)
        .map_err(|_| Error::MalformedContext("serialized context exceeds 65535 bytes".into()))?;
    let count = u16::try_from(h.encrypted_data_keys.len())
        .map_err(|_| Error::InvalidArgument("more than 65535 encrypted data keys".into()))?;
    out.extend_from_slice(&count.to_be_bytes());
    for edk in h.encrypted_data_keys {
        put_u16_prefixed(&mut out, edk.provider_id.as_bytes())?;
        put_u16_prefixed(&mut out, &edk.provider_info)?;
        put_u16_prefixed(&mut out, &edk.ciphertext)?;
    }
    out.push(if h.frame_length == 0 {
        CONTENT_NON_FRAMED
    } else {
        CONTENT_FRAMED
    });
    if h.suite.version == 1 {
        out.extend_from_slice(&[0, 0, 0, 0]);
        out.push(IV_LEN as u8);
    }
    out.extend_from_slice(&h.frame_length.to_be_bytes());
    if let Some(commit_key) = h.commit_key {
        out.extend_from_slice(commit_key);
    }
    Ok(out)
}

/// The header authentication: AES-GCM over no plaintext with the header
/// body as AAD and a zero IV; version 1 writes the IV before the tag.
pub fn authenticate(suite: &Suite, key: &AesKey, body: &[u8]) -> Vec<u8> {
    let iv = [0u8; IV_LEN];
    let (_, tag) = key.seal(&iv, body, &[]);
    let mut out = Vec::with_capacity(IV_LEN + TAG_LEN);
    if suite.version == 1 {
        out.extend_from_slice(&iv);
    }
    out.extend_from_slice(&tag);
    out
}

impl Header {
    /// Checks the header's authentication tag under the derived key.
    pub fn verify(&self, key: &AesKey) -> Result<(), Error> {
        key.open(&self.iv, &self.body, &[], &self.tag)
            .map(|_| ())
            .ok_or(Error::HeaderTag)
    }

    /// Reads a header; refuses more than `max_edks` encrypted data keys as
    /// soon as their count is read.
    pub fn read(r: &mut Reader<'_>, max_edks: Option<u16>) -> Result<Header, Error> {
        let start = r.position();
        let version = r.u8(Field::Version)?;
        if version != 1 && version != 2 {
            return Err(Error::UnsupportedVersion(version));
        }
        if version == 1 {
            let kind = r.u8(Field::Type)?;
            if kind != TYPE_CUSTOMER_AED {
                return Err(Error::UnsupportedType(kind));
            }
        }
        let suite = Suite::by_id(r.u16(Field::SuiteId)?)?;
        if suite.version != version {
            return Err(Error::SuiteVersionMismatch {
                suite: suite.id,
                expected: suite.version,
                found: version,
            });
        }
        let message_id = r.take(suite.message_id_len(), Field::MessageId)?.to_vec();
        let context = EncryptionContext::read_aad(r)?;
        let encrypted_data_keys = read_edks(r, max_edks)?;
        let content_type = r.u8(Field::ContentType)?;
        if content_type != CONTENT_FRAMED && content_type != CONTENT_NON_FRAMED {
            return Err(Error::UnsupportedContentType(content_type));
        }
        if version == 1 {
            if r.take(4, Field::Reserved)? != [0, 0, 0, 0] {
                return Err(Error::ReservedNotZero);
            }
            let iv_len = r.u8(Field::IvLength)?;
            if usize::from(iv_len) != IV_LEN {
                return Err(Error::IvLengthMismatch {
                    expected: IV_LEN as u8,
                    found: iv_len,
                });
            }
        }
        let frame_length = r.u32(Field::FrameLength)?;
        let framed = content_type == CONTENT_FRAMED;
        if framed == (frame_length == 0) {
            return Err(Error::FrameLengthInvalid {
                frame_length,
                content_type,
            });
        }
        let commit_key = match version {
            2 => Some(array(r.take(COMMIT_KEY_LEN, Field::CommitKey)?)),
            _ => None,
        };
        let body = r.since(start).to_vec();
        let iv = match version {
            1 => array(r.take(IV_LEN, Field::HeaderIv)?),
            _ => [0u8; IV_LEN],
        };
        let tag = array(r.take(TAG_LEN, Field::HeaderTag)?);
        Ok(Header {
            suite,
            message_id,
            context,
            encrypted_data_keys,
            framed,
            frame_length,
            commit_key,
            iv,
            tag,
            body,
        })
    }
}

fn read_edks(r: &mut Reader<'_>, max: Option<u16>) -> Result<Vec<EncryptedDataKey>, Error> {
    let count = r.u16(Field::EdkCount)?;
    if count == 0 {
        return Err(Error::NoEncryptedDataKeys);
    }
    if let Some(max) = max.filter(|&max| count > max) {
        return Err(Error::TooManyEncryptedDataKeys {
            count: usize::from(count),
            max,
        });
    }
    (1..=count)
        .map(|i| {
            let id = read_blob(r, Field::EdkProviderIdLength(i), Field::EdkProviderId(i))?;
            let provider_id = String::from_utf8(id.to_vec()).map_err(|_| {
                Error::MalformedDataKey(format!("{} is not UTF-8", Field::EdkProviderId(i)))
            })?;
            let info = read_blob(
                r,
                Field::EdkProviderInfoLength(i),
                Field::EdkProviderInfo(i),
            )?;
            let ciphertext = read_blob(r, Field::EdkCiphertextLength(i), Field::EdkCiphertext(i))?;
            Ok(EncryptedDataKey {
                provider_id,
                provider_info: info.to_vec(),
                ciphertext: ciphertext.to_vec(),
            })
        })
        .collect()
}

fn read_blob<'a>(r: &mut Reader<'a>, len_field: Field, field: Field) -> Result<&'a [u8], Error> {
    let len = usize::from(r.u16(len_field)?);
    r.take(len, field)
}

fn array<const N: usize>(bytes: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    out.copy_from_slice(bytes);
    out
}
