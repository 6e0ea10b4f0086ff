//! `cargo run --release -p keydeck-esdk --example decrypt_bench`: the median
//! time to decrypt a 1 MiB message (suite 0x0578, raw AES keyring, 4096-byte
//! frames), natively.

use std::time::{Duration, Instant};

use keydeck_esdk::keyring::RawAesKeyring;
use keydeck_esdk::{Client, EncryptRequest, EncryptionContext};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

const RUNS: usize = 50;
const SIZE: usize = 1 << 20;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let keyring = RawAesKeyring::new("bench", "key", &[7u8; 32]).expect("a 32-byte key");
    let client = Client::default();
    let plaintext: Vec<u8> = (0..SIZE).map(|i| i as u8).collect();
    let context = EncryptionContext::from([("purpose", "bench")]);
    let request = EncryptRequest {
        suite: Some(0x0578),
        frame_length: 4096,
        context: context.clone(),
    };
    let mut rng = ChaCha20Rng::seed_from_u64(7);
    let message = client
        .encrypt(&plaintext, &keyring, &request, &mut rng)
        .expect("encrypts");
    let times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let out = client
                .decrypt(&message, &keyring, &context)
                .expect("decrypts");
            assert_eq!(out.plaintext.len(), SIZE);
            t.elapsed()
        })
        .collect();
    println!(
        "natively: decrypt a 1 MiB message (0x0578, raw AES, 4096-byte frames), median {:.3} ms over {RUNS} runs",
        median(times).as_secs_f64() * 1000.0
    );
}
