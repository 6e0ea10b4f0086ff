//! The seed corpus of the `simulator_call` fuzz target (`fuzz/`, run with
//! `cargo +nightly fuzz run simulator_call`), read on stable as an
//! ordinary test: each seed is a service, an operation and a JSON body,
//! and each is a request the simulator accepts.

use std::path::Path;

use keydeck_sim::{Caller, Principal, Simulator};
use serde_json::Value;

#[test]
fn every_seed_is_a_request_the_simulator_answers() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/simulator_call");
    let caller = Caller::new(
        Principal::root(&"111122223333".parse().unwrap()),
        "us-east-1".parse().unwrap(),
    );
    let mut seeds = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // The fuzzer's own finds, named by their SHA-1, are not seeds.
        if name.len() == 40 && name.bytes().all(|b| b.is_ascii_hexdigit()) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.splitn(3, '\n');
        let (service, operation) = (lines.next().unwrap(), lines.next().unwrap());
        let body: Value = serde_json::from_str(lines.next().unwrap()).unwrap();
        let mut sim = Simulator::with_seed(7);
        let answer = sim.call(service, operation, body, &caller);
        assert!(answer.is_ok(), "{}: {answer:?}", path.display());
        seeds += 1;
    }
    assert_eq!(seeds, 5);
}
