//! Tab completion, as the terminal asks for it: the line, the cursor, and
//! what the word under the cursor can become.

use keydeck_lab::session::Completion;
use keydeck_lab::Session;

fn with_files(names: &[&str]) -> Session {
    let mut s = Session::new(2);
    for name in names {
        s.run(&format!("echo x > '{name}'"));
    }
    s
}

fn complete(s: &Session, line: &str) -> Completion {
    s.complete(line, line.len())
}

fn has(c: &Completion, word: &str) -> bool {
    c.candidates.iter().any(|w| w == word)
}

#[test]
fn the_first_word_completes_to_commands() {
    let s = with_files(&[]);
    let c = complete(&s, "ke");
    assert_eq!(c.start, 0);
    assert_eq!(
        c.candidates,
        ["keydeck", "keydeck-crypt", "keydeck-esdk-flip"]
    );
    assert_eq!(c.common_prefix, "keydeck");
    let c = complete(&s, "");
    for name in [
        "aws",
        "aws-encryption-cli",
        "base64",
        "cat",
        "clear",
        "echo",
        "help",
        "history",
        "ls",
        "rm",
    ] {
        assert!(has(&c, name), "{name}");
    }
    let c = complete(&s, "echo hi | ba");
    assert_eq!(
        (c.start, c.candidates.as_slice()),
        (10, &["base64".to_owned()][..])
    );
}

#[test]
fn after_aws_come_services_then_operations() {
    let s = with_files(&[]);
    let c = complete(&s, "aws km");
    assert_eq!(
        (c.start, c.candidates.as_slice()),
        (4, &["kms".to_owned()][..])
    );
    let c = complete(&s, "aws kms gen");
    assert_eq!(c.start, 8);
    assert!(has(&c, "generate-data-key"));
    assert!(has(&c, "generate-random"));
    assert!(c.candidates.iter().all(|w| w.starts_with("generate-")));
    assert_eq!(c.common_prefix, "generate-");
    let c = complete(&s, "aws --profile developer kms enc");
    assert_eq!(c.candidates, ["encrypt"]);
}

#[test]
fn after_an_operation_come_its_options_and_the_global_ones() {
    let s = with_files(&[]);
    let c = complete(&s, "aws kms encrypt --");
    assert!(has(&c, "--key-id"));
    assert!(has(&c, "--plaintext"));
    assert!(has(&c, "--encryption-context"));
    assert!(has(&c, "--profile"));
    assert!(has(&c, "--output"));
    let c = complete(&s, "aws kms encrypt --key-id alias/x --k");
    assert!(
        !has(&c, "--key-id"),
        "an option already given is not offered"
    );
}

#[test]
fn option_values_complete_where_they_are_a_fixed_set() {
    let s = with_files(&[]);
    let c = complete(&s, "aws kms list-keys --output t");
    assert_eq!(c.candidates, ["table", "text"]);
    let c = complete(&s, "aws kms list-keys --profile ");
    assert!(has(&c, "default"));
    assert!(has(&c, "developer"));
    let c = complete(&s, "aws kms create-key --key-spec ECC_NIST_P");
    assert_eq!(
        c.candidates,
        ["ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521"]
    );
    let c = complete(&s, "aws kms create-key --key-usage ");
    assert!(has(&c, "SIGN_VERIFY"));
    let c = complete(&s, "aws kms generate-data-key --key-spec ");
    assert_eq!(c.candidates, ["AES_128", "AES_256"]);
    let c = complete(&s, "aws kms encrypt --key-id ");
    assert!(c.candidates.is_empty(), "a free value has nothing to offer");
}

#[test]
fn key_options_complete_to_the_callers_keys_and_aliases() {
    let mut s = with_files(&[]);
    let id = s
        .run("aws kms create-key --query KeyMetadata.KeyId --output text")
        .stdout;
    let id = id.trim();
    s.run(&format!(
        "aws kms create-alias --alias-name alias/lab --target-key-id {id}"
    ));
    let c = complete(&s, "aws kms encrypt --key-id al");
    assert_eq!(c.candidates, ["alias/lab"]);
    let c = complete(&s, "aws kms describe-key --key-id ");
    let mut expected = vec!["alias/lab".to_owned(), id.to_owned()];
    expected.sort();
    assert_eq!(c.candidates, expected);
    let c = complete(&s, "aws kms describe-key --region eu-west-1 --key-id ");
    assert!(c.candidates.is_empty(), "no keys in that Region");
    let c = complete(&s, "aws --profile partner kms describe-key --key-id ");
    assert!(c.candidates.is_empty(), "no keys in the partner account");
}

