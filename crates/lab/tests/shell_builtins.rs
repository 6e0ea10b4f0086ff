//! The builtins as a learner sees them: what they print, what they write,
//! and their error messages and statuses.

use keydeck_lab::{Output, Session};

fn session() -> Session {
    Session::new(7)
}

/// Runs lines and returns the last one's output.
fn run(s: &mut Session, lines: &[&str]) -> Output {
    let mut out = Output::default();
    for line in lines {
        out = s.run(line);
    }
    out
}

#[test]
fn echo_prints_its_words_and_n_leaves_out_the_newline() {
    let mut s = session();
    assert_eq!(
        s.run("echo hello   'big world'").stdout,
        "hello big world\n"
    );
    assert_eq!(s.run("echo -n hello").stdout, "hello");
    assert_eq!(s.run("echo -x").stdout, "-x\n");
    assert_eq!(s.run("echo").stdout, "\n");
}

#[test]
fn redirect_writes_a_file_and_prints_nothing() {
    let mut s = session();
    let out = s.run("echo secret > note.txt");
    assert_eq!(out.stdout, "");
    assert_eq!(out.status, 0);
    assert_eq!(s.files().read("note.txt"), Some(&b"secret\n"[..]));
    s.run("echo again > note.txt");
    assert_eq!(s.files().read("note.txt"), Some(&b"again\n"[..]));
}

#[test]
fn double_redirect_appends() {
    let mut s = session();
    run(&mut s, &["echo one >> log.txt", "echo two >> log.txt"]);
    assert_eq!(s.run("cat log.txt").stdout, "one\ntwo\n");
}

#[test]
fn a_redirected_failing_command_still_creates_the_file() {
    let mut s = session();
    let out = s.run("cat missing.txt > out.txt");
    assert_eq!(out.stderr, "cat: missing.txt: No such file or directory\n");
    assert_eq!(out.status, 1);
    assert_eq!(s.files().read("out.txt"), Some(&b""[..]));
}

#[test]
fn pipes_pass_binary_bytes_unchanged() {
    let mut s = session();
    // 0xff 0x00 0x80 0xfe: not UTF-8, so any text conversion would change it.
    s.run("echo /wCA/g== | base64 --decode > raw.bin");
    assert_eq!(
        s.files().read("raw.bin"),
        Some(&[0xff, 0x00, 0x80, 0xfe][..])
    );
    let out = s.run("cat raw.bin | base64");
    assert_eq!(out.stdout, "/wCA/g==\n");
}

#[test]
fn input_redirect_reads_a_file() {
    let mut s = session();
    s.run("echo from-file > in.txt");
    assert_eq!(s.run("cat < in.txt").stdout, "from-file\n");
    assert_eq!(s.run("cat<in.txt|base64").stdout, "ZnJvbS1maWxlCg==\n");
    let out = s.run("cat < none.txt");
    assert_eq!(out.stderr, "keydeck: none.txt: No such file or directory\n");
    assert_eq!(out.status, 1);
}

#[test]
fn the_status_is_the_last_commands() {
    let mut s = session();
    let out = s.run("cat nothing | echo fine");
    assert_eq!(out.status, 0);
    assert_eq!(out.stdout, "fine\n");
    assert_eq!(out.stderr, "cat: nothing: No such file or directory\n");
    assert_eq!(s.run("echo fine | cat nothing").status, 1);
}

#[test]
fn cat_joins_files_and_reads_stdin_for_a_dash() {
    let mut s = session();
    run(&mut s, &["echo a > a.txt", "echo b > b.txt"]);
    assert_eq!(s.run("cat a.txt b.txt").stdout, "a\nb\n");
    assert_eq!(s.run("echo in | cat a.txt - b.txt").stdout, "a\nin\nb\n");
    assert_eq!(s.run("echo piped | cat").stdout, "piped\n");
    let out = s.run("cat a.txt x b.txt");
    assert_eq!(out.stdout, "a\nb\n");
    assert_eq!(out.stderr, "cat: x: No such file or directory\n");
    assert_eq!(out.status, 1);
}

#[test]
fn base64_wraps_at_76_columns_like_gnu() {
    let mut s = session();
    // 60 bytes encode to 80 characters: one full line of 76, then 4.
    let out = s.run(&format!("echo -n {} | base64", "x".repeat(60)));
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].len(), 76);
    assert_eq!(lines[1], "eHh4");
    assert!(out.stdout.ends_with('\n'));
    for wrap in ["-w 0", "-w0", "--wrap=0", "--wrap 0"] {
        let out = s.run(&format!("echo -n {} | base64 {wrap}", "x".repeat(60)));
        assert_eq!(out.stdout.len(), 81, "{wrap}");
        assert_eq!(out.stdout.lines().count(), 1, "{wrap}");
    }
    assert_eq!(s.run("echo -n hi | base64 -w 2").stdout, "aG\nk=\n");
}

