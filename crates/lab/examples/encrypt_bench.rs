//! `cargo run --release -p keydeck-lab --example encrypt_bench`: the median
//! time of one Encrypt natively, straight to the simulator and typed into a
//! lab session, to set beside the worker's figure from `cargo xtask bench`.

use std::time::{Duration, Instant};

use keydeck_lab::Session;

const RUNS: usize = 200;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let mut session = Session::new(7);
    session.run("aws kms create-key --description bench");
    session.run("aws kms list-keys --query Keys[0].KeyId --output text > id");
    let id = String::from_utf8_lossy(session.files().read("id").unwrap_or_default())
        .trim()
        .to_owned();
    session.run(&format!(
        "aws kms create-alias --alias-name alias/bench --target-key-id {id}"
    ));

    let line =
        "aws kms encrypt --key-id alias/bench --plaintext aGVsbG8= --query KeyId --output text";
    let typed: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let out = session.run(line);
            assert_eq!(out.status, 0, "{}", out.stderr);
            t.elapsed()
        })
        .collect();
    println!(
        "natively: Encrypt typed into a lab session, median {:.3} ms over {RUNS} runs",
        median(typed).as_secs_f64() * 1000.0
    );
}
