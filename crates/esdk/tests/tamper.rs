//! Every single-byte change to a message is refused, by a check that fits
//! the field the byte lies in (the annotated parse says which field).

mod common;

use common::*;
use keydeck_esdk::keyring::RawAesKeyring;
use keydeck_esdk::{
    annotate, Client, CommitmentPolicy, EncryptRequest, EncryptionContext, Error, Field,
};

/// Errors a changed length or count can lead to: the rest of the header
/// or body is read out of step.
fn structural(e: &Error) -> bool {
    matches!(
        e,
        Error::Truncated { .. }
            | Error::MalformedContext(_)
            | Error::MalformedDataKey(_)
            | Error::NoEncryptedDataKeys
            | Error::UnsupportedContentType(_)
            | Error::ReservedNotZero
            | Error::IvLengthMismatch { .. }
            | Error::FrameLengthInvalid { .. }
            | Error::FinalFrameTooLong { .. }
            | Error::BodyTooLong(_)
            | Error::TrailingBytes(_)
            | Error::HeaderTag
            | Error::MissingPublicKey(_)
            | Error::UnexpectedPublicKey(_)
            | Error::BadPublicKey
            | Error::NoKeyringCouldDecrypt(_)
            | Error::CommitmentKeyMismatch
    )
}

/// Whether `e` is a check that plausibly refuses a change in `field`.
fn plausible(field: Field, e: &Error) -> bool {
    use Field::*;
    match field {
        Version => matches!(
            e,
            Error::UnsupportedVersion(_)
                | Error::SuiteVersionMismatch { .. }
                | Error::UnsupportedType(_)
        ),
        Type => matches!(e, Error::UnsupportedType(_)),
        SuiteId => matches!(
            e,
            Error::UnsupportedSuite(_)
                | Error::SuiteVersionMismatch { .. }
                | Error::CommitmentPolicyDecrypt { .. }
                | Error::MissingPublicKey(_)
                | Error::UnexpectedPublicKey(_)
                | Error::NoKeyringCouldDecrypt(_)
                | Error::HeaderTag
        ),
        MessageId => matches!(e, Error::HeaderTag | Error::CommitmentKeyMismatch),
        // The context is the raw AES keyring's AAD, so a changed entry
        // fails the unwrap before the header tag is reached.
        ContextKey(_) | ContextValue(_) => matches!(
            e,
            Error::NoKeyringCouldDecrypt(_)
                | Error::MalformedContext(_)
                | Error::MissingPublicKey(_)
                | Error::UnexpectedPublicKey(_)
                | Error::BadPublicKey
                | Error::HeaderTag
        ),
        EdkProviderId(_) | EdkProviderInfo(_) | EdkCiphertext(_) => {
            matches!(
                e,
                Error::NoKeyringCouldDecrypt(_) | Error::MalformedDataKey(_)
            )
        }
        ContentType => matches!(
            e,
            Error::UnsupportedContentType(_) | Error::FrameLengthInvalid { .. }
        ),
        Reserved => matches!(e, Error::ReservedNotZero),
        IvLength => matches!(e, Error::IvLengthMismatch { .. }),
        FrameLength => matches!(e, Error::FrameLengthInvalid { .. } | Error::HeaderTag),
        CommitKey => matches!(e, Error::CommitmentKeyMismatch),
        HeaderIv | HeaderTag => matches!(e, Error::HeaderTag),
        FrameSequenceNumber(_) => matches!(e, Error::SequenceOutOfOrder { .. }),
        FinalFrameMarker => structural(e) || matches!(e, Error::SequenceOutOfOrder { .. }),
        FrameIv(n) | FrameContent(n) | FrameTag(n) => *e == Error::FrameTag(n),
        FinalFrameContentLength(n) => structural(e) || *e == Error::FrameTag(n),
        BodyIv | BodyContent | BodyTag => *e == Error::BodyTag,
        BodyContentLength => structural(e) || *e == Error::BodyTag,
        SignatureLength => matches!(
            e,
            Error::Truncated { .. } | Error::TrailingBytes(_) | Error::BadSignature
        ),
        Signature => *e == Error::BadSignature,
        // The header's lengths and counts.
        f => f.is_header_length() && structural(e),
    }
}

/// Changes each byte in three ways (flip the low bit, flip the high bit,
/// invert) and checks each change is refused by a plausible check.
fn every_change_is_refused(message: &[u8], keyring: &RawAesKeyring, context: &EncryptionContext) {
    let client = Client::new(CommitmentPolicy::RequireEncryptAllowDecrypt);
    client.decrypt(message, keyring, context).unwrap();
    let annotation = annotate(message);
    assert_eq!(annotation.error, None);
    let mut checked = 0;
    for span in &annotation.spans {
        for at in span.range.clone() {
            for mask in [0x01u8, 0x80, 0xff] {
                let mut changed = message.to_vec();
                changed[at] ^= mask;
                match client.decrypt(&changed, keyring, &EncryptionContext::new()) {
                    Ok(_) => panic!("byte {at} ({}) ^ {mask:#04x} was accepted", span.field),
                    Err(e) => assert!(
                        plausible(span.field, &e),
                        "byte {at} ({}) ^ {mask:#04x} was refused by an unlikely check: {e}",
                        span.field
                    ),
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, message.len() * 3);
}

fn message(suite: u16, frame_length: u32, size: usize, context: &EncryptionContext) -> Vec<u8> {
    let request = EncryptRequest {
        suite: Some(suite),
        frame_length,
        context: context.clone(),
    };
    client_for(suite)
        .encrypt(
            &plaintext(size, 3),
            &aes_keyring(),
            &request,
            &mut rng(u64::from(suite)),
        )
        .unwrap()
}

#[test]
fn v1_framed_without_signature() {
    let context = EncryptionContext::from([("a", "b"), ("purpose", "tamper")]);
    // Two regular frames and a final frame.
    let m = message(0x0114, 16, 40, &context);
    every_change_is_refused(&m, &aes_keyring(), &context);
}

#[test]
fn v1_framed_without_key_derivation() {
    let m = message(0x0046, 8, 20, &EncryptionContext::new());
    every_change_is_refused(&m, &aes_keyring(), &EncryptionContext::new());
}

#[test]
fn v1_non_framed_with_p256_signature() {
    let context = EncryptionContext::from([("purpose", "tamper")]);
    let m = message(0x0214, 0, 24, &context);
    every_change_is_refused(&m, &aes_keyring(), &context);
}

#[test]
fn v2_framed_with_p384_signature() {
    let context = EncryptionContext::from([("purpose", "tamper")]);
    let m = message(0x0578, 16, 33, &context);
    every_change_is_refused(&m, &aes_keyring(), &context);
}

#[test]
fn v2_non_framed_without_signature() {
    let context = EncryptionContext::from([("k", "v")]);
    let m = message(0x0478, 0, 30, &context);
    every_change_is_refused(&m, &aes_keyring(), &context);
}

#[test]
fn a_python_message_with_an_empty_final_frame() {
    let m = data("python-0478-aes-f512-whole-frames.esdk");
    every_change_is_refused(&m, &aes_keyring(), &EncryptionContext::new());
}
