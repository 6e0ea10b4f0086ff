//! The session's log and history: what enters them, and what the page
//! stores.

use keydeck_lab::{Entry, Session};
use serde_json::json;

fn line(text: &str) -> Entry {
    Entry::Line {
        line: text.to_owned(),
    }
}

#[test]
fn blank_lines_enter_neither_the_log_nor_the_history() {
    let mut s = Session::new(1);
    for blank in ["", "   ", "\t"] {
        let out = s.run(blank);
        assert_eq!(
            (out.stdout.as_str(), out.stderr.as_str(), out.status),
            ("", "", 0)
        );
    }
    assert!(s.log().is_empty());
    assert!(s.history().is_empty());
    assert_eq!(s.log_bytes(), 2, "an empty log is `[]`");
}

#[test]
fn every_other_line_is_logged_even_one_that_fails() {
    let mut s = Session::new(1);
    s.run("echo hi");
    s.run("nosuchcommand");
    s.run("echo 'open");
    assert_eq!(
        s.log(),
        [line("echo hi"), line("nosuchcommand"), line("echo 'open")]
    );
    assert_eq!(s.history(), ["echo hi", "nosuchcommand", "echo 'open"]);
}

#[test]
fn log_bytes_is_the_size_of_the_log_as_json() {
    let mut s = Session::new(1);
    s.run("echo hi");
    let json = serde_json::to_string(s.log()).unwrap();
    assert_eq!(json, r#"[{"kind":"line","line":"echo hi"}]"#);
    assert_eq!(s.log_bytes(), json.len());
}

#[test]
fn console_calls_are_logged_with_profile_and_region() {
    let mut s = Session::new(1);
    let key = s
        .console_call("default", "eu-west-1", "kms", "CreateKey", json!({}))
        .unwrap();
    assert_eq!(
        key["KeyMetadata"]["Arn"].as_str().unwrap()[..21],
        *"arn:aws:kms:eu-west-1"
    );
    let missing = s.console_call(
        "default",
        "eu-west-1",
        "kms",
        "DescribeKey",
        json!({"KeyId": "alias/missing"}),
    );
    assert_eq!(missing.unwrap_err().code(), "NotFoundException");
    assert_eq!(s.log().len(), 2, "a failed call is logged too");
    assert_eq!(
        s.log()[0],
        Entry::Console {
            profile: "default".to_owned(),
            region: "eu-west-1".to_owned(),
            service: "kms".to_owned(),
            operation: "CreateKey".to_owned(),
            request: json!({}),
        }
    );
    assert!(s.history().is_empty(), "console calls are not typed lines");
}

#[test]
fn the_seed_is_kept() {
    assert_eq!(Session::new(42).seed(), 42);
}
