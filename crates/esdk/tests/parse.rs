//! The annotated parse tiles every message exactly, and neither it nor
//! decryption panics on random or truncated input.

mod common;

use common::*;
use keydeck_esdk::suite::ALL;
use keydeck_esdk::{annotate, Client, CommitmentPolicy, EncryptRequest, EncryptionContext, Error};
use rand_core::RngCore;

fn messages() -> Vec<Vec<u8>> {
    let mut rng = rng(21);
    let mut out = vec![
        data("python-0578-aes-f4096.esdk"),
        data("python-0014-aes-nonframed.esdk"),
    ];
    for suite in &ALL {
        for frame_length in [0, 7, 4096] {
            let request = EncryptRequest {
                suite: Some(suite.id),
                frame_length,
                context: EncryptionContext::from([("k", "v")]),
            };
            let m = client_for(suite.id)
                .encrypt(&plaintext(50, 1), &aes_keyring(), &request, &mut rng)
                .unwrap();
            out.push(m);
        }
    }
    out
}

#[test]
fn the_annotated_parse_tiles_every_message() {
    for m in messages() {
        let annotation = annotate(&m);
        assert_eq!(annotation.error, None);
        let mut at = 0;
        for span in &annotation.spans {
            assert_eq!(span.range.start, at, "gap or overlap before {}", span.field);
            at = span.range.end;
        }
        assert_eq!(at, m.len());
    }
}

#[test]
fn every_truncation_is_refused_as_truncated() {
    let client = Client::new(CommitmentPolicy::RequireEncryptAllowDecrypt);
    for m in messages() {
        for len in 0..m.len() {
            let e = client
                .decrypt(&m[..len], &aes_keyring(), &EncryptionContext::new())
                .unwrap_err();
            assert!(
                matches!(e, Error::Truncated { .. }),
                "{len} of {}: {e}",
                m.len()
            );
            assert!(annotate(&m[..len]).error.is_some());
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = rng(22);
    let client = Client::new(CommitmentPolicy::RequireEncryptAllowDecrypt);
    let seeds = messages();
    for round in 0..4000 {
        let mut bytes = if round % 2 == 0 {
            let mut b = vec![0u8; (rng.next_u32() % 600) as usize];
            rng.fill_bytes(&mut b);
            b
        } else {
            // A real message with a few random bytes changed and cut short.
            let mut b = seeds[round % seeds.len()].clone();
            for _ in 0..1 + rng.next_u32() % 4 {
                let at = rng.next_u32() as usize % b.len();
                b[at] = rng.next_u32() as u8;
            }
            let keep = rng.next_u32() as usize % (b.len() + 1);
            b.truncate(keep);
            b
        };
        // Keep the version byte plausible half the time so parsing goes deeper.
        if round % 4 == 0 && !bytes.is_empty() {
            bytes[0] = 1 + (round % 8 == 0) as u8;
        }
        let annotation = annotate(&bytes);
        for span in &annotation.spans {
            assert!(span.range.end <= bytes.len());
            let _ = span.value(&bytes);
        }
        let _ = client.decrypt(&bytes, &aes_keyring(), &EncryptionContext::new());
    }
}
