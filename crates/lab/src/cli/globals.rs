//! The global options, which may stand anywhere on the line
//! (<https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-options.html>),
//! and the top-level parse that finds the command.

use super::args::{self, Arity, OptSpec, ParserSpec, Positional};
use super::errors::CliError;
use super::Defaults;

/// Every global option, in the order `aws help` lists them.
pub const GLOBAL_OPTIONS: &[&str] = &[
    "--debug",
    "--endpoint-url",
    "--no-verify-ssl",
    "--no-paginate",
    "--output",
    "--query",
    "--profile",
    "--region",
    "--version",
    "--color",
    "--no-sign-request",
    "--ca-bundle",
    "--cli-read-timeout",
    "--cli-connect-timeout",
    "--cli-binary-format",
    "--no-cli-pager",
    "--cli-auto-prompt",
    "--no-cli-auto-prompt",
];

const FLAGS: &[&str] = &[
    "--debug",
    "--no-verify-ssl",
    "--no-paginate",
    "--version",
    "--no-sign-request",
    "--no-cli-pager",
    "--cli-auto-prompt",
    "--no-cli-auto-prompt",
];

/// Whether `option` is a global option that takes a value (not a flag).
pub fn takes_value(option: &str) -> bool {
    GLOBAL_OPTIONS.contains(&option) && !FLAGS.contains(&option)
}

pub const OUTPUTS: &[&str] = &["json", "text", "table", "yaml", "yaml-stream"];

/// The commands `aws` knows, in the order it lists them.
pub const COMMANDS: &[&str] = &[
    "ec2",
    "iam",
    "kms",
    "secretsmanager",
    "ssm",
    "sts",
    "configure",
    "help",
];

/// The version line `aws --version` prints.
pub const VERSION: &str = "aws-cli/2.30.7 Python/3.13.7 Linux/6.1 keydeck/wasm32";

/// The global options of one command line, resolved against the defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Globals {
    pub profile: String,
    /// The profile was named with `--profile`.
    pub profile_given: bool,
    pub region: String,
    pub output: String,
    pub query: Option<String>,
    pub paginate: bool,
    /// `--cli-binary-format raw-in-base64-out`: bare blob values are text.
    pub raw_blobs: bool,
}

/// The top-level parse: the global options, the command, and the words
/// left for the command.
pub struct TopLevel {
    pub globals: Globals,
    pub command: String,
    pub rest: Vec<String>,
    pub version: bool,
}

fn spec() -> ParserSpec {
    let options = GLOBAL_OPTIONS
        .iter()
        .map(|flag| {
            let arity = if FLAGS.contains(flag) {
                Arity::Flag(true)
            } else {
                Arity::One
            };
            let mut o = OptSpec::new(flag, arity);
            o.choices = match *flag {
                "--output" => Some(OUTPUTS.to_vec()),
                "--color" => Some(vec!["on", "off", "auto"]),
                "--cli-binary-format" => Some(vec!["base64", "raw-in-base64-out"]),
                _ => None,
            };
            o
        })
        .collect();
    ParserSpec {
        options,
        positional: Some(Positional {
            name: "command",
            choices: Some(COMMANDS.to_vec()),
            // Checked after parsing, so that `aws --version` alone works.
            required: false,
        }),
    }
}

/// Parses the global options and finds the command.
pub fn parse(args: &[String], defaults: &Defaults) -> Result<TopLevel, CliError> {
    let parsed = args::parse(&spec(), args)?;
    let version = parsed.flag("--version").is_some();
    if !version && parsed.positional.is_none() {
        return Err(CliError::Usage(
            "the following arguments are required: command".to_owned(),
        ));
    }
    Ok(TopLevel {
        globals: resolve(&parsed, defaults),
        command: parsed.positional.clone().unwrap_or_default(),
        rest: parsed.extras,
        version,
    })
}

fn resolve(parsed: &args::Parsed, defaults: &Defaults) -> Globals {
    let profile = parsed.one("--profile").map(str::to_owned);
    Globals {
        profile_given: profile.is_some(),
        profile: profile.unwrap_or_else(|| defaults.profile.clone()),
        region: parsed
            .one("--region")
            .map_or_else(|| defaults.region.clone(), str::to_owned),
        output: parsed.one("--output").unwrap_or("json").to_owned(),
        query: parsed.one("--query").map(str::to_owned),
        paginate: parsed.flag("--no-paginate").is_none(),
        raw_blobs: parsed.one("--cli-binary-format") == Some("raw-in-base64-out"),
    }
}
