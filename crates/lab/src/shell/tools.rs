//! The shell's commands that few lines use, and Tab completion: `keydeck`
//! (the simulated clock and event log), `keydeck-crypt`, `base64` and
//! `help`. The browser's labs worker fetches them as the `shell_tools`
//! chunk the first time a line or a Tab needs one (see
//! [`keydeck_sim::platform::lazy`]); `aws` and the file builtins are
//! always at hand.

use keydeck_sim::platform::lazy::lazy_slot;

use super::complete::{self, Completion, Known};
use super::{base64, crypt, help, Env};
use crate::cli;
use crate::io::CommandOutput;

/// The commands in the chunk, and completion.
pub trait Tools: Sync {
    /// Runs `name` (one of [`NAMES`]) with `args`.
    fn run(&self, env: &mut Env, name: &str, args: &[String], stdin: &[u8]) -> CommandOutput;
    /// Completes the word before byte offset `cursor` of `line`.
    fn complete(&self, known: &Known, line: &str, cursor: usize) -> Completion;
}

/// The commands [`Tools::run`] answers.
pub const NAMES: &[&str] = &["base64", "help", "keydeck", "keydeck-crypt"];

/// The tools as native builds link them and the chunk holds them.
pub struct BuiltinTools;

impl Tools for BuiltinTools {
    fn run(&self, env: &mut Env, name: &str, args: &[String], stdin: &[u8]) -> CommandOutput {
        match name {
            "base64" => base64::run(env.files, args, stdin),
            "help" => help::run(args),
            "keydeck" => cli::run_keydeck(env.sim, args),
            "keydeck-crypt" => crypt::run(env, args),
            other => unreachable!("{other} is not one of the shell's tools"),
        }
    }

    fn complete(&self, known: &Known, line: &str, cursor: usize) -> Completion {
        complete::complete(known, line, cursor)
    }
}

lazy_slot! {
    /// [`Tools`], in the `shell_tools` chunk in the browser.
    pub static TOOLS: dyn Tools = ("shell_tools", &BuiltinTools);
}
