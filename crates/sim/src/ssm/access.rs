//! Authorizing a Parameter Store call: the IAM action is `ssm:<operation>`
//! and the resources are the parameters it names, by ARN (a path is the
//! ARN of the path; DescribeParameters names none), decided by the
//! caller's IAM policies alone, as parameters have no resource policy
//! (<https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html>).

use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::identity::authorize_identity;
use crate::ssm::operation::Operation;
use crate::ssm::parameter::arn;
use serde_json::Value;

/// The names a request gives, without `:version` or `:label` selectors.
fn named(request: &Value) -> Vec<String> {
    let bare = |s: &str| s.split(':').next().unwrap_or_default().to_owned();
    let one = ["Name", "Path"]
        .iter()
        .filter_map(|m| request[*m].as_str().map(bare));
    let many = request["Names"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| n.as_str().map(bare));
    one.chain(many).collect()
}

/// Fails with AccessDeniedException unless the caller's IAM policies allow
/// the operation on every parameter it names.
pub fn authorize(env: &Env<'_>, operation: Operation, request: &Value) -> Result<(), Error> {
    let action = format!("ssm:{operation}");
    let names = named(request);
    if names.is_empty() {
        return authorize_identity(env, &action, None);
    }
    let (region, account) = (env.caller.region.as_str(), env.caller.account().as_str());
    names
        .iter()
        .try_for_each(|n| authorize_identity(env, &action, Some(&arn(region, account, n))))
}
