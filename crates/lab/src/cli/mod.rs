//! The AWS CLI v2 over the simulator: `aws <service> <operation>` with the
//! CLI's option names, value syntaxes (base64 and `fileb://` blobs,
//! shorthand, JSON, `file://`), global options, output formats,
//! `--query`, exit statuses and error texts; and `keydeck`, the
//! simulation's own controls.
//!
//! The texts follow the AWS CLI 2.30 release (`aws-cli` on GitHub) and its
//! user guide (<https://docs.aws.amazon.com/cli/latest/userguide/>).
//!
//! Profiles (`--profile NAME`, see [`profiles`]): `default` (the Admin
//! role of account 111122223333), `root`, `developer`, `partner` (the
//! Admin role of 444455556666), `partner-root`, `partner-developer`.

mod args;
mod aws;
mod blobs;
mod configure;
mod ec2;
mod errors;
mod globals;
mod help;
mod iam;
mod keydeck;
mod kms;
mod model;
mod names;
mod operation;
pub mod output;
mod paginate;
mod profiles;
mod pyvalue;
mod secretsmanager;
mod shorthand;
mod ssm;
mod sts;
mod suggest;
mod validate;
mod values;

pub use errors::{CliError, USAGE};
pub use globals::{takes_value as global_takes_value, GLOBAL_OPTIONS};
pub use model::{Member, Operation, Service, Shape};
pub use profiles::{install_profiles, Identity, Profile, PARTNER, YOURS};
pub(crate) use profiles::{ADMIN_ROLE, ADMIN_SESSION};

use crate::io::{CommandOutput, Vfs};
use keydeck_sim::Simulator;
use serde_json::Value;

/// The services `aws` can call, in the order it lists them.
pub(crate) const SERVICES: &[&Service] = &[
    &ec2::EC2,
    &iam::IAM,
    &kms::KMS,
    &secretsmanager::SECRETS_MANAGER,
    &ssm::SSM,
    &sts::STS,
];

/// The profile and Region a command uses when `--profile` and `--region`
/// don't say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Defaults {
    pub profile: String,
    pub region: String,
}

impl Default for Defaults {
    fn default() -> Defaults {
        Defaults {
            profile: "default".to_owned(),
            region: "us-east-1".to_owned(),
        }
    }
}

/// Runs `aws <args...>` (the words after `aws`, already split by the shell).
pub fn run_aws(
    sim: &mut Simulator,
    files: &Vfs,
    defaults: &Defaults,
    args: &[String],
) -> CommandOutput {
    aws::run(sim, files, defaults, args)
}

/// Runs `keydeck <args...>`: `keydeck clock advance --days 365`,
/// `keydeck clock show`, `keydeck events`, `keydeck help`.
pub fn run_keydeck(sim: &mut Simulator, args: &[String]) -> CommandOutput {
    keydeck::run(sim, args)
}

/// A request as `aws` would send it: no call is made.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// `kms`, `ssm`, `secretsmanager`, `iam` or `sts`.
    pub service: &'static str,
    /// The API name, e.g. `GenerateDataKey`.
    pub operation: &'static str,
    /// The JSON 1.1 body.
    pub body: Value,
    pub profile: String,
    pub region: String,
}

/// Parses an `aws` command line into the request it would send, or the
/// output it would print instead (help, or an error).
pub fn build_request(
    files: &Vfs,
    defaults: &Defaults,
    args: &[String],
) -> Result<Request, CommandOutput> {
    match aws::plan(files, defaults, args) {
        Ok(aws::Plan::Call {
            globals,
            service,
            call,
        }) => match call.request() {
            Ok(body) => Ok(Request {
                service: service.name,
                operation: call.operation.name,
                body,
                profile: globals.profile,
                region: globals.region,
            }),
            Err(e) => Err(e.output()),
        },
        Ok(aws::Plan::Print(text)) => Err(CommandOutput::ok(text)),
        Ok(aws::Plan::Configure(..)) => Err(CommandOutput::fail(0, "")),
        Err(e) => Err(e.output()),
    }
}

/// Calls an operation as a profile (the console view's actions), with the
/// same profile-to-caller mapping as `aws --profile`. `service` is `kms`,
/// `iam` (IAM API requests: `PutUserPolicy {UserName, PolicyName,
/// PolicyDocument}`, …), `sts`, or the simulator's `keydeck`.
pub fn call_as(
    sim: &mut Simulator,
    profile: &str,
    region: &str,
    service: &str,
    operation: &str,
    request: Value,
) -> Result<Value, keydeck_sim::Error> {
    let found = profiles::find(profile)
        .map_err(|e| keydeck_sim::Error::ValidationException(e.text().trim().to_owned()))?;
    let caller = profiles::caller(profile, region, service)
        .map_err(|e| keydeck_sim::Error::ValidationException(e.text().trim().to_owned()))?;
    match service {
        "sts" => Ok(sts::caller_identity(found)),
        "iam" => iam::call(sim, &caller, operation, &request).map_err(|e| match e.code.as_str() {
            "AccessDenied" => keydeck_sim::Error::AccessDeniedException(e.message),
            "MalformedPolicyDocument" => {
                keydeck_sim::Error::MalformedPolicyDocumentException(e.message)
            }
            "NoSuchEntity" => keydeck_sim::Error::NotFoundException(e.message),
            _ => keydeck_sim::Error::ValidationException(e.message),
        }),
        _ => sim.call(service, operation, request, &caller),
    }
}

/// Every named profile, `default` first.
pub fn profiles() -> &'static [Profile] {
    profiles::profiles()
}

/// The names of the profiles, for completing `--profile`.
pub fn profile_names() -> Vec<String> {
    profiles::profiles()
        .iter()
        .map(|p| p.name.to_owned())
        .collect()
}

/// The caller `--profile profile --region region` makes calls as, or the
/// CLI's message for an unknown profile or a malformed Region.
pub fn caller_for(profile: &str, region: &str) -> Result<keydeck_sim::Caller, String> {
    profiles::caller(profile, region, "kms").map_err(|e| e.text().trim().to_owned())
}

/// What may follow `aws`: the services, `configure`, and `help`.
pub fn services() -> Vec<&'static str> {
    globals::COMMANDS.to_vec()
}

/// The kebab-case operations of a service (`generate-data-key`, …); for
/// `configure` and `keydeck`, their subcommands.
pub fn operations(service: &str) -> Vec<&'static str> {
    match service {
        "configure" => return vec!["list", "get", "list-profiles"],
        "keydeck" => return keydeck::COMMANDS.to_vec(),
        _ => {}
    }
    let Some(s) = SERVICES.iter().find(|s| s.name == service) else {
        return Vec::new();
    };
    s.operations
        .iter()
        .map(|op| names::cli_name(op.name))
        .collect()
}

/// The options of an operation (`--key-id`, `--plaintext`, …; `--days`
/// and `--hours` for `keydeck clock`). The global options, which every
/// operation also takes, are [`GLOBAL_OPTIONS`].
pub fn options(service: &str, operation: &str) -> Vec<String> {
    if service == "keydeck" {
        return keydeck::options(operation);
    }
    SERVICES
        .iter()
        .find(|s| s.name == service)
        .and_then(|s| s.operation(operation))
        .map(operation::option_names)
        .unwrap_or_default()
}
