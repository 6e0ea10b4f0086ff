use crate::common::*;
use serde_json::{json, Value};

const IN_TEN_DAYS: &str = "2026-01-11T00:00:00.000Z";

fn policies(list: Value) -> String {
    list.to_string()
}

fn expiring(s: &mut Store, extra: Value) {
    let mut list = vec![
        json!({"Type": "Expiration", "Version": "1.0", "Attributes": {"Timestamp": IN_TEN_DAYS}}),
    ];
    if !extra.is_null() {
        list.push(extra);
    }
    s.ok("PutParameter", json!({"Name": "/temp", "Value": "v", "Type": "String", "Tier": "Advanced", "Policies": policies(json!(list))}));
}

fn policy_events(s: &Store) -> Vec<String> {
    s.sim
        .events()
        .iter()
        .filter(|e| e.event_name == "Parameter Store Policy Action")
        .map(|e| {
            e.request_parameters["policyType"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn an_expiration_policy_deletes_the_parameter_when_the_clock_passes_it() {
    let mut s = Store::new();
    expiring(&mut s, Value::Null);
    let meta = s.ok("DescribeParameters", json!({}));
    assert_eq!(
        meta["Parameters"][0]["Policies"][0]["PolicyType"],
        "Expiration"
    );
    assert_eq!(
        meta["Parameters"][0]["Policies"][0]["PolicyStatus"],
        "Pending"
    );
    s.sim.advance_days(9);
    s.get("/temp");
    s.sim.advance_days(1);
    assert_error(
        &s.err("GetParameter", json!({"Name": "/temp"})),
        "ParameterNotFound",
        None,
    );
    assert_eq!(policy_events(&s), ["Expiration"]);
}

#[test]
fn an_expiration_notification_fires_before_the_expiry() {
    let mut s = Store::new();
    expiring(
        &mut s,
        json!({"Type": "ExpirationNotification", "Version": "1.0", "Attributes": {"Before": "2", "Unit": "Days"}}),
    );
    s.sim.advance_days(8);
    assert_eq!(policy_events(&s), ["ExpirationNotification"]);
    let meta = s.ok("DescribeParameters", json!({}));
    assert_eq!(
        meta["Parameters"][0]["Policies"][1]["PolicyStatus"],
        "Finished"
    );
}

#[test]
fn a_no_change_notification_fires_after_the_quiet_period_and_a_change_restarts_it() {
    let mut s = Store::new();
    let quiet = policies(
        json!([{"Type": "NoChangeNotification", "Version": "1.0", "Attributes": {"After": "5", "Unit": "Hours"}}]),
    );
    s.ok("PutParameter", json!({"Name": "/q", "Value": "v", "Type": "String", "Tier": "Advanced", "Policies": quiet}));
    s.sim.advance_seconds(4 * 3600);
    s.put("/q", "changed");
    s.sim.advance_seconds(4 * 3600);
    assert!(policy_events(&s).is_empty());
    s.sim.advance_seconds(3600);
    assert_eq!(policy_events(&s), ["NoChangeNotification"]);
}

#[test]
fn policies_need_the_advanced_tier_and_intelligent_tiering_chooses_it() {
    let mut s = Store::new();
    let p = policies(
        json!([{"Type": "Expiration", "Version": "1.0", "Attributes": {"Timestamp": IN_TEN_DAYS}}]),
    );
    let e = s.err(
        "PutParameter",
        json!({"Name": "/p", "Value": "v", "Type": "String", "Policies": p}),
    );
    assert_error(&e, "ValidationException", Some("Standard tier parameters don't support parameter policies. To use parameter policies, upgrade the parameter to use the advanced-parameter tier."));
    let out = s.ok("PutParameter", json!({"Name": "/p", "Value": "v", "Type": "String", "Tier": "Intelligent-Tiering", "Policies": p}));
    assert_eq!(out["Tier"], "Advanced");
}

#[test]
fn an_unknown_policy_type_is_invalid_policy_type() {
    let mut s = Store::new();
    let p = policies(json!([{"Type": "Rotate", "Version": "1.0", "Attributes": {}}]));
    let e = s.err(
        "PutParameter",
        json!({"Name": "/p", "Value": "v", "Type": "String", "Tier": "Advanced", "Policies": p}),
    );
    assert_error(&e, "InvalidPolicyTypeException", Some("The policy type isn't supported. Parameter Store supports the following policy types: Expiration, ExpirationNotification, and NoChangeNotification."));
}

#[test]
fn two_expirations_are_incompatible_and_a_past_timestamp_is_invalid() {
    let mut s = Store::new();
    let one =
        json!({"Type": "Expiration", "Version": "1.0", "Attributes": {"Timestamp": IN_TEN_DAYS}});
    let e = s.err("PutParameter", json!({"Name": "/p", "Value": "v", "Type": "String", "Tier": "Advanced", "Policies": policies(json!([one, one]))}));
    assert_error(&e, "IncompatiblePolicyException", Some("There is a conflict in the policies specified for this parameter. You can't, for example, specify two Expiration policies for a parameter. Review your policies, and try again."));
    let past = json!([{"Type": "Expiration", "Version": "1.0", "Attributes": {"Timestamp": "2025-01-01T00:00:00Z"}}]);
    let e = s.err("PutParameter", json!({"Name": "/p", "Value": "v", "Type": "String", "Tier": "Advanced", "Policies": policies(past)}));
    assert_error(
        &e,
        "InvalidPolicyAttributeException",
        Some("A policy attribute or its value is invalid."),
    );
}
