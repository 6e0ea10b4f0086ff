//! The service worker, generated after each release build: it precaches
//! every file the build wrote to `dist/` under a cache named for this build.

use std::fs;
use std::path::{Path, PathBuf};

use crate::hash::{self, Fnv};
use crate::Result;

const WORKER: &str = "sw.js";
const TEMPLATE: &str = include_str!("sw.template.js");

/// Writes `dist/sw.js` and stamps the build id into every page:
/// `index.html` and the pages the build rendered (`prerender.rs`).
pub fn write_service_worker(dist: &Path) -> Result<()> {
    let mut files = Vec::new();
    collect(dist, dist, &mut files)?;
    files.retain(|f| f != WORKER);
    files.sort();
    let build = build_id(dist, &files)?;

    for page in files.iter().filter(|f| is_page(f)) {
        crate::site::stamp_meta_in(&dist.join(page), "keydeck-build", &build)?;
    }

    let assets: Vec<String> = files.iter().map(|f| format!("  \"/{f}\"")).collect();
    let worker = TEMPLATE
        .replace("__BUILD__", &build)
        .replace("__ASSETS__", &assets.join(",\n"));
    fs::write(dist.join(WORKER), worker)?;
    println!(
        "service worker: {} files precached, build {build}",
        files.len()
    );
    Ok(())
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<()> {
    for entry in fs::read_dir(dir)? {
        let path: PathBuf = entry?.path();
        if path.is_dir() {
            collect(root, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// FNV-1a over every file's name and bytes: a new build id exactly when
/// something shipped changes.
fn build_id(dist: &Path, files: &[String]) -> Result<String> {
    let mut id = Fnv::new();
    for file in files {
        id.feed(file.as_bytes());
        let bytes = fs::read(dist.join(file))?;
        // The stamped id itself must not feed the id.
        if is_page(file) {
            let text = String::from_utf8_lossy(&bytes);
            let unstamped: String = text
                .lines()
                .filter(|l| !l.contains("keydeck-build"))
                .collect();
            id.feed(unstamped.as_bytes());
        } else {
            id.feed(&bytes);
        }
    }
    Ok(hash::short(&id))
}

/// A page of the site, as opposed to a file it loads.
fn is_page(file: &str) -> bool {
    file.ends_with(".html")
}
