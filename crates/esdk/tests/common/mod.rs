//! Keys, keyrings and clients the tests share.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;

use keydeck_esdk::keyring::raw_rsa::{private_key_from_pem, public_key_from_pem};
use keydeck_esdk::keyring::{KmsKeyring, RawAesKeyring, RawRsaKeyring, RsaPadding, SimulatorKms};
use keydeck_esdk::suite::Suite;
use keydeck_esdk::{Client, CommitmentPolicy};
use keydeck_sim::{Caller, Principal, Simulator};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use serde_json::json;

pub const NAMESPACE: &str = "keydeck-test";
pub const KEY_NAME: &str = "test-key";
/// The raw AES key the Python vectors were made with: bytes 0..32.
pub fn aes_key_bytes() -> Vec<u8> {
    (0u8..32).collect()
}

pub fn rng(seed: u64) -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(seed)
}

pub fn aes_keyring() -> RawAesKeyring {
    RawAesKeyring::new(NAMESPACE, KEY_NAME, &aes_key_bytes()).unwrap()
}

pub fn data(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn rsa_keyring(padding: RsaPadding) -> RawRsaKeyring {
    let private = private_key_from_pem(&String::from_utf8(data("rsa-2048-private.pem")).unwrap());
    let public = public_key_from_pem(&String::from_utf8(data("rsa-2048-public.pem")).unwrap());
    RawRsaKeyring::new(
        NAMESPACE,
        KEY_NAME,
        padding,
        Some(public.unwrap()),
        Some(private.unwrap()),
    )
    .unwrap()
}

/// A client whose policy lets it encrypt and decrypt `suite`.
pub fn client_for(suite: u16) -> Client {
    let committing = Suite::by_id(suite).unwrap().committing;
    Client::new(if committing {
        CommitmentPolicy::RequireEncryptRequireDecrypt
    } else {
        CommitmentPolicy::ForbidEncryptAllowDecrypt
    })
}

/// Bytes that differ from one test to the next but not from run to run.
pub fn plaintext(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect()
}

pub const ACCOUNT: &str = "111122223333";

pub fn caller(region: &str) -> Caller {
    Caller::new(
        Principal::root(&ACCOUNT.parse().unwrap()),
        region.parse().unwrap(),
    )
}

/// A simulator with one symmetric KMS key; returns its ARN.
pub fn kms_with_key(multi_region: bool) -> (Rc<RefCell<Simulator>>, String) {
    let sim = Rc::new(RefCell::new(Simulator::with_seed(11)));
    let out = sim
        .borrow_mut()
        .call(
            "kms",
            "CreateKey",
            json!({"MultiRegion": multi_region}),
            &caller("us-east-1"),
        )
        .unwrap();
    let arn = out["KeyMetadata"]["Arn"].as_str().unwrap().to_owned();
    (sim, arn)
}

pub fn kms_keyring(sim: &Rc<RefCell<Simulator>>, region: &str, key: &str) -> KmsKeyring<'static> {
    KmsKeyring::new(
        Box::new(SimulatorKms::new(sim.clone(), caller(region))),
        key,
    )
}
