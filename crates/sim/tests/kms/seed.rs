//! A seeded simulator repeats itself: the same seed and the same calls give
//! the same key IDs, key material, ciphertexts, data keys, random bytes,
//! grants and signatures.

use crate::common::*;
use keydeck_sim::Simulator;
use serde_json::{json, Value};

/// Calls that draw on every kind of randomness, and their responses.
fn script(lab: &mut Lab) -> Vec<Value> {
    let me = root(A);
    let mut out = Vec::new();
    let sym = lab.ok(&me, "CreateKey", json!({}));
    let key = sym["KeyMetadata"]["Arn"].clone();
    out.push(sym);
    let rsa = lab.ok(
        &me,
        "CreateKey",
        json!({"KeySpec": "RSA_2048", "KeyUsage": "SIGN_VERIFY"}),
    );
    let rsa_key = rsa["KeyMetadata"]["Arn"].clone();
    out.push(rsa);
    out.push(lab.ok(&me, "GetPublicKey", json!({"KeyId": rsa_key})));
    out.push(lab.ok(
        &me,
        "Sign",
        json!({"KeyId": rsa_key, "Message": b64(b"m"), "SigningAlgorithm": "RSASSA_PSS_SHA_256"}),
    ));
    out.push(lab.ok(
        &me,
        "Encrypt",
        json!({"KeyId": key, "Plaintext": b64(b"hello"), "EncryptionContext": {"app": "lab"}}),
    ));
    out.push(lab.ok(
        &me,
        "GenerateDataKey",
        json!({"KeyId": key, "KeySpec": "AES_256"}),
    ));
    out.push(lab.ok(&me, "GenerateRandom", json!({"NumberOfBytes": 32})));
    out.push(lab.ok(&me, "CreateGrant", json!({"KeyId": key, "GranteePrincipal": format!("arn:aws:iam::{A}:user/bob"), "Operations": ["Decrypt"]})));
    lab.ok(
        &me,
        "EnableKeyRotation",
        json!({"KeyId": key, "RotationPeriodInDays": 90}),
    );
    lab.sim.advance_days(91);
    out.push(lab.ok(
        &me,
        "Encrypt",
        json!({"KeyId": key, "Plaintext": b64(b"hello")}),
    ));
    out
}

fn events(sim: &Simulator) -> Value {
    serde_json::to_value(sim.events()).unwrap()
}

#[test]
fn the_same_seed_and_the_same_calls_give_the_same_responses() {
    let (mut first, mut second) = (Lab::seeded(7), Lab::seeded(7));
    let (a, b) = (script(&mut first), script(&mut second));
    assert_eq!(a, b);
    assert_eq!(events(&first.sim), events(&second.sim));
    assert_eq!(first.sim.seed(), 7);
}

#[test]
fn different_seeds_give_different_key_ids_and_ciphertexts() {
    let (mut seven, mut eight) = (Lab::seeded(7), Lab::seeded(8));
    let (a, b) = (seven.symmetric(), eight.symmetric());
    assert_ne!(a, b);
    let (blob_a, blob_b) = (
        seven.encrypt(&root(A), &a, b"hello", json!({})),
        eight.encrypt(&root(A), &b, b"hello", json!({})),
    );
    assert_ne!(blob_a[14 + 36..], blob_b[14 + 36..]);
}

#[test]
fn a_ciphertext_from_one_seeded_simulator_decrypts_in_another_built_the_same_way() {
    let (mut maker, mut opener) = (Lab::seeded(7), Lab::seeded(7));
    let key = maker.symmetric();
    assert_eq!(opener.symmetric(), key);
    let blob = maker.encrypt(&root(A), &key, b"hello", json!({"app": "lab"}));
    let data_key = maker.ok(
        &root(A),
        "GenerateDataKey",
        json!({"KeyId": key, "NumberOfBytes": 16}),
    );
    let out = opener.ok(
        &root(A),
        "Decrypt",
        json!({"CiphertextBlob": b64(&blob), "EncryptionContext": {"app": "lab"}}),
    );
    assert_eq!(unb64(&out["Plaintext"]), b"hello");
    let out = opener.ok(
        &root(A),
        "Decrypt",
        json!({"CiphertextBlob": data_key["CiphertextBlob"]}),
    );
    assert_eq!(out["Plaintext"], data_key["Plaintext"]);
}

#[test]
fn a_simulator_seeded_from_the_system_can_be_repeated_from_its_seed() {
    let mut original = Lab::new();
    let mut again = Lab::seeded(original.sim.seed());
    assert_eq!(original.symmetric(), again.symmetric());
    assert_ne!(Simulator::new().seed(), Simulator::new().seed());
}

#[test]
fn a_clone_draws_the_same_values_as_its_original() {
    let mut lab = Lab::seeded(3);
    lab.symmetric();
    let mut copy = Lab {
        sim: lab.sim.clone(),
    };
    assert_eq!(lab.symmetric(), copy.symmetric());
    let random = json!({"NumberOfBytes": 16});
    assert_eq!(
        lab.ok(&root(A), "GenerateRandom", random.clone()),
        copy.ok(&root(A), "GenerateRandom", random)
    );
}
