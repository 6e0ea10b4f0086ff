//! The labs worker's build, in one place so it can move with the site's
//! pipeline: `keydeck-sim-worker` for wasm32, `wasm-bindgen --target web`,
//! `wasm-opt -Oz`, then three content-hashed files in `dist/` and their
//! names stamped into `dist/index.html` for the page to find.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tools::Toolchain;
use crate::{pins, project_root, run, site, Result};

const CRATE: &str = "keydeck-sim-worker";
const STEM: &str = "keydeck_sim_worker";
const TARGET_DIR: &str = "target/worker";
/// Where the page looks for the worker's files: the entry script first.
pub const META: &str = "keydeck-sim-worker";
/// Every worker file in `dist/` starts with this.
pub const PREFIX: &str = "sim-worker";

/// The worker's entry: loads the wasm once, then answers each message in
/// order. A wasm that fails to load answers every request with the reason.
const ENTRY: &str = r#"// The labs worker, written by `cargo xtask` (xtask/src/worker.rs).
import init, { handle } from "./__GLUE__";
const ready = init({ module_or_path: new URL("./__WASM__", import.meta.url) });
self.onmessage = async (event) => {
  try {
    await ready;
    self.postMessage(handle(event.data));
  } catch (error) {
    let id = 0;
    try { id = JSON.parse(event.data).id; } catch (_) {}
    self.postMessage(JSON.stringify({ id, answer: "failed", message: `The lab simulator could not start: ${error}` }));
  }
};
"#;

/// Builds the worker into `dist` and stamps its entry into `dist/index.html`.
pub fn build(tools: &Toolchain, dist: &Path) -> Result<()> {
    let root = project_root();
    // Its own target folder, without the relocations the app's split needs
    // (they would ship in the worker's wasm): each folder keeps one set of
    // flags, so neither build invalidates the other's cache.
    run(Command::new(crate::tools::env_cargo())
        .args(["build", "--release", "--quiet", "-p", CRATE, "--lib"])
        .args(["--target", pins::WASM_TARGET, "--target-dir"])
        .arg(root.join(TARGET_DIR))
        .env("CARGO_ENCODED_RUSTFLAGS", "")
        .current_dir(&root))?;
    let raw = root.join(format!(
        "{TARGET_DIR}/{}/release/{STEM}.wasm",
        pins::WASM_TARGET
    ));
    let out = root.join("target/sim-worker");
    run(tools
        .command("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            STEM,
            "--out-dir",
        ])
        .arg(&out)
        .arg(&raw))?;
    let bindgen_wasm = out.join(format!("{STEM}_bg.wasm"));
    let optimized = out.join(format!("{STEM}.opt.wasm"));
    run(tools
        .command("wasm-opt")
        .arg("-Oz")
        .arg(&bindgen_wasm)
        .arg("-o")
        .arg(&optimized))?;

    remove_old(dist)?;
    let wasm = fs::read(&optimized)?;
    let wasm_name = site::hashed_name(PREFIX, "wasm", &wasm);
    let glue = fs::read(out.join(format!("{STEM}.js")))?;
    let glue_name = site::hashed_name(&format!("{PREFIX}-glue"), "js", &glue);
    let entry = ENTRY
        .replace("__GLUE__", &glue_name)
        .replace("__WASM__", &wasm_name);
    let entry_name = site::hashed_name(PREFIX, "js", entry.as_bytes());
    fs::write(dist.join(&wasm_name), wasm)?;
    fs::write(dist.join(&glue_name), glue)?;
    fs::write(dist.join(&entry_name), entry)?;
    // The entry script first: the page starts the worker from it.
    let urls: Vec<String> = [&entry_name, &glue_name, &wasm_name]
        .iter()
        .map(|f| format!("/{f}"))
        .collect();
    site::stamp_meta(dist, META, &urls.join(" "))?;
    println!("labs worker: /{entry_name}");
    Ok(())
}

fn remove_old(dist: &Path) -> Result<()> {
    for entry in fs::read_dir(dist)? {
        let path: PathBuf = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with(PREFIX) {
            fs::remove_file(&path)?;
        }
    }
    Ok(())
}
