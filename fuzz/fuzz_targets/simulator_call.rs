//! Any request to the simulator: the first line names the service, the
//! second the operation, the rest is the JSON body. KMS ciphertext blobs
//! arrive as any bytes through Decrypt and ReEncrypt. The answer is a
//! result or an AWS error; never a panic.
#![no_main]

use base64::Engine;
use keydeck_sim::kms::model::blob;
use keydeck_sim::{Caller, Principal, Simulator};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

fuzz_target!(|data: &[u8]| {
    let _ = blob::parse(data);
    let account = "111122223333".parse().expect("an account id");
    let caller = Caller::new(Principal::root(&account), "us-east-1".parse().expect("a Region"));
    let mut sim = Simulator::with_seed(7);
    let key = sim
        .call("kms", "CreateKey", json!({}), &caller)
        .expect("a symmetric key")["KeyMetadata"]["KeyId"]
        .clone();
    let blob = base64::engine::general_purpose::STANDARD.encode(data);
    let _ = sim.call("kms", "Decrypt", json!({ "CiphertextBlob": blob }), &caller);
    let _ = sim.call(
        "kms",
        "ReEncrypt",
        json!({ "CiphertextBlob": blob, "DestinationKeyId": key }),
        &caller,
    );
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if text.contains("RSA_3072") || text.contains("RSA_4096") {
        return;
    }
    let mut lines = text.splitn(3, '\n');
    let (Some(service), Some(operation)) = (lines.next(), lines.next()) else {
        return;
    };
    let body = lines
        .next()
        .and_then(|b| serde_json::from_str::<Value>(b).ok())
        .unwrap_or(Value::Null);
    let _ = sim.call(service, operation, body, &caller);
});
