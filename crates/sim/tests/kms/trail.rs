use crate::common::*;
use serde_json::json;

#[test]
fn every_call_is_logged_with_its_error_and_without_secrets() {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    lab.encrypt(&root(A), &arn, b"secret", json!({"a": "b"}));
    lab.err(
        &user(A, "alice"),
        "Decrypt",
        json!({"CiphertextBlob": b64(b"junk")}),
    );
    let events = lab.sim.events();
    assert_eq!(events.len(), 3);
    let encrypt = serde_json::to_value(&events[1]).unwrap();
    assert_eq!(encrypt["eventName"], "Encrypt");
    assert_eq!(encrypt["eventSource"], "kms.amazonaws.com");
    assert_eq!(encrypt["eventTime"], "2026-01-01T00:00:00Z");
    assert_eq!(encrypt["awsRegion"], "us-east-1");
    assert_eq!(encrypt["userIdentity"]["type"], "Root");
    assert_eq!(
        encrypt["requestParameters"],
        json!({"keyId": arn, "encryptionContext": {"a": "b"}})
    );
    let failed = serde_json::to_value(&events[2]).unwrap();
    assert_eq!(failed["errorCode"], "InvalidCiphertextException");
    assert_eq!(
        failed["userIdentity"]["arn"],
        format!("arn:aws:iam::{A}:user/alice")
    );
}

#[test]
fn lookup_events_and_the_clock_are_served_by_the_keydeck_service() {
    let mut lab = Lab::new();
    lab.symmetric();
    let out = lab
        .sim
        .call(
            "keydeck",
            "AdvanceClock",
            json!({"Days": 1, "Hours": 2}),
            &root(A),
        )
        .unwrap();
    assert_eq!(out["NowIso8601"], "2026-01-02T02:00:00Z");
    let events = lab
        .sim
        .call("keydeck", "LookupEvents", json!({}), &root(A))
        .unwrap();
    assert_eq!(events["Events"][0]["eventName"], "CreateKey");
}
