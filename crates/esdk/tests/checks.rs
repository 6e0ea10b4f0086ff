//! Each named check, with its exact text, on a signed, framed 0x0578
//! message.

mod common;

use common::*;
use keydeck_esdk::{annotate, Client, EncryptRequest, EncryptionContext, Field};

fn message() -> Vec<u8> {
    let request = EncryptRequest {
        frame_length: 16,
        ..EncryptRequest::default()
    };
    Client::default()
        .encrypt(&plaintext(40, 1), &aes_keyring(), &request, &mut rng(31))
        .unwrap()
}

fn range(m: &[u8], field: Field) -> std::ops::Range<usize> {
    annotate(m)
        .spans
        .into_iter()
        .find(|s| s.field == field)
        .unwrap_or_else(|| panic!("no {field}"))
        .range
}

fn refusal(m: &[u8]) -> String {
    Client::default()
        .decrypt(m, &aes_keyring(), &EncryptionContext::new())
        .unwrap_err()
        .to_string()
}

fn with_byte_changed(field: Field) -> Vec<u8> {
    let mut m = message();
    let at = range(&m, field).start;
    m[at] ^= 0x40;
    m
}

#[test]
fn header_tag() {
    assert_eq!(
        refusal(&with_byte_changed(Field::HeaderTag)),
        "header authentication tag does not verify"
    );
}

#[test]
fn commitment_key_mismatch() {
    assert_eq!(
        refusal(&with_byte_changed(Field::CommitKey)),
        "commitment key mismatch: the data key does not commit to this message"
    );
}

#[test]
fn frame_tag() {
    assert_eq!(
        refusal(&with_byte_changed(Field::FrameContent(2))),
        "frame 2 authentication tag does not verify"
    );
}

#[test]
fn sequence_number_out_of_order() {
    // Frames 1 and 2 swapped: each is intact, but out of place.
    let m = message();
    let one = range(&m, Field::FrameSequenceNumber(1)).start..range(&m, Field::FrameTag(1)).end;
    let two = range(&m, Field::FrameSequenceNumber(2)).start..range(&m, Field::FrameTag(2)).end;
    let swapped = [&m[..one.start], &m[two.clone()], &m[one], &m[two.end..]].concat();
    assert_eq!(
        refusal(&swapped),
        "frame sequence number 2 is out of order (expected 1)"
    );
}

#[test]
fn bad_signature() {
    assert_eq!(
        refusal(&with_byte_changed(Field::Signature)),
        "signature does not verify"
    );
}

#[test]
fn truncated_message() {
    let m = message();
    assert_eq!(
        refusal(&m[..m.len() - 1]),
        format!(
            "truncated message: signature needs 103 bytes at offset {}, 102 remain",
            m.len() - 103
        )
    );
}

#[test]
fn trailing_bytes() {
    let mut m = message();
    m.extend_from_slice(b"xy");
    assert_eq!(refusal(&m), "2 bytes follow the end of the message");
}

#[test]
fn unsupported_version_and_suite() {
    let mut m = message();
    m[0] = 3;
    assert_eq!(refusal(&m), "unsupported message format version 0x03");
    let mut m = message();
    m[2] = 0x79;
    assert_eq!(refusal(&m), "unsupported algorithm suite 0x0579");
}

#[test]
fn final_frame_longer_than_the_frame_length() {
    let mut m = message();
    let length = range(&m, Field::FinalFrameContentLength(3));
    m[length.start..length.end].copy_from_slice(&17u32.to_be_bytes());
    assert_eq!(
        refusal(&m),
        "final frame content length 17 exceeds the frame length 16"
    );
}
