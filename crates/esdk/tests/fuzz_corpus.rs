//! The seed corpus of the `esdk_message` fuzz target (`fuzz/`, run with
//! `cargo +nightly fuzz run esdk_message`), read on stable as an ordinary
//! test: every seed is a whole message whose fields tile it, and the ones
//! made for the target decrypt under its key.

use keydeck_esdk::keyring::RawAesKeyring;
use keydeck_esdk::{annotate, Client, CommitmentPolicy, EncryptionContext};

#[test]
fn every_seed_parses_whole_and_the_targets_own_seeds_decrypt() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/esdk_message");
    let keyring = RawAesKeyring::new("fuzz", "key", &[7u8; 32]).unwrap();
    let client = Client::new(CommitmentPolicy::RequireEncryptAllowDecrypt);
    let mut seeds = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // The fuzzer's own finds, named by their SHA-1 and not committed
        // (fuzz/.gitignore), are not seeds.
        if name.len() == 40 && name.bytes().all(|b| b.is_ascii_hexdigit()) {
            continue;
        }
        let message = std::fs::read(&path).unwrap();
        let annotation = annotate(&message);
        assert_eq!(annotation.error, None, "{name}");
        assert_eq!(
            annotation.spans.last().map(|s| s.range.end),
            Some(message.len()),
            "{name}"
        );
        let decrypted = client.decrypt(&message, &keyring, &EncryptionContext::new());
        if name.starts_with("python-") {
            assert!(decrypted.is_err(), "{name} is under another key");
        } else {
            assert_eq!(decrypted.unwrap().plaintext, b"hello, fuzzer", "{name}");
        }
        seeds += 1;
    }
    assert_eq!(seeds, 23, "the seeds in {}", dir.display());
}
