use keydeck_lab_protocol::wording::*;
use keydeck_lab_protocol::RotationStatus;
use serde_json::json;

#[test]
fn a_failed_call_reads_as_the_cli_prints_it() {
    let result = json!({"__type": "DisabledException", "message": "arn:aws:kms:us-east-1:111122223333:key/k is disabled."});
    assert_eq!(
        call_error(&result, "Encrypt").unwrap(),
        "An error occurred (DisabledException) when calling the Encrypt operation: arn:aws:kms:us-east-1:111122223333:key/k is disabled."
    );
    assert_eq!(call_error(&json!({"KeyId": "k"}), "Encrypt"), None);
}

#[test]
fn the_policy_editor_names_the_first_problem() {
    assert!(policy_problem("{")
        .unwrap()
        .starts_with("Not valid JSON: EOF while parsing an object at line 1 column 1"));
    assert_eq!(
        policy_problem("[]").unwrap(),
        "A key policy is a JSON object."
    );
    assert_eq!(
        policy_problem(r#"{"Version":"2012-10-17"}"#).unwrap(),
        "A key policy needs a \"Statement\" list."
    );
    assert_eq!(policy_problem(r#"{"Statement":[]}"#), None);
}

#[test]
fn a_context_is_typed_as_shorthand_or_json() {
    assert_eq!(parse_context("  "), None);
    assert_eq!(
        parse_context("Dept=IT, Stage = test"),
        Some(json!({"Dept": "IT", "Stage": "test"}))
    );
    assert_eq!(parse_context(r#"{"a":"b"}"#), Some(json!({"a": "b"})));
}

#[test]
fn key_ids_shorten_and_rotation_reads_in_days() {
    assert_eq!(
        short_id("1234abcd-12ab-34cd-56ef-1234567890ab"),
        "1234abcd…"
    );
    assert_eq!(short_id("short"), "short");
    assert_eq!(
        rotation_words(&RotationStatus::Enabled {
            period_days: 90,
            next: "2026-04-01T00:00:00Z".into()
        }),
        "Every 90 days · next 2026-04-01"
    );
    assert_eq!(rotation_words(&RotationStatus::Disabled), "Off");
}

#[test]
fn a_verdict_names_the_statement_that_decided() {
    let allow = json!({"Decision": "Allow", "DecidedBy": {"Policy": "key policy", "StatementIndex": 0, "Sid": "Enable IAM User Permissions"}});
    assert_eq!(
        verdict(&allow),
        (
            "Allow",
            "Decided by the key policy, statement “Enable IAM User Permissions”.".to_owned()
        )
    );
    let deny = json!({"Decision": "ExplicitDeny", "DecidedBy": {"Policy": "key policy", "StatementIndex": 2}});
    assert_eq!(
        verdict(&deny),
        ("Deny", "Decided by the key policy, statement 3.".to_owned())
    );
    let implicit = json!({"Decision": "ImplicitDeny", "Message": "User: … is not authorized"});
    assert_eq!(
        verdict(&implicit),
        ("Deny", "No statement allows it.".to_owned())
    );
    let failed = json!({"__type": "NotFoundException", "message": "Key 'x' does not exist"});
    assert_eq!(
        verdict(&failed),
        ("Could not evaluate", "Key 'x' does not exist".to_owned())
    );
}

#[test]
fn a_lab_id_reads_as_words() {
    assert_eq!(lab_name("first-key"), "First key");
    assert_eq!(lab_name("multi-region"), "Multi region");
    assert_eq!(lab_name(""), "");
}

#[test]
fn lab_links_name_each_lab_and_link_its_page() {
    assert_eq!(
        lab_links(&["first-key", "multi-region"]),
        r#"Try it hands-on: <a href="/labs/first-key">First key lab</a>, <a href="/labs/multi-region">Multi region lab</a>"#
    );
    assert_eq!(
        lab_links(&["envelope-encryption"]),
        r#"Try it hands-on: <a href="/labs/envelope-encryption">Envelope encryption lab</a>"#
    );
    assert_eq!(lab_links(&[] as &[&str]), "");
}

#[test]
fn a_lab_a_learner_named_stays_text() {
    assert_eq!(
        lab_links(&[r#"x"><img src=y onerror=alert(1)>"#]),
        r#"Try it hands-on: <a href="/labs/x&quot;&gt;&lt;img src=y onerror=alert(1)&gt;">X"&gt;&lt;img src=y onerror=alert(1)&gt; lab</a>"#
    );
}

fn event(operation: &str, principal: &str, error: Option<&str>) -> keydeck_lab_protocol::EventRow {
    keydeck_lab_protocol::EventRow {
        time: "2026-01-01T00:00:05Z".into(),
        principal: principal.into(),
        operation: operation.into(),
        region: "us-east-1".into(),
        error_code: error.map(str::to_owned),
        error_message: None,
    }
}

#[test]
fn the_event_filter_looks_at_operation_principal_and_error_in_any_case() {
    let denied = event(
        "Decrypt",
        "arn:aws:iam::444455556666:user/developer",
        Some("AccessDeniedException"),
    );
    let created = event(
        "CreateKey",
        "arn:aws:sts::111122223333:assumed-role/Admin/keydeck",
        None,
    );
    assert!(denied.matches("", false) && created.matches("", false));
    assert!(denied.matches("decrypt", false));
    assert!(denied.matches("ACCESSDENIED", false));
    assert!(created.matches(" admin ", false));
    assert!(!created.matches("decrypt", false));
    assert!(denied.matches("", true));
    assert!(!created.matches("", true));
    assert!(!denied.matches("createkey", true));
}

#[test]
fn an_event_reads_with_a_short_time_and_principal() {
    let e = event(
        "Encrypt",
        "arn:aws:sts::111122223333:assumed-role/Admin/keydeck",
        None,
    );
    assert_eq!(e.when(), "2026-01-01 00:00:05");
    assert_eq!(e.who(), "assumed-role/Admin/keydeck");
    assert_eq!(
        event("Encrypt", "arn:aws:iam::111122223333:root", None).who(),
        "root"
    );
}

fn snapshot(owner: &str, shared_with: &[&str], public: bool) -> keydeck_lab_protocol::SnapshotRow {
    keydeck_lab_protocol::SnapshotRow {
        snapshot_id: "snap-0123456789abcdef0".to_owned(),
        owner: owner.to_owned(),
        region: "us-east-1".to_owned(),
        volume_id: "vol-0123456789abcdef0".to_owned(),
        volume_size: 8,
        description: String::new(),
        state: "completed".to_owned(),
        state_message: None,
        encrypted: false,
        kms_key_id: None,
        shared_with: shared_with.iter().map(|a| (*a).to_owned()).collect(),
        public,
        started: "2026-01-01T00:00:00Z".to_owned(),
    }
}

#[test]
fn a_snapshot_is_seen_by_its_owner_the_accounts_it_is_shared_with_or_all() {
    let view = keydeck_lab_protocol::ConsoleView {
        snapshots: vec![snapshot("111122223333", &["444455556666"], false)],
        ..Default::default()
    };
    assert_eq!(view.snapshots_for("111122223333", "us-east-1").len(), 1);
    assert_eq!(view.snapshots_for("444455556666", "us-east-1").len(), 1);
    assert!(view.snapshots_for("444455556666", "eu-west-1").is_empty());
    assert!(view.snapshots_for("999999999999", "us-east-1").is_empty());
    assert_eq!(sharing_words(&view.snapshots[0]), "444455556666");
    assert_eq!(sharing_words(&snapshot("1", &[], false)), "Not shared");
    assert_eq!(sharing_words(&snapshot("1", &["2"], true)), "Public, 2");
    assert!(snapshot("1", &[], true).usable_by("3"));
}

#[test]
fn secret_rotation_and_labels_read_as_words() {
    let mut r = keydeck_lab_protocol::SecretRotationRow {
        enabled: false,
        lambda_arn: None,
        rules: Some("AutomaticallyAfterDays=30".to_owned()),
        last_rotated: None,
        next: None,
    };
    assert_eq!(secret_rotation_words(&r), "Off");
    r.enabled = true;
    r.next = Some("2026-01-31T00:00:00Z".to_owned());
    assert_eq!(
        secret_rotation_words(&r),
        "On · AutomaticallyAfterDays=30 · next 2026-01-31"
    );
    assert_eq!(label_words(&[]), "None");
    assert_eq!(
        label_words(&["AWSCURRENT".to_owned(), "AWSPENDING".to_owned()]),
        "AWSCURRENT, AWSPENDING"
    );
}

#[test]
fn keys_named_by_other_services_shorten_for_a_cell() {
    assert_eq!(key_ref("alias/aws/ssm"), "alias/aws/ssm");
    assert_eq!(
        key_ref("arn:aws:kms:us-east-1:111122223333:alias/app"),
        "alias/app"
    );
    assert_eq!(
        key_ref("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
        "1234abcd…"
    );
    assert_eq!(key_ref("1234abcd-12ab-34cd-56ef-1234567890ab"), "1234abcd…");
    assert_eq!(or_dash(""), "—");
    assert_eq!(or_dash("x"), "x");
}

#[test]
fn a_secret_is_active_a_replica_or_waiting_for_deletion() {
    let mut s = keydeck_lab_protocol::SecretRow {
        name: "app/db".to_owned(),
        arn: String::new(),
        account: "111122223333".to_owned(),
        region: "eu-west-1".to_owned(),
        description: String::new(),
        kms_key_id: "alias/aws/secretsmanager".to_owned(),
        rotation: keydeck_lab_protocol::SecretRotationRow {
            enabled: false,
            lambda_arn: None,
            rules: None,
            last_rotated: None,
            next: None,
        },
        created: String::new(),
        last_changed: String::new(),
        deleted: None,
        deletion_date: None,
        versions: vec![],
        primary_region: None,
        replicas: vec![],
    };
    assert_eq!(secret_status(&s), "Active");
    s.primary_region = Some("us-east-1".to_owned());
    assert_eq!(secret_status(&s), "Replica of us-east-1");
    s.deletion_date = Some("2026-01-08T00:00:00Z".to_owned());
    assert_eq!(secret_status(&s), "Deleted · goes on 2026-01-08");
}
