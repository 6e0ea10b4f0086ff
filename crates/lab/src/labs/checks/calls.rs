//! Reading the CloudTrail-style event log: which calls were made, by whom,
//! where, with which request parameters, and how they ended
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/logging-using-cloudtrail.html>).
//! Like CloudTrail, the log holds no plaintexts, ciphertexts or keys.

use keydeck_sim::platform::trail::TrailEvent;
use serde_json::{Map, Value};

use crate::session::Session;

/// One logged call, and its place in the log.
#[derive(Clone, Copy)]
pub(super) struct Call<'a> {
    pub index: usize,
    pub event: &'a TrailEvent,
}

/// Every logged call of an operation, oldest first.
pub(super) fn calls<'a>(
    session: &'a Session,
    operation: &'a str,
) -> impl Iterator<Item = Call<'a>> + 'a {
    session
        .sim()
        .events()
        .iter()
        .enumerate()
        .filter(move |(_, e)| e.event_name == operation)
        .map(|(index, event)| Call { index, event })
}

/// The successful calls of an operation.
pub(super) fn succeeded<'a>(
    session: &'a Session,
    operation: &'a str,
) -> impl Iterator<Item = Call<'a>> + 'a {
    calls(session, operation).filter(Call::succeeded)
}

/// Whether any call of an operation succeeded.
pub(super) fn any_succeeded(session: &Session, operation: &str) -> bool {
    succeeded(session, operation).next().is_some()
}

/// Whether any call, of any operation, failed with `code`.
pub(super) fn any_failed_with(session: &Session, code: &str) -> bool {
    session
        .sim()
        .events()
        .iter()
        .any(|e| e.error_code.as_deref() == Some(code))
}

impl<'a> Call<'a> {
    pub fn succeeded(&self) -> bool {
        self.event.error_code.is_none()
    }

    pub fn failed_with(&self, code: &str) -> bool {
        self.event.error_code.as_deref() == Some(code)
    }

    /// A request parameter, by its CloudTrail name (`keyId`, `encryptionContext`).
    pub fn param(&self, name: &str) -> Option<&'a Value> {
        self.event.request_parameters.get(name)
    }

    pub fn string_param(&self, name: &str) -> Option<&'a str> {
        self.param(name).and_then(Value::as_str)
    }

    /// The encryption context of the request, when it had a non-empty one.
    pub fn context(&self) -> Option<&'a Map<String, Value>> {
        self.param("encryptionContext")
            .and_then(Value::as_object)
            .filter(|m| !m.is_empty())
    }

    /// The account of the principal that made the call.
    pub fn account(&self) -> &'a str {
        &self.event.user_identity.account_id
    }

    pub fn region(&self) -> &'a str {
        &self.event.aws_region
    }
}
