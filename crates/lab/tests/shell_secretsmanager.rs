//! `aws secretsmanager` in the lab terminal: secrets with the CLI's option
//! names, binary values from files, rotation and its staging labels,
//! deletion and restore, replicas, random passwords, and automatic paging
//! by NextToken.

use keydeck_lab::Session;

fn ok(s: &mut Session, line: &str) -> String {
    let out = s.run(line);
    assert_eq!((out.stderr.as_str(), out.status), ("", 0), "{line}");
    out.stdout
}

const DB: &str = r#"'{"username":"app","password":"first-password"}'"#;
const FUNCTION: &str = "arn:aws:lambda:us-east-1:111122223333:function:rotator";

#[test]
fn a_secret_is_created_and_read_back() {
    let mut s = Session::new(4);
    let out = ok(
        &mut s,
        "aws secretsmanager create-secret --name lab/db --secret-string hunter2 --description 'the db'",
    );
    assert!(out.contains("\"Name\": \"lab/db\""), "{out}");
    let value = ok(
        &mut s,
        "aws secretsmanager get-secret-value --secret-id lab/db --query SecretString --output text",
    );
    assert_eq!(value, "hunter2\n");
    let created = ok(
        &mut s,
        "aws secretsmanager describe-secret --secret-id lab/db --query CreatedDate --output text",
    );
    assert_eq!(created, "2026-01-01T00:00:00+00:00\n");
}

#[test]
fn a_binary_secret_comes_from_a_file() {
    let mut s = Session::new(4);
    ok(&mut s, "echo -n key-bytes > key.bin");
    ok(
        &mut s,
        "aws secretsmanager create-secret --name lab/bin --secret-binary fileb://key.bin",
    );
    let b64 = ok(
        &mut s,
        "aws secretsmanager get-secret-value --secret-id lab/bin --query SecretBinary --output text",
    );
    assert_eq!(b64, "a2V5LWJ5dGVz\n");
}

#[test]
fn rotation_moves_the_staging_labels() {
    let mut s = Session::new(4);
    let first = ok(
        &mut s,
        &format!("aws secretsmanager create-secret --name lab/rds --secret-string {DB} --query VersionId --output text"),
    );
    let new = ok(
        &mut s,
        &format!("aws secretsmanager rotate-secret --secret-id lab/rds --rotation-lambda-arn {FUNCTION} --rotation-rules AutomaticallyAfterDays=30 --query VersionId --output text"),
    );
    let stages = ok(
        &mut s,
        &format!("aws secretsmanager describe-secret --secret-id lab/rds --query 'VersionIdsToStages.\"{}\"' --output text", new.trim()),
    );
    assert_eq!(stages, "AWSCURRENT\n");
    let previous = ok(
        &mut s,
        "aws secretsmanager get-secret-value --secret-id lab/rds --version-stage AWSPREVIOUS --query VersionId --output text",
    );
    assert_eq!(previous, first);
    // The label can be moved back by hand; AWSPREVIOUS follows.
    ok(
        &mut s,
        &format!(
            "aws secretsmanager update-secret-version-stage --secret-id lab/rds --version-stage AWSCURRENT --move-to-version-id {} --remove-from-version-id {}",
            first.trim(),
            new.trim()
        ),
    );
    let current = ok(
        &mut s,
        "aws secretsmanager get-secret-value --secret-id lab/rds --query VersionId --output text",
    );
    assert_eq!(current, first);
}

#[test]
fn deletion_has_a_recovery_window_and_can_be_undone() {
    let mut s = Session::new(4);
    ok(
        &mut s,
        "aws secretsmanager create-secret --name lab/old --secret-string v",
    );
    let when = ok(
        &mut s,
        "aws secretsmanager delete-secret --secret-id lab/old --recovery-window-in-days 7 --query DeletionDate --output text",
    );
    assert_eq!(when, "2026-01-08T00:00:00+00:00\n");
    let out = s.run("aws secretsmanager get-secret-value --secret-id lab/old");
    assert_eq!(out.status, 254);
    assert_eq!(
        out.stderr,
        "\nAn error occurred (InvalidRequestException) when calling the GetSecretValue operation: You can't perform this operation on the secret because it was marked for deletion.\n"
    );
    ok(
        &mut s,
        "aws secretsmanager restore-secret --secret-id lab/old",
    );
    ok(
        &mut s,
        "aws secretsmanager delete-secret --secret-id lab/old --force-delete-without-recovery",
    );
    let out = s.run("aws secretsmanager describe-secret --secret-id lab/old");
    assert_eq!(
        out.stderr,
        "\nAn error occurred (ResourceNotFoundException) when calling the DescribeSecret operation: Secrets Manager can't find the specified secret.\n"
    );
}

#[test]
fn replicas_are_read_in_their_region() {
    let mut s = Session::new(4);
    ok(
        &mut s,
        "aws secretsmanager create-secret --name lab/global --secret-string v --add-replica-regions Region=eu-west-1",
    );
    let value = ok(
        &mut s,
        "aws secretsmanager get-secret-value --secret-id lab/global --region eu-west-1 --query SecretString --output text",
    );
    assert_eq!(value, "v\n");
}

#[test]
fn random_passwords_take_the_cli_options() {
    let mut s = Session::new(4);
    let pw = ok(
        &mut s,
        "aws secretsmanager get-random-password --password-length 24 --exclude-punctuation --query RandomPassword --output text",
    );
    let pw = pw.trim();
    assert_eq!(pw.len(), 24);
    assert!(pw.chars().all(|c| c.is_ascii_alphanumeric()), "{pw}");
}

#[test]
fn list_secrets_follows_next_token_across_pages() {
    let mut s = Session::new(4);
    for n in ["a", "b", "c"] {
        ok(
            &mut s,
            &format!("aws secretsmanager create-secret --name lab/{n} --secret-string v"),
        );
    }
    let names = ok(
        &mut s,
        "aws secretsmanager list-secrets --page-size 1 --query SecretList[].Name --output text",
    );
    assert_eq!(names, "lab/a\tlab/b\tlab/c\n");
    let first = ok(
        &mut s,
        "aws secretsmanager list-secrets --max-items 2 --query NextToken --output text",
    );
    let rest = ok(
        &mut s,
        &format!(
            "aws secretsmanager list-secrets --starting-token {} --query SecretList[].Name --output text",
            first.trim()
        ),
    );
    assert_eq!(rest, "lab/c\n");
}
