//! Decrypting a 1 MiB Encryption SDK message (suite 0x0578, a raw AES
//! keyring, 4096-byte frames): the one benchmark `cargo xtask bench` runs
//! both natively (`main.rs`) and as wasm in Node's V8, the engine of the
//! browsers the labs run in ([`wasm_median_ms`]).

use keydeck_esdk::keyring::RawAesKeyring;
use keydeck_esdk::{Client, EncryptRequest, EncryptionContext};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

/// The message's size.
pub const SIZE: usize = 1 << 20;

/// The median time in milliseconds of `runs` decryptions, timed by `now`
/// (a clock in milliseconds).
pub fn median_ms(runs: usize, now: impl Fn() -> f64) -> f64 {
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
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = now();
            let out = client
                .decrypt(&message, &keyring, &context)
                .expect("decrypts");
            assert_eq!(out.plaintext, plaintext);
            now() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        fn performance_now() -> f64;
    }

    /// [`super::median_ms`] in wasm, timed by `performance.now()`.
    #[wasm_bindgen]
    pub fn wasm_median_ms(runs: u32) -> f64 {
        super::median_ms(runs as usize, performance_now)
    }
}
