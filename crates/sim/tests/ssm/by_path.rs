use crate::common::*;
use serde_json::{json, Value};

fn names(out: &Value) -> Vec<String> {
    out["Parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["Name"].as_str().unwrap().to_owned())
        .collect()
}

fn tree(s: &mut Store) {
    for n in [
        "/app/a",
        "/app/b",
        "/app/db/url",
        "/app/db/pw/x",
        "/apple",
        "/other/c",
    ] {
        s.put(n, "v");
    }
}

#[test]
fn one_level_reads_only_the_direct_children() {
    let mut s = Store::new();
    tree(&mut s);
    let out = s.ok("GetParametersByPath", json!({"Path": "/app"}));
    assert_eq!(names(&out), ["/app/a", "/app/b"]);
}

#[test]
fn recursive_reads_the_whole_subtree() {
    let mut s = Store::new();
    tree(&mut s);
    let out = s.ok(
        "GetParametersByPath",
        json!({"Path": "/app/", "Recursive": true}),
    );
    assert_eq!(
        names(&out),
        ["/app/a", "/app/b", "/app/db/pw/x", "/app/db/url"]
    );
}

#[test]
fn by_path_pages_with_next_token() {
    let mut s = Store::new();
    tree(&mut s);
    let first = s.ok(
        "GetParametersByPath",
        json!({"Path": "/app", "Recursive": true, "MaxResults": 3}),
    );
    assert_eq!(names(&first).len(), 3);
    let rest = s.ok("GetParametersByPath", json!({"Path": "/app", "Recursive": true, "MaxResults": 3, "NextToken": first["NextToken"]}));
    assert_eq!(names(&rest), ["/app/db/url"]);
    assert!(rest.get("NextToken").is_none());
}

#[test]
fn by_path_max_results_is_at_most_ten() {
    let mut s = Store::new();
    let e = s.err(
        "GetParametersByPath",
        json!({"Path": "/app", "MaxResults": 11}),
    );
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value '11' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10"));
}

#[test]
fn by_path_filters_by_type() {
    let mut s = Store::new();
    tree(&mut s);
    s.ok(
        "PutParameter",
        json!({"Name": "/app/list", "Value": "a,b", "Type": "StringList"}),
    );
    let out = s.ok(
        "GetParametersByPath",
        json!({"Path": "/app", "ParameterFilters": [{"Key": "Type", "Values": ["StringList"]}]}),
    );
    assert_eq!(names(&out), ["/app/list"]);
}

#[test]
fn a_path_without_a_leading_slash_is_refused() {
    let mut s = Store::new();
    let e = s.err("GetParametersByPath", json!({"Path": "app"}));
    assert_error(&e, "ValidationException", Some("The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash \"/\"."));
}
