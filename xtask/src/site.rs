//! Building a trunk site in release mode with the pinned toolchain.

use std::path::Path;

use crate::tools::Toolchain;
use crate::{run, Result};

/// `trunk build --release --offline` for the `index.html` in `dir`.
pub fn build(tools: &Toolchain, dir: &Path) -> Result<()> {
    run(tools
        .command("trunk")
        .args(["build", "--release", "--offline"])
        .current_dir(dir))
}

/// The KeyDeck site itself: the trunk build, the labs worker, then the
/// service worker that precaches both.
pub fn build_app(tools: &Toolchain) -> Result<()> {
    let root = crate::project_root();
    build(tools, &root)?;
    crate::worker::build(tools, &root.join("dist"))?;
    crate::pwa::write_service_worker(&root.join("dist"))
}
