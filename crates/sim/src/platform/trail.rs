//! A CloudTrail-style log of every call: who, what, when, with which
//! parameters, and which error, as CloudTrail records KMS events
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/logging-using-cloudtrail.html>).
//!
//! Like CloudTrail, the log never records plaintexts, ciphertexts, keys,
//! messages, signatures or MACs.

use crate::platform::clock::{iso8601, Timestamp};
use crate::platform::error::Error;
use crate::platform::principal::Caller;
use serde::Serialize;
use serde_json::{Map, Value};

/// CloudTrail's `userIdentity`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserIdentity {
    #[serde(rename = "type")]
    pub kind: String,
    pub arn: String,
    pub account_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoked_by: Option<String>,
}

/// One recorded call.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrailEvent {
    pub event_version: String,
    pub event_id: String,
    pub event_time: String,
    pub event_source: String,
    pub event_name: String,
    pub aws_region: String,
    pub user_identity: UserIdentity,
    pub request_parameters: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    pub read_only: bool,
}

/// Members that CloudTrail never logs.
const SECRET_MEMBERS: &[&str] = &[
    "Plaintext",
    "CiphertextBlob",
    "Message",
    "Signature",
    "Mac",
    "EncryptedKeyMaterial",
    "ImportToken",
    "Policy",
    // CloudTrail shows a Parameter Store value as HIDDEN_DUE_TO_SECURITY_REASONS.
    "Value",
    // Secrets Manager's values are never logged either.
    "SecretString",
    "SecretBinary",
];

/// Request parameters as CloudTrail shows them: members in lowerCamelCase,
/// secrets left out.
fn request_parameters(request: &Value) -> Value {
    let Some(obj) = request.as_object() else {
        return Value::Null;
    };
    let mut out = Map::new();
    for (name, value) in obj {
        if SECRET_MEMBERS.contains(&name.as_str()) {
            continue;
        }
        let mut chars = name.chars();
        let lower: String = chars
            .next()
            .map(|c| {
                std::iter::once(c.to_ascii_lowercase())
                    .chain(chars)
                    .collect()
            })
            .unwrap_or_default();
        out.insert(lower, value.clone());
    }
    Value::Object(out)
}

fn read_only(operation: &str) -> bool {
    ["Describe", "Get", "List"]
        .iter()
        .any(|p| operation.starts_with(p))
}

/// The event log, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Trail {
    events: Vec<TrailEvent>,
}

impl Trail {
    /// Records a call to `service` (such as `kms`) and its result.
    pub fn record(
        &mut self,
        at: Timestamp,
        service: &str,
        operation: &str,
        request: &Value,
        caller: &Caller,
        result: &Result<Value, Error>,
    ) {
        let error = result.as_ref().err();
        let n = self.events.len() + 1;
        let p = &caller.principal;
        self.events.push(TrailEvent {
            event_version: "1.08".to_owned(),
            event_id: format!("00000000-0000-4000-8000-{n:012x}"),
            event_time: iso8601(at),
            event_source: format!("{service}.amazonaws.com"),
            event_name: operation.to_owned(),
            aws_region: caller.region.to_string(),
            user_identity: UserIdentity {
                kind: p.identity_type().to_owned(),
                arn: p.caller_arn(),
                account_id: p.account.to_string(),
                invoked_by: caller.via_service.clone(),
            },
            request_parameters: request_parameters(request),
            error_code: error.map(|e| e.code().to_owned()),
            error_message: error.and_then(Error::message).map(str::to_owned),
            read_only: read_only(operation),
        });
    }

    /// Records something a service did on its own, such as a parameter
    /// policy firing as the clock moves: the service is the identity, and
    /// `detail` stands where a call's request parameters would. The event
    /// is returned, for a failure to set its error.
    pub fn record_service_event(
        &mut self,
        at: Timestamp,
        service: &str,
        name: &str,
        region: &str,
        account: &str,
        detail: Value,
    ) -> &mut TrailEvent {
        let n = self.events.len() + 1;
        let source = format!("{service}.amazonaws.com");
        self.events.push(TrailEvent {
            event_version: "1.08".to_owned(),
            event_id: format!("00000000-0000-4000-8000-{n:012x}"),
            event_time: iso8601(at),
            event_source: source.clone(),
            event_name: name.to_owned(),
            aws_region: region.to_owned(),
            user_identity: UserIdentity {
                kind: "AWSService".to_owned(),
                arn: String::new(),
                account_id: account.to_owned(),
                invoked_by: Some(source),
            },
            request_parameters: detail,
            error_code: None,
            error_message: None,
            read_only: false,
        });
        self.events.last_mut().expect("just recorded")
    }

    pub fn events(&self) -> &[TrailEvent] {
        &self.events
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn request_parameters_drop_secrets_and_lower_the_first_letter() {
        let shown = request_parameters(
            &json!({"KeyId": "k", "Plaintext": "c2VjcmV0", "EncryptionContext": {"a": "b"}}),
        );
        assert_eq!(
            shown,
            json!({"keyId": "k", "encryptionContext": {"a": "b"}})
        );
    }
}
