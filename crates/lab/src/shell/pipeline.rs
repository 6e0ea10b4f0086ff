//! Running a pipeline: each command reads the previous command's standard
//! output as its standard input (or a file, with `< FILE`); a redirect
//! sends a command's output to a file instead, so the next command reads
//! nothing. Standard error is never redirected. The status is the last
//! command's, as in bash.

use super::commands;
use super::parse::{Command, Pipeline, Redirect};
use super::{Env, LineOutput};
use crate::io::CommandOutput;

/// Runs every command of the pipeline, left to right.
pub fn run(env: &mut Env, pipeline: &Pipeline) -> LineOutput {
    let mut stdin = Vec::new();
    let mut stderr = String::new();
    let mut status = 0;
    for command in &pipeline.commands {
        let out = run_command(env, command, stdin);
        stderr.push_str(&out.stderr);
        status = out.status;
        stdin = out.stdout;
    }
    LineOutput {
        stdout: stdin,
        stderr,
        status,
        clear: env.clear,
    }
}

/// Runs one command with its redirects. As in bash, a file that cannot be
/// opened stops the command before it runs, and `>` empties its file first,
/// so the file exists even when the command fails.
fn run_command(env: &mut Env, command: &Command, piped: Vec<u8>) -> CommandOutput {
    let stdin = match &command.input {
        None => piped,
        Some(name) => match env.files.read(name) {
            Some(bytes) => bytes.to_vec(),
            None => return no_such_file(name),
        },
    };
    let Some(redirect) = &command.redirect else {
        return commands::run(env, &command.words, &stdin);
    };
    if redirect.file.is_empty() {
        return no_such_file("");
    }
    open(env, redirect);
    let mut out = commands::run(env, &command.words, &stdin);
    env.files.append(&redirect.file, &out.stdout);
    out.stdout.clear();
    out
}

fn no_such_file(name: &str) -> CommandOutput {
    CommandOutput::fail(1, format!("keydeck: {name}: No such file or directory\n"))
}

fn open(env: &mut Env, redirect: &Redirect) {
    if redirect.append {
        env.files.append(&redirect.file, &[]);
    } else {
        env.files.write(&redirect.file, Vec::new());
    }
}
