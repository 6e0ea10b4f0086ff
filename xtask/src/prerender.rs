//! The first page, rendered at build time: `tests/tools/prerender.mjs`
//! opens the built `/` in Chromium as a first-time visitor and writes what
//! the app drew into `dist/index.html`. The first paint then shows the page
//! (the largest paint no longer waits for the wasm); the app replaces it
//! when it mounts (`src/lib.rs`).

use std::path::Path;
use std::process::Command;

use crate::{project_root, Result};

/// Fills `dist/index.html`'s boot element with the rendered first page.
pub fn first_page(dist: &Path) -> Result<()> {
    crate::tools::ensure_browser()?;
    let base = crate::serve::on_loopback(dist)?;
    crate::run(
        Command::new("node")
            .arg("tools/prerender.mjs")
            .arg(&base)
            .arg(dist.join("index.html"))
            .current_dir(project_root().join("tests")),
    )
}
