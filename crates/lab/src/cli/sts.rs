//! `aws sts get-caller-identity`: who the profile is
//! (<https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html>).

use super::model::{Operation, Service};
use super::profiles::{Identity, Profile, ADMIN_SESSION};
use serde_json::{json, Value};

pub const STS: Service = Service {
    name: "sts",
    endpoint: "sts",
    operations: &[Operation {
        name: "GetCallerIdentity",
        synopsis: "Shows the account, user ID and ARN of the profile's identity.",
        members: &[],
        paging: None,
    }],
};

/// The answer to `GetCallerIdentity` for `profile`.
pub fn caller_identity(profile: &Profile) -> Value {
    let user_id = match profile.principal {
        Identity::Role(_) => format!("{}:{ADMIN_SESSION}", profile.unique_id),
        _ => profile.unique_id.to_owned(),
    };
    json!({
        "UserId": user_id,
        "Account": profile.account,
        "Arn": profile.principal().caller_arn(),
    })
}
