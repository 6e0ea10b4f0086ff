//! `cargo xtask bench`: what a learner downloads. Builds the release site and
//! a bare Leptos "hello" app with the same profile (the framework's floor),
//! and prints raw, gzip and brotli sizes of each one's wasm, JS and CSS;
//! then measures both in Chromium, Lighthouse included.

use std::io::Write;
use std::path::Path;

use crate::{project_root, site, tools, Result};

#[derive(Default, Clone, Copy)]
struct Sizes {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

impl std::ops::AddAssign for Sizes {
    fn add_assign(&mut self, o: Sizes) {
        self.raw += o.raw;
        self.gzip += o.gzip;
        self.brotli += o.brotli;
    }
}

pub fn run() -> Result<()> {
    let toolchain = tools::ensure_build_tools()?;
    let root = project_root();
    let floor = site::App {
        package: "keydeck-floor",
        stem: "keydeck_floor",
        dir: root.join("xtask/floor"),
        hashed: &[],
        copied: &[],
        generated: site::nothing,
        prerendered: false,
        warmed: &[],
    };
    site::build_app(&toolchain)?;
    site::build(&toolchain, &floor)?;
    println!(
        "\n{:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip -9", "brotli 11"
    );
    let dist = root.join("dist");
    let app = report("KeyDeck: first load", &dist, |name| !is_on_demand(name))?;
    report(
        "KeyDeck: lazy routes (fetched when opened)",
        &dist,
        is_lazy_chunk,
    )?;
    let worker_chunk =
        |name: &str| is_worker(name) && name.ends_with(".wasm") && is_split_piece(name);
    report("KeyDeck: labs worker (fetched for /labs)", &dist, |name| {
        is_worker(name) && !worker_chunk(name) && !is_lab_words(name)
    })?;
    report(
        "KeyDeck: each lab's words (fetched when it opens)",
        &dist,
        is_lab_words,
    )?;
    report(
        "KeyDeck: labs worker chunks (fetched on first use)",
        &dist,
        worker_chunk,
    )?;
    let base = report("floor: bare Leptos hello", &floor.dist(), |_| true)?;
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    println!(
        "{:<44} {:>9.2}x {:>9.2}x {:>9.2}x",
        "KeyDeck / floor",
        ratio(app.raw, base.raw),
        ratio(app.gzip, base.gzip),
        ratio(app.brotli, base.brotli)
    );
    in_browser(&root, &floor.dist())?;
    // The same Encrypt natively, for comparison with the worker's figure.
    crate::run(
        std::process::Command::new(tools::env_cargo())
            .args(["run", "--quiet", "--release", "-p", "keydeck-lab"])
            .args(["--example", "encrypt_bench"])
            .current_dir(&root),
    )?;
    // The Encryption SDK's decryption of a 1 MiB message, natively and as
    // wasm.
    crate::esdk_bench::run_bench(&toolchain)
}

/// Files the first load does not fetch: the lazy routes' chunks and their
/// loader, the labs worker, and the service worker (which the browser
/// fetches on its own after the page loads).
fn is_on_demand(path: &str) -> bool {
    is_lazy_chunk(path) || is_worker(path) || path == "sw.js"
}

fn is_lazy_chunk(path: &str) -> bool {
    !is_worker(path) && is_split_piece(path)
}

/// A chunk cut off at a `#[wasm_split]` point, a pack of them, the loader
/// of chunks, or the script that loads them ahead on a returning visit.
fn is_split_piece(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.starts_with("split_")
        || name.starts_with("chunk_")
        || name.starts_with("pack_")
        || name == "__wasm_split.js"
        || name == "warm.js"
}

fn is_worker(path: &str) -> bool {
    path.starts_with(crate::worker::PREFIX)
}

/// Serves the build on loopback, brotli-compressed as a production host
/// would, and runs the browser measurements: the longest main-thread task
/// while stepping through the snapshot-copy walkthrough, the labs worker's
/// timings, and Lighthouse on the main routes and on the floor.
fn in_browser(root: &Path, floor: &Path) -> Result<()> {
    crate::tools::ensure_browser()?;
    let base = crate::serve::on_loopback(&root.join("dist"))?;
    println!();
    for script in [
        "tools/trace-walkthrough.mjs",
        "tools/bench-labs.mjs",
        "tools/route-timing.mjs",
    ] {
        crate::run(
            std::process::Command::new("node")
                .arg(script)
                .arg(&base)
                .current_dir(root.join("tests")),
        )?;
    }
    // The medians, for `budget::check_file`.
    println!();
    let medians = crate::budget::measure(&base)?;
    println!("(medians written to {})", medians.display());
    let floor_base = crate::serve::on_loopback(floor)?;
    crate::run(
        std::process::Command::new("node")
            .args(["tools/lighthouse.mjs", &floor_base, "3", "--floor"])
            .env_remove("KEYDECK_LIGHTHOUSE_JSON")
            .current_dir(root.join("tests")),
    )
}

/// Prints one row per shipped wasm, JS and CSS file in `dist` that `pick`
/// keeps, then the total.
fn report(title: &str, dist: &Path, pick: impl Fn(&str) -> bool) -> Result<Sizes> {
    println!("{title}");
    let mut files = Vec::new();
    shipped(dist, dist, &mut files)?;
    files.retain(|name| pick(name));
    files.sort();
    let mut total = Sizes::default();
    for name in files {
        let bytes = std::fs::read(dist.join(&name))?;
        let sizes = measure(&bytes)?;
        println!(
            "  {:<42} {:>10} {:>10} {:>10}",
            name,
            kb(sizes.raw),
            kb(sizes.gzip),
            kb(sizes.brotli)
        );
        total += sizes;
    }
    println!(
        "  {:<42} {:>10} {:>10} {:>10}",
        "total",
        kb(total.raw),
        kb(total.gzip),
        kb(total.brotli)
    );
    Ok(total)
}

/// Every wasm, JS and CSS file below `dir`, and the labs worker's JSON,
/// as a path relative to `root`.
fn shipped(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let rel = path.strip_prefix(root).unwrap_or(&path);
        let rel = rel.to_string_lossy().replace('\\', "/");
        if path.is_dir() {
            shipped(root, &path, out)?;
        } else if match path.extension().and_then(|e| e.to_str()) {
            Some("wasm" | "js" | "css") => true,
            Some("json") => is_worker(&rel),
            _ => false,
        } {
            out.push(rel);
        }
    }
    Ok(())
}

/// One lab's words, which the labs worker fetches when the lab opens.
fn is_lab_words(path: &str) -> bool {
    is_worker(path)
        && path
            .rsplit('/')
            .next()
            .is_some_and(|name| name.starts_with(crate::worker::WORDS_PREFIX))
}

fn measure(bytes: &[u8]) -> Result<Sizes> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes)?;
    let gzip = gz.finish()?.len();
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params)?;
    Ok(Sizes {
        raw: bytes.len(),
        gzip,
        brotli: br.len(),
    })
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}
