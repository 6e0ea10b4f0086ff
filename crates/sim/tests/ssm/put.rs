use crate::common::*;
use serde_json::json;

#[test]
fn a_new_parameter_is_version_one_in_the_standard_tier() {
    let mut s = Store::new();
    let out = s.ok(
        "PutParameter",
        json!({"Name": "/app/db/host", "Value": "db.local", "Type": "String", "Description": "host"}),
    );
    assert_eq!(out, json!({"Version": 1, "Tier": "Standard"}));
    let p = s.get("/app/db/host");
    assert_eq!(p["Value"], "db.local");
    assert_eq!(p["Type"], "String");
    assert_eq!(p["DataType"], "text");
    assert_eq!(
        p["ARN"],
        "arn:aws:ssm:us-east-1:111122223333:parameter/app/db/host"
    );
}

#[test]
fn a_second_put_without_overwrite_is_parameter_already_exists() {
    let mut s = Store::new();
    s.put("/a", "1");
    let e = s.err(
        "PutParameter",
        json!({"Name": "/a", "Value": "2", "Type": "String"}),
    );
    assert_error(&e, "ParameterAlreadyExists", Some("The parameter already exists. To overwrite this value, set the overwrite option in the request to true."));
}

#[test]
fn overwrite_makes_a_new_version_and_keeps_the_type() {
    let mut s = Store::new();
    s.ok(
        "PutParameter",
        json!({"Name": "/l", "Value": "a,b", "Type": "StringList"}),
    );
    let out = s.ok(
        "PutParameter",
        json!({"Name": "/l", "Value": "c", "Overwrite": true}),
    );
    assert_eq!(out["Version"], 2);
    assert_eq!(s.get("/l")["Type"], "StringList");
}

#[test]
fn a_new_parameter_needs_a_type() {
    let mut s = Store::new();
    let e = s.err("PutParameter", json!({"Name": "/a", "Value": "1"}));
    assert_error(
        &e,
        "ValidationException",
        Some("A parameter type is required when you create a parameter."),
    );
}

#[test]
fn an_unknown_type_fails_the_enum_constraint() {
    let mut s = Store::new();
    let e = s.err(
        "PutParameter",
        json!({"Name": "/a", "Value": "1", "Type": "Number"}),
    );
    assert_error(&e, "ValidationException", Some("1 validation error detected: Value 'Number' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]"));
}

#[test]
fn tags_and_overwrite_cannot_be_used_together() {
    let mut s = Store::new();
    let e = s.err("PutParameter", json!({"Name": "/a", "Value": "1", "Type": "String", "Overwrite": true, "Tags": [{"Key": "k", "Value": "v"}]}));
    assert_error(&e, "ValidationException", Some("Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource."));
}

#[test]
fn names_cannot_begin_with_aws_or_ssm() {
    let mut s = Store::new();
    let e = s.err(
        "PutParameter",
        json!({"Name": "awsthing", "Value": "1", "Type": "String"}),
    );
    assert_error(
        &e,
        "ValidationException",
        Some("Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive)."),
    );
    let e = s.err(
        "PutParameter",
        json!({"Name": "/aws/x", "Value": "1", "Type": "String"}),
    );
    assert_error(
        &e,
        "AccessDeniedException",
        Some("No access to reserved parameter name: /aws/x."),
    );
    let e = s.err(
        "PutParameter",
        json!({"Name": "/SSM/x", "Value": "1", "Type": "String"}),
    );
    assert_eq!(e.code(), "ValidationException");
}

#[test]
fn a_hierarchy_deeper_than_fifteen_levels_is_refused() {
    let mut s = Store::new();
    let deep = "/l".repeat(16);
    let e = s.err(
        "PutParameter",
        json!({"Name": deep, "Value": "1", "Type": "String"}),
    );
    assert_error(&e, "HierarchyLevelLimitExceededException", Some("A hierarchy can have a maximum of 15 levels. For more information, see About requirements and constraints for parameter names in the Amazon Web Services Systems Manager User Guide."));
    s.put(&"/l".repeat(15), "ok");
}

#[test]
fn an_unknown_data_type_is_refused() {
    let mut s = Store::new();
    let e = s.err(
        "PutParameter",
        json!({"Name": "/a", "Value": "1", "Type": "String", "DataType": "Text"}),
    );
    assert_error(
        &e,
        "ValidationException",
        Some("The following data type is not supported: Text (Data type names are all lowercase.)"),
    );
}

#[test]
fn standard_values_stop_at_4_kb_and_advanced_at_8_kb() {
    let mut s = Store::new();
    s.put("/four", &"x".repeat(4096));
    let e = s.err(
        "PutParameter",
        json!({"Name": "/big", "Value": "x".repeat(4097), "Type": "String"}),
    );
    assert_error(&e, "ValidationException", Some("Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html"));
    let out = s.ok(
        "PutParameter",
        json!({"Name": "/big", "Value": "x".repeat(8192), "Type": "String", "Tier": "Advanced"}),
    );
    assert_eq!(out["Tier"], "Advanced");
    let e = s.err(
        "PutParameter",
        json!({"Name": "/huge", "Value": "x".repeat(8193), "Type": "String", "Tier": "Advanced"}),
    );
    assert_error(&e, "ValidationException", Some("The specified parameter value is too large. Advanced-tier parameters support a maximum parameter value of 8192 characters."));
}

