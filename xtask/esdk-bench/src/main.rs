//! `cargo run --release -p keydeck-esdk-bench`: the 1 MiB decryption,
//! natively. `cargo xtask bench` runs it beside the same code in wasm.

use std::time::Instant;

const RUNS: usize = 50;

fn main() {
    let start = Instant::now();
    let ms = keydeck_esdk_bench::median_ms(RUNS, || start.elapsed().as_secs_f64() * 1000.0);
    println!(
        "natively: decrypt a 1 MiB message (0x0578, raw AES, 4096-byte frames), median {ms:.3} ms over {RUNS} runs"
    );
}
