//! The shell around `aws`: its output piped and redirected as bytes, its
//! errors on the terminal, and the defaults a fresh terminal starts with.

use keydeck_lab::Session;

#[test]
fn random_bytes_piped_through_base64_land_in_a_file() {
    let mut s = Session::new(4);
    let out = s.run(
        "aws kms generate-random --number-of-bytes 32 --query Plaintext --output text \
         | base64 --decode > r.bin",
    );
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str(), out.status),
        ("", "", 0)
    );
    assert_eq!(s.files().read("r.bin").map(<[u8]>::len), Some(32));
    assert_eq!(
        s.run("ls -l r.bin").stdout,
        "-rw-r--r-- 1 learner learner 32 r.bin\n"
    );
}

#[test]
fn aws_errors_reach_the_terminal_and_are_never_redirected() {
    let mut s = Session::new(4);
    let out = s.run("aws kms describe-key --key-id alias/missing > key.json");
    assert!(out.stderr.contains("NotFoundException"), "{}", out.stderr);
    assert_ne!(out.status, 0);
    assert_eq!(s.files().read("key.json"), Some(&b""[..]));
}

#[test]
fn the_terminal_starts_as_the_default_profile_in_us_east_1() {
    let mut s = Session::new(4);
    let out = s.run("aws kms create-key --query KeyMetadata.Arn --output text");
    assert!(
        out.stdout
            .starts_with("arn:aws:kms:us-east-1:111122223333:key/"),
        "{}",
        out.stdout
    );
    let out = s.run("aws kms create-key --region eu-west-1 --query KeyMetadata.Arn --output text");
    assert!(
        out.stdout.starts_with("arn:aws:kms:eu-west-1:"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_ciphertext_saved_as_raw_bytes_decrypts_through_fileb() {
    let mut s = Session::new(4);
    let id = s
        .run("aws kms create-key --query KeyMetadata.KeyId --output text")
        .stdout;
    s.run(&format!(
        "aws kms create-alias --alias-name alias/t --target-key-id {}",
        id.trim()
    ));
    s.run("echo -n hello > m.txt");
    s.run(
        "aws kms encrypt --key-id alias/t --plaintext fileb://m.txt --query CiphertextBlob \
         --output text | base64 -d > m.enc",
    );
    let out = s.run(
        "aws kms decrypt --ciphertext-blob fileb://m.enc --query Plaintext --output text \
         | base64 -d",
    );
    assert_eq!(
        (out.stdout.as_str(), out.status),
        ("hello", 0),
        "{}",
        out.stderr
    );
}
