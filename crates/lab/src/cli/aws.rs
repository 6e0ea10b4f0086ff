//! `aws ...` from the words to the output: the top-level parse, the
//! service and operation parses, the call as the profile, and the output
//! (aws-cli `awscli/clidriver.py`).

use super::args::{self, ParserSpec, Positional};
use super::errors::CliError;
use super::globals::{self, Globals, VERSION};
use super::model::Service;
use super::operation::{self, Call, Invocation};
use super::{configure, help, iam, output, paginate, profiles, sts, Defaults, SERVICES};
use crate::io::{CommandOutput, Vfs};
use keydeck_sim::{Caller, Simulator};
use serde_json::Value;

/// What a command line asks `aws` to do, before anything is called.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// Print this and stop (help, `--version`).
    Print(String),
    /// `aws configure ...`.
    Configure(Globals, Vec<String>),
    /// Call an operation.
    Call {
        globals: Globals,
        service: &'static Service,
        call: Call,
    },
}

/// Parses a whole `aws` command line.
pub fn plan(files: &Vfs, defaults: &Defaults, words: &[String]) -> Result<Plan, CliError> {
    let top = globals::parse(words, defaults)?;
    if top.version {
        return Ok(Plan::Print(format!("{VERSION}\n")));
    }
    if let Some(q) = &top.globals.query {
        output::formats()?.check_query(q)?;
    }
    let service = match top.command.as_str() {
        "help" => return Ok(Plan::Print(help::aws())),
        "configure" => return Ok(Plan::Configure(top.globals, top.rest)),
        name => SERVICES
            .iter()
            .find(|s| s.name == name)
            .expect("commands are services"),
    };
    let choices: Vec<&'static str> = service_choices(service);
    let spec = ParserSpec {
        options: Vec::new(),
        positional: Some(Positional {
            name: "operation",
            choices: Some(choices),
            required: true,
        }),
    };
    let parsed = args::parse(&spec, &top.rest)?;
    let name = parsed.positional.unwrap_or_default();
    if name == "help" {
        return Ok(Plan::Print(help::service(service)));
    }
    let op = service
        .operation(&name)
        .expect("the choice is an operation");
    let g = &top.globals;
    match operation::invocation(op, &parsed.extras, files, g.paginate, g.raw_blobs)? {
        Invocation::Help => Ok(Plan::Print(help::operation(service, op))),
        Invocation::Call(call) => Ok(Plan::Call {
            globals: top.globals,
            service,
            call,
        }),
    }
}

/// The kebab-case operations of a service, then `help`, as the CLI lists
/// its choices.
pub fn service_choices(service: &Service) -> Vec<&'static str> {
    super::operations(service.name)
        .into_iter()
        .chain(["help"])
        .collect()
}

/// Runs `aws <words>`.
pub fn run(
    sim: &mut Simulator,
    files: &Vfs,
    defaults: &Defaults,
    words: &[String],
) -> CommandOutput {
    let result = plan(files, defaults, words).and_then(|p| match p {
        Plan::Print(text) => Ok(CommandOutput::ok(text)),
        Plan::Configure(globals, rest) => configure::run(&globals, &rest),
        Plan::Call {
            globals,
            service,
            call,
        } => execute(sim, &globals, service, &call),
    });
    result.unwrap_or_else(|e| e.output())
}

/// Calls as the profile: the profile and the Region's form are checked
/// first (botocore does so when it creates the client), then the request
/// is built, and the endpoint is reached last.
fn execute(
    sim: &mut Simulator,
    g: &Globals,
    service: &Service,
    call: &Call,
) -> Result<CommandOutput, CliError> {
    let profile = profiles::find(&g.profile)?;
    profiles::check_region_format(&g.region)?;
    let request = call.request()?;
    let caller = profiles::caller(&g.profile, &g.region, service.endpoint)?;
    let name = call.operation.name;
    let mut response = match service.name {
        "sts" => sts::caller_identity(profile),
        "iam" => iam::call(sim, &caller, name, &request).map_err(|e| CliError::Client {
            code: e.code,
            operation: name.to_owned(),
            message: e.message,
        })?,
        _ => json_call(sim, service.name, &caller, call, request)?,
    };
    output::timestamps(&mut response);
    let shown = output::query(g.query.as_deref(), response)?;
    Ok(CommandOutput::ok(output::render(&g.output, name, &shown)?))
}

/// A JSON 1.1 service of the simulator (`kms`, `ssm`), page after page
/// when the CLI paginates.
fn json_call(
    sim: &mut Simulator,
    service: &str,
    caller: &Caller,
    call: &Call,
    request: Value,
) -> Result<Value, CliError> {
    let name = call.operation.name;
    let mut once = |request: Value| {
        sim.call(service, name, request, caller)
            .map_err(|e| CliError::client(name, &e))
    };
    match (&call.paging, call.operation.paging) {
        (Some(args), Some(p)) => paginate::all_pages(request, p, args, &mut once),
        _ => once(request),
    }
}