#[test]
fn file_schemes_complete_to_file_names() {
    let s = with_files(&["secret.txt", "secret.enc", "notes"]);
    let c = complete(&s, "aws kms encrypt --plaintext fileb://se");
    assert_eq!(c.start, 28);
    assert_eq!(c.candidates, ["fileb://secret.enc", "fileb://secret.txt"]);
    assert_eq!(c.common_prefix, "fileb://secret.");
    let c = complete(&s, "aws kms put-key-policy --policy file://n");
    assert_eq!(c.candidates, ["file://notes"]);
}

#[test]
fn file_arguments_and_redirect_targets_complete_to_file_names() {
    let s = with_files(&["datakey", "data.txt", "other"]);
    assert_eq!(complete(&s, "cat da").candidates, ["data.txt", "datakey"]);
    assert_eq!(complete(&s, "rm o").candidates, ["other"]);
    assert_eq!(
        complete(&s, "base64 -d da").candidates,
        ["data.txt", "datakey"]
    );
    let c = complete(&s, "echo hi > o");
    assert_eq!(
        (c.start, c.candidates.as_slice()),
        (10, &["other".to_owned()][..])
    );
    assert_eq!(complete(&s, "echo hi >o").candidates, ["other"]);
}

#[test]
fn names_that_need_quotes_are_offered_quoted() {
    let s = with_files(&["my notes.txt"]);
    assert_eq!(complete(&s, "cat my").candidates, ["'my notes.txt'"]);
    assert_eq!(complete(&s, "cat 'my n").candidates, ["'my notes.txt'"]);
    assert_eq!(complete(&s, "base64 --w").candidates, ["--wrap="]);
}

#[test]
fn keydeck_crypt_completes_subcommands_options_and_values() {
    let s = with_files(&["datakey"]);
    assert_eq!(complete(&s, "keydeck-crypt de").candidates, ["decrypt"]);
    let c = complete(&s, "keydeck-crypt encrypt --key fileb://datakey --");
    assert_eq!(c.candidates, ["--in", "--out"]);
    assert_eq!(
        complete(&s, "keydeck-crypt encrypt --key ").candidates,
        ["fileb://datakey"]
    );
    let c = complete(&s, "keydeck-crypt verify --signing-algorithm ECDSA");
    assert_eq!(c.candidates, ["ECDSA_SHA_256", "ECDSA_SHA_384"]);
}

#[test]
fn keydeck_completes_its_commands_and_the_clock_options() {
    let s = with_files(&[]);
    assert_eq!(complete(&s, "keydeck cl").candidates, ["clock"]);
    let c = complete(&s, "keydeck clock advance --");
    assert_eq!(c.candidates, ["--days", "--hours"]);
}

#[test]
fn the_cursor_decides_the_word() {
    let s = with_files(&[]);
    let line = "aws km list-keys";
    let c = s.complete(line, 6);
    assert_eq!(
        (c.start, c.candidates.as_slice()),
        (4, &["kms".to_owned()][..])
    );
    let c = s.complete("aws kms", 100);
    assert_eq!(c.candidates, ["kms"]);
}

#[test]
fn no_candidates_leave_an_empty_common_prefix() {
    let s = with_files(&[]);
    let c = complete(&s, "zz");
    assert!(c.candidates.is_empty());
    assert_eq!(c.common_prefix, "");
}

#[test]
fn the_encryption_cli_completes_its_options_and_their_values() {
    let s = with_files(&["secret.txt"]);
    let c = complete(&s, "aws-encryption-cli --wrap");
    assert_eq!(c.candidates, ["--wrapping-keys"]);
    let c = complete(
        &s,
        "aws-encryption-cli --commitment-policy require-encrypt-r",
    );
    assert_eq!(c.candidates, ["require-encrypt-require-decrypt"]);
    let c = complete(&s, "aws-encryption-cli -e --input sec");
    assert_eq!(c.candidates, ["secret.txt"]);
}
