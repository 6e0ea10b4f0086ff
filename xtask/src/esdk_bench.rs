//! The Encryption SDK's 1 MiB decryption (`xtask/esdk-bench`), timed
//! natively and as wasm in Node (V8, the engine of the browsers the labs
//! run in), with the ratio.

use std::process::Command;

use crate::tools::{self, Toolchain};
use crate::{pins, project_root, run, Result};

const PACKAGE: &str = "keydeck-esdk-bench";
const STEM: &str = "keydeck_esdk_bench";
const RUNS: u32 = 20;

pub fn run_bench(toolchain: &Toolchain) -> Result<()> {
    let root = project_root();
    let native = Command::new(tools::env_cargo())
        .args(["run", "--quiet", "--release", "-p", PACKAGE])
        .current_dir(&root)
        .output()?;
    if !native.status.success() {
        return Err(format!(
            "{PACKAGE} failed natively: {}",
            String::from_utf8_lossy(&native.stderr)
        )
        .into());
    }
    let native = String::from_utf8_lossy(&native.stdout).into_owned();
    print!("{native}");
    run(Command::new(tools::env_cargo())
        .args(["build", "--quiet", "--release", "-p", PACKAGE, "--lib"])
        .args(["--target", pins::WASM_TARGET])
        .current_dir(&root))?;
    let out = root.join("target/esdk-bench");
    run(toolchain
        .command("wasm-bindgen")
        .args(["--target", "nodejs", "--no-typescript", "--out-dir"])
        .arg(&out)
        .arg(root.join(format!("target/{}/release/{STEM}.wasm", pins::WASM_TARGET))))?;
    let script = format!(
        "console.log(require({:?}).wasm_median_ms({RUNS}).toFixed(3))",
        out.join(format!("{STEM}.js"))
    );
    let wasm = Command::new("node").args(["-e", &script]).output()?;
    if !wasm.status.success() {
        return Err(format!(
            "{PACKAGE} failed as wasm: {}",
            String::from_utf8_lossy(&wasm.stderr)
        )
        .into());
    }
    let wasm_ms: f64 = String::from_utf8_lossy(&wasm.stdout).trim().parse()?;
    println!(
        "as wasm (Node's V8, opt-level z as the labs worker): median {wasm_ms:.3} ms over {RUNS} runs"
    );
    let native_ms = native
        .split("median ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|ms| ms.parse::<f64>().ok());
    if let Some(native_ms) = native_ms {
        println!("wasm / native: {:.1}x", wasm_ms / native_ms);
    }
    Ok(())
}
