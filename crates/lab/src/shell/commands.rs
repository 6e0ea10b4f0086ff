//! The commands the shell knows: the AWS CLI, the simulator's own `keydeck`
//! command, `keydeck-crypt`, and the builtins.

use super::tools::{self, TOOLS};
use super::{builtins, Env};
use crate::cli;
use crate::esdk::{self, ESDK};
use crate::io::CommandOutput;

/// Every command name with what it does in a line, in name order.
pub const COMMANDS: &[(&str, &str)] = &[
    (
        "aws",
        "the AWS CLI v2, against the lab's simulated AWS account",
    ),
    (
        "aws-encryption-cli",
        "the AWS Encryption CLI: encrypt and decrypt files under KMS keys",
    ),
    ("base64", "encode to base64 (76 columns), or --decode"),
    ("cat", "print files, or standard input"),
    ("clear", "clear the terminal"),
    ("echo", "print its arguments (-n: no newline)"),
    ("help", "this help"),
    ("history", "the command lines typed so far, numbered"),
    (
        "keydeck",
        "the simulation itself: move the clock, read the event log",
    ),
    (
        "keydeck-crypt",
        "encrypt and decrypt files with a data key; verify signatures offline",
    ),
    (
        "keydeck-esdk-flip",
        "copy an Encryption SDK message with one byte changed",
    ),
    ("ls", "list the files (-l: with sizes)"),
    ("rm", "remove files (-f: no error for missing ones)"),
];

/// The command names, for completion.
pub fn names() -> impl Iterator<Item = &'static str> {
    COMMANDS.iter().map(|(name, _)| *name)
}

/// Runs one command: `words[0]` is its name. An unknown name gives bash's
/// `command not found` and status 127.
pub fn run(env: &mut Env, words: &[String], stdin: &[u8]) -> CommandOutput {
    let Some((name, args)) = words.split_first() else {
        return CommandOutput::ok(Vec::new());
    };
    match name.as_str() {
        "aws" => cli::run_aws(env.sim, env.files, env.defaults, args),
        tool if tools::NAMES.contains(&tool) => match TOOLS.get() {
            Ok(tools) => tools.run(env, tool, args, stdin),
            // The lab host notices the miss, fetches the chunk and runs
            // the line again; this text is never shown.
            Err(missing) => CommandOutput::fail(1, format!("keydeck: {missing}\n")),
        },
        tool if esdk::NAMES.contains(&tool) => match ESDK.get() {
            Ok(esdk) => esdk.run(env, tool, args, stdin),
            // As above: the host loads the chunk and runs the line again.
            Err(missing) => CommandOutput::fail(1, format!("keydeck: {missing}\n")),
        },
        "cat" => builtins::cat(env.files, args, stdin),
        "clear" => {
            env.clear = true;
            CommandOutput::ok(Vec::new())
        }
        "echo" => builtins::echo(args),
        "history" => builtins::history(env.history),
        "ls" => builtins::ls(env.files, args),
        "rm" => builtins::rm(env.files, args),
        _ => CommandOutput::fail(127, format!("keydeck: {name}: command not found\n")),
    }
}
