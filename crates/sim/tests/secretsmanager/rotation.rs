use crate::common::*;
use serde_json::{json, Value};

const IN_PROGRESS: &str = "A previous rotation isn't complete. That rotation will be reattempted.";

fn password_of(value: &str) -> String {
    serde_json::from_str::<Value>(value).unwrap()["password"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The steps the rotation function ran, each with its error code if it failed.
fn steps(s: &Sm) -> Vec<(String, Option<String>)> {
    s.sim
        .events()
        .iter()
        .filter(|e| e.event_source == "lambda.amazonaws.com")
        .map(|e| {
            assert_eq!(
                e.user_identity.invoked_by.as_deref(),
                Some("secretsmanager.amazonaws.com")
            );
            (
                e.request_parameters["step"].as_str().unwrap().to_owned(),
                e.error_code.clone(),
            )
        })
        .collect()
}

fn ok_steps(names: &[&str]) -> Vec<(String, Option<String>)> {
    names.iter().map(|n| (n.to_string(), None)).collect()
}

#[test]
fn a_full_rotation_changes_the_database_password_and_moves_the_labels() {
    let mut s = Sm::new();
    let first = s.create("db", DB_VALUE)["VersionId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(s.database_password("db"), "first-password");
    let out = s.ok(
        "RotateSecret",
        json!({"SecretId": "db", "RotationLambdaARN": FUNCTION, "RotationRules": {"AutomaticallyAfterDays": 30}}),
    );
    let new = out["VersionId"].as_str().unwrap().to_owned();
    let stages = s.stages("db");
    assert_eq!(stages[&new], json!(["AWSCURRENT"]));
    assert_eq!(stages[&first], json!(["AWSPREVIOUS"]));
    assert_eq!(holder(&stages, "AWSPENDING"), None);
    let current = s.value("db");
    let password = password_of(&current);
    assert_ne!(password, "first-password");
    assert_eq!(password.len(), 32);
    assert!(!password.contains(['/', '@', '"', '\'', '\\']));
    assert_eq!(s.database_password("db"), password);
    let previous = s.ok(
        "GetSecretValue",
        json!({"SecretId": "db", "VersionStage": "AWSPREVIOUS"}),
    );
    assert_eq!(
        password_of(previous["SecretString"].as_str().unwrap()),
        "first-password"
    );
    assert_eq!(
        steps(&s),
        ok_steps(&["createSecret", "setSecret", "testSecret", "finishSecret"])
    );
    let sm_events = s.events_from("secretsmanager.amazonaws.com");
    assert!(sm_events.contains(&"RotationStarted".to_owned()));
    assert!(sm_events.contains(&"RotationSucceeded".to_owned()));
    let d = s.describe("db");
    let now = s.now();
    assert_eq!(d["RotationEnabled"], true);
    assert_eq!(d["RotationLambdaARN"], FUNCTION);
    assert_eq!(d["RotationRules"], json!({"AutomaticallyAfterDays": 30}));
    assert_eq!(d["LastRotatedDate"], now);
    assert_eq!(d["NextRotationDate"], now + 30 * 86_400);
    // The function's KMS calls went through Secrets Manager as the account.
    let kms = s
        .sim
        .events()
        .iter()
        .rev()
        .find(|e| e.event_source == "kms.amazonaws.com")
        .unwrap();
    assert_eq!(
        kms.user_identity.invoked_by.as_deref(),
        Some("secretsmanager.us-east-1.amazonaws.com")
    );
}

#[test]
fn a_rotation_failing_at_test_secret_leaves_pending_then_recovers() {
    let mut s = Sm::new();
    let first = s.create("db", DB_VALUE)["VersionId"]
        .as_str()
        .unwrap()
        .to_owned();
    let out = s.ok(
        "RotateSecret",
        json!({"SecretId": "db", "RotationLambdaARN": FAILING}),
    );
    let pending = out["VersionId"].as_str().unwrap().to_owned();
    let failed = steps(&s);
    assert_eq!(failed.len(), 3);
    assert_eq!(
        failed[2],
        ("testSecret".to_owned(), Some("Unhandled".to_owned()))
    );
    let stages = s.stages("db");
    assert_eq!(stages[&first], json!(["AWSCURRENT"]));
    assert_eq!(stages[&pending], json!(["AWSPENDING"]));
    assert_eq!(password_of(&s.value("db")), "first-password");
    assert!(s.describe("db").get("LastRotatedDate").is_none());
    // setSecret ran: the database already has the pending password.
    let pending_value = s.ok(
        "GetSecretValue",
        json!({"SecretId": "db", "VersionStage": "AWSPENDING"}),
    );
    let pending_password = password_of(pending_value["SecretString"].as_str().unwrap());
    assert_eq!(s.database_password("db"), pending_password);
    assert!(s
        .events_from("secretsmanager.amazonaws.com")
        .contains(&"RotationFailed".to_owned()));

    // While it is stuck, another rotation is refused (and retried, failing again).
    assert_error(
        &s.err("RotateSecret", json!({"SecretId": "db"})),
        "InvalidRequestException",
        IN_PROGRESS,
    );
    assert_eq!(s.stages("db")[&pending], json!(["AWSPENDING"]));

    // Naming a working function: still refused, but the stuck rotation is
    // reattempted with it and finishes.
    assert_error(
        &s.err(
            "RotateSecret",
            json!({"SecretId": "db", "RotationLambdaARN": FUNCTION}),
        ),
        "InvalidRequestException",
        IN_PROGRESS,
    );
    let stages = s.stages("db");
    assert_eq!(stages[&pending], json!(["AWSCURRENT"]));
    assert_eq!(stages[&first], json!(["AWSPREVIOUS"]));
    assert_eq!(password_of(&s.value("db")), pending_password);
    assert_eq!(s.database_password("db"), pending_password);

    // And the next rotation runs normally.
    let next = s.ok("RotateSecret", json!({"SecretId": "db"}))["VersionId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(s.stages("db")[&next], json!(["AWSCURRENT"]));
    assert_eq!(s.database_password("db"), password_of(&s.value("db")));
}

#[test]
fn a_pending_version_put_by_hand_is_a_rotation_in_progress() {
    let mut s = Sm::new();
    s.create("db", DB_VALUE);
    s.ok(
        "PutSecretValue",
        json!({"SecretId": "db", "SecretString": DB_VALUE.replace("first", "hand"), "VersionStages": ["AWSPENDING"]}),
    );
    assert_error(
        &s.err(
            "RotateSecret",
            json!({"SecretId": "db", "RotationLambdaARN": FAILING}),
        ),
        "InvalidRequestException",
        IN_PROGRESS,
    );
}

#[test]
fn scheduled_rotations_fire_as_the_clock_moves() {
    let mut s = Sm::new();
    s.create("db", DB_VALUE);
    s.ok(
        "RotateSecret",
        json!({"SecretId": "db", "RotationLambdaARN": FUNCTION, "RotateImmediately": false,
               "RotationRules": {"ScheduleExpression": "rate(4 hours)"}}),
    );
    assert!(steps(&s).is_empty());
    let start = s.now();
    let d = s.describe("db");
    assert_eq!(d["NextRotationDate"], start + 4 * 3_600);
    assert_eq!(
        d["RotationRules"],
        json!({"ScheduleExpression": "rate(4 hours)"})
    );
    s.control("AdvanceClock", json!({"Hours": 3}));
    assert!(steps(&s).is_empty());
    s.control("AdvanceClock", json!({"Hours": 1}));
    assert_eq!(steps(&s).len(), 4);
    let d = s.describe("db");
    assert_eq!(d["LastRotatedDate"], start + 4 * 3_600);
    assert_eq!(d["NextRotationDate"], start + 8 * 3_600);
    assert_ne!(password_of(&s.value("db")), "first-password");
    assert_eq!(s.database_password("db"), password_of(&s.value("db")));
}

#[test]
fn automatic_days_and_cron_schedules_follow_the_clock() {
    let mut s = Sm::new();
    s.create("days", DB_VALUE);
    s.ok(
        "RotateSecret",
        json!({"SecretId": "days", "RotationLambdaARN": FUNCTION, "RotationRules": {"AutomaticallyAfterDays": 10}}),
    );
    assert_eq!(steps(&s).len(), 4);
    s.advance_days(10);
    assert_eq!(steps(&s).len(), 8);

    s.create("cron", DB_VALUE);
    s.ok(
        "RotateSecret",
        json!({"SecretId": "cron", "RotationLambdaARN": FUNCTION, "RotateImmediately": false,
               "RotationRules": {"ScheduleExpression": "cron(0 16 * * ? *)", "Duration": "2h"}}),
    );
    let d = s.describe("cron");
    let now = s.now();
    assert_eq!(d["NextRotationDate"], now - now % 86_400 + 16 * 3_600);
    assert_eq!(d["RotationRules"]["Duration"], "2h");
}

#[test]
fn rotation_settings_are_checked() {
    let mut s = Sm::new();
    s.create("db", DB_VALUE);
    assert_error(
        &s.err("RotateSecret", json!({"SecretId": "db"})),
        "InvalidRequestException",
        "You tried to enable rotation on a secret that doesn't already have a Lambda function ARN configured and you didn't include such an ARN as a parameter in this call.",
    );
    assert_error(
        &s.err("RotateSecret", json!({"SecretId": "db", "RotationLambdaARN": FUNCTION, "RotationRules": {"ScheduleExpression": "rate(1 hours)"}})),
        "InvalidParameterException",
        "The schedule expression rate(1 hours) is not valid. Use rate(N hours), rate(N days) or cron() with at least four hours between rotations.",
    );
    assert_error(
        &s.err("RotateSecret", json!({"SecretId": "db", "RotationLambdaARN": FUNCTION, "RotationRules": {"AutomaticallyAfterDays": 0}})),
        "ValidationException",
        "1 validation error detected: Value '0' at 'rotationRules.automaticallyAfterDays' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
}

#[test]
fn a_value_that_is_not_database_credentials_fails_at_create_secret() {
    let mut s = Sm::new();
    s.create("plain", "just text");
    s.ok(
        "RotateSecret",
        json!({"SecretId": "plain", "RotationLambdaARN": FUNCTION}),
    );
    assert_eq!(
        steps(&s),
        vec![("createSecret".to_owned(), Some("Unhandled".to_owned()))]
    );
    assert_eq!(holder(&s.stages("plain"), "AWSPENDING"), None);
    assert_eq!(s.value("plain"), "just text");
}

#[test]
fn cancel_rotate_secret_turns_the_schedule_off() {
    let mut s = Sm::new();
    s.create("db", DB_VALUE);
    s.ok(
        "RotateSecret",
        json!({"SecretId": "db", "RotationLambdaARN": FUNCTION, "RotationRules": {"AutomaticallyAfterDays": 1}}),
    );
    s.ok("CancelRotateSecret", json!({"SecretId": "db"}));
    let d = s.describe("db");
    assert_eq!(d["RotationEnabled"], false);
    assert!(d.get("NextRotationDate").is_none());
    s.advance_days(3);
    assert_eq!(steps(&s).len(), 4);
}
