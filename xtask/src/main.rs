//! `cargo xtask <task>`: KeyDeck's build driver. Every task installs the
//! pinned tools it is missing first (see `pins.rs`).

mod bench;
mod budget;
mod deck;
mod esdk_bench;
mod esdk_interop;
mod hash;
mod hygiene;
mod minify;
mod pack;
mod pins;
mod prerender;
mod pwa;
mod sample;
mod sdk_suite;
mod serve;
mod site;
mod test;
mod tools;
mod unused;
mod worker;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

pub type Result<T, E = Box<dyn std::error::Error>> = std::result::Result<T, E>;

const USAGE: &str = "\
usage: cargo xtask <task> [options]

tasks:
  serve [--port N] [--no-build]   build the release site and serve dist/ on 127.0.0.1 (default port 8080, 0 for any
        [--dist DIR]              free one), first printing `serving <url>`; --dist serves DIR, a built site, as it is
  dist                            build the deployable site into dist/ (what serve serves), without serving
  test                            dependency hygiene, fmt, clippy, cargo test, boto3 suite, ESDK interop, release build,
                                  browser suite
  deny                            cargo deny (licences, duplicates, sources, web-crate bans) and the pure crates' wasm
                                  graphs (part of test)
  bench                           sizes of the release site beside a bare Leptos app
  esdk-interop                    keydeck-esdk against the AWS Encryption SDK for Python (part of test)
  deck                            validate decks and questions; print counts per topic and kind
  sample-history DAYS OUT         write realistic review history (for dashboard tests)
";

fn main() -> ExitCode {
    match run_task(&mut lexopt::Parser::from_env()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the task the first argument names, with the options after it.
fn run_task(args: &mut lexopt::Parser) -> Result<()> {
    use lexopt::prelude::*;
    let task = match args.next()? {
        Some(Value(task)) => task.string()?,
        Some(Long("help") | Short('h')) => "help".to_owned(),
        Some(other) => return Err(format!("{}\n{USAGE}", other.unexpected()).into()),
        None => return Err(USAGE.into()),
    };
    match task.as_str() {
        "serve" => serve::cli(args),
        "sample-history" => sample::run(args),
        task => {
            no_more_arguments(args)?;
            match task {
                "dist" => serve::dist_cli(),
                "test" => test::run_all(),
                "bench" => bench::run(),
                "esdk-interop" => esdk_interop::run_interop(),
                "deny" => hygiene::check(),
                "deck" => deck::run(),
                "help" => {
                    print!("{USAGE}");
                    Ok(())
                }
                _ => Err(USAGE.into()),
            }
        }
    }
}

/// Fails on an argument the task does not take.
fn no_more_arguments(args: &mut lexopt::Parser) -> Result<()> {
    match args.next()? {
        Some(arg) => Err(format!("{}\n{USAGE}", arg.unexpected()).into()),
        None => Ok(()),
    }
}

pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

/// Cargo's target directory: `CARGO_TARGET_DIR` if set, else `target/`.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| project_root().join("target"))
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
