//! Every suite, frame length and plaintext size, with and without an
//! encryption context, through each keyring.

mod common;

use common::*;
use keydeck_esdk::keyring::RsaPadding;
use keydeck_esdk::suite::ALL;
use keydeck_esdk::{EncryptRequest, EncryptionContext, Keyring};

const FRAME_LENGTHS: [u32; 3] = [0, 512, 4096];
const SIZES: [usize; 3] = [0, 10, 10240];

fn context() -> EncryptionContext {
    EncryptionContext::from([("purpose", "test"), ("Zulu", "z"), ("ω", "omega")])
}

/// Encrypts and decrypts the whole matrix with one keyring, checking the
/// plaintext, the suite, the frame length and the context.
fn round_trip_matrix(keyring: &dyn Keyring, seed: u64) -> usize {
    let mut rng = rng(seed);
    let mut cases = 0;
    for suite in &ALL {
        let client = client_for(suite.id);
        for frame_length in FRAME_LENGTHS {
            for size in SIZES {
                for context in [EncryptionContext::new(), context()] {
                    let plaintext = plaintext(size, suite.id as u8);
                    let request = EncryptRequest {
                        suite: Some(suite.id),
                        frame_length,
                        context: context.clone(),
                    };
                    let message = client
                        .encrypt(&plaintext, keyring, &request, &mut rng)
                        .unwrap();
                    let out = client.decrypt(&message, keyring, &context).unwrap();
                    let case = format!("suite {:04x} frame {frame_length} size {size}", suite.id);
                    assert_eq!(out.plaintext, plaintext, "{case}");
                    assert_eq!(out.header.suite.id, suite.id, "{case}");
                    assert_eq!(out.header.frame_length, frame_length, "{case}");
                    assert_eq!(out.header.framed, frame_length != 0, "{case}");
                    for (k, v) in context.iter() {
                        assert_eq!(out.header.context.get(k), Some(v), "{case}");
                    }
                    assert_eq!(
                        out.header.context.get("aws-crypto-public-key").is_some(),
                        suite.signature.is_some(),
                        "{case}"
                    );
                    cases += 1;
                }
            }
        }
    }
    cases
}

#[test]
fn raw_aes_round_trips_every_suite_frame_length_and_size() {
    assert_eq!(round_trip_matrix(&aes_keyring(), 1), 11 * 3 * 3 * 2);
}

#[test]
fn raw_rsa_round_trips_every_suite_frame_length_and_size() {
    assert_eq!(
        round_trip_matrix(&rsa_keyring(RsaPadding::OaepSha256), 2),
        198
    );
}

#[test]
fn kms_round_trips_every_suite_frame_length_and_size() {
    let (sim, arn) = kms_with_key(false);
    assert_eq!(
        round_trip_matrix(&kms_keyring(&sim, "us-east-1", &arn), 3),
        198
    );
}

#[test]
fn every_rsa_padding_round_trips() {
    let mut rng = rng(4);
    for padding in [
        RsaPadding::Pkcs1,
        RsaPadding::OaepSha1,
        RsaPadding::OaepSha256,
        RsaPadding::OaepSha384,
        RsaPadding::OaepSha512,
    ] {
        let keyring = rsa_keyring(padding);
        let client = client_for(0x0578);
        let message = client
            .encrypt(b"padding", &keyring, &EncryptRequest::default(), &mut rng)
            .unwrap();
        let out = client
            .decrypt(&message, &keyring, &EncryptionContext::new())
            .unwrap();
        assert_eq!(out.plaintext, b"padding", "{padding:?}");
    }
}

#[test]
fn a_plaintext_of_whole_frames_ends_with_a_full_final_frame() {
    let keyring = aes_keyring();
    let client = client_for(0x0478);
    let request = EncryptRequest {
        suite: Some(0x0478),
        frame_length: 512,
        context: EncryptionContext::new(),
    };
    let message = client
        .encrypt(&plaintext(1024, 9), &keyring, &request, &mut rng(5))
        .unwrap();
    let fields: Vec<String> = keydeck_esdk::annotate(&message)
        .spans
        .iter()
        .map(|s| s.field.to_string())
        .collect();
    assert!(fields.contains(&"frame 1 encrypted content".to_owned()));
    assert!(fields.contains(&"frame 2 (final) content length".to_owned()));
    assert!(!fields.iter().any(|f| f.starts_with("frame 3")));
}

#[test]
fn signatures_have_the_curves_usual_length() {
    let mut rng = rng(6);
    for (suite, len) in [(0x0214u16, 71usize), (0x0346, 103), (0x0578, 103)] {
        for _ in 0..8 {
            let request = EncryptRequest {
                suite: Some(suite),
                ..EncryptRequest::default()
            };
            let m = client_for(suite)
                .encrypt(b"sign", &aes_keyring(), &request, &mut rng)
                .unwrap();
            let spans = keydeck_esdk::annotate(&m).spans;
            let signature = spans.last().unwrap();
            assert_eq!(signature.field, keydeck_esdk::Field::Signature);
            assert_eq!(signature.range.len(), len, "suite {suite:04x}");
        }
    }
}
