//! The `keydeck-esdk` command: options, exit codes, and the checks named
//! in its errors.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const KEY_HEX: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_keydeck-esdk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn aes_args<'a>(command: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![command, "--raw-aes-key-hex", KEY_HEX];
    args.extend(["--key-namespace", "keydeck-test", "--key-name", "test-key"]);
    args.extend(more);
    args
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn encrypt_then_decrypt_through_stdin_and_stdout() {
    let enc = run(
        &aes_args("encrypt", &["--context", "a=b", "--frame-length", "0"]),
        b"hello",
    );
    assert!(enc.status.success(), "{}", stderr(&enc));
    assert_eq!(&enc.stdout[..3], &[0x02, 0x05, 0x78]);
    let dec = run(&aes_args("decrypt", &["--context", "a=b"]), &enc.stdout);
    assert!(dec.status.success(), "{}", stderr(&dec));
    assert_eq!(dec.stdout, b"hello");
    let wrong = run(&aes_args("decrypt", &["--context", "a=c"]), &enc.stdout);
    assert_eq!(wrong.status.code(), Some(1));
    assert_eq!(
        stderr(&wrong),
        "keydeck-esdk: encryption context lacks the required entry a=c\n"
    );
}

#[test]
fn a_changed_header_tag_is_named() {
    let mut m = std::fs::read(data("python-0478-aes-f512-whole-frames.esdk")).unwrap();
    let tag = keydeck_esdk::annotate(&m)
        .spans
        .into_iter()
        .find(|s| s.field == keydeck_esdk::Field::HeaderTag)
        .unwrap();
    m[tag.range.end - 1] ^= 1;
    let out = run(&aes_args("decrypt", &[]), &m);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "keydeck-esdk: header authentication tag does not verify\n"
    );
}

#[test]
fn decrypt_reads_and_writes_files_with_an_rsa_key() {
    let dir = std::env::temp_dir().join(format!("keydeck-esdk-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("plain");
    let input = data("python-0378-rsa-oaep-sha1-f512.esdk");
    let private = data("rsa-2048-private.pem");
    let args = [
        "decrypt",
        "--input",
        input.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--raw-rsa-private-pem",
        private.to_str().unwrap(),
        "--raw-rsa-padding",
        "oaep-sha1",
        "--key-namespace",
        "keydeck-test",
        "--key-name",
        "test-key",
        "--commitment-policy",
        "require-encrypt-allow-decrypt",
    ];
    let result = run(&args, b"");
    assert!(result.status.success(), "{}", stderr(&result));
    let expected = std::fs::read(data("known-answer.txt")).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), &expected[..1500]);
    // The default policy refuses a suite without commitment.
    let result = run(&args[..args.len() - 2], b"");
    assert_eq!(result.status.code(), Some(1));
    assert!(stderr(&result).contains("forbids decrypting a message with algorithm suite 0x0378"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn inspect_prints_offset_length_field_and_value() {
    let input = data("python-0014-aes-nonframed.esdk");
    let out = run(&["inspect", "--input", input.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1]
        .split_whitespace()
        .eq(["0", "1", "version", "0x01"]));
    assert!(lines[3]
        .split_whitespace()
        .eq(["2", "2", "algorithm", "suite", "ID", "0x0014"]));
    assert!(text.contains("\"purpose\""));
    assert!(text.contains("body content length"));
    assert!(lines.last().unwrap().contains("body authentication tag"));
}

#[test]
fn inspect_of_a_truncated_message_prints_what_it_read_and_fails() {
    let m = std::fs::read(data("python-0014-aes-nonframed.esdk")).unwrap();
    let out = run(&["inspect"], &m[..100]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("message ID"));
    assert!(stderr(&out).starts_with("keydeck-esdk: truncated message: "));
}

#[test]
fn unknown_options_and_missing_keys_are_errors() {
    let out = run(&["encrypt", "--frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("keydeck-esdk: invalid option '--frobnicate'"));
    let out = run(&["decrypt", "--key-namespace", "n", "--key-name", "k"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "keydeck-esdk: invalid argument: --raw-aes-key-hex or an RSA key is required\n"
    );
    let out = run(&aes_args("encrypt", &["--suite", "0x9999"]), b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "keydeck-esdk: unsupported algorithm suite 0x9999\n"
    );
    let out = run(&["frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["--help"], b"");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("usage: keydeck-esdk"));
}
