use crate::common::*;
use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeMap;

fn lab_with_key() -> (Lab, String) {
    let mut lab = Lab::new();
    let arn = lab.symmetric();
    (lab, arn)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn encrypt_then_decrypt_round_trips_any_plaintext_under_any_context(
        plaintext in proptest::collection::vec(any::<u8>(), 1..=4096),
        context in proptest::collection::btree_map(".{0,12}", ".{0,12}", 0..5),
    ) {
        let (mut lab, arn) = lab_with_key();
        let ctx = json!(context);
        let blob = lab.encrypt(&root(A), &arn, &plaintext, ctx.clone());
        let out = lab.ok(&root(A), "Decrypt", json!({"CiphertextBlob": b64(&blob), "EncryptionContext": ctx}));
        prop_assert_eq!(unb64(&out["Plaintext"]), plaintext);
    }

    #[test]
    fn any_single_byte_change_to_a_blob_is_invalid_ciphertext(
        plaintext in proptest::collection::vec(any::<u8>(), 1..=256),
        context in proptest::collection::btree_map("[a-z]{1,4}", "[a-z]{0,4}", 0..3),
        position in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let (mut lab, arn) = lab_with_key();
        let ctx = json!(context);
        let mut blob = lab.encrypt(&root(A), &arn, &plaintext, ctx.clone());
        let i = position.index(blob.len());
        blob[i] ^= flip;
        let e = lab.err(&root(A), "Decrypt", json!({"CiphertextBlob": b64(&blob), "EncryptionContext": ctx}));
        prop_assert_eq!(e.code(), "InvalidCiphertextException");
    }
}

#[test]
fn contexts_that_concatenate_alike_do_not_open_each_other() {
    let (mut lab, arn) = lab_with_key();
    let ab: BTreeMap<&str, &str> = [("ab", "c")].into();
    let blob = lab.encrypt(&root(A), &arn, b"x", json!(ab));
    let e = lab.err(
        &root(A),
        "Decrypt",
        json!({"CiphertextBlob": b64(&blob), "EncryptionContext": {"a": "bc"}}),
    );
    assert_error(&e, "InvalidCiphertextException", None);
}
