//! A small shell around the AWS CLI: one command line at a time, with
//! pipes (`|`) that pass bytes, output redirects (`>` and `>>`) into the
//! virtual files, and a few builtins.
//!
//! - [`scan`] and [`parse`]: the line into a [`parse::Pipeline`].
//! - [`pipeline`]: runs it, command by command.
//! - [`commands`]: what each command name runs, and the list of them.
//! - [`base64`], [`builtins`], [`help`], [`crypt`]: the builtins.
//! - [`complete`] and [`values`]: Tab completion.
//! - [`tools`]: `keydeck`, `keydeck-crypt`, `base64`, `help` and completion,
//!   the part of the shell the browser fetches when first needed.
//! - [`options`]: GNU-style option errors for the builtins.

pub mod base64;
pub mod builtins;
pub mod commands;
pub mod complete;
pub mod crypt;
pub mod help;
pub mod options;
pub mod parse;
pub mod pipeline;
pub mod scan;
pub mod tools;
pub mod values;

use keydeck_sim::Simulator;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

use crate::cli::Defaults;
use crate::io::Vfs;

/// Everything the commands of one line may read or change.
pub struct Env<'a> {
    pub sim: &'a mut Simulator,
    pub files: &'a mut Vfs,
    /// The profile and Region `aws` uses when none is given.
    pub defaults: &'a Defaults,
    /// Every line typed so far, this one included.
    pub history: &'a [String],
    /// Randomness for the shell's own cryptography (keydeck-crypt's nonces),
    /// seeded from the session seed so that a replay gives the same bytes.
    pub rng: &'a mut ChaCha20Rng,
    /// Set by `clear`.
    pub clear: bool,
}

/// What a whole line printed: the last command's standard output (unless
/// redirected), every command's standard error, the last command's status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineOutput {
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub status: i32,
    pub clear: bool,
}

/// The shell's random generator for a session seed. It uses its own ChaCha
/// stream, so it never repeats bytes the simulator draws from the same seed.
pub fn rng_for(seed: u64) -> ChaCha20Rng {
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    rng.set_stream(0x6b65_7964_6563_6b73); // "keydecks"
    rng
}

/// Parses and runs one command line. A syntax error runs nothing and
/// exits with status 2, as in bash.
pub fn run_line(env: &mut Env, line: &str) -> LineOutput {
    match parse::parse(line) {
        Ok(Some(p)) => pipeline::run(env, &p),
        Ok(None) => LineOutput::default(),
        Err(e) => LineOutput {
            stderr: format!("keydeck: {e}\n"),
            status: 2,
            ..LineOutput::default()
        },
    }
}
