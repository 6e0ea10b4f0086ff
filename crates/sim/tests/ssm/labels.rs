use crate::common::*;
use serde_json::json;

#[test]
fn a_label_selector_reads_the_labelled_version() {
    let mut s = Store::new();
    s.put("/l", "one");
    s.put("/l", "two");
    let out = s.ok(
        "LabelParameterVersion",
        json!({"Name": "/l", "ParameterVersion": 1, "Labels": ["stable"]}),
    );
    assert_eq!(out, json!({"InvalidLabels": [], "ParameterVersion": 1}));
    let p = s.get("/l:stable");
    assert_eq!(p["Value"], "one");
    assert_eq!(p["Selector"], ":stable");
}

#[test]
fn labelling_another_version_moves_the_label() {
    let mut s = Store::new();
    s.put("/l", "one");
    s.put("/l", "two");
    s.ok(
        "LabelParameterVersion",
        json!({"Name": "/l", "ParameterVersion": 1, "Labels": ["live"]}),
    );
    let out = s.ok(
        "LabelParameterVersion",
        json!({"Name": "/l", "Labels": ["live"]}),
    );
    assert_eq!(out["ParameterVersion"], 2);
    assert_eq!(s.get("/l:live")["Value"], "two");
}

#[test]
fn labels_breaking_the_rules_come_back_invalid() {
    let mut s = Store::new();
    s.put("/l", "one");
    let out = s.ok(
        "LabelParameterVersion",
        json!({"Name": "/l", "Labels": ["ok-1", "1st", "awsx", "SSMy", "has space"]}),
    );
    assert_eq!(
        out["InvalidLabels"],
        json!(["1st", "awsx", "SSMy", "has space"])
    );
}

#[test]
fn an_eleventh_label_on_a_version_exceeds_the_limit() {
    let mut s = Store::new();
    s.put("/l", "one");
    let ten: Vec<String> = (0..10).map(|i| format!("l{i}")).collect();
    s.ok(
        "LabelParameterVersion",
        json!({"Name": "/l", "Labels": ten}),
    );
    let e = s.err(
        "LabelParameterVersion",
        json!({"Name": "/l", "Labels": ["more"]}),
    );
    assert_error(&e, "ParameterVersionLabelLimitExceeded", Some("An error occurred (ParameterVersionLabelLimitExceeded) when calling the LabelParameterVersion operation: A parameter version can have maximum 10 labels.Move one or more labels to another version and try again."));
}

#[test]
fn labelling_a_missing_version_is_parameter_version_not_found() {
    let mut s = Store::new();
    s.put("/l", "one");
    let e = s.err(
        "LabelParameterVersion",
        json!({"Name": "/l", "ParameterVersion": 5, "Labels": ["x"]}),
    );
    assert_error(
        &e,
        "ParameterVersionNotFound",
        Some("Systems Manager could not find version 5 of /l. Verify the version and try again."),
    );
    let e = s.err(
        "LabelParameterVersion",
        json!({"Name": "/none", "Labels": ["x"]}),
    );
    assert_error(&e, "ParameterNotFound", None);
}

#[test]
fn unlabel_removes_held_labels_and_lists_the_rest() {
    let mut s = Store::new();
    s.put("/l", "one");
    s.ok(
        "LabelParameterVersion",
        json!({"Name": "/l", "ParameterVersion": 1, "Labels": ["a", "b"]}),
    );
    let out = s.ok(
        "UnlabelParameterVersion",
        json!({"Name": "/l", "ParameterVersion": 1, "Labels": ["a", "z"]}),
    );
    assert_eq!(out, json!({"RemovedLabels": ["a"], "InvalidLabels": ["z"]}));
    assert_error(
        &s.err("GetParameter", json!({"Name": "/l:a"})),
        "ParameterNotFound",
        None,
    );
}

#[test]
fn unlabelling_names_a_missing_version_and_labels() {
    let mut s = Store::new();
    s.put("/l", "one");
    let e = s.err("UnlabelParameterVersion", json!({"Name": "/l"}));
    assert_error(&e, "ValidationException", Some("2 validation errors detected: Value null at 'parameterVersion' failed to satisfy constraint: Member must not be null; Value null at 'labels' failed to satisfy constraint: Member must not be null"));
}
