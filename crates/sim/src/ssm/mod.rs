//! AWS Systems Manager Parameter Store: String, StringList and SecureString
//! parameters in hierarchies, with versions, labels and tiers
//! (<https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-parameter-store.html>).
//!
//! A SecureString is sealed and opened by KMS as the caller, through
//! [`ViaService`], so a key policy or a `kms:ViaService` condition decides
//! as it does in AWS.
//!
//! Every call is authorized first (`access`): the caller's IAM policies
//! must allow `ssm:<operation>` on the parameters it names.
//!
//! This root parses the operation and holds the dispatch table; nothing
//! imports it but the simulator. The operations (`put`, `read`, `by_path`,
//! `labels`, `delete`) use `secure_string`, `store`, `parameter` and
//! `policies`; the simulator applies policies as its clock moves
//! ([`Ssm::tick`]).

mod access;
mod by_path;
mod delete;
mod labels;
pub mod operation;
pub mod parameter;
pub mod policies;
mod put;
mod read;
mod secure_string;
pub mod store;

use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use operation::Operation;
use serde_json::Value;

pub use store::Ssm;

type Handler = fn(&mut Ssm, &Env<'_>, &mut ViaService<'_>, &Value) -> Result<Value, Error>;

/// The function that answers `operation`; exhaustive, so an operation
/// without one does not compile.
fn handler(operation: Operation) -> Handler {
    use Operation::*;
    match operation {
        PutParameter => put::put_parameter,
        GetParameter => read::get_parameter,
        GetParameters => read::get_parameters,
        GetParametersByPath => by_path::get_parameters_by_path,
        GetParameterHistory => read::get_parameter_history,
        DescribeParameters => by_path::describe_parameters,
        DeleteParameter => delete::delete_parameter,
        DeleteParameters => delete::delete_parameters,
        LabelParameterVersion => labels::label_parameter_version,
        UnlabelParameterVersion => labels::unlabel_parameter_version,
    }
}

impl Ssm {
    /// Runs one Parameter Store operation, calling KMS through `via`.
    pub fn call(
        &mut self,
        env: &Env<'_>,
        via: &mut ViaService<'_>,
        operation: &str,
        request: &Value,
    ) -> Result<Value, Error> {
        let operation = Operation::parse(operation).ok_or(Error::UnknownOperationException)?;
        access::authorize(env, operation, request)?;
        handler(operation)(self, env, via, request)
    }
}
