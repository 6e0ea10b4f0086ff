//! A lab rebuilt from its seed and log is the lab the learner left: the
//! same keys, the same files byte for byte, the same history, and the
//! ciphertexts made before the reload still decrypt after it.

use keydeck_lab::{Output, Session};

const SEED: u64 = 20_261_130;

fn ok(s: &mut Session, line: &str) -> Output {
    let out = s.run(line);
    assert_eq!(out.status, 0, "{line}: {}", out.stderr);
    out
}

/// A learner's lab: a key and its alias, a ciphertext saved with `>`, a
/// decrypt through `fileb://`, envelope encryption with a data key, and the
/// clock moved on.
fn lab() -> Session {
    let mut s = Session::new(SEED);
    let id = ok(
        &mut s,
        "aws kms create-key --description 'lab key' --query KeyMetadata.KeyId --output text",
    )
    .stdout;
    let lines = [
        format!(
            "aws kms create-alias --alias-name alias/lab --target-key-id {}",
            id.trim()
        ),
        "echo 'top secret' > secret.txt".to_owned(),
        "aws kms encrypt --key-id alias/lab --plaintext fileb://secret.txt \
         --query CiphertextBlob --output text > secret.b64"
            .to_owned(),
        "base64 --decode secret.b64 > secret.enc".to_owned(),
        "aws kms decrypt --ciphertext-blob fileb://secret.enc --query Plaintext \
         --output text | base64 --decode > secret.out"
            .to_owned(),
        "aws kms generate-data-key --key-id alias/lab --key-spec AES_256 \
         --query CiphertextBlob --output text | base64 --decode > datakey.enc"
            .to_owned(),
        "aws kms decrypt --ciphertext-blob fileb://datakey.enc --query Plaintext \
         --output text | base64 --decode > datakey"
            .to_owned(),
        "keydeck-crypt encrypt --key fileb://datakey --in secret.txt --out secret.txt.enc"
            .to_owned(),
        "rm datakey".to_owned(),
        "aws kms enable-key-rotation --key-id alias/lab".to_owned(),
        "keydeck clock advance --days 400".to_owned(),
        "aws kms create-key --key-spec ECC_NIST_P256 --key-usage SIGN_VERIFY".to_owned(),
        String::new(),
        "aws kms list-keys --output text > keys.txt".to_owned(),
    ];
    for line in &lines {
        ok(&mut s, line);
    }
    assert_eq!(s.files().read("secret.out"), Some(&b"top secret\n"[..]));
    s
}

#[test]
fn replay_rebuilds_the_same_keys_files_and_history() {
    let mut original = lab();
    let mut replayed = Session::replay(original.seed(), original.log());
    assert_eq!(replayed.log(), original.log());
    assert_eq!(replayed.history(), original.history());
    assert_eq!(replayed.history().len(), 14, "the blank line is not kept");
    assert_eq!(replayed.files(), original.files());
    let keys = "aws kms list-keys --query Keys[].KeyId --output text";
    assert_eq!(
        ok(&mut replayed, keys).stdout,
        ok(&mut original, keys).stdout
    );
    let clock = "keydeck clock show";
    assert_eq!(
        ok(&mut replayed, clock).stdout,
        ok(&mut original, clock).stdout
    );
}

#[test]
fn ciphertexts_from_before_the_replay_still_decrypt() {
    let original = lab();
    let mut replayed = Session::replay(original.seed(), original.log());
    let out = ok(
        &mut replayed,
        "aws kms decrypt --ciphertext-blob fileb://secret.enc --query Plaintext --output text",
    );
    assert_eq!(out.stdout, "dG9wIHNlY3JldAo=\n");
    ok(
        &mut replayed,
        "aws kms decrypt --ciphertext-blob fileb://datakey.enc --query Plaintext \
         --output text | base64 --decode > datakey",
    );
    ok(
        &mut replayed,
        "keydeck-crypt decrypt --key datakey --in secret.txt.enc --out again.txt",
    );
    assert_eq!(ok(&mut replayed, "cat again.txt").stdout, "top secret\n");
}

#[test]
fn another_seed_gives_other_keys() {
    let mut a = Session::new(1);
    let mut b = Session::new(2);
    let create = "aws kms create-key --query KeyMetadata.KeyId --output text";
    assert_ne!(ok(&mut a, create).stdout, ok(&mut b, create).stdout);
}
