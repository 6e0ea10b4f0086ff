//! `cargo xtask test`: the whole suite, as CI runs it. Each step runs even if
//! an earlier one failed (except those that need its output), and the run ends
//! with a one-line summary.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::tools::{self, Toolchain};
use crate::{esdk_interop, project_root, run, sdk_suite, serve, site, Result};

struct Outcome {
    name: &'static str,
    took: Duration,
    result: Result<()>,
}

pub fn run_all() -> Result<()> {
    let started = Instant::now();
    let mut outcomes = Vec::new();
    let mut step = |name: &'static str, f: &mut dyn FnMut() -> Result<()>| {
        eprintln!("\n==> {name}");
        let t = Instant::now();
        let result = f();
        if let Err(e) = &result {
            eprintln!("xtask: {name} failed: {e}");
        }
        let ok = result.is_ok();
        outcomes.push(Outcome {
            name,
            took: t.elapsed(),
            result,
        });
        ok
    };

    let mut toolchain: Option<Toolchain> = None;
    let tools_ok = step("tools", &mut || {
        toolchain = Some(tools::ensure_build_tools()?);
        tools::ensure_browser()
    });
    step("dependency hygiene", &mut crate::hygiene::check);
    step(
        "fmt",
        &mut || run(cargo().args(["fmt", "--all", "--check"])),
    );
    step("clippy", &mut || {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    });
    step("cargo test", &mut || {
        run(cargo().args(["test", "--workspace"]))
    });
    step("boto3 suite", &mut sdk_suite::run_suite);
    step("ESDK interop", &mut esdk_interop::run_interop);
    step("deck", &mut crate::deck::run);
    step("page links no simulator", &mut page_links_no_simulator);
    let built = tools_ok
        // The site and its labs worker, which builds the simulator for wasm32.
        && step("release build", &mut || {
            site::build_app(toolchain.as_ref().expect("tools step succeeded"))
        });
    if built {
        step("browser suite", &mut browser_suite);
        step("budget", &mut budget);
    }

    summarize(&outcomes, started.elapsed(), built)
}

/// The page's wasm must not link the simulator or the lab crate: the labs
/// run in their worker, and the first load must not carry them.
fn page_links_no_simulator() -> Result<()> {
    let graph = crate::hygiene::wasm_graph("keydeck", &[])?;
    let linked: Vec<&str> = ["keydeck-sim ", "keydeck-lab "]
        .into_iter()
        .filter(|c| graph.iter().any(|l| l.starts_with(c)))
        .collect();
    if linked.is_empty() {
        Ok(())
    } else {
        Err(format!("the page's wasm links {}", linked.join(" and ")).into())
    }
}

/// Serves `dist/` on an ephemeral loopback port and runs Playwright against it.
/// Specs that need a site they can change or stop serve a copy of it with
/// this same binary (`tests/e2e/support/server.ts` runs
/// `<target>/debug/xtask serve --dist`), which `cargo xtask` has built.
/// The first load of `/` and every main route's Lighthouse score, on the
/// release build, against the budget (`budget.rs`).
fn budget() -> Result<()> {
    let base = serve::on_loopback(&project_root().join("dist"))?;
    let medians = crate::budget::measure(&base)?;
    crate::budget::check_file(&medians)
}

fn browser_suite() -> Result<()> {
    let base = serve::on_loopback(&project_root().join("dist"))?;
    let dir = project_root().join("tests");
    run(Command::new(dir.join("node_modules/.bin/playwright"))
        .arg("test")
        .current_dir(&dir)
        .env("KEYDECK_BASE_URL", &base))
}

fn summarize(outcomes: &[Outcome], total: Duration, built: bool) -> Result<()> {
    let failed: Vec<&str> = outcomes
        .iter()
        .filter(|o| o.result.is_err())
        .map(|o| o.name)
        .collect();
    let steps: Vec<String> = outcomes
        .iter()
        .map(|o| {
            format!(
                "{} {} {}",
                o.name,
                if o.result.is_ok() { "ok" } else { "FAILED" },
                clock(o.took)
            )
        })
        .collect();
    let skipped = if built { "" } else { "; browser suite not run" };
    let verdict = if failed.is_empty() {
        "passed"
    } else {
        "FAILED"
    };
    println!(
        "\nxtask test: {verdict} in {} ({}){skipped}",
        clock(total),
        steps.join(", ")
    );
    if failed.is_empty() && built {
        Ok(())
    } else if failed.is_empty() {
        Err("the browser suite did not run".into())
    } else {
        Err(format!("failed: {}", failed.join(", ")).into())
    }
}

fn clock(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 60 {
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}

fn cargo() -> Command {
    let mut cmd = Command::new(tools::env_cargo());
    cmd.current_dir(project_root());
    cmd
}
