//! The command line: words and quotes, pipes and redirects with or without
//! spaces, and bash's syntax errors.

use keydeck_lab::shell::parse::{parse, tokenize, Command, Pipeline, Redirect, Token};
use keydeck_lab::shell::scan::Operator;
use keydeck_lab::Session;

fn words(ws: &[&str]) -> Vec<String> {
    ws.iter().map(|w| (*w).to_owned()).collect()
}

fn command(ws: &[&str], redirect: Option<(&str, bool)>) -> Command {
    Command {
        words: words(ws),
        redirect: redirect.map(|(file, append)| Redirect {
            file: file.to_owned(),
            append,
        }),
        input: None,
    }
}

#[test]
fn quotes_keep_spaces_and_operators_inside_one_word() {
    let tokens = tokenize(r#"echo 'a | b' "c > d" e\|f"#).unwrap();
    let expected: Vec<Token> = ["echo", "a | b", "c > d", "e|f"]
        .iter()
        .map(|w| Token::Word((*w).to_owned()))
        .collect();
    assert_eq!(tokens, expected);
}

#[test]
fn operators_are_found_with_or_without_spaces() {
    let spaced = parse("aws kms list-keys | base64 > keys.b64").unwrap();
    let tight = parse("aws kms list-keys|base64>keys.b64").unwrap();
    let expected = Pipeline {
        commands: vec![
            command(&["aws", "kms", "list-keys"], None),
            command(&["base64"], Some(("keys.b64", false))),
        ],
    };
    assert_eq!(spaced, Some(expected.clone()));
    assert_eq!(tight, Some(expected));
}

#[test]
fn double_angle_appends() {
    let p = parse("echo hi>>log.txt").unwrap().unwrap();
    assert_eq!(
        p.commands,
        vec![command(&["echo", "hi"], Some(("log.txt", true)))]
    );
    let tokens = tokenize("a >> b").unwrap();
    assert_eq!(tokens[1], Token::Op(Operator::Append));
}

#[test]
fn words_after_the_redirect_target_are_arguments_as_in_bash() {
    let p = parse("echo > out.txt hello").unwrap().unwrap();
    assert_eq!(
        p.commands,
        vec![command(&["echo", "hello"], Some(("out.txt", false)))]
    );
}

#[test]
fn blank_and_comment_lines_have_nothing_to_run() {
    assert_eq!(parse("   ").unwrap(), None);
    assert_eq!(parse("# a note | not a pipe").unwrap(), None);
    let p = parse("echo a # the rest | is ignored").unwrap().unwrap();
    assert_eq!(p.commands, vec![command(&["echo", "a"], None)]);
}

#[test]
fn syntax_errors_read_like_bash() {
    let mut s = Session::new(1);
    let cases = [
        (
            "| base64",
            "keydeck: syntax error near unexpected token '|'\n",
        ),
        (
            "echo a | | echo b",
            "keydeck: syntax error near unexpected token '|'\n",
        ),
        (
            "echo a >",
            "keydeck: syntax error near unexpected token 'newline'\n",
        ),
        (
            "echo a > > b",
            "keydeck: syntax error near unexpected token '>'\n",
        ),
        (
            "echo a >> | b",
            "keydeck: syntax error near unexpected token '|'\n",
        ),
        (
            "echo a |",
            "keydeck: syntax error: unexpected end of file\n",
        ),
        (
            "cat <",
            "keydeck: syntax error near unexpected token 'newline'\n",
        ),
        (
            "echo 'abc",
            "keydeck: unexpected EOF while looking for matching `''\n",
        ),
        (
            "echo \"abc",
            "keydeck: unexpected EOF while looking for matching `\"'\n",
        ),
    ];
    for (line, message) in cases {
        let out = s.run(line);
        assert_eq!(out.stderr, message, "{line}");
        assert_eq!(out.status, 2, "{line}");
        assert_eq!(out.stdout, "", "{line}");
    }
}

#[test]
fn bash_operators_this_shell_lacks_are_named_not_misread() {
    let mut s = Session::new(1);
    let one_per_line = [
        ("echo a; echo b", ";"),
        ("echo a && echo b", "&&"),
        ("echo a || echo b", "||"),
        ("echo a &", "&"),
    ];
    for (line, token) in one_per_line {
        let out = s.run(line);
        assert_eq!(
            out.stderr,
            format!("keydeck: '{token}' is not supported here: run one command per line\n"),
            "{line}"
        );
        assert_eq!((out.stdout.as_str(), out.status), ("", 2), "{line}");
    }
    for line in ["echo $(aws kms list-keys)", "echo \"`ls`\""] {
        let out = s.run(line);
        assert!(
            out.stderr
                .starts_with("keydeck: command substitution is not supported here"),
            "{line}: {}",
            out.stderr
        );
    }
    let out = s.run("cat nothing 2>/dev/null");
    assert_eq!(
        out.stderr,
        "keydeck: '2>' is not supported here: error messages always show on the terminal\n"
    );
    assert!(!s.files().contains("/dev/null"));
    // Quoted or escaped, they are text; `$` without `(` is text too.
    let out = s.run(r#"echo 'a;b' "c&&d" e\;f $HOME x2>y.txt"#);
    assert_eq!(out.stdout, "");
    assert_eq!(s.run("cat y.txt").stdout, "a;b c&&d e;f $HOME x2\n");
}

#[test]
fn a_syntax_error_runs_nothing() {
    let mut s = Session::new(1);
    s.run("echo a > kept.txt |");
    assert!(!s.files().contains("kept.txt"));
}
