//! `aws ssm` in the lab terminal: Parameter Store with the CLI's option
//! names, SecureStrings, selectors, and automatic paging by NextToken.

use keydeck_lab::Session;

fn ok(s: &mut Session, line: &str) -> String {
    let out = s.run(line);
    assert_eq!((out.stderr.as_str(), out.status), ("", 0), "{line}");
    out.stdout
}

#[test]
fn a_secure_string_put_and_read_back_with_decryption() {
    let mut s = Session::new(4);
    let put = ok(
        &mut s,
        "aws ssm put-parameter --name /lab/db/password --value hunter2 --type SecureString",
    );
    assert!(put.contains("\"Version\": 1"), "{put}");
    let value = ok(&mut s, "aws ssm get-parameter --name /lab/db/password --with-decryption --query Parameter.Value --output text");
    assert_eq!(value, "hunter2\n");
    let sealed = ok(
        &mut s,
        "aws ssm get-parameter --name /lab/db/password --query Parameter.Value --output text",
    );
    assert_ne!(sealed, "hunter2\n");
}

#[test]
fn labels_and_versions_select_with_the_cli() {
    let mut s = Session::new(4);
    ok(
        &mut s,
        "aws ssm put-parameter --name /lab/flag --value one --type String",
    );
    ok(
        &mut s,
        "aws ssm put-parameter --name /lab/flag --value two --overwrite",
    );
    ok(
        &mut s,
        "aws ssm label-parameter-version --name /lab/flag --parameter-version 1 --labels stable",
    );
    let v = ok(
        &mut s,
        "aws ssm get-parameter --name /lab/flag:stable --query Parameter.Value --output text",
    );
    assert_eq!(v, "one\n");
}

#[test]
fn by_path_reads_follow_next_token_across_pages() {
    let mut s = Session::new(4);
    for n in ["a", "b", "c", "d/e"] {
        ok(
            &mut s,
            &format!("aws ssm put-parameter --name /lab/tree/{n} --value v --type String"),
        );
    }
    let names = ok(&mut s, "aws ssm get-parameters-by-path --path /lab/tree --recursive --page-size 1 --query Parameters[].Name --output text");
    assert_eq!(
        names,
        "/lab/tree/a\t/lab/tree/b\t/lab/tree/c\t/lab/tree/d/e\n"
    );
    let first = ok(&mut s, "aws ssm get-parameters-by-path --path /lab/tree --max-items 2 --query NextToken --output text");
    let rest = ok(&mut s, &format!("aws ssm get-parameters-by-path --path /lab/tree --starting-token {} --query Parameters[].Name --output text", first.trim()));
    assert_eq!(rest, "/lab/tree/c\n");
}

#[test]
fn a_missing_parameter_is_reported_as_the_cli_reports_it() {
    let mut s = Session::new(4);
    let out = s.run("aws ssm get-parameter --name /lab/none");
    assert_eq!(out.status, 254);
    assert_eq!(
        out.stderr,
        "\nAn error occurred (ParameterNotFound) when calling the GetParameter operation: \n"
    );
}
