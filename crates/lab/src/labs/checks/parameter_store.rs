//! Parameter Store: a hierarchy of parameters, a SecureString encrypted
//! under a customer managed key, reads by path and by label, and an
//! advanced parameter whose Expiration policy deletes it when the clock
//! passes its date
//! (<https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-parameter-store.html>,
//! <https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-policies.html>).

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::calls::{succeeded, Call};
use super::services::Probe;
use super::state::names_customer_key;
use super::{Check, YOUR_ACCOUNT};
use crate::session::Session;

pub(super) const CHECKS: &[(&str, Check)] = &[
    ("parameter-hierarchy", parameter_hierarchy),
    ("secure-string-customer-key", secure_string_customer_key),
    ("parameters-read-by-path", parameters_read_by_path),
    ("parameter-read-by-label", parameter_read_by_label),
    (
        "advanced-parameter-with-expiration",
        advanced_parameter_with_expiration,
    ),
    ("parameter-expired", parameter_expired),
];

/// What Parameter Store records when a parameter policy fires.
const POLICY_ACTION: &str = "Parameter Store Policy Action";

/// The metadata of your parameters (DescribeParameters: never values).
fn your_parameters(session: &Session) -> Vec<Value> {
    Probe::new(session).list(
        YOUR_ACCOUNT,
        "ssm",
        "DescribeParameters",
        json!({"MaxResults": 50}),
        "Parameters",
    )
}

/// Two or more of your parameters lie under the same path at least two
/// levels deep, such as `/app/prod/db/host` and `/app/prod/db/port`.
fn parameter_hierarchy(session: &Session) -> bool {
    let mut per_path: BTreeMap<String, usize> = BTreeMap::new();
    for p in your_parameters(session) {
        let Some(name) = p["Name"].as_str() else {
            continue;
        };
        let levels: Vec<&str> = name.split('/').skip(1).collect();
        if name.starts_with('/') && levels.len() >= 3 {
            *per_path.entry(levels[..2].join("/")).or_default() += 1;
        }
    }
    per_path.values().any(|n| *n >= 2)
}

/// One of your SecureString parameters is encrypted under one of your
/// customer managed keys, not under `alias/aws/ssm`.
fn secure_string_customer_key(session: &Session) -> bool {
    your_parameters(session).iter().any(|p| {
        p["Type"] == "SecureString"
            && p["KeyId"]
                .as_str()
                .is_some_and(|k| names_customer_key(session, YOUR_ACCOUNT, k))
    })
}

/// GetParametersByPath succeeded with `Recursive` and `WithDecryption`, and
/// Parameter Store decrypted a SecureString for it: a successful Decrypt
/// invoked by `ssm` just before the call's own event (the service's KMS
/// calls are logged before the call that made them).
fn parameters_read_by_path(session: &Session) -> bool {
    let events = session.sim().events();
    succeeded(session, "GetParametersByPath").any(|c| {
        flag(&c, "recursive")
            && flag(&c, "withDecryption")
            && events[..c.index]
                .iter()
                .rev()
                .take_while(|e| e.event_source == "kms.amazonaws.com")
                .any(|e| {
                    e.event_name == "Decrypt"
                        && e.error_code.is_none()
                        && e.user_identity
                            .invoked_by
                            .as_deref()
                            .is_some_and(|v| v.starts_with("ssm."))
                })
    })
}

/// GetParameter or GetParameters succeeded for a `name:label` selector:
/// the version had that label.
fn parameter_read_by_label(session: &Session) -> bool {
    let by_label = |name: &str| {
        name.rsplit_once(':').is_some_and(|(parameter, selector)| {
            !parameter.is_empty()
                && !selector.is_empty()
                && !selector.bytes().all(|b| b.is_ascii_digit())
        })
    };
    succeeded(session, "GetParameter").any(|c| c.string_param("name").is_some_and(by_label))
        || succeeded(session, "GetParameters").any(|c| {
            c.param("names")
                .and_then(Value::as_array)
                .is_some_and(|names| names.iter().filter_map(Value::as_str).any(by_label))
        })
}

/// PutParameter succeeded in the Advanced tier with an Expiration policy.
/// Read from the log, so the task stays done once the parameter expires.
fn advanced_parameter_with_expiration(session: &Session) -> bool {
    succeeded(session, "PutParameter").any(|c| {
        c.account() == YOUR_ACCOUNT
            && c.string_param("tier") == Some("Advanced")
            && c.string_param("policies")
                .and_then(|p| serde_json::from_str::<Value>(p).ok())
                .and_then(|p| p.as_array().cloned())
                .is_some_and(|policies| policies.iter().any(|p| p["Type"] == "Expiration"))
    })
}

/// An Expiration policy fired and deleted one of your parameters.
fn parameter_expired(session: &Session) -> bool {
    session.sim().events().iter().any(|e| {
        e.event_name == POLICY_ACTION
            && e.user_identity.account_id == YOUR_ACCOUNT
            && e.request_parameters["policyType"] == "Expiration"
    })
}

fn flag(call: &Call<'_>, name: &str) -> bool {
    call.param(name).and_then(Value::as_bool) == Some(true)
}
