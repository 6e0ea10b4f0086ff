//! `cargo xtask <task>`: KeyDeck's build driver. Every task installs the
//! pinned tools it is missing first (see `pins.rs`).

mod bench;
// Until `cargo xtask test` checks the budget, only the tests call it.
#[allow(dead_code)]
mod budget;
mod deck;
mod esdk_interop;
mod hash;
mod pins;
mod prerender;
mod pwa;
mod sample;
mod sdk_suite;
mod serve;
mod site;
mod test;
mod tools;
mod worker;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

pub type Result<T, E = Box<dyn std::error::Error>> = std::result::Result<T, E>;

const USAGE: &str = "\
usage: cargo xtask <task> [options]

tasks:
  serve [--port N] [--no-build]   build the release site and serve dist/ on 127.0.0.1 (default port 8080)
  dist                            build the deployable site into dist/ (what serve serves), without serving
  test                            fmt, clippy, cargo test, boto3 suite, ESDK interop, release build, browser suite
  bench                           sizes of the release site beside a bare Leptos app
  esdk-interop                    keydeck-esdk against the AWS Encryption SDK for Python (part of test)
  deck                            validate decks and questions; print counts per topic and kind
  sample-history DAYS OUT         write realistic review history (for dashboard tests)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("serve") => serve::cli(&args[1..]),
        Some("dist") => serve::dist_cli(&args[1..]),
        Some("test") => test::run_all(),
        Some("bench") => bench::run(),
        Some("esdk-interop") => esdk_interop::run_interop(),
        Some("deck") => deck::run(),
        Some("sample-history") => sample::run(&args[1..]),
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.into()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

/// Runs a command to completion, failing on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{:?} failed with {status}", cmd.get_program()).into())
    }
}
