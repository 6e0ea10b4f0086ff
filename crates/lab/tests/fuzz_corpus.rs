//! The seed corpus of the `lab_line` fuzz target (`fuzz/`, run with
//! `cargo +nightly fuzz run lab_line`), read on stable as an ordinary
//! test: each seed is lines a learner types, and they work.

use std::path::Path;

use keydeck_lab::session::Session;

fn run(seed: &str) -> Vec<(String, i32, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus/lab_line")
        .join(seed);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut session = Session::new(7);
    text.lines()
        .map(|line| {
            let out = session.run(line);
            (line.to_owned(), out.status, out.stderr)
        })
        .collect()
}

#[test]
fn the_kms_seed_makes_a_key_and_gets_the_errors_aws_gives() {
    let results = run("kms.txt");
    let statuses: Vec<i32> = results.iter().map(|(_, status, _)| *status).collect();
    assert_eq!(statuses[..3], [0, 0, 254], "{results:?}");
    // An AWS managed key is used through its service only.
    assert!(results[2]
        .2
        .contains("(AccessDeniedException) when calling the Encrypt operation"));
    // Six bytes of text are no ciphertext.
    assert!(
        results[3]
            .2
            .contains("(InvalidCiphertextException) when calling the Decrypt operation"),
        "{:?}",
        results[3]
    );
    assert_eq!(results[4].1, 0);
    // Command substitution is bash's, not this shell's.
    assert_ne!(results[5].1, 0);
    assert!(!results[5].2.is_empty());
}

#[test]
fn the_services_seed_runs_every_line() {
    for (line, status, stderr) in run("services.txt") {
        assert_eq!(status, 0, "{line}: {stderr}");
    }
}
