//! The pages, rendered at build time: `tests/tools/prerender.mjs` opens
//! each route of the built site in Chromium as a first-time visitor and
//! writes what the app drew into the route's own HTML file (`/` into
//! `dist/index.html`, `/study` into `dist/study.html`). The first paint then
//! shows the page (the largest paint no longer waits for the wasm); the app
//! replaces it when it mounts (`src/lib.rs`). What depends on the learner's
//! progress is marked `data-live` and stays hidden until then.

use std::path::Path;
use std::process::Command;

use keydeck_study::walkthrough::builtin;

use crate::{project_root, Result};

/// The routes the build renders: every page whose first view is the same
/// for every visitor, and every step of every walkthrough. A lab's page
/// is left to the app (its words come from the labs worker); any path not
/// here is served `index.html`, which shows only the frame.
pub fn routes() -> Vec<String> {
    let mut routes: Vec<String> = [
        "/",
        "/study",
        "/quiz",
        "/walkthroughs",
        "/labs",
        "/progress",
        "/about",
    ]
    .map(str::to_owned)
    .into();
    for walkthrough in builtin::ALL {
        routes.extend((0..walkthrough.steps.len()).map(|i| walkthrough.link(i)));
    }
    routes
}

/// Fills each route's page with what the app draws there.
pub fn pages(dist: &Path) -> Result<()> {
    crate::tools::ensure_browser()?;
    let base = crate::serve::on_loopback(dist)?;
    crate::run(
        Command::new("node")
            .arg("tools/prerender.mjs")
            .arg(&base)
            .arg(dist)
            .args(routes())
            .current_dir(project_root().join("tests")),
    )
}

#[cfg(test)]
mod tests {
    use super::routes;

    #[test]
    fn every_step_of_every_walkthrough_is_rendered_once() {
        let routes = routes();
        assert!(routes.contains(&"/walkthroughs/snapshot-copy/1".to_owned()));
        let steps: usize = keydeck_study::walkthrough::builtin::ALL
            .iter()
            .map(|w| w.steps.len())
            .sum();
        assert_eq!(routes.len(), 7 + steps);
        let mut unique = routes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), routes.len(), "{routes:?}");
    }
}
