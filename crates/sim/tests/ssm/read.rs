use crate::common::*;
use serde_json::json;

#[test]
fn a_missing_parameter_is_parameter_not_found_without_a_message() {
    let mut s = Store::new();
    assert_error(
        &s.err("GetParameter", json!({"Name": "/none"})),
        "ParameterNotFound",
        None,
    );
}

#[test]
fn a_version_selector_reads_that_version() {
    let mut s = Store::new();
    s.put("/v", "one");
    s.put("/v", "two");
    let p = s.get("/v:1");
    assert_eq!(p["Value"], "one");
    assert_eq!(p["Selector"], ":1");
    assert_eq!(p["Version"], 1);
}

#[test]
fn an_unknown_version_is_parameter_version_not_found() {
    let mut s = Store::new();
    s.put("/v", "one");
    let e = s.err("GetParameter", json!({"Name": "/v:7"}));
    assert_error(
        &e,
        "ParameterVersionNotFound",
        Some("Systems Manager could not find version 7 of /v. Verify the version and try again."),
    );
    assert_error(
        &s.err("GetParameter", json!({"Name": "/v:1:2"})),
        "ParameterNotFound",
        None,
    );
}

#[test]
fn get_parameters_returns_the_found_and_lists_the_invalid() {
    let mut s = Store::new();
    s.put("/a", "1");
    s.put("/b", "2");
    let out = s.ok(
        "GetParameters",
        json!({"Names": ["/a", "/b:1", "/c", "/a:9"]}),
    );
    let names: Vec<_> = out["Parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["Name"].clone())
        .collect();
    assert_eq!(names, vec![json!("/a"), json!("/b")]);
    assert_eq!(out["InvalidParameters"], json!(["/c", "/a:9"]));
}

#[test]
fn get_parameters_takes_at_most_ten_names() {
    let mut s = Store::new();
    let names: Vec<String> = (0..11).map(|i| format!("/n{i}")).collect();
    let e = s.err("GetParameters", json!({"Names": names}));
    assert_eq!(e.code(), "ValidationException");
}

#[test]
fn history_lists_every_version_with_its_labels_and_pages() {
    let mut s = Store::new();
    for v in ["a", "b", "c"] {
        s.put("/h", v);
    }
    s.ok(
        "LabelParameterVersion",
        json!({"Name": "/h", "ParameterVersion": 2, "Labels": ["prod"]}),
    );
    let first = s.ok(
        "GetParameterHistory",
        json!({"Name": "/h", "MaxResults": 2}),
    );
    assert_eq!(first["Parameters"][1]["Labels"], json!(["prod"]));
    assert_eq!(first["Parameters"][0]["Value"], "a");
    let rest = s.ok(
        "GetParameterHistory",
        json!({"Name": "/h", "NextToken": first["NextToken"]}),
    );
    assert_eq!(rest["Parameters"][0]["Version"], 3);
    assert!(rest.get("NextToken").is_none());
    assert_error(
        &s.err("GetParameterHistory", json!({"Name": "/none"})),
        "ParameterNotFound",
        None,
    );
}

#[test]
fn describe_parameters_filters_by_type_and_name_prefix() {
    let mut s = Store::new();
    s.put("/app/a", "1");
    s.ok(
        "PutParameter",
        json!({"Name": "/app/l", "Value": "x,y", "Type": "StringList"}),
    );
    s.put("/other", "1");
    let out = s.ok("DescribeParameters", json!({"ParameterFilters": [{"Key": "Type", "Values": ["String"]}, {"Key": "Name", "Option": "BeginsWith", "Values": ["/app"]}]}));
    assert_eq!(out["Parameters"].as_array().unwrap().len(), 1);
    assert_eq!(out["Parameters"][0]["Name"], "/app/a");
    assert_eq!(out["Parameters"][0]["Tier"], "Standard");
    assert!(out["Parameters"][0].get("Value").is_none());
}

#[test]
fn a_bad_next_token_is_invalid_next_token() {
    let mut s = Store::new();
    let e = s.err("DescribeParameters", json!({"NextToken": "zzz"}));
    assert_error(
        &e,
        "InvalidNextToken",
        Some("The specified token isn't valid."),
    );
}

#[test]
fn get_parameters_needs_its_names() {
    let mut s = Store::new();
    let e = s.err("GetParameters", json!({"WithDecryption": true}));
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value null at 'names' failed to satisfy constraint: Member must not be null"));
}