#[test]
fn base64_decodes_wrapped_text_and_files() {
    let mut s = session();
    s.run(&format!("echo -n {} | base64 > long.b64", "y".repeat(100)));
    assert_eq!(s.run("base64 --decode long.b64").stdout, "y".repeat(100));
    assert_eq!(s.run("base64 -d < long.b64").stdout, "y".repeat(100));
    assert_eq!(s.run("echo aGk= | base64 -d").stdout, "hi");
}

#[test]
fn base64_reports_bad_input_and_bad_options_like_gnu() {
    let mut s = session();
    let out = s.run("echo 'not base64!' | base64 --decode");
    assert_eq!(out.stderr, "base64: invalid input\n");
    assert_eq!(out.status, 1);
    let out = s.run("base64 -x");
    assert_eq!(
        out.stderr,
        "base64: invalid option -- 'x'\nTry 'base64 --help' for more information.\n"
    );
    assert_eq!(out.status, 1);
    let out = s.run("base64 nofile");
    assert_eq!(out.stderr, "base64: nofile: No such file or directory\n");
    assert_eq!(
        s.run("base64 -w x").stderr,
        "base64: invalid wrap size: 'x'\n"
    );
    assert!(s
        .run("base64 a b")
        .stderr
        .starts_with("base64: extra operand 'b'\n"));
}

#[test]
fn ls_lists_files_in_order_and_l_adds_sizes() {
    let mut s = session();
    assert_eq!(s.run("ls").stdout, "");
    run(&mut s, &["echo -n 12345 > b.txt", "echo -n 1 > a.txt"]);
    assert_eq!(s.run("ls").stdout, "a.txt\nb.txt\n");
    assert_eq!(
        s.run("ls -l").stdout,
        "-rw-r--r-- 1 learner learner 1 a.txt\n-rw-r--r-- 1 learner learner 5 b.txt\n"
    );
    let out = s.run("ls b.txt nope");
    assert_eq!(out.stdout, "b.txt\n");
    assert_eq!(
        out.stderr,
        "ls: cannot access 'nope': No such file or directory\n"
    );
    assert_eq!(out.status, 2);
}

#[test]
fn rm_removes_files_and_reports_missing_ones() {
    let mut s = session();
    run(&mut s, &["echo > a", "echo > b"]);
    assert_eq!(s.run("rm a").status, 0);
    assert!(!s.files().contains("a"));
    let out = s.run("rm x b");
    assert_eq!(
        out.stderr,
        "rm: cannot remove 'x': No such file or directory\n"
    );
    assert_eq!(out.status, 1);
    assert!(!s.files().contains("b"), "the other file is still removed");
    assert_eq!(s.run("rm -f x").status, 0);
    let out = s.run("rm");
    assert_eq!(
        out.stderr,
        "rm: missing operand\nTry 'rm --help' for more information.\n"
    );
}

#[test]
fn unknown_commands_are_not_found_with_status_127() {
    let mut s = session();
    let out = s.run("foo --bar");
    assert_eq!(out.stderr, "keydeck: foo: command not found\n");
    assert_eq!(out.status, 127);
}

#[test]
fn clear_asks_the_terminal_to_empty() {
    let mut s = session();
    assert!(s.run("clear").clear);
    assert!(!s.run("echo hi").clear);
}

#[test]
fn history_numbers_every_line_including_itself() {
    let mut s = session();
    run(&mut s, &["echo one", "", "nope"]);
    assert_eq!(
        s.run("history").stdout,
        "    1  echo one\n    2  nope\n    3  history\n"
    );
    assert_eq!(s.history(), ["echo one", "nope", "history"]);
}

#[test]
fn help_lists_the_commands_and_documents_keydeck_crypt() {
    let mut s = session();
    let out = s.run("help");
    for name in [
        "aws",
        "base64",
        "cat",
        "keydeck-crypt",
        "ls",
        "rm",
        "history",
    ] {
        assert!(out.stdout.contains(&format!("\n  {name} ")), "{name}");
    }
    assert!(out.stdout.contains("| base64 --decode > datakey"));
    assert!(out
        .stdout
        .contains("\n  developer          the IAM user developer"));
    assert!(out.stdout.contains("keydeck clock advance --days"));
    assert!(out.stdout.contains("keydeck-crypt verify --public-key"));
    assert_eq!(s.run("help keydeck-crypt").status, 0);
    assert!(s.run("help cat").stdout.starts_with("cat: "));
    assert_eq!(s.run("help nothing").status, 1);
}
