//! Authorizing an EC2 call: the IAM action is `ec2:<operation>` and the
//! resources are the volumes and snapshots it names or makes, by ARN
//! (Describe calls name none), decided by the caller's IAM policies alone;
//! an account's root user needs none
//! (<https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html>).
//!
//! A denial is EC2's `UnauthorizedOperation`: "You are not authorized to
//! perform this operation." followed by IAM's sentence naming the user,
//! the action and the resource.

use crate::ec2::operation::Operation;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::identity::identity_denial;

/// Fails with `UnauthorizedOperation` unless the caller's IAM policies
/// allow the operation on every resource (or, with none, on `*`).
pub fn authorize(env: &Env<'_>, operation: Operation, resources: &[String]) -> Result<(), Error> {
    let action = format!("ec2:{operation}");
    let denial = if resources.is_empty() {
        identity_denial(env, &action, None)
    } else {
        resources
            .iter()
            .find_map(|r| identity_denial(env, &action, Some(r)))
    };
    match denial {
        None => Ok(()),
        Some(why) => Err(Error::UnauthorizedOperation(format!(
            "You are not authorized to perform this operation. {why}"
        ))),
    }
}
