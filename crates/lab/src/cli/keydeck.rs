//! `keydeck`: the simulation's own controls, which AWS does not have —
//! the simulated clock (`AdvanceClock`, `GetClock`) and the CloudTrail-style
//! event log (`LookupEvents`) of the simulator's `keydeck` service.

use super::args::{self, Arity, OptSpec, ParserSpec, Positional};
use super::errors::CliError;
use super::help;
use super::output;
use super::profiles;
use crate::io::CommandOutput;
use keydeck_sim::{Caller, Simulator};
use serde_json::{json, Value};

/// The commands after `keydeck`.
pub const COMMANDS: &[&str] = &["clock", "events", "help"];

const CLOCK_OPTIONS: &[&str] = &["--days", "--hours"];

/// The options of a `keydeck` command.
pub fn options(command: &str) -> Vec<String> {
    match command {
        "clock" => CLOCK_OPTIONS.iter().map(|o| (*o).to_owned()).collect(),
        _ => Vec::new(),
    }
}

const USAGE: &str = "usage: keydeck clock advance --days N [--hours N] | keydeck clock show | keydeck events | keydeck help\n";

fn usage(message: &str) -> CommandOutput {
    CommandOutput::fail(2, format!("{USAGE}keydeck: error: {message}\n"))
}

fn controller() -> Caller {
    profiles::find("root")
        .map(|p| Caller::new(p.principal(), "us-east-1".parse().expect("a Region")))
        .expect("the root profile exists")
}

pub fn run(sim: &mut Simulator, words: &[String]) -> CommandOutput {
    match words.first().map(String::as_str) {
        None => usage("the following arguments are required: command"),
        Some("help" | "--help" | "-h") => CommandOutput::ok(help::keydeck()),
        Some("events") => call(sim, "LookupEvents", json!({}))
            .map_or_else(|e| e, |v| CommandOutput::ok(output::json(&v["Events"]))),
        Some("clock") => clock(sim, &words[1..]),
        Some(other) => usage(&format!("unknown command '{other}'")),
    }
}

fn call(sim: &mut Simulator, operation: &str, request: Value) -> Result<Value, CommandOutput> {
    sim.call("keydeck", operation, request, &controller())
        .map_err(|e| CommandOutput::fail(1, format!("keydeck: {e}\n")))
}

fn clock(sim: &mut Simulator, words: &[String]) -> CommandOutput {
    let spec = ParserSpec {
        options: CLOCK_OPTIONS
            .iter()
            .map(|f| OptSpec::new(f, Arity::One))
            .collect(),
        positional: Some(Positional {
            name: "action",
            choices: Some(vec!["show", "advance"]),
            required: true,
        }),
    };
    let parsed = match args::parse(&spec, words) {
        Ok(p) => p,
        Err(CliError::Usage(message)) => return usage(&message),
        Err(e) => return usage(e.text().trim()),
    };
    if !parsed.extras.is_empty() {
        return usage(&format!(
            "unrecognized arguments: {}",
            parsed.extras.join(" ")
        ));
    }
    let result = match parsed.positional.as_deref() {
        Some("advance") => advance(sim, &parsed),
        _ => call(sim, "GetClock", json!({})),
    };
    match result {
        Ok(v) => CommandOutput::ok(format!(
            "{}\n",
            v["NowIso8601"].as_str().unwrap_or_default()
        )),
        Err(out) => out,
    }
}

fn advance(sim: &mut Simulator, parsed: &args::Parsed) -> Result<Value, CommandOutput> {
    let mut request = json!({});
    for (flag, member) in [("--days", "Days"), ("--hours", "Hours")] {
        if let Some(v) = parsed.one(flag) {
            let n: i64 = v
                .parse()
                .map_err(|_| usage(&format!("argument {flag}: invalid int value: '{v}'")))?;
            if n < 0 {
                return Err(usage(&format!(
                    "argument {flag}: the clock only moves forward"
                )));
            }
            request[member] = json!(n);
        }
    }
    if request.as_object().is_some_and(|m| m.is_empty()) {
        return Err(usage("clock advance needs --days N or --hours N"));
    }
    call(sim, "AdvanceClock", request)
}
