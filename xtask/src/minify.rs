//! Minifies the site's scripts and stylesheets with esbuild (pinned in
//! `tests/package.json`). The app's glue, its chunk loader, the boot script
//! and the shell's stylesheet are part of every first load; wasm-bindgen
//! and wasm-split write them readable, with comments and long local names.

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use crate::tools::Toolchain;
use crate::{run, Result};

/// Every `.js` file in `dir`, minified in place as the ES module it is:
/// exports keep their names, nothing is bundled.
pub fn scripts(tools: &Toolchain, dir: &Path) -> Result<()> {
    for script in crate::site::files_with_extension(dir, "js")? {
        run(tools
            .command("esbuild")
            .arg(&script)
            .args(QUIET)
            .args(["--minify", "--format=esm", "--allow-overwrite"])
            .arg(format!("--outfile={}", script.display())))?;
    }
    Ok(())
}

/// A stylesheet, minified.
pub fn stylesheet(tools: &Toolchain, css: &[u8]) -> Result<Vec<u8>> {
    let mut child = tools
        .command("esbuild")
        .args(QUIET)
        .args(["--minify", "--loader=css"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start esbuild: {e}"))?;
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(css)
        .map_err(|e| format!("esbuild: {e}"))?;
    let out = child.wait_with_output()?;
    if !out.status.success() {
        return Err(format!("esbuild failed with {} on a stylesheet", out.status).into());
    }
    Ok(out.stdout)
}

/// Warnings fail nothing but are shown, except one: wasm-bindgen's glue
/// lists the chunk loader once per split point in one object's keys
/// (`"./__wasm_split.js": import1, …`), all the same module.
const QUIET: [&str; 3] = [
    "--log-level=warning",
    "--log-override:duplicate-object-key=silent",
    "--legal-comments=none",
];
