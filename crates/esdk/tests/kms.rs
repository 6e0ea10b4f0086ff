//! The KMS keyring over the simulator: exact-ARN matching, and
//! multi-Region-aware decryption with a replica in another Region.

mod common;

use common::*;
use keydeck_esdk::keyring::{KmsKeyring, MultiKeyring, SimulatorKms};
use keydeck_esdk::{EncryptRequest, EncryptionContext, Error};
use serde_json::json;

fn replicate(sim: &std::rc::Rc<std::cell::RefCell<keydeck_sim::Simulator>>, arn: &str) -> String {
    let out = sim
        .borrow_mut()
        .call(
            "kms",
            "ReplicateKey",
            json!({"KeyId": arn, "ReplicaRegion": "eu-west-1"}),
            &caller("us-east-1"),
        )
        .unwrap();
    out["ReplicaKeyMetadata"]["Arn"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn the_encrypted_data_key_names_the_kms_key_arn() {
    let (sim, arn) = kms_with_key(false);
    let keyring = kms_keyring(&sim, "us-east-1", &arn);
    let client = client_for(0x0578);
    let message = client
        .encrypt(b"hello", &keyring, &EncryptRequest::default(), &mut rng(1))
        .unwrap();
    let out = client
        .decrypt(&message, &keyring, &EncryptionContext::new())
        .unwrap();
    let edk = &out.header.encrypted_data_keys[0];
    assert_eq!(edk.provider_id, "aws-kms");
    assert_eq!(edk.provider_info, arn.as_bytes());
}

#[test]
fn an_mrk_aware_keyring_decrypts_with_the_replica_in_its_own_region() {
    let (sim, primary) = kms_with_key(true);
    let replica = replicate(&sim, &primary);
    assert_ne!(primary, replica);
    let client = client_for(0x0578);
    let context = EncryptionContext::from([("app", "mrk")]);
    let request = EncryptRequest {
        context: context.clone(),
        ..EncryptRequest::default()
    };
    let message = client
        .encrypt(
            b"everywhere",
            &kms_keyring(&sim, "us-east-1", &primary),
            &request,
            &mut rng(2),
        )
        .unwrap();

    let west = SimulatorKms::new(sim.clone(), caller("eu-west-1"));
    let aware = KmsKeyring::mrk_aware(Box::new(west), &replica);
    let out = client.decrypt(&message, &aware, &context).unwrap();
    assert_eq!(out.plaintext, b"everywhere");

    // A keyring that is not multi-Region aware wants the exact ARN.
    let strict = kms_keyring(&sim, "eu-west-1", &replica);
    let e = client.decrypt(&message, &strict, &context).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("no keyring could decrypt a data key: KMS keyring {replica}: no encrypted data key names this key")
    );
}

#[test]
fn an_mrk_aware_keyring_ignores_an_unrelated_key() {
    let (sim, primary) = kms_with_key(true);
    let other = sim
        .borrow_mut()
        .call(
            "kms",
            "CreateKey",
            json!({"MultiRegion": true}),
            &caller("us-east-1"),
        )
        .unwrap()["KeyMetadata"]["Arn"]
        .as_str()
        .unwrap()
        .to_owned();
    let client = client_for(0x0478);
    let request = EncryptRequest {
        suite: Some(0x0478),
        ..EncryptRequest::default()
    };
    let message = client
        .encrypt(
            b"x",
            &kms_keyring(&sim, "us-east-1", &primary),
            &request,
            &mut rng(3),
        )
        .unwrap();
    let aware = KmsKeyring::mrk_aware(
        Box::new(SimulatorKms::new(sim.clone(), caller("us-east-1"))),
        &other,
    );
    let e = client
        .decrypt(&message, &aware, &EncryptionContext::new())
        .unwrap_err();
    assert!(matches!(e, Error::NoKeyringCouldDecrypt(_)), "{e}");
}

#[test]
fn kms_refuses_a_changed_encryption_context() {
    // KMS binds the data key to the context: the raw keyrings' AAD check
    // happens inside KMS here.
    let (sim, arn) = kms_with_key(false);
    let keyring = kms_keyring(&sim, "us-east-1", &arn);
    let client = client_for(0x0478);
    let request = EncryptRequest {
        suite: Some(0x0478),
        context: EncryptionContext::from([("a", "b")]),
        ..EncryptRequest::default()
    };
    let mut message = client
        .encrypt(b"x", &keyring, &request, &mut rng(4))
        .unwrap();
    let value = keydeck_esdk::annotate(&message)
        .spans
        .into_iter()
        .find(|s| s.field == keydeck_esdk::Field::ContextValue(1))
        .unwrap();
    message[value.range.start] = b'c';
    let e = client
        .decrypt(&message, &keyring, &EncryptionContext::new())
        .unwrap_err();
    let Error::NoKeyringCouldDecrypt(reason) = e else {
        panic!("{e}")
    };
    assert!(reason.contains("InvalidCiphertextException"), "{reason}");
}

#[test]
fn a_kms_generator_and_a_raw_aes_child_each_decrypt() {
    let (sim, arn) = kms_with_key(false);
    let multi = MultiKeyring::new(
        Some(Box::new(kms_keyring(&sim, "us-east-1", &arn))),
        vec![Box::new(aes_keyring())],
    )
    .unwrap();
    let client = client_for(0x0578);
    let message = client
        .encrypt(b"both", &multi, &EncryptRequest::default(), &mut rng(5))
        .unwrap();
    let none = EncryptionContext::new();
    let out = client.decrypt(&message, &aes_keyring(), &none).unwrap();
    assert_eq!(out.header.encrypted_data_keys.len(), 2);
    assert_eq!(out.plaintext, b"both");
    let out = client
        .decrypt(&message, &kms_keyring(&sim, "us-east-1", &arn), &none)
        .unwrap();
    assert_eq!(out.plaintext, b"both");
}
