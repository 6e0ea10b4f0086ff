//! Any bytes, as an Encryption SDK message: the annotated parse and
//! decryption with a raw AES key either succeed or name what failed, and
//! never panic. The seed corpus (`corpus/esdk_message`) holds messages
//! encrypted under that key, so the fuzzer starts past the header.
#![no_main]

use keydeck_esdk::keyring::RawAesKeyring;
use keydeck_esdk::{annotate, Client, CommitmentPolicy, EncryptionContext};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let annotation = annotate(data);
    if annotation.error.is_none() {
        let end = annotation.spans.last().map_or(0, |s| s.range.end);
        assert_eq!(end, data.len(), "a whole message's fields cover it");
    }
    let keyring = RawAesKeyring::new("fuzz", "key", &[7u8; 32]).expect("a 32-byte key");
    let client = Client::new(CommitmentPolicy::RequireEncryptAllowDecrypt);
    let _ = client.decrypt(data, &keyring, &EncryptionContext::new());
});
