//! `aws configure list`, `list-profiles` and `get`: the lab's
//! configuration, read-only (aws-cli `customizations/configure/list.py`;
//! <https://docs.aws.amazon.com/cli/latest/reference/configure/>).

use super::args::{self, ParserSpec, Positional};
use super::errors::CliError;
use super::globals::Globals;
use super::help;
use super::profiles::{self, Identity};
use crate::io::CommandOutput;

const SUBCOMMANDS: &[&str] = &["list", "get", "list-profiles"];

/// The secret access key every profile has, shown masked.
const SECRET: &str = "KeyDeckSimulatedSecretAccessKey";

pub fn run(globals: &Globals, words: &[String]) -> Result<CommandOutput, CliError> {
    let spec = ParserSpec {
        options: Vec::new(),
        positional: Some(Positional {
            name: "subcommand",
            choices: Some(SUBCOMMANDS.iter().copied().chain(["help"]).collect()),
            required: false,
        }),
    };
    let parsed = args::parse(&spec, words)?;
    let rest = parsed.extras;
    match parsed.positional.as_deref() {
        None | Some("help") => Ok(CommandOutput::ok(help::configure())),
        Some("list-profiles") => no_more(&rest).map(|_| list_profiles()),
        Some("list") => no_more(&rest).and_then(|_| list(globals)),
        _ => get(globals, &rest),
    }
}

fn no_more(rest: &[String]) -> Result<(), CliError> {
    if rest.is_empty() {
        Ok(())
    } else {
        Err(CliError::Unknown(rest.to_vec()))
    }
}

fn list_profiles() -> CommandOutput {
    let names: String = profiles::profiles()
        .iter()
        .map(|p| format!("{}\n", p.name))
        .collect();
    CommandOutput::ok(names)
}

fn row(name: &str, value: &str, kind: &str, location: &str) -> String {
    format!("{name:>10} {value:>24} {kind:>16}    {location}\n")
}

fn masked(secret: &str) -> String {
    let tail: String = secret
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{}{tail}", "*".repeat(16))
}

fn list(globals: &Globals) -> Result<CommandOutput, CliError> {
    let profile = profiles::find(&globals.profile)?;
    let method = match profile.principal {
        Identity::Role(_) => "assume-role",
        _ => "shared-credentials-file",
    };
    let mut out = row("Name", "Value", "Type", "Location");
    out += &row("----", "-----", "----", "--------");
    out += &if globals.profile_given {
        row("profile", profile.name, "manual", "--profile")
    } else {
        row("profile", "<not set>", "None", "None")
    };
    out += &row("access_key", &masked(&profile.access_key_id()), method, "");
    out += &row("secret_key", &masked(SECRET), method, "");
    out += &row("region", &globals.region, "config-file", "~/.aws/config");
    Ok(CommandOutput::ok(out))
}

/// `aws configure get NAME`: the value, or nothing and status 1.
fn get(globals: &Globals, rest: &[String]) -> Result<CommandOutput, CliError> {
    let [name] = rest else {
        return Err(CliError::Usage(
            "the following arguments are required: varname".to_owned(),
        ));
    };
    let profile = profiles::find(&globals.profile)?;
    let value = match name.rsplit('.').next().unwrap_or_default() {
        "region" => Some(globals.region.clone()),
        "aws_access_key_id" => Some(profile.access_key_id()),
        "aws_secret_access_key" => Some(SECRET.to_owned()),
        "output" => Some("json".to_owned()),
        _ => None,
    };
    Ok(match value {
        Some(v) => CommandOutput::ok(format!("{v}\n")),
        None => CommandOutput::fail(1, ""),
    })
}
