//! Parameter policies: Expiration (the parameter is deleted at a time),
//! ExpirationNotification (an event some days or hours before that) and
//! NoChangeNotification (an event when the parameter has not changed for
//! some days or hours). They follow the simulator's clock, and each firing
//! is an event, as EventBridge's "Parameter Store Policy Action"
//! (<https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-policies.html>).

use crate::platform::clock::{parse_iso8601, Timestamp};
use crate::platform::error::Error;
use serde_json::{json, Value};

/// One policy of a parameter: its type, its text as given, when it fires,
/// and whether it has.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub kind: PolicyKind,
    pub text: String,
    pub finished: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PolicyKind {
    Expiration { at: Timestamp },
    ExpirationNotification { before: i64 },
    NoChangeNotification { after: i64 },
}

impl PolicyKind {
    pub fn name(self) -> &'static str {
        match self {
            PolicyKind::Expiration { .. } => "Expiration",
            PolicyKind::ExpirationNotification { .. } => "ExpirationNotification",
            PolicyKind::NoChangeNotification { .. } => "NoChangeNotification",
        }
    }
}

/// AWS documents these exceptions' descriptions only; they are the messages here.
fn bad_attribute() -> Error {
    Error::InvalidPolicyAttributeException("A policy attribute or its value is invalid.".to_owned())
}

fn bad_type() -> Error {
    Error::InvalidPolicyTypeException("The policy type isn't supported. Parameter Store supports the following policy types: Expiration, ExpirationNotification, and NoChangeNotification.".to_owned())
}

fn incompatible() -> Error {
    Error::IncompatiblePolicyException("There is a conflict in the policies specified for this parameter. You can't, for example, specify two Expiration policies for a parameter. Review your policies, and try again.".to_owned())
}

/// `{"Before"|"After": "15", "Unit": "Days"|"Hours"}` in seconds.
fn span(attributes: &Value, member: &str) -> Result<i64, Error> {
    let n: i64 = attributes[member]
        .as_str()
        .and_then(|s| s.parse().ok())
        .filter(|n| *n > 0)
        .ok_or_else(bad_attribute)?;
    match attributes["Unit"].as_str().unwrap_or("Days") {
        "Days" => Ok(n * 86_400),
        "Hours" => Ok(n * 3_600),
        _ => Err(bad_attribute()),
    }
}

fn one(policy: &Value, now: Timestamp) -> Result<Policy, Error> {
    let attributes = &policy["Attributes"];
    let kind = match policy["Type"].as_str() {
        Some("Expiration") => {
            let at = attributes["Timestamp"]
                .as_str()
                .and_then(parse_iso8601)
                .filter(|t| *t > now)
                .ok_or_else(bad_attribute)?;
            PolicyKind::Expiration { at }
        }
        Some("ExpirationNotification") => PolicyKind::ExpirationNotification {
            before: span(attributes, "Before")?,
        },
        Some("NoChangeNotification") => PolicyKind::NoChangeNotification {
            after: span(attributes, "After")?,
        },
        _ => return Err(bad_type()),
    };
    Ok(Policy {
        kind,
        text: policy.to_string(),
        finished: false,
    })
}

/// Reads the Policies member: a JSON array of policies, at most one of each
/// type, and an ExpirationNotification only beside an Expiration.
pub fn parse(text: &str, now: Timestamp) -> Result<Vec<Policy>, Error> {
    let list: Vec<Value> = serde_json::from_str(text).map_err(|_| bad_attribute())?;
    let policies = list
        .iter()
        .map(|p| one(p, now))
        .collect::<Result<Vec<_>, _>>()?;
    let count = |name: &str| policies.iter().filter(|p| p.kind.name() == name).count();
    let twice = [
        "Expiration",
        "ExpirationNotification",
        "NoChangeNotification",
    ]
    .iter()
    .any(|n| count(n) > 1);
    if twice || (count("ExpirationNotification") == 1 && count("Expiration") == 0) {
        return Err(incompatible());
    }
    Ok(policies)
}

/// The API's ParameterInlinePolicy list.
pub fn view(policies: &[Policy]) -> Value {
    policies
        .iter()
        .map(|p| {
            let status = if p.finished { "Finished" } else { "Pending" };
            json!({"PolicyText": p.text, "PolicyType": p.kind.name(), "PolicyStatus": status})
        })
        .collect()
}

/// What fell due at `now` for a parameter last changed at `changed`: the
/// policies that fire (marked finished), and whether the parameter expires.
pub fn due(policies: &mut [Policy], changed: Timestamp, now: Timestamp) -> (Vec<String>, bool) {
    let expiry = policies.iter().find_map(|p| match p.kind {
        PolicyKind::Expiration { at } => Some(at),
        _ => None,
    });
    let mut fired = Vec::new();
    for p in policies.iter_mut().filter(|p| !p.finished) {
        let when = match p.kind {
            PolicyKind::Expiration { at } => Some(at),
            PolicyKind::ExpirationNotification { before } => expiry.map(|at| at - before),
            PolicyKind::NoChangeNotification { after } => Some(changed + after),
        };
        if when.is_some_and(|t| t <= now) {
            p.finished = true;
            fired.push(p.kind.name().to_owned());
        }
    }
    (fired, expiry.is_some_and(|at| at <= now))
}