#[test]
fn intelligent_tiering_chooses_advanced_only_when_needed() {
    let mut s = Store::new();
    let small = s.ok(
        "PutParameter",
        json!({"Name": "/s", "Value": "x", "Type": "String", "Tier": "Intelligent-Tiering"}),
    );
    assert_eq!(small["Tier"], "Standard");
    let big = s.ok("PutParameter", json!({"Name": "/b", "Value": "x".repeat(5000), "Type": "String", "Tier": "Intelligent-Tiering"}));
    assert_eq!(big["Tier"], "Advanced");
}

#[test]
fn standard_moves_to_advanced_but_never_back() {
    let mut s = Store::new();
    s.put("/p", "1");
    let up = s.ok(
        "PutParameter",
        json!({"Name": "/p", "Value": "2", "Overwrite": true, "Tier": "Advanced"}),
    );
    assert_eq!(up["Tier"], "Advanced");
    let again = s.ok(
        "PutParameter",
        json!({"Name": "/p", "Value": "3", "Overwrite": true}),
    );
    assert_eq!(again["Tier"], "Advanced");
    let e = s.err(
        "PutParameter",
        json!({"Name": "/p", "Value": "4", "Overwrite": true, "Tier": "Standard"}),
    );
    assert_error(&e, "ValidationException", Some("This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier."));
}

#[test]
fn the_ten_thousand_and_first_standard_parameter_exceeds_the_limit() {
    let mut s = Store::new();
    for i in 0..10_000 {
        s.ok(
            "PutParameter",
            json!({"Name": format!("/n/{i}"), "Value": "v", "Type": "String"}),
        );
    }
    let e = s.err(
        "PutParameter",
        json!({"Name": "/n/more", "Value": "v", "Type": "String"}),
    );
    assert_error(&e, "ParameterLimitExceeded", Some("You have exceeded the number of parameters for this Amazon Web Services account. Delete one or more parameters and try again."));
    let it = s.ok(
        "PutParameter",
        json!({"Name": "/n/more", "Value": "v", "Type": "String", "Tier": "Intelligent-Tiering"}),
    );
    assert_eq!(it["Tier"], "Advanced");
}

#[test]
fn the_hundred_and_first_version_drops_the_oldest() {
    let mut s = Store::new();
    for i in 0..101 {
        s.put("/v", &i.to_string());
    }
    let history = s.ok("GetParameterHistory", json!({"Name": "/v"}));
    assert_eq!(history["Parameters"][0]["Version"], 2);
    let e = s.err("GetParameter", json!({"Name": "/v:1"}));
    assert_eq!(e.code(), "ParameterVersionNotFound");
}

#[test]
fn a_labelled_oldest_version_blocks_the_hundred_and_first() {
    let mut s = Store::new();
    s.put("/v", "0");
    s.ok(
        "LabelParameterVersion",
        json!({"Name": "/v", "ParameterVersion": 1, "Labels": ["keep"]}),
    );
    for i in 1..100 {
        s.put("/v", &i.to_string());
    }
    let e = s.err(
        "PutParameter",
        json!({"Name": "/v", "Value": "x", "Overwrite": true}),
    );
    assert_error(&e, "ParameterMaxVersionLimitExceeded", Some("You attempted to create a new version of /v by calling the PutParameter API with the overwrite flag. Version 1, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again."));
}

#[test]
fn delete_parameter_removes_it_and_a_second_delete_is_not_found() {
    let mut s = Store::new();
    s.put("/d", "1");
    assert_eq!(s.ok("DeleteParameter", json!({"Name": "/d"})), json!({}));
    let e = s.err("DeleteParameter", json!({"Name": "/d"}));
    assert_error(&e, "ParameterNotFound", None);
}

#[test]
fn delete_parameters_lists_the_names_it_could_not_find() {
    let mut s = Store::new();
    s.put("/d1", "1");
    let out = s.ok("DeleteParameters", json!({"Names": ["/d1", "/nope"]}));
    assert_eq!(
        out,
        json!({"DeletedParameters": ["/d1"], "InvalidParameters": ["/nope"]})
    );
}

#[test]
fn an_unknown_operation_is_unknown() {
    let mut s = Store::new();
    assert_error(
        &s.err("SendCommand", json!({})),
        "UnknownOperationException",
        None,
    );
}

#[test]
fn a_value_must_match_the_whole_allowed_pattern() {
    let mut s = Store::new();
    let e = s.err(
        "PutParameter",
        json!({"Name": "/n", "Value": "10000", "Type": "String", "AllowedPattern": "\\d{1,4}"}),
    );
    assert_error(
        &e,
        "ParameterPatternMismatchException",
        Some("Parameter value, cannot be validated against allowedPattern: \\d{1,4}"),
    );
    s.ok(
        "PutParameter",
        json!({"Name": "/n", "Value": "42", "Type": "String", "AllowedPattern": "\\d{1,4}"}),
    );
    let e = s.err(
        "PutParameter",
        json!({"Name": "/n", "Value": "x", "Overwrite": true}),
    );
    assert_eq!(e.code(), "ParameterPatternMismatchException");
    let meta = s.ok("DescribeParameters", json!({}));
    assert_eq!(meta["Parameters"][0]["AllowedPattern"], "\\d{1,4}");
}

#[test]
fn an_allowed_pattern_that_is_not_a_regular_expression_is_refused() {
    let mut s = Store::new();
    let e = s.err(
        "PutParameter",
        json!({"Name": "/n", "Value": "1", "Type": "String", "AllowedPattern": "(["}),
    );
    assert_error(
        &e,
        "InvalidAllowedPatternException",
        Some("The request doesn't meet the regular expression requirement."),
    );
}
