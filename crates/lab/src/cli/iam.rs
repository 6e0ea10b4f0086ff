//! `aws iam`: the inline policies of the lab's users and roles
//! (<https://docs.aws.amazon.com/cli/latest/reference/iam/put-user-policy.html>),
//! kept by the simulator as `keydeck` `PutPrincipalPolicy` and
//! `DeletePrincipalPolicy`, always in the caller's own account.
//!
//! IAM authorizes these calls by the caller's identity policies only: the
//! root user may; the Admin role may (its policy allows `iam:*`); the
//! developer user may not until a policy allows it, and gets IAM's
//! `AccessDenied`. The users and roles are the lab's: the user
//! `developer` and the role `Admin`; others are `NoSuchEntity`.

use super::model::{op, req, Service, STR1};
use super::profiles::{ADMIN_ROLE, DEVELOPER};
use keydeck_sim::platform::policy::{authorize, ConditionContext, Decision, PolicyDocument, Query};
use keydeck_sim::{Caller, Simulator};
use serde_json::{json, Value};

const USER: super::model::Member = req("UserName", STR1);
const ROLE: super::model::Member = req("RoleName", STR1);
const NAME: super::model::Member = req("PolicyName", STR1);
const DOCUMENT: super::model::Member = req("PolicyDocument", STR1);

pub const IAM: Service = Service {
    name: "iam",
    endpoint: "iam",
    operations: &[
        op(
            "DeleteRolePolicy",
            "Deletes an inline policy of an IAM role.",
            &[ROLE, NAME],
        ),
        op(
            "DeleteUserPolicy",
            "Deletes an inline policy of an IAM user.",
            &[USER, NAME],
        ),
        op(
            "PutRolePolicy",
            "Adds or replaces an inline policy of an IAM role.",
            &[ROLE, NAME, DOCUMENT],
        ),
        op(
            "PutUserPolicy",
            "Adds or replaces an inline policy of an IAM user.",
            &[USER, NAME, DOCUMENT],
        ),
    ],
};

/// An error IAM answers with: its code (IAM's codes have no
/// `Exception` suffix) and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IamError {
    pub code: String,
    pub message: String,
}

fn error(code: &str, message: String) -> IamError {
    IamError {
        code: code.to_owned(),
        message,
    }
}

/// Runs an IAM operation as `caller`.
pub fn call(
    sim: &mut Simulator,
    caller: &Caller,
    operation: &str,
    request: &Value,
) -> Result<Value, IamError> {
    let text = |k: &str| {
        request
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let (kind, name) = match request.get("UserName") {
        Some(_) => ("user", text("UserName")),
        None => ("role", text("RoleName")),
    };
    let known = if kind == "user" {
        DEVELOPER
    } else {
        ADMIN_ROLE
    };
    if name != known {
        return Err(error(
            "NoSuchEntity",
            format!("The {kind} with name {name} cannot be found."),
        ));
    }
    let account = caller.account().to_string();
    let arn = format!("arn:aws:iam::{account}:{kind}/{name}");
    check_access(sim, caller, operation, kind, &name, &arn)?;
    let target = if operation.starts_with("Put") {
        "PutPrincipalPolicy"
    } else {
        "DeletePrincipalPolicy"
    };
    let mut body = json!({"PrincipalArn": arn, "PolicyName": text("PolicyName")});
    if target == "PutPrincipalPolicy" {
        body["PolicyDocument"] = Value::String(text("PolicyDocument"));
    }
    sim.call("keydeck", target, body, caller).map_err(|e| {
        let code = match e.code() {
            "MalformedPolicyDocumentException" => "MalformedPolicyDocument",
            other => other,
        };
        error(code, e.message().unwrap_or_default().to_owned())
    })
}

/// IAM's decision for `iam:<operation>` on the user or role, from the
/// caller's identity policies alone.
fn check_access(
    sim: &mut Simulator,
    caller: &Caller,
    operation: &str,
    kind: &str,
    name: &str,
    arn: &str,
) -> Result<(), IamError> {
    let principal = &caller.principal;
    let account = principal.account.to_string();
    let delegate = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{account}:root"}},"Action":"*","Resource":"*"}}]}}"#
    );
    let account_policy = PolicyDocument::parse_key_policy(&delegate).expect("a well-formed policy");
    let identity = sim.iam_mut().policies_for(principal);
    let action = format!("iam:{operation}");
    let query = Query {
        principal,
        action: &action,
        resource: arn,
        resource_account: &account,
        conditions: &ConditionContext::default(),
    };
    let why = match authorize(&account_policy, &identity, &query) {
        Decision::Allow(_) => return Ok(()),
        Decision::ExplicitDeny(_) => "with an explicit deny in an identity-based policy".to_owned(),
        Decision::ImplicitDeny(_) => {
            format!("because no identity-based policy allows the {action} action")
        }
    };
    Err(error(
        "AccessDenied",
        format!(
            "User: {} is not authorized to perform: {action} on resource: {kind} {name} {why}",
            principal.caller_arn()
        ),
    ))
}
